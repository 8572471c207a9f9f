"""``python -m maillage schedule-programme INSTANCE.json --time-limit SECONDS --output PROGRAMME.json``.

Exit status: 0 with the programme written (to ``--output``, or standard output); 2 when the instance is not
valid, with the place of the error on standard error and nothing written.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from .baseline import first_fit
from .model import programme_to_dict
from .parse import InstanceError, load_instance
from .solve import solve


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="maillage schedule-programme",
        description="Place a week of activities in rooms and times so that attendees can follow their favourites.",
    )
    parser.add_argument("instance", help="the week, as JSON")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds of search (default 60)")
    parser.add_argument("--output", help="where to write the programme (default: standard output)")
    parser.add_argument("--seed", type=int, default=0, help="random seed of the search (default 0)")
    parser.add_argument(
        "--solver", choices=("anneal", "first-fit"), default="anneal", help="first-fit is the naive baseline"
    )
    return parser


def _write(text: str, output: str) -> None:
    """Write atomically, so that a failure never leaves half a programme behind."""
    target = Path(output)
    fd, tmp = tempfile.mkstemp(prefix=".programme-", dir=target.parent or Path())
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as stop:
        return int(stop.code or 0)
    if args.time_limit < 0:
        print("error: --time-limit: must not be negative", file=sys.stderr)
        return 2
    started = time.monotonic()
    try:
        instance = load_instance(args.instance)
    except InstanceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.solver == "first-fit":
        programme = first_fit(instance)
    else:
        # The time limit covers reading the instance too.
        remaining = args.time_limit - (time.monotonic() - started)
        programme = solve(instance, time_limit=max(remaining, 0.0), seed=args.seed)
    text = json.dumps(programme_to_dict(instance, programme), ensure_ascii=False, indent=1) + "\n"
    if args.output:
        _write(text, args.output)
    else:
        sys.stdout.write(text)
    return 0
