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

Then, per seed, where the overlaps are: the clashing favourite pairs (attendees who starred both) between the
big room's talks and the smaller activities, ours, and a floor under them for the set we keep (``floor``):
when the big room is busy all day, every minute of a smaller activity overlaps a big talk, so each smaller
activity overlaps big talks lasting, together, at least as long as it does; the cheapest such talks for each
activity, taken separately (no order of the big room, no other room, no speaker in the way), add up to the
floor. It bounds pairs, not missed favourites, and holds only for programmes that keep what ours keeps.
Between the two, ``order``: the same pairs when each smaller activity sits at its cheapest start (among its
allowed days and its speakers' times) against our big room's order, no room, speaker or other smaller activity
in the way; it bounds the pairs of the programmes that keep our set and our big room's order, so ``floor`` to
``order`` is what the big room's order costs, and ``order`` to ``ours`` what the smaller activities' rooms,
speakers and overlaps among themselves cost. The last two columns say what those overlaps are: the clashing
pairs among the smaller activities, ours (``s×s``) and with each smaller activity at its ``order`` start
(``s×s order``, the one nearest ours when several tie): what reaching ``order`` would cost among them.
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

from programme import measure, run_child

from maillage.engine.programme.board import Board
from maillage.engine.programme.conflicts import co_interest
from maillage.engine.programme.generate import generate_overfull_week
from maillage.engine.programme.model import Instance
from maillage.engine.programme.parse import parse_instance, parse_placements
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
    pairs = big_room_pairs(instance, opt["document"])
    row["big_pairs"], row["order"], row["floor"], row["small_pairs"], row["small_order"] = pairs
    return row


def big_room_pairs(instance: Instance, document: dict[str, Any]) -> tuple[int, int, int, int, int]:
    """(clashing favourite pairs between big talks and smaller activities in ``document``, the same with each
    smaller activity at its cheapest start against the big talks as placed, their floor; then the clashing
    pairs among the smaller activities in ``document``, and with each at that cheapest start)."""
    weights = co_interest(instance)
    biggest = max(r.capacity for r in instance.rooms)
    second = max((r.capacity for r in instance.rooms if r.capacity < biggest), default=0)
    out = {u["activity"] for u in document["unplaced"]}
    kept = [a for a in instance.activities if a.id not in out]
    big = [a for a in kept if a.attendance > second]
    small = [a for a in kept if a.attendance <= second]
    grid = instance.grid_minutes

    def w(x: str, y: str) -> int:
        return weights.get((x, y) if x < y else (y, x), 0)

    span = {
        p.activity: (p.start, p.start + instance.activity_by_id[p.activity].duration)
        for p in parse_placements(instance, document)
    }
    starts = Board(instance).starts
    index = {a.id: i for i, a in enumerate(instance.activities)}
    ours = order = floor = 0
    cheapest_start: dict[str, tuple[int, int]] = {}
    for x in small:
        if x.id in span:
            sx = span[x.id]
            for b in big:
                sb = span.get(b.id)
                if sb and sb[0] < sx[1] and sx[0] < sb[1]:
                    ours += w(x.id, b.id)
            placed_big = [(span[b.id], w(x.id, b.id)) for b in big if b.id in span and w(x.id, b.id)]
            cost, _, at = min(
                (
                    (
                        sum(c for (bs, be), c in placed_big if bs < s + x.duration and s < be),
                        abs(s - sx[0]),
                        s,
                    )
                    for s in starts[index[x.id]]
                ),
                default=(0, 0, sx[0]),
            )
            order += cost
            cheapest_start[x.id] = (at, at + x.duration)
        need = -(-x.duration // grid)
        cheapest = [0] + [1 << 40] * need  # cheapest big talks lasting at least k grid steps
        for b in big:
            cost, length = w(x.id, b.id), -(-b.duration // grid)
            for k in range(need, 0, -1):
                cheapest[k] = min(cheapest[k], cheapest[max(0, k - length)] + cost)
        floor += cheapest[need]
    placed_small = [x.id for x in small if x.id in span]
    small_ours = small_order = 0
    for i, x in enumerate(placed_small):
        for y in placed_small[i + 1 :]:
            if w(x, y):
                (xs, xe), (ys, ye) = span[x], span[y]
                small_ours += w(x, y) * (xs < ye and ys < xe)
                (xs, xe), (ys, ye) = cheapest_start[x], cheapest_start[y]
                small_order += w(x, y) * (xs < ye and ys < xe)
    return ours, order, floor, small_ours, small_order


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
    print()
    print(
        "clashing favourite pairs, big room's talks × smaller activities: ours, each smaller activity at its "
        "cheapest start for our big room's order (order), floor for the kept set"
    )
    print(
        "and among the smaller activities: ours (s×s), and with each at that cheapest start nearest ours (s×s order)"
    )
    print(f"{'seed':>4} {'ours':>6} {'order':>6} {'floor':>6} {'s×s':>6} {'s×s order':>9}")
    for r in rows:
        print(
            f"{r['seed']:>4} {r['big_pairs']:>6} {r['order']:>6} {r['floor']:>6} {r['small_pairs']:>6} "
            f"{r['small_order']:>9}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
