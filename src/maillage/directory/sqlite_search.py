"""SQLite's search index of the directory: FTS5 tables and the triggers that keep them current.

Triggers rather than calls in the services: every way of writing an organisation or a person (services, imports,
the demo, the admin, raw SQL) keeps the indexes current. Django rebuilds a SQLite table for many schema changes
(it copies the table and drops the old one, with its triggers), so a later migration of ``directory_organisation``
or ``directory_person`` would silently stop the indexing: ``ensure_sqlite_search`` runs after every ``migrate``
and re-creates (and refills) whatever is missing. Migration 0003 holds the statements.
"""

from __future__ import annotations

import importlib

# The statements of the migration that first created the index, read from it (frozen there: a migration
# never changes once applied), so that what is put back is exactly what it made.
_CREATED_BY = importlib.import_module("maillage.directory.migrations.0003_search_ranking")
SQLITE_CREATE: list[str] = _CREATED_BY.SQLITE_CREATE

TRIGGERS = (
    "directory_organisation_fts_insert",
    "directory_organisation_fts_delete",
    "directory_organisation_fts_update",
    "directory_person_fts_insert",
    "directory_person_fts_delete",
    "directory_person_fts_update",
    "directory_person_fts_organisation",
)


def create_sqlite_search(execute) -> None:
    """Create (or re-create after a table rebuild) the search tables and triggers, and fill them."""
    for statement in SQLITE_CREATE:
        execute(statement)


def missing_triggers(connection) -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        present = {row[0] for row in cursor.fetchall()}
    return [name for name in TRIGGERS if name not in present]


def ensure_sqlite_search(connection) -> list[str]:
    """Re-create the index when a trigger is missing (after a table rebuild); returns the missing names."""
    if (
        connection.vendor != "sqlite"
        or "directory_organisation" not in connection.introspection.table_names()
    ):
        return []
    missing = missing_triggers(connection)
    if missing:
        with connection.cursor() as cursor:
            create_sqlite_search(cursor.execute)
    return missing
