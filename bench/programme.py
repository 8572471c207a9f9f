"""Benchmark of the programme optimiser against two baselines on generated digital weeks.

    .venv/bin/python bench/programme.py --seed 1 --time-limit 120

For each size (``full`` is the issue's week: 300 activities, 40 rooms in 8 venues, 5 days, 250 speakers,
5,000 attendees; ``small`` is a fifth of it), the week is generated (seeded), written to a temporary file and
solved in child processes, whose peak memory is read from the kernel (``os.wait4``):

- ``optimiser``: ``python -m maillage schedule-programme --time-limit T`` (the real command);
- ``first-fit``: the same command with ``--solver first-fit``;
- ``pycon-uk``: the integer program of the ``conference_scheduler`` package (PyCon UK's approach: one binary
  variable per activity and slot, slots being fixed blocks of each room, solved by CBC through PuLP), with the
  activities that share a speaker and the most starred-together pairs forbidden to clash, and the capacity
  waste minimised. It is skipped, with a note, when the package is not installed, and reported as not
  finished when it takes longer than ``--pycon-cap`` seconds.

Every programme is checked against the hard rules and measured with the same functions (see
``maillage.engine.programme.metrics`` for the definition of missed favourites).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from maillage.engine.programme.conflicts import co_interest
from maillage.engine.programme.generate import generate_week
from maillage.engine.programme.metrics import evaluate
from maillage.engine.programme.model import Placement, Programme, Unplaced
from maillage.engine.programme.parse import load_instance, parse_instance, parse_placements
from maillage.engine.programme.validate import programme_errors

SIZES: dict[str, dict[str, int]] = {
    "full": {},
    "small": {"activities": 60, "rooms": 8, "venues": 3, "days": 2, "speakers": 50, "attendees": 1000},
}


def run_child(command: list[str], cap: float | None = None) -> tuple[int | None, float, float]:
    """(exit code or None if killed at the cap, wall seconds, peak RSS in MiB) of a child process."""
    started = time.monotonic()
    child = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    killed = False
    while True:
        pid, status, usage = os.wait4(child.pid, os.WNOHANG)
        if pid:
            break
        if cap is not None and time.monotonic() - started > cap:
            child.kill()
            killed = True
            _, status, usage = os.wait4(child.pid, 0)
            break
        time.sleep(0.05)
    wall = time.monotonic() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, None) and not killed and child.stderr is not None:
        sys.stderr.write(child.stderr.read())
    return (None if killed else child.returncode), wall, usage.ru_maxrss / 1024


def measure(instance_path: Path, result_path: Path) -> dict[str, Any]:
    instance = load_instance(instance_path)
    placements = parse_placements(instance, json.loads(result_path.read_text(encoding="utf-8")))
    placed = {p.activity for p in placements}
    unplaced = [a.id for a in instance.activities if a.id not in placed]
    programme = Programme(placements, [Unplaced(a, "") for a in unplaced])
    stats = evaluate(instance, placements)
    stats["errors"] = len(programme_errors(instance, programme))
    return stats


# -- PyCon UK's integer program (child process) ----------------------------------------------------------------


def pycon_worker(instance_path: str, output_path: str, cap: float) -> int:
    """Solve with ``conference_scheduler`` and write ``{"placements": [...]}`` (run in a child process)."""
    import pulp
    from conference_scheduler import scheduler
    from conference_scheduler.lp_problem import objective_functions
    from conference_scheduler.resources import Event, Slot

    instance = load_instance(instance_path)
    tz = instance.tz
    # Fixed blocks per room, nested so that the package's overlap test (containment) sees every clash:
    # three rooms in four use 90-minute blocks, the others 180-minute blocks, from each day's opening.
    slots: list[Slot] = []
    slot_room: list[str] = []
    for index, room in enumerate(instance.rooms):
        length = 180 if index % 4 == 3 else 90
        for day in instance.days:
            start = day.start
            while start + length <= day.end:
                moment = datetime.fromtimestamp(start * 60, tz).replace(tzinfo=None)
                slots.append(Slot(room.id, moment, length, room.capacity, f"{day.date}-{length}"))
                slot_room.append(room.id)
                start += length
    weights = co_interest(instance)
    events = [Event(a.id, a.duration, a.attendance) for a in instance.activities]
    by_id = {e.name: e for e in events}
    for activity, event in zip(instance.activities, events, strict=True):
        for slot in slots:
            start = int(slot.starts_at.replace(tzinfo=tz).timestamp()) // 60
            end = start + activity.duration
            room = instance.room_by_id[slot.venue]
            day = instance.day_of(start)
            blocked = room.capacity < activity.attendance
            blocked = blocked or (
                activity.days is not None and (day is None or day.date not in activity.days)
            )
            blocked = blocked or any(g.overlaps(start, end) for g in room.unavailable)
            blocked = blocked or any(
                g.overlaps(start, end)
                for s in activity.speakers
                for g in instance.speaker_by_id[s].unavailable
            )
            if activity.fixed is not None:
                blocked = blocked or (activity.fixed.room, activity.fixed.start) != (slot.venue, start)
            if blocked:
                event.add_unavailability(slot)
    # Activities sharing a speaker, and as many of the most starred-together pairs, must not clash.
    for i, a in enumerate(instance.activities):
        for b in instance.activities[i + 1 :]:
            if set(a.speakers) & set(b.speakers):
                by_id[a.id].add_unavailability(by_id[b.id])
    for (a, b), _ in sorted(weights.items(), key=lambda item: -item[1])[: len(events)]:
        by_id[a].add_unavailability(by_id[b])
    solver = pulp.PULP_CBC_CMD(msg=False, timeLimit=cap, threads=1)
    solution = scheduler.solution(
        events,
        slots,
        objective_function=objective_functions.efficiency_capacity_demand_difference,
        solver=solver,
    )
    placements = []
    for event_index, slot_index in solution:
        slot = slots[slot_index]
        start = int(slot.starts_at.replace(tzinfo=tz).timestamp()) // 60
        placements.append(Placement(events[event_index].name, slot_room[slot_index], start))
    document = {
        "placements": [
            {"activity": p.activity, "room": p.room, "start": instance.format_local(p.start)}
            for p in placements
        ]
    }
    Path(output_path).write_text(json.dumps(document), encoding="utf-8")
    return 0


# -- the benchmark ---------------------------------------------------------------------------------------------


def run_size(size: str, seed: int, time_limit: float, pycon_cap: float) -> list[dict[str, Any]]:
    data = generate_week(seed, **SIZES[size])
    instance = parse_instance(data)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "instance.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        base = [sys.executable, "-m", "maillage", "schedule-programme", str(source)]
        runs: list[tuple[str, list[str], float | None]] = [
            ("first-fit", [*base, "--solver", "first-fit"], None),
            ("optimiser", [*base, "--time-limit", str(time_limit), "--seed", str(seed)], None),
        ]
        try:
            if pycon_cap <= 0:
                raise ImportError("skipped by --pycon-cap 0")
            import conference_scheduler  # noqa: F401

            pycon_command = [
                sys.executable,
                __file__,
                "--pycon-worker",
                str(source),
                "--pycon-cap",
                str(pycon_cap),
            ]
            runs.append(("pycon-uk", pycon_command, pycon_cap))
        except ImportError as error:
            reason = str(error) if pycon_cap <= 0 else "the conference_scheduler package is not installed"
            print(f"[{size}] pycon-uk skipped: {reason}")
        for name, command, cap in runs:
            target = Path(folder) / f"{name}.json"
            code, wall, peak = run_child([*command, "--output", str(target)], cap)
            row: dict[str, Any] = {"size": size, "solver": name, "seconds": wall, "peak_mib": peak}
            if code is None:
                row["note"] = f"did not finish within {cap:.0f} s"
            elif code != 0 or not target.exists():
                row["note"] = f"failed (exit {code})"
            else:
                row.update(measure(source, target))
            if name == "optimiser" and code == 0:
                row["lower_bound"] = json.loads(target.read_text(encoding="utf-8"))["stats"][
                    "missed_favourites_lower_bound"
                ]
            rows.append(row)
    baseline = next(r for r in rows if r["solver"] == "first-fit")
    for row in rows:
        if "missed_favourites" in row and baseline.get("missed_favourites"):
            row["vs_first_fit"] = row["missed_favourites"] / baseline["missed_favourites"]
    del instance
    return rows


def print_table(rows: list[dict[str, Any]]) -> None:
    header = (
        f"{'size':6} {'solver':10} {'placed':>9} {'missed fav.':>17} {'vs FF':>6} {'pairs':>6} "
        f"{'track':>6} {'room-days':>9} {'idle min':>8} {'errors':>6} {'seconds':>8} {'peak MiB':>8}"
    )
    print(header)
    print("-" * len(header))
    for r in rows:
        if "missed_favourites" not in r:
            print(
                f"{r['size']:6} {r['solver']:10} {r.get('note', '')}  ({r['seconds']:.0f} s, {r['peak_mib']:.0f} MiB)"
            )
            continue
        share = 100 * r["missed_favourites"] / max(r["favourites"], 1)
        missed = f"{r['missed_favourites']} ({share:.1f}%)"
        print(
            f"{r['size']:6} {r['solver']:10} {r['placed']:>4}/{r['activities']:<4} {missed:>17} "
            f"{r.get('vs_first_fit', 0):>6.3f} {r['clashing_favourite_pairs']:>6} {r['same_track_overlaps']:>6} "
            f"{r['room_days']:>9} {r['room_idle_minutes']:>8} {r['errors']:>6} {r['seconds']:>8.1f} {r['peak_mib']:>8.0f}"
        )
    for r in rows:
        if "lower_bound" in r:
            print(f"[{r['size']}] proven lower bound on missed favourites: {r['lower_bound']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=120.0, help="the optimiser's limit (seconds)")
    parser.add_argument("--sizes", default="full,small", help="comma-separated: " + ",".join(SIZES))
    parser.add_argument(
        "--pycon-cap", type=float, default=180.0, help="seconds before giving up on pycon-uk (0: skip it)"
    )
    parser.add_argument("--pycon-worker", metavar="INSTANCE", help=argparse.SUPPRESS)
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.pycon_worker:
        return pycon_worker(args.pycon_worker, args.output, args.pycon_cap)
    rows = []
    for size in args.sizes.split(","):
        rows.extend(run_size(size, args.seed, args.time_limit, args.pycon_cap))
    print(f"seed {args.seed}, optimiser time limit {args.time_limit:.0f} s, {os.cpu_count()} CPUs")
    print_table(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
