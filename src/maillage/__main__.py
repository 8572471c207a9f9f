"""One entry point for everything: the engines' JSON commands and Django's management commands.

The engine commands are dispatched before Django is imported, so that they start fast and run
where Django is not configured (benchmarks, other programs).
"""

import importlib
import os
import sys

# command name -> module whose ``main(argv)`` runs it; each lives in the Django-free engine package.
ENGINE_COMMANDS = {
    "schedule-meetings": "maillage.engine.meetings.cli",
    "schedule-programme": "maillage.engine.programme.cli",
    "recommend": "maillage.engine.recommend.cli",
}


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    if len(argv) > 1 and argv[1] in ENGINE_COMMANDS:
        module = importlib.import_module(ENGINE_COMMANDS[argv[1]])
        return int(module.main(argv[2:]) or 0)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["maillage", *argv[1:]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
