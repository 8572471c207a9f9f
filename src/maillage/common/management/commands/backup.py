"""`maillage backup`: a consistent copy of the database the settings point at, while the app runs.

PostgreSQL: `pg_dump` in its custom format (compressed, restorable table by table with `pg_restore`).
SQLite: Python's sqlite3 backup API, which copies a live database page by page without stopping writers.
Uploaded files (DATA_DIR/media) are not in it: copy that folder beside the dump.
"""

import datetime as dt
import os
import sqlite3
import subprocess
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections


def postgres_env(db: dict) -> tuple[list[str], dict[str, str]]:
    """Connection options for pg_dump/pg_restore from Django's settings of that database (the test
    database's name under pytest), and the environment carrying its password."""
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def database_backup(path: Path, *, alias: str = "default") -> Path:
    connection = connections[alias]
    db = connection.settings_dict
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "postgresql":
        args, env = postgres_env(db)
        result = subprocess.run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                *args,
                "--file",
                str(path),
                db["NAME"],
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
    elif connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            with connection.wrap_database_errors:
                connection.connection.backup(target)
        finally:
            target.close()
    else:
        raise CommandError(f"No backup for the {connection.vendor} database.")
    return path


class Command(BaseCommand):
    help = "Back up the database (PostgreSQL: pg_dump custom format; SQLite: the sqlite3 backup API)."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (default: DATA_DIR/backups/…)")
        parser.add_argument("--database", default="default")

    def handle(self, *args, **options):
        vendor = connections[options["database"]].vendor
        if options["output"]:
            path = Path(options["output"])
        else:
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            suffix = "dump" if vendor == "postgresql" else "sqlite3"
            path = Path(settings.DATA_DIR) / "backups" / f"maillage-{stamp}.{suffix}"
        database_backup(path, alias=options["database"])
        self.stdout.write(str(path))
