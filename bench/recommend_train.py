"""Learn the recommender's channel weights (``fusion.json``) from labelled pairs.

    python bench/recommend_train.py [--data PATH ...] [--half tuning] [--write]

The committed ``fusion.json`` was learnt on every pair of the five sets (``--half ''``): their held-out
halves had all been read, and a newly sealed set (``data/sealed/``) keeps the final reading honest; the
figures to quote for the five sets are then the cross-validated ones this prints (out of fold).

For every labelled pair (a, b) of the chosen half, asked both ways, the model is a softmax over the
query's whole list: the loss is ``-log(exp(s(a, b)) / sum_j exp(s(a, j)))`` where ``s(a, j)`` is the
weighted sum of the features (:func:`maillage.engine.recommend.score.features`), the other labelled
partners of ``a`` left out of the sum. Each market adds a logistic margin that puts the seller's buyer
above its competitor. Features are standardised, the weights kept to the sign they must have (a
look-alike never helps, a shared sector never hurts) and L2-regularised; the regularisation is chosen
by 5-fold cross-validation over markets (a market's pairs are never split between training and test).
The same is done without the embedding features, for installs without the model.

``--write`` stores the result in ``src/maillage/engine/recommend/fusion.json``; without it, the
cross-validated figures and the weights are only printed.
"""

from __future__ import annotations

import argparse
import json
import random
import shlex
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from recommend import DEFAULT_SETS, LabelledSet, load
from scipy.optimize import minimize
from scipy.special import logsumexp

from maillage.engine.recommend.fusion import EMBEDDING_FEATURES, FEATURES
from maillage.engine.recommend.parse import parse_problem
from maillage.engine.recommend.score import features

FUSION = Path(__file__).resolve().parents[1] / "src" / "maillage" / "engine" / "recommend" / "fusion.json"
POSITIVE = {"lex_need_offer", "lex_offer_need", "emb_need_offer", "emb_offer_need", "same_sector", "role"}
POSITIVE |= {"role_back", "corridor", "cross_border", "place", "place_back"}
POSITIVE |= {"emb_need_identity", "emb_identity_need", "emb_complement_rank", "emb_sector_rank"}
POSITIVE |= {"roles_meet"}
POSITIVE |= {"emb_context_need_offer", "emb_context_offer_need", "emb_context_rank"}
NEGATIVE = {"lex_hub", "lex_look_alike", "emb_hub", "emb_look_alike", "no_shared_language"}
MARKET_WEIGHT = 2.0  # weight of the buyer-above-competitor margin, relative to one query's loss
LAMBDAS = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)


@dataclass
class Query:
    group: str  # the market, for cross-validation
    rows: np.ndarray  # (n, d) features of every candidate for this query
    positive: int
    exclude: np.ndarray  # bool (n,): the query itself and its other labelled partners


@dataclass
class Margin:
    group: str
    buyer: np.ndarray  # (d,)
    competitor: np.ndarray


def group_of(pid: str) -> str:
    return pid.split("-")[0]


def collect(labelled: LabelledSet, names: list[str], half: str | None) -> tuple[list[Query], list[Margin]]:
    problem = parse_problem(labelled.raw)
    ids = [p.id for p in problem.profiles]
    position = {pid: k for k, pid in enumerate(ids)}
    _, found = features(problem, embeddings=any(name in EMBEDDING_FEATURES for name in names))
    n = len(ids)

    def row(q: int) -> np.ndarray:
        return np.stack(
            [(found[f][0] if found[f].shape[0] == 1 else found[f][q]).astype(np.float64) for f in names],
            axis=1,
        )

    partners: dict[int, set[int]] = {}
    for pair in labelled.pairs:
        a, b = position[pair["a"]], position[pair["b"]]
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    queries = []
    for pair in labelled.pairs:
        if half and pair.get("half") != half:
            continue
        for q, p in ((pair["a"], pair["b"]), (pair["b"], pair["a"])):
            qi, pi = position[q], position[p]
            exclude = np.zeros(n, dtype=bool)
            exclude[qi] = True
            exclude[list(partners[qi] - {pi})] = True
            queries.append(Query(f"{labelled.name}:{group_of(pair['a'])}", row(qi), pi, exclude))
    margins = []
    for market in labelled.markets:
        if half and market.get("half") != half:
            continue
        s = position[market["seller"]]
        r = row(s)
        margins.append(
            Margin(
                f"{labelled.name}:{group_of(market['seller'])}",
                r[position[market["buyer"]]],
                r[position[market["competitor"]]],
            )
        )
    return queries, margins


def _stacked(queries: list[Query]) -> list[tuple[np.ndarray, ...]]:
    """The queries as 3-d arrays, one block per list length (a labelled set), kept for the optimiser's
    many calls on the same list of queries."""
    found = _STACKED.get(id(queries))
    if found is not None and found[0] is queries:
        return found[1]
    blocks = []
    for n in sorted({len(q.rows) for q in queries}):
        same = [q for q in queries if len(q.rows) == n]
        rows = np.stack([q.rows for q in same])
        exclude = np.stack([q.exclude for q in same])
        positive = rows[np.arange(len(same)), [q.positive for q in same]]
        blocks.append((rows, exclude, positive, np.where(exclude[:, :, None], 0.0, rows)))
    if len(_STACKED) > 8:
        _STACKED.clear()
    _STACKED[id(queries)] = (queries, blocks)
    return blocks


_STACKED: dict[int, tuple[list[Query], list[tuple[np.ndarray, ...]]]] = {}


def loss(w: np.ndarray, queries: list[Query], margins: list[Margin], lam: float) -> tuple[float, np.ndarray]:
    total, grad = 0.0, np.zeros_like(w)
    for rows, exclude, positive, cleared in _stacked(queries):
        s = rows @ w
        s[exclude] = -np.inf
        lse = logsumexp(s, axis=1)
        prob = np.exp(s - lse[:, None])
        total += float(np.sum(lse - positive @ w))
        grad += np.einsum("qn,qnd->d", prob, cleared) - positive.sum(axis=0)
    if margins:
        diff = np.array([m.buyer - m.competitor for m in margins])
        z = diff @ w
        total += MARKET_WEIGHT * float(np.sum(np.logaddexp(0.0, -z)))
        grad -= MARKET_WEIGHT * (diff / (1.0 + np.exp(z))[:, None]).sum(axis=0)
    count = max(1, len(queries))
    return total / count + lam * float(w @ w), grad / count + 2 * lam * w


def fit(queries: list[Query], margins: list[Margin], names: list[str], lam: float) -> np.ndarray:
    bounds = [(0.0, None) if f in POSITIVE else (None, 0.0) if f in NEGATIVE else (None, None) for f in names]
    start = np.array([0.5 if f in POSITIVE else -0.1 for f in names])
    result = minimize(loss, start, args=(queries, margins, lam), jac=True, method="L-BFGS-B", bounds=bounds)
    return result.x


def metrics(w: np.ndarray, queries: list[Query]) -> tuple[float, float]:
    ranks = []
    for q in queries:
        s = q.rows @ w
        s[q.exclude] = -np.inf
        ranks.append(1 + int(np.sum(s > s[q.positive])))
    r = np.array(ranks)
    return float(np.mean(r <= 10)), float(np.mean(1 / r))


def cross_validate(queries: list[Query], margins: list[Margin], names: list[str], seed: int = 1) -> float:
    """The regularisation with the best cross-validated recall@10 + MRR, 5 folds of markets; the
    figures are printed for all queries and for each labelled set (its markets' share of the folds)."""
    groups = sorted({q.group for q in queries})
    random.Random(seed).shuffle(groups)
    fold = {g: k % 5 for k, g in enumerate(groups)}
    sets = sorted({q.group.split(":")[0] for q in queries})
    best = None
    print(
        "| lambda | CV recall@10 | CV MRR | "
        + " | ".join(f"{name} recall@10 / MRR / buyer above competitor" for name in sets)
        + " |"
    )
    print("|---:|---:|---:|" + "---:|" * len(sets))
    for lam in LAMBDAS:
        ranks: dict[str, list[int]] = {name: [] for name in sets}
        above: dict[str, list[bool]] = {name: [] for name in sets}
        for k in range(5):
            train_q = [q for q in queries if fold[q.group] != k]
            train_m = [m for m in margins if fold.get(m.group, -1) != k]
            w = fit(train_q, train_m, names, lam)
            for q in queries:
                if fold[q.group] == k:
                    ranks[q.group.split(":")[0]].append(rank_of(w, q))
            for m in margins:
                if fold.get(m.group, -1) == k:
                    above[m.group.split(":")[0]].append(bool(m.buyer @ w > m.competitor @ w))
        every = np.array([r for name in sets for r in ranks[name]])
        recall, mrr = float(np.mean(every <= 10)), float(np.mean(1 / every))
        per_set = " | ".join(
            f"{np.mean(np.array(ranks[name]) <= 10):.3f} / {np.mean(1 / np.array(ranks[name])):.3f}"
            f" / {sum(above[name])} of {len(above[name])}"
            for name in sets
        )
        print(f"| {lam} | {recall:.3f} | {mrr:.3f} | {per_set} |")
        if best is None or recall + mrr > best[0]:
            best = (recall + mrr, lam)
    return best[1]


def rank_of(w: np.ndarray, q: Query) -> int:
    s = q.rows @ w
    s[q.exclude] = -np.inf
    return 1 + int(np.sum(s > s[q.positive]))


def train(sets: list[LabelledSet], names: list[str], half: str | None) -> tuple[dict[str, float], float]:
    queries, margins = [], []
    for labelled in sets:
        q, m = collect(labelled, names, half)
        queries += q
        margins += m
    # standardise on the candidates' rows, so that one regularisation fits features of any scale
    scale = np.concatenate([q.rows for q in queries]).std(axis=0)
    scale[scale == 0] = 1.0
    for q in queries:
        q.rows = q.rows / scale
    for m in margins:
        m.buyer, m.competitor = m.buyer / scale, m.competitor / scale
    print(f"\n{len(names)} features, {len(queries)} queries, {len(margins)} markets")
    lam = cross_validate(queries, margins, names)
    w = fit(queries, margins, names, lam) / scale
    return {f: round(float(v), 6) for f, v in zip(names, w, strict=True)}, lam


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", action="append", type=Path, help="labelled set (repeatable)")
    parser.add_argument("--half", default="tuning", help="train on this half only ('' for all pairs)")
    parser.add_argument("--write", action="store_true", help="write fusion.json")
    parser.add_argument("--without", action="append", default=[], help="leave a feature out (repeatable)")
    args = parser.parse_args(argv)
    paths = args.data or list(DEFAULT_SETS)
    sets = [load(path) for path in paths if path.exists()]
    result = {
        "trained_on": [
            f"{s.name} ({args.half} half)" if args.half else f"{s.name} (all pairs)" for s in sets
        ],
        "command": shlex.join(["bench/recommend_train.py", *argv]),
    }
    for key, names in (
        ("with_embeddings", [f for f in FEATURES if f not in args.without]),
        ("lexical_only", [f for f in FEATURES if f not in EMBEDDING_FEATURES and f not in args.without]),
    ):
        coefficients, lam = train(sets, names, args.half or None)
        result[key] = coefficients
        result[f"{key}_lambda"] = lam
        print(json.dumps(coefficients, indent=1))
    if args.write:
        FUSION.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"wrote {FUSION}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
