"""The weights of the score's channels, learnt from labelled pairs rather than tuned by hand.

The score of j in i's list is ``sum(coefficient[f] * feature_f[i, j])`` over :data:`FEATURES` (see
:func:`~.score.features`). The coefficients live in ``fusion.json`` beside this file, written by
``bench/recommend_train.py``: a listwise (softmax) ranking loss over each labelled query's whole list,
plus a margin that puts each seller's buyer above its competitor, with L2 regularisation chosen by
cross-validation over markets. The committed weights were learnt on every labelled pair of the five sets
in ``bench/data`` (their held-out halves had all been read); a sealed set, read once, says how they hold.
``fusion.json`` holds two sets: one with the sentence-embedding channel, one without it (used when the
model's package is not installed).
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

FEATURES = (
    "lex_need_offer",  # i's needs against j's offers, words, stems, concepts, n-grams
    "lex_offer_need",  # j's needs against i's offers
    "lex_hub",  # how much j complements everybody (a generic text), lexically
    "lex_look_alike",  # i and j offer the same words, beyond complementarity (competitors)
    "emb_need_offer",  # i's needs against j's offers, sentence embeddings
    "emb_offer_need",
    "emb_hub",
    "emb_look_alike",
    "emb_same_offer",  # i and j offer the same thing (a competitor), or work in one trade (a partner)
    "emb_domain",  # offers and needs together: the same trade
    "emb_need_identity",  # i's needs against what j is (its kind and sectors, in words)
    "emb_identity_need",  # j's needs against what i is
    "emb_sector",  # the two profiles' declared sectors, read by the encoder (any words, any language)
    "emb_rival",  # the same offer (emb_same_offer) and the same roles looked for: a competitor
    "emb_complement_rank",  # j's place in i's list by emb_need_offer + emb_offer_need, exp(-place / 10)
    "emb_sector_rank",  # j's place in i's list by emb_sector, the same way
    "emb_context_need_offer",  # i's needs read with i's sectors against j's offers read with j's sectors
    "emb_context_offer_need",
    "emb_context_rank",  # j's place in i's list by the two above, exp(-place / 10)
    "emb_sector_same_class",  # emb_sector when both are the same class of organisation (a rival's mark)
    "same_sector",  # a declared sector in common
    "role",  # j's kind is what i looks for
    "role_back",  # i's kind is what j looks for
    "corridor",  # the two regions form a corridor
    "place",  # i's needs name the country or region j is in ("a distributor in France")
    "place_back",  # j's needs name where i is
    "cross_border",  # different countries
    "no_shared_language",
    "roles_meet",  # a role i looks for answers one j looks for (clients and suppliers)
    "neither_needs",  # neither states a need: two sellers with nothing to ask of each other (rivals)
)
EMBEDDING_FEATURES = frozenset(f for f in FEATURES if f.startswith("emb_"))

# The hand-tuned weights of the lexical engine before learning; used if fusion.json is missing.
HAND_TUNED = {
    "lex_need_offer": 1.0,
    "lex_offer_need": 1.0,
    "lex_hub": -0.3,
    "lex_look_alike": -0.1,
    "same_sector": 0.05,
    "role": 0.08,
    "role_back": 0.04,
    "corridor": 0.06,
    "cross_border": 0.03,
    "no_shared_language": -0.3,
}


@cache
def _stored() -> dict:
    path = resources.files(__package__).joinpath("fusion.json")
    if not path.is_file():
        return {}
    return json.loads(path.read_text(encoding="utf-8"))


def coefficients(*, embeddings: bool) -> dict[str, float]:
    """The learnt coefficients, with or without the embedding channel."""
    stored = _stored().get("with_embeddings" if embeddings else "lexical_only")
    if not stored:
        return dict(HAND_TUNED)
    unknown = sorted(set(stored) - set(FEATURES))
    if unknown:
        raise ValueError(f"fusion.json: unknown feature {unknown[0]!r}")
    return {name: float(value) for name, value in stored.items()}
