"""Benchmark of the B2B meeting scheduler on generated instances (see bench/README.md).

    .venv/bin/python bench/meetings.py --seed 1 --sizes mission,forum,large,stress
    .venv/bin/python bench/meetings.py --dense 1-20 --time-limit 10

``--dense`` runs the dense forums of issue 11 (every accepted meeting must take place; see
``generate.generate_dense``), one per seed, and sets the engine against a plain CP-SAT model of the same
problem given the same time (the yardstick: one literal per meeting and slot, the usual break-start
literals, no hint, no implied constraint) and the first-come baseline.

Each size is generated (seeded), written to a temporary file and solved by the real command
``python -m maillage schedule-meetings`` in a child process, whose peak memory is read from the kernel
(``os.wait4``). The schedule is then checked with the engine's validator and compared with the first-come
baseline.
"""

import argparse
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ortools.sat.python import cp_model

from maillage.engine.meetings.baseline import first_come
from maillage.engine.meetings.generate import SIZES, generate_dense, generate_size
from maillage.engine.meetings.model import Meeting
from maillage.engine.meetings.parse import parse_instance
from maillage.engine.meetings.problem import Problem
from maillage.engine.meetings.validate import (
    schedule_breaks,
    schedule_errors,
    schedule_holes,
    schedule_weight,
)

# the time targets, less a margin for start-up, reading and writing
DEFAULT_LIMITS = {"mission": 1.8, "forum": 25.0, "large": 50.0, "stress": 540.0}


def _run_command(data: dict, time_limit: float, workers: int) -> tuple[dict, float, float]:
    """The real command in a child process: (its JSON output, wall seconds, peak MiB)."""
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "instance.json", Path(folder) / "schedule.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        command = [sys.executable, "-m", "maillage", "schedule-meetings", str(source)]
        command += ["--time-limit", str(time_limit), "--workers", str(workers), "--output", str(target)]
        started = time.monotonic()
        child = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.monotonic() - started
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"the scheduler exited with {os.waitstatus_to_exitcode(status)}")
        return json.loads(target.read_text(encoding="utf-8")), wall, usage.ru_maxrss / 1024


def run_size(size: str, seed: int, time_limit: float, workers: int) -> dict[str, object]:
    data = generate_size(size, seed)
    problem = Problem.build(parse_instance(data))
    baseline = first_come(problem)
    result, wall, peak = _run_command(data, time_limit, workers)
    meetings = [Meeting(**m) for m in result["meetings"]]
    errors = schedule_errors(problem, meetings)
    stats = result["stats"]
    weight = schedule_weight(problem, meetings)
    return {
        "size": size,
        "participants": len(problem.participant_ids),
        "requests": len(problem.req_ids),
        "weight": weight,
        "baseline": baseline.weight,
        "bound": stats["upper_bound"],
        # rounded down, so that 100.00 % always means the bound is reached
        "ratio": math.floor(10_000 * weight / stats["upper_bound"]) / 100 if stats["upper_bound"] else 100.0,
        "proven": stats["weight_proven_optimal"],
        "holes": schedule_holes(problem, meetings),
        "baseline_holes": baseline.holes(),
        "breaks": sum(schedule_breaks(problem, meetings)),
        "breaks_lower_bound": stats["breaks_lower_bound"],
        "breaks_proven": stats["breaks_proven_optimal"],
        "baseline_breaks": baseline.breaks(),
        "seconds": stats["seconds"],
        "wall": wall,
        "peak_mib": peak,  # ru_maxrss is in kilobytes on Linux
        "valid": not errors,
    }


def plain_model(problem: Problem, time_limit: float, workers: int, seed: int) -> dict[str, object]:
    """The yardstick: every meeting once in its slots, at most one per person and slot, the shared tables
    counted per slot, breaks by break-start literals; minimise breaks. No hint, no implied constraint."""
    model = cp_model.CpModel()
    x = {}
    person_slot: dict[tuple[int, int], list] = {}
    slot_meetings: dict[int, list] = {}
    for r in range(len(problem.req_ids)):
        options = []
        for s in range(problem.n_slots):
            if problem.req_common[r] >> s & 1:
                x[r, s] = model.new_bool_var("")
                options.append(x[r, s])
                person_slot.setdefault((problem.req_a[r], s), []).append(x[r, s])
                person_slot.setdefault((problem.req_b[r], s), []).append(x[r, s])
                slot_meetings.setdefault(s, []).append(x[r, s])
        model.add_exactly_one(options)
    for vars_ in person_slot.values():
        model.add_at_most_one(vars_)
    for vars_ in slot_meetings.values():
        model.add(sum(vars_) <= problem.n_shared)
    starts = []
    for q in range(len(problem.participant_ids)):
        for mask in problem.session_masks:
            inner = [s for s in range(problem.n_slots) if mask >> s & 1]
            busy = [sum(person_slot.get((q, s), [])) for s in inner]
            after = [model.new_bool_var("") for _ in inner]
            for k in range(len(inner) - 1):
                model.add(after[k] >= busy[k + 1])
                model.add(after[k] >= after[k + 1])
            for k in range(1, len(inner) - 1):
                start = model.new_bool_var("")
                model.add(start >= busy[k - 1] - busy[k] + after[k] - 1)
                starts.append(start)
    model.minimize(sum(starts))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = time_limit
    started = time.monotonic()
    status = solver.solve(model)
    found = status in (cp_model.OPTIMAL, cp_model.FEASIBLE)
    return {
        "found": found,
        "breaks": round(solver.objective_value) if found else None,
        "bound": max(0, math.ceil(solver.best_objective_bound - 1e-6)) if found else None,
        "proven": status == cp_model.OPTIMAL,
        "seconds": time.monotonic() - started,
    }


def run_dense(seed: int, time_limit: float, workers: int) -> dict[str, object]:
    data = generate_dense(seed)
    problem = Problem.build(parse_instance(data))
    baseline = first_come(problem)
    result, wall, _peak = _run_command(data, time_limit, workers)
    meetings = [Meeting(**m) for m in result["meetings"]]
    stats = result["stats"]
    return {
        "seed": seed,
        "shape": f"{len(problem.participant_ids)} / {len(problem.req_ids)} / {problem.n_slots} / {len(problem.table_ids)}",
        "all": len(meetings) == len(problem.req_ids),
        "valid": not schedule_errors(problem, meetings),
        "breaks": sum(schedule_breaks(problem, meetings)),
        "bound": stats["breaks_lower_bound"],
        "proven": stats["breaks_proven_optimal"],
        "seconds": stats["seconds"],
        "wall": wall,
        "plain": plain_model(problem, time_limit, workers, 0),
        "baseline_all": baseline.weight == sum(problem.req_w),
        "baseline_breaks": baseline.breaks(),
    }


def _seeds(text: str) -> list[int]:
    seeds: list[int] = []
    for part in text.split(","):
        first, _, last = part.partition("-")
        seeds.extend(range(int(first), int(last or first) + 1))
    return seeds


def main_dense(seeds: list[int], time_limit: float, workers: int) -> None:
    header = (
        "| seed | people / meetings / slots / tables | all in | breaks | lower bound | proven | engine s | wall s "
        "| plain CP-SAT breaks (bound) | plain s | first-come all in | first-come breaks |"
    )
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    proven = close = 0
    for seed in seeds:
        row = run_dense(seed, time_limit, workers)
        plain = row["plain"]
        yard = f"{plain['breaks']} ({plain['bound']})" if plain["found"] else "none found"
        if plain["proven"]:
            yard += " optimal"
        proven += bool(row["proven"])
        close += row["breaks"] <= row["bound"] + 1
        print(
            f"| {seed} | {row['shape']} | {'yes' if row['all'] and row['valid'] else 'NO'} | {row['breaks']} "
            f"| {row['bound']} | {'yes' if row['proven'] else 'no'} | {row['seconds']:.1f} | {row['wall']:.1f} "
            f"| {yard} | {plain['seconds']:.1f} | {'yes' if row['baseline_all'] else 'no'} "
            f"| {row['baseline_breaks']} |",
            flush=True,
        )
    print(
        f"\nproven optimal: {proven} of {len(seeds)}; within one break of the bound: {close} of {len(seeds)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--sizes", default="mission,forum,large", help=f"comma-separated, among {', '.join(SIZES)}"
    )
    parser.add_argument("--time-limit", type=float, help="seconds per size (default: the issue's targets)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--dense", help="dense-forum seeds, such as 1-20 (instead of --sizes)")
    args = parser.parse_args()
    if args.dense:
        main_dense(_seeds(args.dense), args.time_limit or 10.0, args.workers)
        return 0
    header = (
        "| size | participants | requests | weight | baseline | bound | weight/bound | breaks (bound) "
        "| baseline breaks | holes | baseline holes | engine s | wall s | peak MiB | valid |"
    )
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for size in args.sizes.split(","):
        limit = args.time_limit if args.time_limit is not None else DEFAULT_LIMITS[size]
        row = run_size(size, args.seed, limit, args.workers)
        proven = " (optimal)" if row["proven"] else ""
        print(
            f"| {size} | {row['participants']:,} | {row['requests']:,} | {row['weight']:,} | {row['baseline']:,} "
            f"| {row['bound']:,} | {row['ratio']:.2f} %{proven} | {row['breaks']:,} ({row['breaks_lower_bound']:,}"
            f"{', optimal' if row['breaks_proven'] else ''}) | {row['baseline_breaks']:,} "
            f"| {row['holes']:,} | {row['baseline_holes']:,} "
            f"| {row['seconds']:.1f} | {row['wall']:.1f} | {row['peak_mib']:,.0f} | {'yes' if row['valid'] else 'NO'} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
