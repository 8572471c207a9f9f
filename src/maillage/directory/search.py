"""Accent- and case-insensitive search over the directory, in French and English, ranked alike on both databases.

Each organisation keeps folded words plus their French and English Snowball stems (``search_name`` and
``search_text``, written by ``services.organisation_search_refresh``), so "numerique" finds "numérique" and
"incubateurs" finds "incubateur". Both fields read ``" word word … | stem stem … "``: the words in the order of
the text, a bar, then the stems, so that an organisation whose name is exactly what was typed is found by
comparing the start of ``search_name``.

One ranking, the same on SQLite and PostgreSQL (``RankedOrganisations``):

1. organisations whose name holds every word typed (as a word, a stem or a correction) come before those that
   match only by their descriptions, sectors, offers, needs or place;
2. among the first, a name that is exactly the query (accents, case and punctuation aside) comes first, then a name
   that is exactly the query once its typos are corrected;
3. then relevance: FTS5's bm25 on SQLite, ``ts_rank`` over the weighted tsvector on PostgreSQL, the name weighing
   ten times the rest (bm25 column weights 10:1, tsvector weights A 1.0, B 0.1);
4. then the folded name and the id (both databases order ASCII alike).

Keys 1, 2 and 4 are the same SQL on both databases; only key 3's figures differ, among organisations that keys 1
and 2 could not separate. SQLite's full-text index is an FTS5 table kept by triggers (migration 0003), so every
save path (services, imports, the demo, raw SQL) keeps it current.

Typos: a word that is no word of the directory is corrected to the words of five letters or more (or beginnings
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
from itertools import islice, product

import snowballstemmer
from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.db.models import F, Func, QuerySet, TextField, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce, Concat, Lower

from maillage.common.text import words

_STEMMERS = {"fr": snowballstemmer.stemmer("french"), "en": snowballstemmer.stemmer("english")}
MAX_TERMS = 8
MAX_PEOPLE_TERMS = 5
TYPO_MIN_LENGTH = 5
MAX_CORRECTIONS = 3
MAX_CORRECTED_KEYS = 9
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
        # Two index probes (no count: a deletion leaves only unused words behind, which correct to nothing).
        cursor.execute("SELECT max(updated), max(id) FROM directory_organisation")
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


def corrections(
    word: str, vocab: Vocabulary, *, prefixes: bool = True, min_length: int = TYPO_MIN_LENGTH
) -> tuple[str, ...]:
    """Known words one edit away from ``word``, best first; with ``prefixes``, beginnings of known words too.

    A whole known word comes first (the most common first), then the beginning of a word as long as the typed
    one ("numerik" -> "numeriq", the start of "numerique"), then a shorter beginning (a letter added at the end).
    """
    ranked = []
    for variant in one_edit_variants(word):
        if len(variant) < min_length:
            continue
        if vocab.has_term(variant):
            ranked.append((0, -vocab.docs[variant], variant))
        elif prefixes and (found := vocab.first_with_prefix(variant)):
            ranked.append((1 if len(variant) >= len(word) else 2, -vocab.docs[found], variant))
    ranked.sort()
    if ranked and ranked[0][0] < 2:  # a shorter beginning only when nothing closer exists
        ranked = [r for r in ranked if r[0] < 2]
    return tuple(variant for *_, variant in ranked[:MAX_CORRECTIONS])


# --- Query plans ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    word: str
    prefixes: tuple[str, ...]  # any of them starting a word of the organisation matches this term
    whole: tuple[str, ...] = ()  # corrections that are whole words of the directory


@dataclass(frozen=True)
class Plan:
    terms: tuple[Term, ...]

    @property
    def exact_key(self) -> str:
        return " ".join(_unique(t.word for t in self.terms))

    @property
    def corrected_keys(self) -> list[str]:
        """The query with each corrected word replaced by one of its whole-word corrections (a few at most)."""
        options = [t.whole or (t.word,) for t in self.terms]
        keys = [
            " ".join(_unique(combination)) for combination in islice(product(*options), MAX_CORRECTED_KEYS)
        ]
        return [k for k in _unique(keys) if k != self.exact_key] or [self.exact_key]


def plan(query: str, *, every_word: bool = False) -> Plan | None:
    """The terms of a query. A word of 4+ letters that starts no word of the directory gets corrections (a word
    being typed, "numeri", is left alone); ``every_word`` corrects the others too (a typo that happens to be
    another word or the start of one, tried when nothing matched)."""
    typed = _unique(words(query))[:MAX_TERMS]
    if not typed:
        return None
    vocab = None
    terms = []
    for word in typed:
        fixes: tuple[str, ...] = ()
        if len(word) >= TYPO_MIN_LENGTH - 1:  # "Cloud" typed "Coud" is still a typo of a 5-letter word
            vocab = vocab or vocabulary()
            if every_word or not vocab.first_with_prefix(word):
                fixes = corrections(word, vocab)
        terms.append(
            Term(
                word=word,
                prefixes=tuple(_unique((word, *stems(word), *fixes))),
                whole=tuple(f for f in fixes if vocab and vocab.has_term(f)),
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
        whole = corrections(word, vocab, prefixes=False, min_length=3)
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


def _tsquery(terms) -> str:
    return " & ".join("(" + " | ".join(f"{p}:*" for p in t.prefixes) + ")" for t in terms)


# Two segments, one after the other: the organisations whose name holds every term (ranking keys 1, 3 and 4 among
# them), then the others that match (key 3, then the id). Only the segments a page reaches are ranked, so the
# first page of a common word sorts the few hundred names that hold it, not the thousands of texts.
# {restriction} is "" or " AND <id> IN (<the filtered queryset's ids>)", with its own parameters.
_TIER = "CASE WHEN o.search_name LIKE %s THEN 0 WHEN {corrected} THEN 1 ELSE 2 END"
_SQLITE_COUNT = (
    "SELECT count(*) FROM directory_organisation_fts f WHERE directory_organisation_fts MATCH %s{restriction}"
)
_SQLITE_NAMES = (
    "SELECT o.id FROM directory_organisation_fts f JOIN directory_organisation o ON o.id = f.rowid "
    "WHERE directory_organisation_fts MATCH %s{restriction} "
    "ORDER BY {tier}, bm25(directory_organisation_fts, {name_weight}, 1.0), o.search_name, o.id LIMIT %s OFFSET %s"
)
_SQLITE_OTHERS = (
    "SELECT f.rowid FROM directory_organisation_fts f WHERE directory_organisation_fts MATCH %s{restriction} "
    "ORDER BY bm25(directory_organisation_fts, {name_weight}, 1.0), f.rowid LIMIT %s OFFSET %s"
)
# PostgreSQL matches names on an expression index (migration 0003) rather than on the A weight of search_vector:
# the planner cannot estimate weighted prefix queries and would read every row.
_POSTGRES_NAME = "to_tsvector('simple', o.search_name)"
_POSTGRES_COUNT = (
    "SELECT count(*) FROM directory_organisation o WHERE {vector} @@ to_tsquery('simple', %s){restriction}"
)
_POSTGRES_NAMES = (
    "SELECT o.id FROM directory_organisation o, to_tsquery('simple', %s) q WHERE {name} @@ q{restriction} "
    "ORDER BY {tier}, ts_rank({name}, q) DESC, o.search_name, o.id LIMIT %s OFFSET %s"
)
_POSTGRES_OTHERS = (
    "SELECT o.id FROM directory_organisation o, to_tsquery('simple', %s) q "
    "WHERE o.search_vector @@ q AND NOT {name} @@ q{restriction} "
    "ORDER BY ts_rank('{{0, 0, {text_weight}, 1}}', o.search_vector, q) DESC, o.id LIMIT %s OFFSET %s"
)


class RankedOrganisations:
    """The organisations of ``queryset`` that match ``plan``, in the ranking order, sliceable for a Paginator."""

    def __init__(self, queryset: QuerySet, search_plan: Plan):
        self.queryset = queryset
        self.plan = search_plan
        self.postgres = connection.vendor == "postgresql"
        self._counts: dict[bool, int] = {}
        if self.postgres:
            self.everything = self.in_name = _tsquery(search_plan.terms)
        else:
            self.everything = _fts_match(search_plan.terms)
            self.in_name = _fts_match(search_plan.terms, column="search_name")
        self.restriction, self.restriction_params = "", []
        if queryset.query.where:
            sql, params = queryset.order_by().values("pk").query.sql_with_params()
            # "+f.rowid": an expression, not the FTS5 table's rowid constraint, or SQLite would run the full-text
            # query once for every id of the list (seconds on 10,000 organisations) instead of once.
            self.restriction = f" AND {'o.id' if self.postgres else '+f.rowid'} IN ({sql})"
            self.restriction_params = list(params)

    def _fetch(self, sql: str, params: list) -> list:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _count(self, *, names: bool) -> int:
        if names not in self._counts:
            if self.postgres:
                vector = _POSTGRES_NAME if names else "o.search_vector"
                sql = _POSTGRES_COUNT.format(vector=vector, restriction=self.restriction)
            else:
                sql = _SQLITE_COUNT.format(restriction=self.restriction)
            match = self.in_name if names else self.everything
            self._counts[names] = self._fetch(sql, [match, *self.restriction_params])[0][0]
        return self._counts[names]

    def count(self) -> int:
        return self._count(names=False)

    def __len__(self) -> int:
        return self.count()

    def _names(self, offset: int, limit: int | None) -> list[int]:
        corrected = self.plan.corrected_keys
        exact = [f" {key} |%" for key in (self.plan.exact_key, *corrected)]
        tier = _TIER.format(corrected=" OR ".join(["o.search_name LIKE %s"] * len(corrected)))
        if self.postgres:
            sql = _POSTGRES_NAMES.format(name=_POSTGRES_NAME, tier=tier, restriction=self.restriction)
        else:
            sql = _SQLITE_NAMES.format(tier=tier, restriction=self.restriction, name_weight=NAME_WEIGHT)
            limit = -1 if limit is None else limit
        rows = self._fetch(sql, [self.in_name, *self.restriction_params, *exact, limit, offset])
        return [row[0] for row in rows]

    def _others(self, offset: int, limit: int | None) -> list[int]:
        if self.postgres:
            sql = _POSTGRES_OTHERS.format(
                name=_POSTGRES_NAME, restriction=self.restriction, text_weight=1 / NAME_WEIGHT
            )
            params = [self.everything]
        else:
            sql = _SQLITE_OTHERS.format(restriction=self.restriction, name_weight=NAME_WEIGHT)
            params = [f"({self.everything}) NOT ({self.in_name})"]
            limit = -1 if limit is None else limit
        rows = self._fetch(sql, [*params, *self.restriction_params, limit, offset])
        return [row[0] for row in rows]

    def ranked_ids(self, *, offset: int = 0, limit: int | None = None) -> list[int]:
        in_name = self._count(names=True)
        ids: list[int] = []
        if offset < in_name:
            ids = self._names(offset, None if limit is None else min(limit, in_name - offset))
        wanted = None if limit is None else limit - len(ids)
        if (wanted is None or wanted > 0) and self.count() > in_name:
            ids += self._others(max(offset - in_name, 0), wanted)
        return ids

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
    if ranked.count() == 0 and any(len(t.word) >= TYPO_MIN_LENGTH - 1 for t in search_plan.terms):
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
            output_field=TextField(),
        )
        queryset = queryset.alias(search_folded=Lower(Func(text, function="unaccent")))
        for word in typed:
            queryset = queryset.filter(search_folded__regex=f"(^|[^a-z0-9]){word}")
        return queryset
    match = " AND ".join(f'"{word}"*' for word in typed)
    return queryset.filter(
        pk__in=RawSQL(_SQLITE_PEOPLE, [match])  # noqa: S611 - a constant; the match is a parameter
    )
