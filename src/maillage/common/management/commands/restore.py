"""`maillage restore FILE`: put back a copy made by `maillage backup`, replacing what the database holds.

Stop the app and the workers first: a restore replaces every table the copy has.
"""

import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from .backup import postgres_env


def database_restore(path: Path, *, alias: str = "default") -> None:
    if not path.is_file():
        raise CommandError(f"{path} is not a file.")
    connection = connections[alias]
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        connection.close()  # our own session must not hold a table that pg_restore drops
        args, env = postgres_env(db)
        result = subprocess.run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                *args,
                "--dbname",
                db["NAME"],
                str(path),
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
    elif connection.vendor == "sqlite":
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            connection.ensure_connection()
            with connection.wrap_database_errors:
                source.backup(connection.connection)
        finally:
            source.close()
    else:
        raise CommandError(f"No restore for the {connection.vendor} database.")


class Command(BaseCommand):
    help = "Restore the database from a file made by `maillage backup` (replaces its content)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--database", default="default")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive")

    def handle(self, *args, **options):
        path = Path(options["file"])
        name = connections[options["database"]].settings_dict["NAME"]
        if options["interactive"]:
            answer = input(f"Replace everything in the database {name} with {path}? Type 'yes': ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        database_restore(path, alias=options["database"])
        self.stdout.write(f"restored {path} into {name}")
