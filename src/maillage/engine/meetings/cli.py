"""``python -m maillage schedule-meetings INSTANCE.json --time-limit SECONDS --output SCHEDULE.json``.

Exit codes: 0 schedule written, 2 bad input (message on stderr naming the problem and where; no output
file written), 1 internal failure.
"""

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from maillage.engine.meetings.parse import InputError, load_instance
from maillage.engine.meetings.solve import solve


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"schedule-meetings: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="maillage schedule-meetings", description="Schedule B2B meetings (see --help).")
    parser.add_argument(
        "instance", type=Path, help="instance JSON file (slots, tables, participants, requests)"
    )
    parser.add_argument(
        "--output", "-o", type=Path, help="where to write the schedule JSON (default: stdout)"
    )
    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds to search (default 30)")
    parser.add_argument("--workers", type=int, default=2, help="CP-SAT worker threads (default 2)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the solvers (default 0)")
    return parser


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.time_limit <= 0:
        print("schedule-meetings: --time-limit must be positive", file=sys.stderr)
        return 2
    try:
        text = args.instance.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"schedule-meetings: {args.instance}: cannot read: {exc}", file=sys.stderr)
        return 2
    try:
        instance = load_instance(text)
    except InputError as exc:
        print(f"schedule-meetings: {args.instance}: {exc}", file=sys.stderr)
        return 2
    if args.output is not None and not args.output.parent.is_dir():
        print(f"schedule-meetings: {args.output}: no such folder", file=sys.stderr)
        return 2
    schedule = solve(instance, time_limit=args.time_limit, workers=args.workers, seed=args.seed)
    payload = json.dumps(schedule.to_json(), ensure_ascii=False, indent=1)
    if args.output is None:
        print(payload)
    else:
        # write next to the target then rename, so a reader never sees half a file
        handle, temporary = tempfile.mkstemp(dir=args.output.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(payload + "\n")
        Path(temporary).replace(args.output)
    stats = schedule.stats
    print(
        f"scheduled {stats['scheduled']} of {stats['requests']} requests, weight {stats['weight']} "
        f"(bound {stats['upper_bound']}), {stats['breaks']} breaks (bound {stats['breaks_lower_bound']}), "
        f"{stats['holes']} holes, {stats['seconds']} s",
        file=sys.stderr,
    )
    return 0
