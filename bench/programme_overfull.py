"""Benchmark of the programme optimiser on over-full weeks: what it leaves out, against the knapsack bound.

    .venv/bin/python bench/programme_overfull.py --seeds 1,2,3,4,5 --time-limit 60

For each seed, ``generate_overfull_week`` builds a week whose one big room is over-subscribed by 25% (plus
several rooms and venues, speakers away half a day and travelling between venues, a fixed keynote a day,
attendees' stars correlated by track); the real command solves it in a child process
(``python -m maillage schedule-programme``), and first-fit too (``--solver first-fit``). Every programme is
checked against the hard rules and measured with the same functions (``metrics.py``).

Columns: favourites of the activities left out; the knapsack's proven bound on them (no programme leaves out
fewer); the gap between the two (target: within 5%); all missed favourites (left out plus lost to overlaps)
and first-fit's, and their ratio; the favourites lost to overlaps among the placed activities, ours and
first-fit's, and their ratio (target: at most 1/10, as on the ordinary week); the combined lower bound on
missed favourites; the remedies found and the best one; seconds (wall, child process).
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from programme import measure, run_child

from maillage.engine.programme.generate import generate_overfull_week
from maillage.engine.programme.parse import parse_instance
from maillage.engine.programme.selection import favourite_counts


def run_seed(seed: int, time_limit: float) -> dict[str, Any]:
    data = generate_overfull_week(seed)
    instance = parse_instance(data)
    starred = favourite_counts(instance)
    row: dict[str, Any] = {"seed": seed}
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "instance.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        base = [sys.executable, "-m", "maillage", "schedule-programme", str(source)]
        for name, extra in (
            ("ff", ["--solver", "first-fit"]),
            ("opt", ["--time-limit", str(time_limit), "--seed", str(seed)]),
        ):
            target = Path(folder) / f"{name}.json"
            code, wall, _ = run_child([*base, *extra, "--output", str(target)])
            if code != 0:
                raise SystemExit(f"seed {seed}: {name} failed (exit {code})")
            document = json.loads(target.read_text(encoding="utf-8"))
            stats = measure(source, target)
            left_out = sum(starred[u["activity"]] for u in document["unplaced"])
            row[name] = {
                **stats,
                "left_out": left_out,
                "overlap": stats["missed_favourites"] - left_out,
                "seconds": wall,
                "document": document,
            }
    opt = row["opt"]
    stats = opt["document"]["stats"]
    row["bound"] = stats["left_out_favourites_lower_bound"]
    row["missed_bound"] = stats["missed_favourites_lower_bound"]
    row["big_minutes"] = sum(
        a.duration for a in instance.activities if a.attendance > 300 and a.fixed is None
    )
    row["remedies"] = opt["document"]["remedies"]
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seeds", default="1,2,3,4,5")
    parser.add_argument("--time-limit", type=float, default=60.0, help="the optimiser's limit (seconds)")
    args = parser.parse_args(argv)
    rows = [run_seed(int(seed), args.time_limit) for seed in args.seeds.split(",")]
    print(
        f"over-full weeks (big room over-subscribed by 25%), optimiser time limit {args.time_limit:.0f} s, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}"
    )
    header = (
        f"{'seed':>4} {'left':>6} {'bound':>6} {'gap %':>6} {'missed':>7} {'FF':>6} {'ratio':>6} "
        f"{'overlap':>7} {'FF ovl':>6} {'ratio':>6} {'LB':>5} {'placed':>7} {'FF pl.':>7} {'err':>3} "
        f"{'s':>5} {'rem.':>4}  best remedy"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        opt, ff = r["opt"], r["ff"]
        gap = 100 * (opt["left_out"] - r["bound"]) / max(r["bound"], 1)
        best = r["remedies"][0]["text"] if r["remedies"] else ""
        print(
            f"{r['seed']:>4} {opt['left_out']:>6} {r['bound']:>6} {gap:>6.1f} {opt['missed_favourites']:>7} "
            f"{ff['missed_favourites']:>6} {opt['missed_favourites'] / max(ff['missed_favourites'], 1):>6.3f} "
            f"{opt['overlap']:>7} {ff['overlap']:>6} {opt['overlap'] / max(ff['overlap'], 1):>6.3f} "
            f"{r['missed_bound']:>5} {opt['placed']:>3}/{opt['activities']:<3} {ff['placed']:>3}/{ff['activities']:<3} "
            f"{opt['errors'] + ff['errors']:>3} {opt['seconds']:>5.1f} {len(r['remedies']):>4}  {best[:70]}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
