"""Benchmark of the B2B meeting scheduler on generated instances (see bench/README.md).

    .venv/bin/python bench/meetings.py --seed 1 --sizes mission,forum,large,stress

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

from maillage.engine.meetings.baseline import first_come
from maillage.engine.meetings.generate import SIZES, generate_size
from maillage.engine.meetings.model import Meeting
from maillage.engine.meetings.parse import parse_instance
from maillage.engine.meetings.problem import Problem
from maillage.engine.meetings.validate import schedule_errors, schedule_holes, schedule_weight

# the time targets, less a margin for start-up, reading and writing
DEFAULT_LIMITS = {"mission": 1.0, "forum": 25.0, "large": 50.0, "stress": 540.0}


def run_size(size: str, seed: int, time_limit: float, workers: int) -> dict[str, object]:
    data = generate_size(size, seed)
    problem = Problem.build(parse_instance(data))
    baseline = first_come(problem)
    with tempfile.TemporaryDirectory() as folder:
        source, target = Path(folder) / "instance.json", Path(folder) / "schedule.json"
        source.write_text(json.dumps(data), encoding="utf-8")
        command = [sys.executable, "-m", "maillage", "schedule-meetings", str(source)]
        command += ["--time-limit", str(time_limit), "--workers", str(workers), "--output", str(target)]
        started = time.monotonic()
        child = subprocess.Popen(command, stderr=subprocess.DEVNULL)
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        wall = time.monotonic() - started
        if child.returncode != 0:
            raise SystemExit(f"{size}: the scheduler exited with {child.returncode}")
        result = json.loads(target.read_text(encoding="utf-8"))
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
        "proven": stats["proven_optimal"],
        "holes": schedule_holes(problem, meetings),
        "baseline_holes": baseline.holes(),
        "seconds": stats["seconds"],
        "wall": wall,
        "peak_mib": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "valid": not errors,
    }


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
    args = parser.parse_args()
    header = (
        "| size | participants | requests | weight | baseline | bound | weight/bound | holes | baseline holes "
        "| engine s | wall s | peak MiB | valid |"
    )
    print(header)
    print("|---" * (header.count("|") - 1) + "|")
    for size in args.sizes.split(","):
        limit = args.time_limit if args.time_limit is not None else DEFAULT_LIMITS[size]
        row = run_size(size, args.seed, limit, args.workers)
        proven = " (optimal)" if row["proven"] else ""
        print(
            f"| {size} | {row['participants']:,} | {row['requests']:,} | {row['weight']:,} | {row['baseline']:,} "
            f"| {row['bound']:,} | {row['ratio']:.2f} %{proven} | {row['holes']:,} | {row['baseline_holes']:,} "
            f"| {row['seconds']:.1f} | {row['wall']:.1f} | {row['peak_mib']:,.0f} | {'yes' if row['valid'] else 'NO'} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
