"""Accent- and case-insensitive search over the directory, in French and English, ranked alike on both databases.

Each organisation keeps folded words plus their French and English Snowball stems (``search_name`` and
``search_text``, written by ``services.organisation_search_refresh``), so "numerique" finds "numérique" and
"incubateurs" finds "incubateur". Both fields read ``" word word … | stem stem … "``: the words in the order of
the text, a bar, then the stems, so that an organisation whose name is exactly what was typed is found by
comparing the start of ``search_name``.

One ranking, the same on SQLite and PostgreSQL (``RankedOrganisations``):

1. the name is exactly the query (accents, case and punctuation aside), then exactly the query once its typos are
   corrected;
2. every word of the query is in the name (a word, a stem or a correction);
3. relevance with the name weighing ten times the rest (descriptions, sectors, offers, needs, place): FTS5's bm25
   on SQLite, ``ts_rank`` over the weighted tsvector (name A, the rest B) on PostgreSQL;
4. the folded name, then the id (both databases order ASCII the same way).

Keys 1, 2 and 4 are the same SQL on both databases; only key 3's figures differ, among organisations that keys 1
and 2 could not separate. SQLite's full-text index is an FTS5 table kept by triggers (migration 0003), so every
save path (services, imports, the demo, raw SQL) keeps it current.

Typos: a word of five letters or more that is no word of the directory is corrected to the words (or beginnings
of words) one edit away: a letter wrong, missing, added or two swapped ("Quebek" → quebec, "numerik" → numeriq…).
The vocabulary (the index's own terms: fts5vocab on SQLite, ts_stat on PostgreSQL) is read once per process and
again when an organisation changes; corrections are computed in Python from it, so they are the same on both
databases and exact (no trigram threshold missing "slaon" for "salon"). When nothing matches, ``suggestion``
proposes the nearest known words ("did you mean").

People (the organisers' list) are matched by word beginnings of name, role, e-mail and organisation, accents and
case folded in every direction: an FTS5 table with ``remove_diacritics`` on SQLite, ``lower(unaccent(…))`` on
PostgreSQL (SQLite's own ``lower()`` and ``LIKE`` know only ASCII).

Whatever the text typed, only folded ``[a-z0-9]`` words reach the SQL, always as parameters or quoted FTS5
strings: quotes, operators, NUL bytes or FTS5 syntax cannot break a query.
"""

import threading
import time
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import F, Func, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, Lower

from maillage.common.text import words

_STEMMERS = {"fr": snowballstemmer.stemmer("french"), "en": snowballstemmer.stemmer("english")}
MAX_TERMS = 8
MAX_PEOPLE_TERMS = 5
TYPO_MIN_LENGTH = 5
MAX_CORRECTIONS = 3
NAME_WEIGHT = (
    10.0  # the name against the rest of the text; PostgreSQL's ts_rank weights say the same: {B 0.1, A 1}
)
VOCABULARY_MAX_AGE = 600.0  # seconds: also reread now and then, for changes that leave `updated` alone
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"

_SQLITE_VOCABULARY = "SELECT term, doc FROM directory_organisation_fts_vocab"
_POSTGRES_VOCABULARY = "SELECT word, ndoc FROM ts_stat('SELECT search_vector FROM directory_organisation')"
_SQLITE_PEOPLE = "SELECT rowid FROM directory_person_fts WHERE directory_person_fts MATCH %s"


@lru_cache(maxsize=50_000)
def stems(word: str) -> tuple[str, ...]:
    found = {_STEMMERS["fr"].stemWord(word), _STEMMERS["en"].stemWord(word)} - {word}
    return tuple(sorted(s for s in found if len(s) >= 3))


def _unique(items) -> list[str]:
    return list(dict.fromkeys(items))


def index_text(*parts: str) -> str:
    """Folded words in their order, a bar, then their stems: ``" quebec numerique | numer numeriqu "``."""
    word_list = _unique(w for part in parts for w in words(part or ""))
    if not word_list:
        return ""
    seen = set(word_list)
    stem_list = _unique(s for w in word_list for s in stems(w) if s not in seen)
    return " " + " ".join([*word_list, "|", *stem_list]) + " "


def name_key(text: str) -> str:
    """What an exact name match compares: the folded words, each once, in order ("Québec numérique" -> ...)."""
    return " ".join(_unique(words(text)))


def search_vector_expression() -> SearchVector:
    return SearchVector("search_name", weight="A", config="simple") + SearchVector(
        "search_text", weight="B", config="simple"
    )


# --- The vocabulary and typo corrections ---------------------------------------------------------------------


@dataclass
class Vocabulary:
    """The terms of the index (words and stems), sorted, with how many organisations hold each."""

    terms: list[str] = field(default_factory=list)
    docs: dict[str, int] = field(default_factory=dict)

    def has_term(self, term: str) -> bool:
        return term in self.docs

    def first_with_prefix(self, prefix: str) -> str | None:
        i = bisect_left(self.terms, prefix)
        if i < len(self.terms) and self.terms[i].startswith(prefix):
            return self.terms[i]
        return None


_vocabulary_lock = threading.Lock()
_vocabularies: dict[str, tuple[tuple, float, Vocabulary]] = {}


def _vocabulary_stamp() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*), max(updated), max(id) FROM directory_organisation")
        return tuple(str(v) for v in cursor.fetchone())


def _vocabulary_read() -> Vocabulary:
    with connection.cursor() as cursor:
        cursor.execute(_POSTGRES_VOCABULARY if connection.vendor == "postgresql" else _SQLITE_VOCABULARY)
        rows = cursor.fetchall()
    docs = {term: n for term, n in rows if term.isascii() and term.isalnum()}
    return Vocabulary(terms=sorted(docs), docs=docs)


def vocabulary() -> Vocabulary:
    """The current vocabulary: reread when an organisation was added, changed or deleted, or after a while."""
    key = f"{connection.vendor}:{connection.settings_dict['NAME']}"
    stamp = _vocabulary_stamp()
    with _vocabulary_lock:
        cached = _vocabularies.get(key)
        if cached and cached[0] == stamp and time.monotonic() - cached[1] < VOCABULARY_MAX_AGE:
            return cached[2]
    vocab = _vocabulary_read()
    with _vocabulary_lock:
        _vocabularies[key] = (stamp, time.monotonic(), vocab)
    return vocab


def one_edit_variants(word: str) -> set[str]:
    """Every string one edit away: a letter deleted, swapped with the next, replaced or inserted."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    variants = {a + b[1:] for a, b in splits if b}
    variants |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    variants |= {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    variants |= {a + c + b for a, b in splits for c in _ALPHABET}
    variants.discard(word)
    return variants


def corrections(word: str, vocab: Vocabulary, *, prefixes: bool = True) -> tuple[str, ...]:
    """Known words one edit away from ``word``, best first; with ``prefixes``, beginnings of known words too.

    A whole known word comes first (the most common first), then the beginning of a word as long as the typed
    one ("numerik" -> "numeriq", the start of "numerique"), then a shorter beginning (a letter added at the end).
    """
    ranked = []
    for variant in one_edit_variants(word):
        if len(variant) < 3:
            continue
        if vocab.has_term(variant):
            ranked.append((0, -vocab.docs[variant], variant))
        elif prefixes and len(variant) >= 4 and (found := vocab.first_with_prefix(variant)):
            ranked.append((1 if len(variant) >= len(word) else 2, -vocab.docs[found], variant))
    ranked.sort()
    return tuple(variant for *_, variant in ranked[:MAX_CORRECTIONS])


# --- Query plans ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    word: str
    prefixes: tuple[str, ...]  # any of them starting a word of the organisation matches this term
    corrected: str  # the best whole-word correction, or the word itself


@dataclass(frozen=True)
class Plan:
    terms: tuple[Term, ...]

    @property
    def exact_key(self) -> str:
        return " ".join(_unique(t.word for t in self.terms))

    @property
    def corrected_key(self) -> str:
        return " ".join(_unique(t.corrected for t in self.terms))


def plan(query: str, *, every_word: bool = False) -> Plan | None:
    """The terms of a query. Words of 5+ letters unknown to the directory get corrections; ``every_word``
    corrects known ones too (a typo that happens to be another word, tried when nothing matched)."""
    typed = _unique(words(query))[:MAX_TERMS]
    if not typed:
        return None
    vocab = None
    terms = []
    for word in typed:
        fixes: tuple[str, ...] = ()
        if len(word) >= TYPO_MIN_LENGTH:
            vocab = vocab or vocabulary()
            if every_word or not vocab.has_term(word):
                fixes = corrections(word, vocab)
        whole = [f for f in fixes if vocab and vocab.has_term(f)]
        terms.append(
            Term(
                word=word,
                prefixes=tuple(_unique((word, *stems(word), *fixes))),
                corrected=(whole or [word])[0],
            )
        )
    return Plan(terms=tuple(terms))


def suggestion(query: str) -> str:
    """A query close to this one made of known words ("did you mean"), or "" when there is none."""
    typed = _unique(words(query))[:MAX_TERMS]
    if not typed:
        return ""
    vocab = vocabulary()
    suggested = []
    for word in typed:
        if vocab.has_term(word) or (len(word) < 3 and vocab.first_with_prefix(word)):
            suggested.append(word)
            continue
        whole = corrections(word, vocab, prefixes=False)
        if whole:
            suggested.append(whole[0])
        elif vocab.first_with_prefix(word):
            suggested.append(word)
    text = " ".join(suggested)
    return text if text and text != " ".join(typed) else ""


# --- Ranked organisations ------------------------------------------------------------------------------------


def _fts_match(terms, *, column: str = "") -> str:
    """An FTS5 query of quoted prefixes ("numer"* …): only [a-z0-9] words reach it, so it always parses."""
    expression = " AND ".join("(" + " OR ".join(f'"{p}"*' for p in t.prefixes) + ")" for t in terms)
    return f"{column} : ({expression})" if column else expression


def _tsquery(terms, *, weights: str = "") -> str:
    return " & ".join("(" + " | ".join(f"{p}:*{weights}" for p in t.prefixes) + ")" for t in terms)


# The ranking keys 1, 2 and 4 are the same SQL on both databases (see the module docstring). {restriction} is
# "" or " AND o.id IN (<the filtered queryset's ids>)", with its own parameters.
_TIER = "CASE WHEN o.search_name LIKE %s THEN 0 WHEN o.search_name LIKE %s THEN 1 ELSE 2 END"
_SQLITE_COUNT = (
    "SELECT count(*) FROM directory_organisation_fts f JOIN directory_organisation o ON o.id = f.rowid "
    "WHERE directory_organisation_fts MATCH %s{restriction}"
)
_SQLITE_RANKED = (
    "SELECT o.id FROM directory_organisation_fts f JOIN directory_organisation o ON o.id = f.rowid "
    "WHERE directory_organisation_fts MATCH %s{restriction} ORDER BY {tier}, "
    "CASE WHEN f.rowid IN (SELECT rowid FROM directory_organisation_fts WHERE directory_organisation_fts MATCH %s) "
    "THEN 0 ELSE 1 END, bm25(directory_organisation_fts, {name_weight}, 1.0), o.search_name, o.id "
    "LIMIT %s OFFSET %s"
)
_POSTGRES_COUNT = "SELECT count(*) FROM directory_organisation o WHERE o.search_vector @@ to_tsquery('simple', %s){restriction}"
_POSTGRES_RANKED = (
    "SELECT o.id FROM directory_organisation o, to_tsquery('simple', %s) q, to_tsquery('simple', %s) qn "
    "WHERE o.search_vector @@ q{restriction} ORDER BY {tier}, "
    "CASE WHEN o.search_vector @@ qn THEN 0 ELSE 1 END, "
    "ts_rank('{{0, 0, {text_weight}, 1}}', o.search_vector, q) DESC, o.search_name, o.id LIMIT %s OFFSET %s"
)


class RankedOrganisations:
    """The organisations of ``queryset`` that match ``plan``, in the ranking order, sliceable for a Paginator."""

    def __init__(self, queryset: QuerySet, search_plan: Plan):
        self.queryset = queryset
        self.plan = search_plan
        self._count: int | None = None

    def _restriction(self) -> tuple[str, list]:
        if not self.queryset.query.where:
            return "", []
        sql, params = self.queryset.order_by().values("pk").query.sql_with_params()
        return f" AND o.id IN ({sql})", list(params)

    def count(self) -> int:
        if self._count is None:
            restriction, params = self._restriction()
            if connection.vendor == "postgresql":
                sql = _POSTGRES_COUNT.format(restriction=restriction)
                params = [_tsquery(self.plan.terms), *params]
            else:
                sql = _SQLITE_COUNT.format(restriction=restriction)
                params = [_fts_match(self.plan.terms), *params]
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                self._count = cursor.fetchone()[0]
        return self._count

    def __len__(self) -> int:
        return self.count()

    def ranked_ids(self, *, offset: int = 0, limit: int | None = None) -> list[int]:
        restriction, restriction_params = self._restriction()
        exact = [f" {self.plan.exact_key} |%", f" {self.plan.corrected_key} |%"]
        if connection.vendor == "postgresql":
            sql = _POSTGRES_RANKED.format(tier=_TIER, restriction=restriction, text_weight=1 / NAME_WEIGHT)
            params = [_tsquery(self.plan.terms), _tsquery(self.plan.terms, weights="A")]
            params += [*restriction_params, *exact, limit, offset]
        else:
            sql = _SQLITE_RANKED.format(tier=_TIER, restriction=restriction, name_weight=NAME_WEIGHT)
            params = [_fts_match(self.plan.terms), *restriction_params, *exact]
            params += [
                _fts_match(self.plan.terms, column="search_name"),
                -1 if limit is None else limit,
                offset,
            ]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]

    def __getitem__(self, index):
        if not isinstance(index, slice) or index.step not in (None, 1):
            raise TypeError("RankedOrganisations takes slices only")
        start = index.start or 0
        limit = None if index.stop is None else max(index.stop - start, 0)
        ids = self.ranked_ids(offset=start, limit=limit)
        by_id = self.queryset.order_by().in_bulk(ids)
        return [by_id[i] for i in ids if i in by_id]


def search_organisations(queryset: QuerySet, query: str) -> QuerySet | RankedOrganisations:
    """``queryset`` as it is for an empty query, else its matches in ranking order (typos corrected when
    nothing matched as typed)."""
    search_plan = plan(query)
    if search_plan is None:
        return queryset
    ranked = RankedOrganisations(queryset, search_plan)
    if ranked.count() == 0 and any(len(t.word) >= TYPO_MIN_LENGTH for t in search_plan.terms):
        wider = plan(query, every_word=True)
        if wider is not None and wider != search_plan:
            ranked = RankedOrganisations(queryset, wider)
    return ranked


# --- People --------------------------------------------------------------------------------------------------


def search_people(queryset: QuerySet, query: str) -> QuerySet:
    """People whose name, role, e-mail or organisation has a word starting with each word typed."""
    typed = _unique(words(query))[:MAX_PEOPLE_TERMS]
    if not typed:
        return queryset
    if connection.vendor == "postgresql":
        text = Concat(
            F("first_name"),
            Value(" "),
            F("last_name"),
            Value(" "),
            F("role"),
            Value(" "),
            Coalesce(F("email"), Value("")),
            Value(" "),
            Coalesce(F("organisation__name"), Value("")),
        )
        queryset = queryset.alias(search_folded=Lower(Func(text, function="unaccent")))
        for word in typed:
            queryset = queryset.filter(search_folded__regex=f"(^|[^a-z0-9]){word}")
        return queryset
    match = " AND ".join(f'"{word}"*' for word in typed)
    return queryset.filter(
        pk__in=RawSQL(_SQLITE_PEOPLE, [match])  # noqa: S611 - a constant; the match is a parameter
    )
