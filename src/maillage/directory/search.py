"""Accent- and case-insensitive search over the directory, in French and English.

Each organisation keeps folded words plus their French and English Snowball stems (``search_name`` and
``search_text``), so "numerique" finds "numérique" and "incubateurs" finds "incubateur" on any database.
PostgreSQL ranks with its full-text search over a GIN-indexed tsvector of those fields; SQLite falls back
to matching the start of the same words and stems, with the same results but a plainer order (by name).
"""

from functools import lru_cache

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Q, QuerySet

from maillage.common.text import words

_STEMMERS = {"fr": snowballstemmer.stemmer("french"), "en": snowballstemmer.stemmer("english")}
MAX_TERMS = 8


@lru_cache(maxsize=50_000)
def stems(word: str) -> tuple[str, ...]:
    found = {_STEMMERS["fr"].stemWord(word), _STEMMERS["en"].stemWord(word)} - {word}
    return tuple(sorted(s for s in found if len(s) >= 3))


def index_text(*parts: str) -> str:
    """Folded words and their stems, space-padded so that a whole stem can be matched as ' stem '."""
    tokens: list[str] = []
    seen: set[str] = set()
    for part in parts:
        for word in words(part or ""):
            for token in (word, *stems(word)):
                if token not in seen:
                    seen.add(token)
                    tokens.append(token)
    return f" {' '.join(tokens)} " if tokens else ""


def search_vector_expression() -> SearchVector:
    return SearchVector("search_name", weight="A", config="simple") + SearchVector(
        "search_text", weight="B", config="simple"
    )


def query_terms(query: str) -> list[tuple[str, tuple[str, ...]]]:
    terms = []
    for word in words(query)[:MAX_TERMS]:
        terms.append((word, stems(word)))
    return terms


def apply_search(queryset: QuerySet, query: str) -> QuerySet:
    terms = query_terms(query)
    if not terms:
        return queryset
    if connection.vendor == "postgresql":
        tsquery = " & ".join(
            "(" + " | ".join([f"{word}:*", *(f"{s}:*" for s in word_stems)]) + ")"
            for word, word_stems in terms
        )
        search_query = SearchQuery(tsquery, search_type="raw", config="simple")
        return (
            queryset.filter(search_vector=search_query)
            .annotate(rank=SearchRank(F("search_vector"), search_query))
            .order_by("-rank", "name")
        )
    # The same semantics as the tsquery above: each term matches the start of a word or of a stem.
    for word, word_stems in terms:
        condition = Q()
        for token in (word, *word_stems):
            condition |= Q(search_name__contains=f" {token}") | Q(search_text__contains=f" {token}")
        queryset = queryset.filter(condition)
    return queryset
