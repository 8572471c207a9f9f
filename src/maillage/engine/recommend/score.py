"""Who should meet whom: the scores, for all pairs at once, on sparse matrices.

Each profile's *offers* and *needs* become weighted bags of features:

- ``w:`` Snowball stems of its words, in the language the text is written in (guessed from its
  function words), accents folded after stemming, stop words and B2B filler words left out;
- ``c:``/``s:``/``d:`` bilingual concepts: trade terms of :mod:`.lexicon` ("capteur" and "sensor" are
  ``c:sensor``), every synonym of a sector of ``sectors.json`` (``s:iot``), everyday words that French
  and English write differently (``d:reduce`` for "réduire" and "cut"); a concept also implies its
  sector a little, and the declared sectors are added to the offers;
- ``p:`` the first five letters of longer words, which French and English cognates share
  ("température"/"temperature", "traçabilité"/"traceability");

weighted by TF-IDF over all texts, divided by a pivoted length (long texts are not diluted as much as
with the cosine). A second, separate channel holds the character 3- to 5-grams of the same folded
stems (TF-IDF, cosine): it only counts between a French and an English text, where it finds the
cognates that the lexicon and the stems miss ("cryptographie"/"cryptography"); within one language the
stems already say it, and partial spellings would only add noise. The score of j for i adds up:

- complementarity, which counts most: i's needs against j's offers (both channels), plus j's needs
  against i's offers,
  less a share of j's "hubness" (the mean of its 10 best complementarities: a generic profile that
  complements everybody a little should not crowd out specific matches);
- less the look-alike penalty: i's offers against j's offers, beyond what complementarity explains
  (two competitors offering the same thing);
- small bonuses: a shared declared sector, j's kind being what i is looking for (and the reverse), the
  two regions forming one of the given corridors, the two being in different countries;
- times a factor when the two have no language in common.

Everything is a product of sparse matrices (needs x offers^T), so 1,000 profiles take a second or two.
"""

from __future__ import annotations

import math
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cache, lru_cache
from itertools import chain

import numpy as np
import scipy.sparse as sp

from maillage.engine.recommend import embed, fusion, places
from maillage.engine.recommend.lexicon import PARENT_SECTORS, concept_phrases, word_phrases
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
    offer_need: float = 1.0  # their needs against my offers
    look_alike: float = 0.1  # penalty for offering the same thing
    concept: float = 2.0  # weight of a concept feature relative to a word stem
    word: float = 1.0  # weight of an everyday word's translation (``d:`` features)
    cognate: float = 0.8  # weight of a word's first letters, shared by French and English cognates
    declared_sector: float = 0.6  # weight of a declared sector added to the offers' bag
    sector: float = 0.05  # bonus for a shared declared sector
    role: float = 0.08  # bonus when their kind is what I look for
    role_back: float = 0.04  # bonus when my kind is what they look for
    corridor: float = 0.06  # bonus when our two regions form a corridor
    cross_border: float = 0.03  # bonus when we are in different countries
    no_language: float = 0.3  # factor when we share no language
    length_norm: float = 0.5  # 1: cosine; less: long texts are less diluted (pivoted normalisation)
    hub: float = 0.3  # penalty for profiles that complement everybody a little (generic texts)
    hub_k: int = 10  # how many of a profile's best complementarities make its "hubness"
    ngram: float = 0.4  # weight of the character n-gram channel (cognates the lexicon misses)
    ngram_min: int = 3  # shortest n-gram of a folded stem
    ngram_max: int = 5  # longest n-gram of a folded stem


# How well an organisation of each kind plays each role someone is looking for (unknown kinds: 0.5).
ROLE_FIT: dict[str, dict[str, float]] = {
    "client": {
        "sme": 1,
        "large_company": 1,
        "public": 1,
        "distributor": 0.7,
        "startup": 0.6,
        "association": 0.5,
        "research": 0.3,
        "incubator": 0.2,
        "consultant": 0.3,
        "investor": 0,
    },
    "supplier": {
        "startup": 1,
        "sme": 1,
        "large_company": 0.8,
        "consultant": 0.9,
        "research": 0.5,
        "distributor": 0.5,
        "public": 0.1,
        "association": 0.2,
        "incubator": 0.2,
        "investor": 0,
    },
    "investor": {"investor": 1, "large_company": 0.3, "incubator": 0.3, "public": 0.3},
    "distributor": {"distributor": 1, "large_company": 0.5, "sme": 0.4, "consultant": 0.3},
    "rd_partner": {"research": 1, "startup": 0.6, "sme": 0.5, "large_company": 0.5, "consultant": 0.2},
    "mentor": {
        "incubator": 1,
        "consultant": 0.7,
        "association": 0.6,
        "investor": 0.5,
        "large_company": 0.4,
        "public": 0.3,
    },
}
_UNKNOWN_FIT = 0.5
_ALL_KINDS = frozenset(KINDS)
COGNATE_LENGTH = 5
NGRAM_WORD = 4  # words shorter than this give no n-grams
HUB_FULL = 4  # the hubness correction is in full from HUB_FULL * hub_k + 1 profiles
PARENT_WEIGHT = 0.5  # count given to a sector only implied by a concept of the text

_COUNTRY_ALIASES = {
    "ca": "canada",
    "can": "canada",
    "qc": "canada",
    "quebec": "canada",
    "fr": "france",
    "fra": "france",
    "be": "belgique",
    "bel": "belgique",
    "belgium": "belgique",
    "belgie": "belgique",
    "ch": "suisse",
    "switzerland": "suisse",
    "lu": "luxembourg",
    "us": "etats unis",
    "usa": "etats unis",
    "united states": "etats unis",
}


def country_key(country: str) -> str:
    key = normalise_label(country)
    return _COUNTRY_ALIASES.get(key, key)


@cache
def phrase_index() -> PhraseIndex:
    phrases = list(concept_phrases()) + word_phrases()
    phrases += [(f"s:{slug}", language, phrase) for slug, language, phrase in sector_phrases()]
    return PhraseIndex(phrases)


@dataclass(frozen=True, slots=True)
class Text:
    """One analysed text: its language and its features with their counts and first place in the text."""

    raw: str
    language: str
    counts: dict[str, float]
    spans: dict[str, tuple[int, int]]
    stems: tuple[str, ...] = ()  # folded stems of the content words, for the n-gram channel


@lru_cache(maxsize=20_000)
def analyse(text: str) -> Text:
    """A text's language and bag of features (kept per process: a session ranked again, or the
    same text in several profiles, is analysed once; the result is never modified)."""
    tokens = tokenize(text)
    language = detect_language(tokens)
    counts: dict[str, float] = {}
    spans: dict[str, tuple[int, int]] = {}
    stems: list[str] = []
    for token in content_tokens(tokens, domain=True):
        if len(token.norm) < 2 and not token.norm.isdigit():
            continue
        key = "w:" + stem(token.lower, language)
        if token.norm.isalpha() and len(token.norm) >= NGRAM_WORD:
            stems.append(key[2:])
        counts[key] = counts.get(key, 0) + 1
        spans.setdefault(key, (token.start, token.end))
        if len(token.norm) >= COGNATE_LENGTH + 1 and token.norm.isalpha():
            # "température"/"temperature", "historique"/"history", "traçabilité"/"traceability"
            key = "p:" + token.norm[:COGNATE_LENGTH]
            counts[key] = counts.get(key, 0) + 1
            spans.setdefault(key, (token.start, token.end))
    implied: dict[str, tuple[int, int]] = {}
    for match in phrase_index().find(tokens, language):
        counts[match.key] = counts.get(match.key, 0) + 1
        spans.setdefault(match.key, (match.start, match.end))
        parent = PARENT_SECTORS.get(match.key[2:]) if match.key.startswith("c:") else None
        if parent:
            implied.setdefault(f"s:{parent}", (match.start, match.end))
    if PARENT_WEIGHT:
        for key, span in implied.items():
            if key not in counts:
                counts[key] = PARENT_WEIGHT
                spans[key] = span
    return Text(text, language, counts, spans, tuple(stems))


@cache
def _grams(word: str, low: int, high: int) -> tuple[str, ...]:
    """Character n-grams of ``word`` marked at its start ("^cryp", "rypt"...), ``low`` to ``high`` long."""
    marked = "^" + word
    return tuple(marked[k : k + n] for n in range(low, high + 1) for k in range(len(marked) - n + 1))


def gram_bag(text: Text, low: int, high: int) -> dict[str, float]:
    """Sublinear counts of the n-grams of a text's content stems."""
    counts = Counter(chain.from_iterable(_grams(word, low, high) for word in text.stems))
    return {gram: 1.0 if count == 1 else 1.0 + math.log(count) for gram, count in counts.items()}


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
    offers_grams: sp.csr_matrix | None = None  # L2-normalised TF-IDF n-grams (None: channel off)
    needs_grams: sp.csr_matrix | None = None
    encoded: embed.Encoded | None = None  # sentence and clause vectors, offers then needs (None: off)
    rows: dict = field(default_factory=dict)  # rows of the sparse matrices as dicts, for the reasons


def _tfidf(
    parts: list[list[dict[str, float]]], length_norm: float
) -> tuple[dict[str, int], list[sp.csr_matrix]]:
    """One vocabulary (keys in order of first appearance) and IDF over all ``parts`` (lists of docs),
    and each part's rows: TF-IDF divided by their length to the power ``length_norm`` (pivoted at the
    mean length of each part). The loops over keys run in C (``dict.fromkeys``, ``map``)."""
    order = dict.fromkeys(chain.from_iterable(chain.from_iterable(parts)))
    vocabulary = dict(zip(order, range(len(order)), strict=True))
    size = len(vocabulary)
    arrays = []
    for docs in parts:
        lengths = np.fromiter(map(len, docs), dtype=np.int64, count=len(docs))
        indptr = np.zeros(len(docs) + 1, dtype=np.int64)
        np.cumsum(lengths, out=indptr[1:])
        count = int(indptr[-1])
        indices = np.fromiter(
            map(vocabulary.__getitem__, chain.from_iterable(docs)), dtype=np.int64, count=count
        )
        data = np.fromiter(chain.from_iterable(doc.values() for doc in docs), dtype=np.float64, count=count)
        arrays.append((indptr, indices, data))
    frequency = np.zeros(size, dtype=np.int64)
    for _, indices, _ in arrays:
        frequency += np.bincount(indices, minlength=size)
    total = sum(len(docs) for docs in parts)
    idf = np.log((1 + total) / (1 + frequency)) + 1.0
    matrices = []
    for indptr, indices, data in arrays:
        rows = len(indptr) - 1
        values = data * idf[indices]
        owner = np.repeat(np.arange(rows), np.diff(indptr))
        norms = np.sqrt(np.bincount(owner, weights=values * values, minlength=rows))
        norms[norms == 0] = 1.0
        if length_norm != 1.0:
            # a long text matches more things, but should not be punished for it as much as cosine does
            norms = norms**length_norm * float(np.mean(norms)) ** (1 - length_norm)
        matrix = sp.csr_matrix((values / norms[owner], indices, indptr), shape=(rows, size))
        matrix.sort_indices()
        matrices.append(matrix)
    return vocabulary, matrices


def analyse_all(profiles: tuple[Profile, ...], weights: Weights) -> Analysis:
    offers_text = [analyse(p.offers) for p in profiles]
    needs_text = [analyse(p.needs) for p in profiles]
    declared = [frozenset(s for s in (sector_slug(label) for label in p.sectors) if s) for p in profiles]
    factors = {"w": 1.0, "p": weights.cognate, "d": weights.word}

    def bag(text: Text, extra: frozenset[str] = frozenset()) -> dict[str, float]:
        doc = {
            key: factors.get(key[0], weights.concept) * (1.0 if count == 1 else 1.0 + math.log(count))
            for key, count in text.counts.items()
        }
        for slug in extra:
            key = f"s:{slug}"
            doc[key] = max(doc.get(key, 0.0), weights.declared_sector * weights.concept)
        return doc

    offer_docs = [bag(t, s) for t, s in zip(offers_text, declared, strict=True)]
    need_docs = [bag(t) for t in needs_text]
    vocabulary, (offers, needs) = _tfidf([offer_docs, need_docs], weights.length_norm)
    offers_grams = needs_grams = None
    if weights.ngram:
        offer_grams = [gram_bag(t, weights.ngram_min, weights.ngram_max) for t in offers_text]
        need_grams = [gram_bag(t, weights.ngram_min, weights.ngram_max) for t in needs_text]
        _, (offers_grams, needs_grams) = _tfidf([offer_grams, need_grams], 1.0)
    return Analysis(
        profiles=profiles,
        offers_text=offers_text,
        needs_text=needs_text,
        sectors=declared,
        vocabulary=vocabulary,
        keys=list(vocabulary),
        offers=offers,
        needs=needs,
        offers_grams=offers_grams,
        needs_grams=needs_grams,
    )


@dataclass
class Scores:
    """Pair matrices: ``total[i, j]`` is how much i should meet j; the parts explain it."""

    total: np.ndarray
    need_offer: np.ndarray  # i's needs vs j's offers
    offer_need: np.ndarray  # j's needs vs i's offers
    same_sector: np.ndarray
    role: np.ndarray  # j's kind fits what i looks for
    role_back: np.ndarray  # i's kind fits what j looks for
    corridor: np.ndarray
    cross_border: np.ndarray
    shared_language: np.ndarray
    emb_need_offer: np.ndarray | None = None  # i's needs vs j's offers, sentence embeddings (None: off)
    emb_offer_need: np.ndarray | None = None


def _role_fit(profiles: tuple[Profile, ...]) -> np.ndarray:
    """``fit[i, j]``: how well j's kind matches the best of the roles i looks for (0 if i looks for none)."""
    n = len(profiles)
    fit = np.zeros((n, n), dtype=np.float32)
    for role, table in ROLE_FIT.items():
        wants = np.array([role in p.looking_for for p in profiles], dtype=np.float32)
        if not wants.any():
            continue
        plays = np.array(
            [table.get(p.kind, _UNKNOWN_FIT if p.kind not in _ALL_KINDS else 0.0) for p in profiles],
            dtype=np.float32,
        )
        np.maximum(fit, np.outer(wants, plays), out=fit)
    return fit


def _same_roles(profiles: tuple[Profile, ...]) -> np.ndarray:
    """``[i, j]``: the share of roles i and j both look for (Jaccard of their ``looking_for``)."""
    n = len(profiles)
    wants = np.zeros((n, len(ROLE_FIT)), dtype=np.float32)
    for i, profile in enumerate(profiles):
        for k, role in enumerate(ROLE_FIT):
            wants[i, k] = role in profile.looking_for
    both = wants @ wants.T
    either = wants.sum(axis=1)[:, None] + wants.sum(axis=1)[None, :] - both
    return np.divide(both, either, out=np.zeros_like(both), where=either > 0)


# what one looks for and what the other looks for, when they answer each other: a profile looking for
# clients meets one looking for suppliers; two looking for clients are more often rivals
_COUNTERPART = (("client", "supplier"), ("distributor", "supplier"))  # either way round: made symmetric


def _roles_meet(profiles: tuple[Profile, ...]) -> np.ndarray:
    """``[i, j]``: 1 when a role i looks for is answered by one j looks for, either way round."""
    n = len(profiles)
    meet = np.zeros((n, n), dtype=np.float32)
    for mine, theirs in _COUNTERPART:
        a = np.array([mine in p.looking_for for p in profiles], dtype=np.float32)
        b = np.array([theirs in p.looking_for for p in profiles], dtype=np.float32)
        np.maximum(meet, np.outer(a, b), out=meet)
    np.maximum(meet, meet.T, out=meet)
    return meet


def _hubness(matrix: np.ndarray, k: int) -> np.ndarray:
    """Each column's mean of its ``k`` highest values, the diagonal left out: how much j complements
    everybody (hubness reduction, as in cross-lingual retrieval)."""
    n = matrix.shape[0]
    full = HUB_FULL * k
    k = min(k, n - 1)
    if k < 1:
        return np.zeros(n, dtype=np.float32)
    work = matrix.copy()
    np.fill_diagonal(work, 0.0)
    hubness = np.partition(work, n - k, axis=0)[n - k :].mean(axis=0).astype(np.float32)
    # in a small crowd, the best few complementarities of a profile are its real matches, not a sign of
    # a generic text: the correction grows with the crowd, in full from 4 * k + 1 profiles on
    return hubness * np.float32(min(1.0, (n - 1) / full))


def _look_alike(same_offer: np.ndarray, need_offer: np.ndarray, offer_need: np.ndarray) -> np.ndarray:
    """Offering the same thing as me, beyond what complementarity explains (two competitors)."""
    work = np.maximum(need_offer, offer_need)
    np.subtract(same_offer, work, out=work)
    np.clip(work, 0.0, None, out=work)
    return work


def features(
    problem: Problem,
    weights: Weights | None = None,
    *,
    embeddings: bool = True,
    needed: frozenset[str] | None = None,
) -> tuple[Analysis, dict[str, np.ndarray]]:
    """The pair matrices the score is made of (see :data:`~.fusion.FEATURES`), ``[i, j]`` for i's list.

    A feature that only depends on j (the hubness terms) is a ``(1, n)`` row, broadcast by the sum.
    The embedding features are absent when ``embeddings`` is false or the model is not installed.
    ``needed`` names the features to compute (None: all); the ones the reasons read are always there.
    """
    weights = weights or Weights()
    with embed.one_blas_thread():
        return _features(problem, weights, embeddings, needed)


# what the reasons read, whatever the fusion uses
FOR_REASONS = frozenset(
    {
        "lex_need_offer",
        "lex_offer_need",
        "emb_need_offer",
        "emb_offer_need",
        "same_sector",
        "role",
        "role_back",
        "corridor",
        "cross_border",
        "no_shared_language",
    }
)


def _features(
    problem: Problem, weights: Weights, embeddings: bool, needed: frozenset[str] | None
) -> tuple[Analysis, dict[str, np.ndarray]]:
    def want(name: str) -> bool:
        return needed is None or name in needed or name in FOR_REASONS

    profiles = problem.profiles
    analysis = analyse_all(profiles, weights)
    n = len(profiles)
    offers = analysis.offers.astype(np.float32)
    need_offer = (analysis.needs.astype(np.float32) @ offers.T).toarray()
    if analysis.needs_grams is not None and analysis.offers_grams is not None:
        # spelling shared beyond the lexicon and the stems ("cryptographie"/"cryptography"), only
        # between a text in French and one in English: one block product for each way
        need_language = np.array([t.language for t in analysis.needs_text])
        offer_language = np.array([t.language for t in analysis.offers_text])
        needs_grams = analysis.needs_grams.astype(np.float32)
        offers_grams = analysis.offers_grams.astype(np.float32)
        for language in ("fr", "en"):
            rows = np.flatnonzero(need_language == language)
            columns = np.flatnonzero(offer_language != language)
            if len(rows) and len(columns):
                block = (needs_grams[rows] @ offers_grams[columns].T).toarray()
                block *= np.float32(weights.ngram)
                need_offer[np.ix_(rows, columns)] += block
    offer_need = need_offer.T  # a view: j's needs against i's offers

    slugs = sorted({s for sectors in analysis.sectors for s in sectors})
    column = {slug: k for k, slug in enumerate(slugs)}
    membership = np.zeros((n, max(1, len(slugs))), dtype=np.float32)
    for i, sectors in enumerate(analysis.sectors):
        for slug in sectors:
            membership[i, column[slug]] = 1.0
    same_sector = membership @ membership.T > 0

    role = _role_fit(profiles)

    regions = [normalise_label(p.region) for p in profiles]
    pairs = {frozenset((normalise_label(a), normalise_label(b))) for a, b in problem.corridors}
    region_ids = {region: k for k, region in enumerate(sorted(set(regions)))}
    link = np.zeros((len(region_ids), len(region_ids)), dtype=bool)
    for a, ka in region_ids.items():
        for b, kb in region_ids.items():
            if a and b and a != b and frozenset((a, b)) in pairs:
                link[ka, kb] = True
    index = np.array([region_ids[r] for r in regions], dtype=np.int64)
    corridor = link[np.ix_(index, index)] if n else np.zeros((0, 0), dtype=bool)

    countries = [country_key(p.country) for p in profiles]
    country_ids = {c: k for k, c in enumerate(sorted(set(countries)))}
    cid = np.array([country_ids[c] for c in countries], dtype=np.int64)
    known = np.array([bool(c) for c in countries])
    cross_border = (cid[:, None] != cid[None, :]) & known[:, None] & known[None, :]

    languages = sorted({lang for p in profiles for lang in p.languages})
    lang_col = {lang: k for k, lang in enumerate(languages)}
    speaks = np.zeros((n, max(1, len(languages))), dtype=np.float32)
    for i, p in enumerate(profiles):
        for lang in p.languages:
            speaks[i, lang_col[lang]] = 1.0
    shared_language = speaks @ speaks.T > 0

    # "a distributor in France": i's needs name where j is
    region_keys = frozenset(normalise_label(p.region) for p in profiles) - {""}
    wanted = [places.mentioned(p.needs, region_keys) for p in profiles]
    where = [places.located(p.country, p.region) for p in profiles]
    place_ids = {key: k for k, key in enumerate(sorted(set().union(*wanted, *where)))} if n else {}
    wants = np.zeros((n, max(1, len(place_ids))), dtype=np.float32)
    is_in = np.zeros_like(wants)
    for i in range(n):
        wants[i, [place_ids[key] for key in wanted[i]]] = 1.0
        is_in[i, [place_ids[key] for key in where[i]]] = 1.0
    place = ((wants @ is_in.T) > 0).astype(np.float32)

    found: dict[str, np.ndarray] = {
        "place": place,
        "place_back": place.T,
        "lex_need_offer": need_offer,
        "lex_offer_need": offer_need,
        "same_sector": same_sector.astype(np.float32),
        "role": role,
        "role_back": role.T,
        "corridor": corridor.astype(np.float32),
        "cross_border": cross_border.astype(np.float32),
        "no_shared_language": (~shared_language).astype(np.float32),
    }
    if want("roles_meet"):
        found["roles_meet"] = _roles_meet(profiles)
    if want("neither_needs"):
        silent = np.array([not p.needs.strip() for p in profiles], dtype=np.float32)
        found["neither_needs"] = np.outer(silent, silent)
    if want("lex_hub"):
        found["lex_hub"] = _hubness(need_offer + offer_need, weights.hub_k)[np.newaxis, :]
    if want("lex_look_alike"):
        same_offer = (offers @ offers.T).toarray()
        found["lex_look_alike"] = _look_alike(same_offer, need_offer, offer_need)
    # what each profile is: its sector labels and the words of its kind, each encoded once per
    # session (labels repeat from profile to profile), a profile's vector being the mean of its own
    labels = sorted({label for p in profiles for label in p.sectors})
    kinds = sorted({KIND_WORDS.get(p.kind, p.kind.replace("_", " ")) for p in profiles})
    encoded = (
        embed.encode_with_clauses([p.offers for p in profiles] + [p.needs for p in profiles] + labels + kinds)
        if embeddings
        else None
    )
    if encoded is not None and n:
        analysis.encoded = encoded
        vectors = encoded.vectors
        offer_vectors, need_vectors = vectors[:n], vectors[n : 2 * n]
        label_row = {label: 2 * n + k for k, label in enumerate(labels)}
        kind_row = {kind: 2 * n + len(labels) + k for k, kind in enumerate(kinds)}
        sector_vectors = np.zeros((n, embed.DIMENSION), dtype=np.float32)
        identity_vectors = np.zeros((n, embed.DIMENSION), dtype=np.float32)
        for i, p in enumerate(profiles):
            own = [label_row[label] for label in p.sectors]
            if own:
                sector_vectors[i] = vectors[own].sum(axis=0)
            kind = KIND_WORDS.get(p.kind, p.kind.replace("_", " "))
            identity_vectors[i] = sector_vectors[i] + vectors[kind_row[kind]]
        _unit_rows(sector_vectors)
        _unit_rows(identity_vectors)
        # the same trade, whatever each offers or needs: a network of crèches and a crèche software
        domain = _unit_rows(offer_vectors + need_vectors)
        # the n x n products of 512-wide vectors, two at a time (one BLAS thread each, both cores)
        wanted_products = {
            "need_offer": (need_vectors, offer_vectors),
            "same_offer": (offer_vectors, offer_vectors)
            if want("emb_same_offer") or want("emb_look_alike") or want("emb_rival")
            else None,
            "domain": (domain, domain) if want("emb_domain") else None,
            "need_identity": (need_vectors, identity_vectors) if want("emb_need_identity") else None,
            "sector": (sector_vectors, sector_vectors)
            if want("emb_sector") or want("emb_sector_rank") or want("emb_sector_same_class")
            else None,
            "context": _in_context(need_vectors, offer_vectors, sector_vectors)
            if want("emb_context_need_offer") or want("emb_context_offer_need") or want("emb_context_rank")
            else None,
        }
        with ThreadPoolExecutor(embed.WORKERS) as pool:
            running = {
                name: pool.submit(np.matmul, pair[0], pair[1].T)
                for name, pair in wanted_products.items()
                if pair is not None
            }
            products = {name: future.result() for name, future in running.items()}
        emb_need_offer = products["need_offer"]
        emb_offer_need = emb_need_offer.T
        found["emb_need_offer"] = emb_need_offer
        found["emb_offer_need"] = emb_offer_need
        if want("emb_hub"):
            found["emb_hub"] = _hubness(emb_need_offer + emb_offer_need, weights.hub_k)[np.newaxis, :]
        if want("emb_same_offer") or want("emb_look_alike") or want("emb_rival"):
            same_offer_vectors = products["same_offer"]
            found["emb_same_offer"] = same_offer_vectors
            if want("emb_look_alike"):
                found["emb_look_alike"] = _look_alike(same_offer_vectors, emb_need_offer, emb_offer_need)
            if want("emb_rival"):
                # offering the same thing to the same kind of partner: a competitor, not a partner
                found["emb_rival"] = np.clip(same_offer_vectors, 0.0, None) * _same_roles(profiles)
        if want("emb_domain"):
            found["emb_domain"] = products["domain"]
        if want("emb_need_identity"):
            # "software to recommend to our members" against what j is: "startup: childcare, software"
            found["emb_need_identity"] = products["need_identity"]
            found["emb_identity_need"] = found["emb_need_identity"].T
        if want("emb_sector") or want("emb_sector_rank") or want("emb_sector_same_class"):
            # declared sectors in any words and language: "Performing arts" and "Arts de la scène"
            found["emb_sector"] = products["sector"]
        if want("emb_sector_same_class"):
            # the same trade and the same class of organisation (two companies): how rivals look;
            # a partner is more often of another class (an association, a lab, a distributor)
            found["emb_sector_same_class"] = found["emb_sector"] * _same_class(profiles)
        if "context" in products:
            # a need read with its own sectors ("software to recommend to our members" of a network
            # of funeral homes) against an offer read with its own (a streaming service for funerals)
            context = products["context"]
            found["emb_context_need_offer"] = context
            found["emb_context_offer_need"] = context.T
            if want("emb_context_rank"):
                found["emb_context_rank"] = _rank_decay(context + context.T)
        # where j stands in i's own order: what is nearest to i counts, whatever the scale of i's
        # similarities (a profile of generic words is close to nobody in absolute terms)
        if want("emb_complement_rank"):
            found["emb_complement_rank"] = _rank_decay(emb_need_offer + emb_offer_need)
        if want("emb_sector_rank"):
            found["emb_sector_rank"] = _rank_decay(found["emb_sector"])
    return analysis, found


def _in_context(
    need_vectors: np.ndarray, offer_vectors: np.ndarray, sector_vectors: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Needs and offers each added to their profile's sectors (all unit vectors), normalised: the pair
    whose product is ``emb_context_need_offer``. An empty text reads as its profile's sectors alone."""
    pair = []
    for matrix in (need_vectors, offer_vectors):
        mixed = _unit_rows(matrix.copy()) + sector_vectors
        pair.append(_unit_rows(mixed).astype(np.float32))
    return pair[0], pair[1]


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    """``matrix`` with each row scaled to length 1, in place (a row of zeros, an empty text, stays zero)."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    matrix /= norms
    return matrix


# classes of organisation: two of one class (two companies) compete more often than they partner
KIND_CLASS = {
    "startup": "company",
    "sme": "company",
    "large_company": "company",
    "consultant": "company",
    "association": "network",
    "public": "network",
    "incubator": "network",
    "research": "research",
    "distributor": "distributor",
    "investor": "investor",
}


def _same_class(profiles: tuple[Profile, ...]) -> np.ndarray:
    """``[i, j]``: 1 when i and j are of one class of organisation (unknown kinds: the same kind)."""
    classes = np.array([KIND_CLASS.get(p.kind, p.kind) for p in profiles])
    return (classes[:, None] == classes[None, :]).astype(np.float32)


RANK_SCALE = 10.0  # the 1st of a list counts 1, the 10th 0.39, the 30th 0.05
RANK_DEPTH = 64  # beyond this place, exp(-place / RANK_SCALE) is taken as 0


def _rank_decay(matrix: np.ndarray) -> np.ndarray:
    """``exp(-place / RANK_SCALE)`` of j in row i ordered by ``matrix`` (best first, place 0), 0 for i itself,
    beyond :data:`RANK_DEPTH` and where the similarity is not positive (no sectors, an empty text: ties
    whose order would mean nothing). Only the first places are sorted: linear in the pairs."""
    n = matrix.shape[0]
    out = np.zeros((n, n), dtype=np.float32)
    if n < 2:
        return out
    m = np.array(matrix, dtype=np.float32)
    np.fill_diagonal(m, -np.inf)
    depth = min(RANK_DEPTH, n - 1)
    candidates = np.argpartition(-m, depth - 1, axis=1)[:, :depth]
    values = np.take_along_axis(m, candidates, axis=1)
    order = np.argsort(-values, axis=1, kind="stable")
    columns = np.take_along_axis(candidates, order, axis=1)
    out[np.arange(n)[:, None], columns] = np.exp(-np.arange(depth, dtype=np.float32) / RANK_SCALE)
    out[m <= 0] = 0.0
    return out


# what an organisation of each kind is, in words the sentence encoder reads next to its sectors
KIND_WORDS = {
    "startup": "startup",
    "sme": "company",
    "large_company": "large company",
    "investor": "investor",
    "distributor": "distributor",
    "research": "research lab",
    "public": "public body",
    "association": "association of members",
    "incubator": "incubator",
    "consultant": "consultant",
}


def score(
    problem: Problem,
    weights: Weights | None = None,
    *,
    coefficients: dict[str, float] | None = None,
    embeddings: bool = True,
) -> tuple[Analysis, Scores]:
    """All pairs' scores; n x n float32 matrices (36 MB each for 3,000 profiles).

    ``total`` is a weighted sum of :func:`features`, with the weights learnt from labelled pairs
    (:mod:`.fusion`); ``coefficients`` overrides them (the training script uses it). Features whose
    coefficient is zero are not computed.
    """
    n = len(problem.profiles)
    with_model = embeddings and embed.encoder() is not None
    if coefficients is None:
        coefficients = fusion.coefficients(embeddings=with_model)
    needed = frozenset(name for name, value in coefficients.items() if value)
    analysis, found = features(problem, weights, embeddings=embeddings, needed=needed)
    total = np.zeros((n, n), dtype=np.float32)
    term = np.empty((n, n), dtype=np.float32)
    for name, coefficient in coefficients.items():
        if coefficient and name in found:
            if found[name].shape == total.shape:
                np.multiply(found[name], np.float32(coefficient), out=term, casting="unsafe")
                total += term
            else:
                total += np.float32(coefficient) * found[name]
    if n:
        np.fill_diagonal(total, -np.inf)
    return analysis, Scores(
        total=total,
        need_offer=found["lex_need_offer"],
        offer_need=found["lex_offer_need"],
        same_sector=found["same_sector"] > 0,
        role=found["role"],
        role_back=found["role_back"],
        corridor=found["corridor"] > 0,
        cross_border=found["cross_border"] > 0,
        shared_language=found["no_shared_language"] == 0,
        emb_need_offer=found.get("emb_need_offer"),
        emb_offer_need=found.get("emb_offer_need"),
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
