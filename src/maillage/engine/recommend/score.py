"""Who should meet whom: the scores, for all pairs at once, on sparse matrices.

Each profile's *offers* and *needs* become weighted bags of features: Snowball stems of its words (in
the language the text is written in) and bilingual concepts (``c:sensor`` for "capteur" and "sensor",
``s:iot`` for every synonym of the IoT sector), weighted by TF-IDF over all the texts and L2-normalised.
The score of j for i adds up:

- complementarity, which counts most: i's needs against j's offers, and j's needs against i's offers;
- less the look-alike penalty: i's offers against j's offers, when j offers what i offers and neither
  needs the other's offer (two competitors);
- small bonuses: a shared declared sector, j's kind being what i is looking for (and the reverse), the
  two regions forming one of the given corridors, the two being in different countries;
- a factor when the two have no language in common.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import scipy.sparse as sp

from maillage.engine.recommend.lexicon import concept_phrases
from maillage.engine.recommend.model import KINDS, Problem, Profile
from maillage.engine.recommend.taxonomy import sector_phrases, sector_slug
from maillage.engine.recommend.text import (
    PhraseIndex,
    content_tokens,
    detect_language,
    normalise_label,
    stem,
    tokenize,
)


@dataclass(frozen=True)
class Weights:
    """The knobs of the score; the defaults were tuned on the tuning half of the benchmark."""

    need_offer: float = 1.0  # my needs against their offers
    offer_need: float = 0.8  # their needs against my offers
    look_alike: float = 0.25  # penalty for offering the same thing
    concept: float = 1.6  # weight of a concept feature relative to a word stem
    declared_sector: float = 0.6  # weight of a declared sector added to the offers' bag
    sector: float = 0.05  # bonus for a shared declared sector
    role: float = 0.08  # bonus when their kind is what I look for
    role_back: float = 0.04  # bonus when my kind is what they look for
    corridor: float = 0.06  # bonus when our two regions form a corridor
    cross_border: float = 0.03  # bonus when we are in different countries
    no_language: float = 0.3  # factor when we share no language


# How well an organisation of each kind plays each role someone is looking for (unknown kinds: 0.5).
ROLE_FIT: dict[str, dict[str, float]] = {
    "client": {"sme": 1, "large_company": 1, "public": 1, "distributor": 0.7, "startup": 0.6, "association": 0.5,
               "research": 0.3, "incubator": 0.2, "consultant": 0.3, "investor": 0},
    "supplier": {"startup": 1, "sme": 1, "large_company": 0.8, "consultant": 0.9, "research": 0.5,
                 "distributor": 0.5, "public": 0.1, "association": 0.2, "incubator": 0.2, "investor": 0},
    "investor": {"investor": 1, "large_company": 0.3, "incubator": 0.3, "public": 0.3},
    "distributor": {"distributor": 1, "large_company": 0.5, "sme": 0.4, "consultant": 0.3},
    "rd_partner": {"research": 1, "startup": 0.6, "sme": 0.5, "large_company": 0.5, "consultant": 0.2},
    "mentor": {"incubator": 1, "consultant": 0.7, "association": 0.6, "investor": 0.5, "large_company": 0.4,
               "public": 0.3},
}
_UNKNOWN_FIT = 0.5

_COUNTRY_ALIASES = {
    "ca": "canada", "can": "canada", "qc": "canada", "quebec": "canada",
    "fr": "france", "fra": "france",
    "be": "belgique", "bel": "belgique", "belgium": "belgique", "belgie": "belgique",
    "ch": "suisse", "switzerland": "suisse", "lu": "luxembourg", "us": "etats unis", "usa": "etats unis",
    "united states": "etats unis",
}


def country_key(country: str) -> str:
    key = normalise_label(country)
    return _COUNTRY_ALIASES.get(key, key)


@cache
def phrase_index() -> PhraseIndex:
    phrases = list(concept_phrases())
    phrases += [(f"s:{slug}", language, phrase) for slug, language, phrase in sector_phrases()]
    return PhraseIndex(phrases)


@dataclass(frozen=True, slots=True)
class Text:
    """One analysed text: its language and its features with their counts and first place in the text."""

    raw: str
    language: str
    counts: dict[str, int]
    spans: dict[str, tuple[int, int]]


def analyse(text: str) -> Text:
    tokens = tokenize(text)
    language = detect_language(tokens)
    counts: dict[str, int] = {}
    spans: dict[str, tuple[int, int]] = {}
    for token in content_tokens(tokens, domain=True):
        if len(token.norm) < 2 and not token.norm.isdigit():
            continue
        key = "w:" + stem(token.norm, language)
        counts[key] = counts.get(key, 0) + 1
        spans.setdefault(key, (token.start, token.end))
    for match in phrase_index().find(tokens, language):
        counts[match.key] = counts.get(match.key, 0) + 1
        spans.setdefault(match.key, (match.start, match.end))
    return Text(text, language, counts, spans)


@dataclass
class Analysis:
    """All profiles analysed and vectorised; rows of ``offers``/``needs`` are L2-normalised TF-IDF."""

    profiles: tuple[Profile, ...]
    offers_text: list[Text]
    needs_text: list[Text]
    sectors: list[frozenset[str]]
    vocabulary: dict[str, int]
    keys: list[str]  # feature of each column
    offers: sp.csr_matrix
    needs: sp.csr_matrix


def _vectorise(docs: list[dict[str, float]], vocabulary: dict[str, int], idf: np.ndarray) -> sp.csr_matrix:
    rows, cols, values = [], [], []
    for row, doc in enumerate(docs):
        for key, value in doc.items():
            rows.append(row)
            cols.append(vocabulary[key])
            values.append(value)
    matrix = sp.csr_matrix(
        (np.asarray(values, dtype=np.float64), (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64))),
        shape=(len(docs), len(vocabulary)),
    )
    matrix = sp.csr_matrix(matrix.multiply(idf[np.newaxis, :]))
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def analyse_all(profiles: tuple[Profile, ...], weights: Weights) -> Analysis:
    offers_text = [analyse(p.offers) for p in profiles]
    needs_text = [analyse(p.needs) for p in profiles]
    declared = [frozenset(s for s in (sector_slug(label) for label in p.sectors) if s) for p in profiles]

    def bag(text: Text, extra: frozenset[str] = frozenset()) -> dict[str, float]:
        doc: dict[str, float] = {}
        for key, count in text.counts.items():
            factor = 1.0 if key.startswith("w:") else weights.concept
            doc[key] = factor * (1.0 + math.log(count))
        for slug in extra:
            key = f"s:{slug}"
            doc[key] = max(doc.get(key, 0.0), weights.declared_sector * weights.concept)
        return doc

    offer_docs = [bag(t, s) for t, s in zip(offers_text, declared, strict=True)]
    need_docs = [bag(t) for t in needs_text]
    vocabulary: dict[str, int] = {}
    frequency: dict[str, int] = {}
    for doc in offer_docs + need_docs:
        for key in doc:
            vocabulary.setdefault(key, len(vocabulary))
            frequency[key] = frequency.get(key, 0) + 1
    total = len(offer_docs) + len(need_docs)
    idf = np.ones(len(vocabulary))
    for key, column in vocabulary.items():
        idf[column] = math.log((1 + total) / (1 + frequency[key])) + 1.0
    return Analysis(
        profiles=profiles,
        offers_text=offers_text,
        needs_text=needs_text,
        sectors=declared,
        vocabulary=vocabulary,
        keys=list(vocabulary),
        offers=_vectorise(offer_docs, vocabulary, idf),
        needs=_vectorise(need_docs, vocabulary, idf),
    )


@dataclass
class Scores:
    """Pair matrices: ``total[i, j]`` is how much i should meet j; the parts explain it."""

    total: np.ndarray
    need_offer: np.ndarray  # i's needs vs j's offers
    offer_need: np.ndarray  # j's needs vs i's offers
    look_alike: np.ndarray
    same_sector: np.ndarray
    role: np.ndarray  # j's kind fits what i looks for
    role_back: np.ndarray  # i's kind fits what j looks for
    corridor: np.ndarray
    cross_border: np.ndarray
    shared_language: np.ndarray


def _role_fit(profiles: tuple[Profile, ...]) -> np.ndarray:
    """``fit[i, j]``: how well j's kind matches the best of the roles i looks for (0 if i looks for none)."""
    n = len(profiles)
    fit = np.zeros((n, n))
    for role, table in ROLE_FIT.items():
        wants = np.array([role in p.looking_for for p in profiles], dtype=np.float64)
        if not wants.any():
            continue
        plays = np.array([table.get(p.kind, _UNKNOWN_FIT if p.kind not in _ALL_KINDS else 0.0) for p in profiles])
        np.maximum(fit, np.outer(wants, plays), out=fit)
    return fit


_ALL_KINDS = frozenset(KINDS)


def score(problem: Problem, weights: Weights | None = None) -> tuple[Analysis, Scores]:
    weights = weights or Weights()
    profiles = problem.profiles
    analysis = analyse_all(profiles, weights)
    n = len(profiles)
    need_offer = np.asarray((analysis.needs @ analysis.offers.T).todense())
    offer_need = need_offer.T.copy()
    look_alike = np.asarray((analysis.offers @ analysis.offers.T).todense())

    slugs = sorted({s for sectors in analysis.sectors for s in sectors})
    column = {slug: k for k, slug in enumerate(slugs)}
    membership = np.zeros((n, max(1, len(slugs))))
    for i, sectors in enumerate(analysis.sectors):
        for slug in sectors:
            membership[i, column[slug]] = 1.0
    same_sector = (membership @ membership.T > 0).astype(np.float64)

    role = _role_fit(profiles)
    role_back = role.T.copy()

    regions = [normalise_label(p.region) for p in profiles]
    pairs = {frozenset((normalise_label(a), normalise_label(b))) for a, b in problem.corridors}
    region_ids = {region: k for k, region in enumerate(sorted(set(regions)))}
    link = np.zeros((len(region_ids), len(region_ids)))
    for a, ka in region_ids.items():
        for b, kb in region_ids.items():
            if a and b and a != b and frozenset((a, b)) in pairs:
                link[ka, kb] = 1.0
    index = np.array([region_ids[r] for r in regions], dtype=np.int64)
    corridor = link[np.ix_(index, index)] if n else np.zeros((0, 0))

    countries = [country_key(p.country) for p in profiles]
    country_ids = {c: k for k, c in enumerate(sorted(set(countries)))}
    cid = np.array([country_ids[c] for c in countries], dtype=np.int64)
    known = np.array([bool(c) for c in countries])
    cross_border = ((cid[:, None] != cid[None, :]) & known[:, None] & known[None, :]).astype(np.float64)

    languages = sorted({lang for p in profiles for lang in p.languages})
    lang_col = {lang: k for k, lang in enumerate(languages)}
    speaks = np.zeros((n, max(1, len(languages))))
    for i, p in enumerate(profiles):
        for lang in p.languages:
            speaks[i, lang_col[lang]] = 1.0
    shared_language = (speaks @ speaks.T > 0).astype(np.float64)

    complement = weights.need_offer * need_offer + weights.offer_need * offer_need
    # offering the same thing as me counts against them, unless they also complement me
    competition = np.clip(look_alike - np.maximum(need_offer, offer_need), 0.0, None)
    total = (
        complement
        - weights.look_alike * competition
        + weights.sector * same_sector
        + weights.role * role
        + weights.role_back * role_back
        + weights.corridor * corridor
        + weights.cross_border * cross_border
    )
    total = np.where(total > 0, total * np.where(shared_language > 0, 1.0, weights.no_language), total)
    if n:
        np.fill_diagonal(total, -np.inf)
    return analysis, Scores(
        total=total,
        need_offer=need_offer,
        offer_need=offer_need,
        look_alike=look_alike,
        same_sector=same_sector,
        role=role,
        role_back=role_back,
        corridor=corridor,
        cross_border=cross_border,
        shared_language=shared_language,
    )


def top(total: np.ndarray, count: int) -> list[list[int]]:
    """For each row, the columns of the ``count`` highest scores, best first (never the row itself)."""
    n = total.shape[0]
    count = max(0, min(count, n - 1))
    if count == 0:
        return [[] for _ in range(n)]
    if count < n - 1:
        candidates = np.argpartition(-total, count, axis=1)[:, :count]
    else:
        candidates = np.tile(np.arange(n), (n, 1))
    result = []
    for i in range(n):
        row = [int(j) for j in candidates[i] if j != i]
        row.sort(key=lambda j: (-total[i, j], j))
        result.append(row[:count])
    return result
