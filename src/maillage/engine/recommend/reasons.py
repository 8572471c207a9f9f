"""Reasons in plain words, quoting the phrases that matched, in French or English.

Each reason has a stable ``code`` and ``params`` (ids, codes and the quoted phrases: an app stores them once
and renders its own sentences in each reader's language) and a ``text`` rendered here by :func:`render`:

=================  =======================  ====================================================
code               params                   English text
=================  =======================  ====================================================
need_offer         need, offer              your need 'NEED' matches their offer 'OFFER'
offer_need         need, offer              their need 'NEED' matches your offer 'OFFER'
need_offer_close   need, offer              your need 'NEED' is close in meaning to their offer 'OFFER'
offer_need_close   need, offer              their need 'NEED' is close in meaning to your offer 'OFFER'
same_sector        sector (slug)            same sector: SECTOR (the taxonomy's label)
looking_for        role (code)              they are the kind of partner you are looking for: ROLE
looked_for         role (code)              you are the kind of partner they are looking for: ROLE
corridor           region, own_region       their region is in the OWN_REGION–REGION corridor
cross_border       country (as given)       international partner: COUNTRY
no_shared_language                          no language in common
few_in_common                               little in common: suggested to complete your list
=================  =======================  ====================================================

The ``*_close`` reasons come from the sentence-embedding channel (:mod:`.embed`): the two texts share
no word, stem or concept that the lexical channels know, but mean nearly the same thing; they quote
the clause of the need and the clause of the offer whose vectors are closest (the encoder gives each
clause a vector as it reads the text), cut to a few words.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from maillage.engine.recommend.embed import CLAUSE_BREAK
from maillage.engine.recommend.model import Reason
from maillage.engine.recommend.score import ROLE_FIT, Analysis, Scores, Text
from maillage.engine.recommend.taxonomy import sector_by_slug
from maillage.engine.recommend.text import is_stop, tokenize

TEMPLATES = {
    "en": {
        "need_offer": "your need '{need}' matches their offer '{offer}'",
        "offer_need": "their need '{need}' matches your offer '{offer}'",
        "need_offer_close": "your need '{need}' is close in meaning to their offer '{offer}'",
        "offer_need_close": "their need '{need}' is close in meaning to your offer '{offer}'",
        "same_sector": "same sector: {sector}",
        "looking_for": "they are the kind of partner you are looking for: {role}",
        "looked_for": "you are the kind of partner they are looking for: {role}",
        "corridor": "their region is in the {own_region}–{region} corridor",
        "cross_border": "international partner: {country}",
        "no_shared_language": "no language in common",
        "few_in_common": "little in common: suggested to complete your list",
    },
    "fr": {
        "need_offer": "votre besoin « {need} » correspond à leur offre « {offer} »",
        "offer_need": "leur besoin « {need} » correspond à votre offre « {offer} »",
        "need_offer_close": "votre besoin « {need} » est proche du sens de leur offre « {offer} »",
        "offer_need_close": "leur besoin « {need} » est proche du sens de votre offre « {offer} »",
        "same_sector": "même secteur : {sector}",
        "looking_for": "le type de partenaire que vous cherchez : {role}",
        "looked_for": "vous êtes le type de partenaire qu'ils cherchent : {role}",
        "corridor": "leur région est dans le corridor {own_region}–{region}",
        "cross_border": "partenaire international : {country}",
        "no_shared_language": "aucune langue en commun",
        "few_in_common": "peu de points communs : suggestion pour compléter votre liste",
    },
}
ROLE_LABELS = {
    "en": {
        "client": "client",
        "supplier": "supplier",
        "investor": "investor",
        "distributor": "distributor",
        "rd_partner": "R&D partner",
        "mentor": "mentor",
    },
    "fr": {
        "client": "client",
        "supplier": "fournisseur",
        "investor": "investisseur",
        "distributor": "distributeur",
        "rd_partner": "partenaire de R-D",
        "mentor": "mentor",
    },
}
# below this, a text match is too weak to be worth a sentence
TEXT_THRESHOLD = 0.04
# cosine of two sentence embeddings above which two texts are said to be close in meaning
CLOSE_THRESHOLD = 0.3
QUOTE_WORDS = 10
_WORD = re.compile(r"\S+")
_CLAUSE_BREAK = CLAUSE_BREAK


@lru_cache(maxsize=20_000)
def _is_filler(word: str) -> bool:
    """Stop words and "we need", "nous cherchons"... that a quote can do without at its ends."""
    tokens = tokenize(word)
    return bool(tokens) and all(is_stop(t.norm) for t in tokens)


@lru_cache(maxsize=20_000)
def quote(text: str, start: int, end: int) -> str:
    """The clause of ``text`` around ``[start, end)``, cut to a few words around the match."""
    left = 0
    for match in _CLAUSE_BREAK.finditer(text, 0, start):
        left = match.end()
    found = _CLAUSE_BREAK.search(text, end)
    right = found.start() if found else len(text)
    if right < end:
        right = end
    words = [(m.start(), m.end()) for m in _WORD.finditer(text, left, right)]
    if not words:
        return " ".join(text[start:end].split())
    first = next((k for k, (_, e) in enumerate(words) if e > start), 0)
    last = max((k for k, (b, _) in enumerate(words) if b < end), default=first)
    if len(words) > QUOTE_WORDS + 4:
        spare = max(0, QUOTE_WORDS - (last - first + 1))
        low = max(0, first - spare // 2)
        high = min(len(words) - 1, last + (spare - (first - low)))
    else:
        low, high = 0, len(words) - 1
    # a quote does not start or end on "de", "for", "nous cherchons"...
    while low < first and _is_filler(text[words[low][0] : words[low][1]]):
        low += 1
    while high > last and _is_filler(text[words[high][0] : words[high][1]]):
        high -= 1
    clause = " ".join(text[words[low][0] : words[high][1]].split())
    return clause.strip(" ,;:-–—'\"«»")


def lead(text: str, start: int = 0, end: int | None = None) -> str:
    """The clause of ``text`` that starts at ``start`` (the first one by default), cut to a few words:
    what an embedding-only reason quotes."""
    if end is None:
        found = _CLAUSE_BREAK.search(text, start)
        end = found.start() if found and text[start : found.start()].strip() else len(text)
    words = list(_WORD.finditer(text, start, end))
    if not words:
        return quote(text, start, max(start, end))
    if len(words) > QUOTE_WORDS:
        end = words[QUOTE_WORDS - 1].end()
    return quote(text, words[0].start(), min(end, words[-1].end()))


def _shared_best(left: dict[int, float], right: dict[int, float]) -> list[int]:
    """Columns the two rows share, the largest contribution first (ties: the lower column)."""
    shared = left.keys() & right.keys()
    return sorted(shared, key=lambda c: (-left[c] * right[c], c))


def _row(analysis: Analysis, matrix: str, row: int) -> dict[int, float]:
    key = (matrix, row)
    found = analysis.rows.get(key)
    if found is None:
        m = getattr(analysis, matrix)
        start, end = m.indptr[row], m.indptr[row + 1]
        found = dict(zip(m.indices[start:end].tolist(), m.data[start:end].tolist(), strict=True))
        analysis.rows[key] = found
    return found


def _best_shared(
    analysis: Analysis,
    left: Text,
    left_row: int,
    left_matrix: str,
    right: Text,
    right_row: int,
    right_matrix: str,
) -> tuple[str, str] | None:
    """Quotes of the two texts around the feature that contributes most to their similarity."""
    left_values = _row(analysis, left_matrix, left_row)
    right_values = _row(analysis, right_matrix, right_row)
    shared = left_values.keys() & right_values.keys()
    if not shared:
        return None
    # nearly always the best shared feature is quoted: find it without sorting them all
    best = max(shared, key=lambda c: (left_values[c] * right_values[c], -c))
    key = analysis.keys[best]
    if key in left.spans and key in right.spans:
        return quote(left.raw, *left.spans[key]), quote(right.raw, *right.spans[key])
    for column in _shared_best(left_values, right_values):
        key = analysis.keys[column]
        if key in left.spans and key in right.spans:
            return quote(left.raw, *left.spans[key]), quote(right.raw, *right.spans[key])
    return None


def _closest_clauses(analysis: Analysis, need_row: int, offer_row: int) -> tuple[str, str] | None:
    """The clause of a need and the clause of an offer closest in meaning, quoted."""
    encoded = analysis.encoded
    if encoded is None:
        return None
    n = len(analysis.profiles)
    need_clauses = encoded.clauses[n + need_row]
    offer_clauses = encoded.clauses[offer_row]
    if not need_clauses or not offer_clauses:
        return None
    need_vectors = encoded.clause_vectors[[row for _, _, row in need_clauses]]
    offer_vectors = encoded.clause_vectors[[row for _, _, row in offer_clauses]]
    similarity = need_vectors @ offer_vectors.T
    a, b = np.unravel_index(int(np.argmax(similarity)), similarity.shape)
    need_start, need_end, _ = need_clauses[a]
    offer_start, offer_end, _ = offer_clauses[b]
    need_text = analysis.profiles[need_row].needs
    offer_text = analysis.profiles[offer_row].offers
    return lead(need_text, need_start, need_end), lead(offer_text, offer_start, offer_end)


def explain(analysis: Analysis, scores: Scores, i: int, j: int, language: str) -> tuple[Reason, ...]:
    """The reasons i should meet j, strongest first."""
    profiles = analysis.profiles
    me, them = profiles[i], profiles[j]
    found: list[tuple[float, str, dict[str, str]]] = []
    # a weak text match is still worth quoting when nothing else speaks for the pair
    weak = scores.need_offer[i, j] < TEXT_THRESHOLD and scores.offer_need[i, j] < TEXT_THRESHOLD
    threshold = 1e-9 if weak else TEXT_THRESHOLD
    if scores.need_offer[i, j] >= threshold:
        pair = _best_shared(
            analysis, analysis.needs_text[i], i, "needs", analysis.offers_text[j], j, "offers"
        )
        if pair:
            found.append((float(scores.need_offer[i, j]), "need_offer", {"need": pair[0], "offer": pair[1]}))
    if scores.offer_need[i, j] >= threshold:
        pair = _best_shared(
            analysis, analysis.needs_text[j], j, "needs", analysis.offers_text[i], i, "offers"
        )
        if pair:
            found.append(
                (float(scores.offer_need[i, j]) * 0.99, "offer_need", {"need": pair[0], "offer": pair[1]})
            )
    quoted = {code for _, code, _ in found}
    if scores.emb_need_offer is not None and scores.emb_offer_need is not None:
        # meaning shared beyond the words the lexical channels know: quote the clause of the need and
        # the clause of the offer that are closest
        for code, value, need_row, offer_row in (
            ("need_offer", scores.emb_need_offer[i, j], i, j),
            ("offer_need", scores.emb_offer_need[i, j], j, i),
        ):
            if code in quoted or value < CLOSE_THRESHOLD:
                continue
            pair = _closest_clauses(analysis, need_row, offer_row)
            if pair and pair[0] and pair[1]:
                found.append(
                    (float(value) * TEXT_THRESHOLD, f"{code}_close", {"need": pair[0], "offer": pair[1]})
                )
    for slug in sorted(analysis.sectors[i] & analysis.sectors[j]):
        found.append((0.03, "same_sector", {"sector": slug}))
    if scores.role[i, j] >= 0.6:
        role = max(me.looking_for, key=lambda r: ROLE_FIT[r].get(them.kind, 0.0))
        found.append((0.02, "looking_for", {"role": role}))
    if scores.role_back[i, j] >= 0.6:
        role = max(them.looking_for, key=lambda r: ROLE_FIT[r].get(me.kind, 0.0))
        found.append((0.015, "looked_for", {"role": role}))
    if scores.corridor[i, j]:
        found.append((0.025, "corridor", {"region": them.region, "own_region": me.region}))
    if scores.cross_border[i, j]:
        found.append((0.01, "cross_border", {"country": them.country}))
    if not found:
        found.append((0.0, "few_in_common", {}))
    if not scores.shared_language[i, j]:
        found.append((0.0, "no_shared_language", {}))
    found.sort(key=lambda item: -item[0])
    return tuple(
        Reason(code=code, params=params, text=render(code, params, language)) for _, code, params in found
    )


def render(code: str, params: dict[str, str], language: str) -> str:
    """The sentence of a reason in ``language`` (``fr`` or ``en``): roles and sectors are given as codes
    (``rd_partner``, ``iot``) and shown in words. The command prints it beside the codes; an app that has its
    own catalogue renders the codes itself."""
    return _render(code, tuple(params.items()), language)


@lru_cache(maxsize=20_000)
def _render(code: str, params: tuple[tuple[str, str], ...], language: str) -> str:
    # the same sectors, roles and countries come back in many lists
    values = dict(params)
    if "role" in values:
        values["role"] = ROLE_LABELS[language][values["role"]]
    if code == "same_sector":
        found = sector_by_slug().get(values["sector"])
        values["sector"] = found.label(language) if found else values["sector"]
    return TEMPLATES[language][code].format(**values)
