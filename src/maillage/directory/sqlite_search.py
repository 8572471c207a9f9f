"""SQLite's search index of the directory: FTS5 tables and the triggers that keep them current.

Triggers rather than calls in the services: every way of writing an organisation or a person (services, imports,
the demo, the admin, raw SQL) keeps the indexes current. Django rebuilds a SQLite table for many schema changes
(it copies the table and drops the old one, with its triggers), so a later migration of ``directory_organisation``
or ``directory_person`` would silently stop the indexing: ``ensure_sqlite_search`` runs after every ``migrate``
and re-creates (and refills) whatever is missing. Migration 0003 creates them first from the same statements.
"""

from __future__ import annotations

# unicode61 removes accents and case but keeps ligatures whole; common.text.fold expands œ (and æ here).
SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS directory_organisation_fts USING fts5(search_name, "
    "search_text, content='directory_organisation', content_rowid='id', tokenize='unicode61', "
    "prefix='2 3')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS directory_organisation_fts_vocab USING "
    "fts5vocab(directory_organisation_fts, 'row')",
    "CREATE TRIGGER IF NOT EXISTS directory_organisation_fts_insert AFTER INSERT ON "
    "directory_organisation BEGIN INSERT INTO directory_organisation_fts(rowid, search_name, "
    "search_text) VALUES (new.id, new.search_name, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS directory_organisation_fts_delete AFTER DELETE ON "
    "directory_organisation BEGIN INSERT INTO "
    "directory_organisation_fts(directory_organisation_fts, rowid, search_name, search_text) "
    "VALUES ('delete', old.id, old.search_name, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS directory_organisation_fts_update AFTER UPDATE OF search_name, "
    "search_text ON directory_organisation BEGIN INSERT INTO "
    "directory_organisation_fts(directory_organisation_fts, rowid, search_name, search_text) "
    "VALUES ('delete', old.id, old.search_name, old.search_text); INSERT INTO "
    "directory_organisation_fts(rowid, search_name, search_text) VALUES (new.id, new.search_name, "
    "new.search_text); END",
    "INSERT INTO directory_organisation_fts(directory_organisation_fts) VALUES ('rebuild')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS directory_person_fts USING fts5(name, role, email, "
    "organisation, tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS directory_person_fts_insert AFTER INSERT ON directory_person "
    "BEGIN INSERT INTO directory_person_fts(rowid, name, role, email, organisation) VALUES "
    "(new.id, replace(replace(replace(replace(new.first_name || ' ' || new.last_name, 'œ', 'oe'), "
    "'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.role, 'œ', 'oe'), "
    "'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE'), coalesce(new.email, ''), "
    "replace(replace(replace(replace(coalesce((SELECT name FROM directory_organisation WHERE id = "
    "new.organisation_id), ''), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE')); END",
    "CREATE TRIGGER IF NOT EXISTS directory_person_fts_delete AFTER DELETE ON directory_person "
    "BEGIN DELETE FROM directory_person_fts WHERE rowid = old.id; END",
    "CREATE TRIGGER IF NOT EXISTS directory_person_fts_update AFTER UPDATE ON directory_person "
    "BEGIN DELETE FROM directory_person_fts WHERE rowid = old.id; INSERT INTO "
    "directory_person_fts(rowid, name, role, email, organisation) VALUES (new.id, "
    "replace(replace(replace(replace(new.first_name || ' ' || new.last_name, 'œ', 'oe'), 'Œ', "
    "'OE'), 'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(new.role, 'œ', 'oe'), 'Œ', "
    "'OE'), 'æ', 'ae'), 'Æ', 'AE'), coalesce(new.email, ''), "
    "replace(replace(replace(replace(coalesce((SELECT name FROM directory_organisation WHERE id = "
    "new.organisation_id), ''), 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE')); END",
    "CREATE TRIGGER IF NOT EXISTS directory_person_fts_organisation AFTER UPDATE OF name ON "
    "directory_organisation BEGIN UPDATE directory_person_fts SET organisation = "
    "replace(replace(replace(replace(new.name, 'œ', 'oe'), 'Œ', 'OE'), 'æ', 'ae'), 'Æ', 'AE') "
    "WHERE rowid IN (SELECT id FROM directory_person WHERE organisation_id = new.id); END",
    "DELETE FROM directory_person_fts",
    "INSERT INTO directory_person_fts(rowid, name, role, email, organisation) SELECT p.id, "
    "replace(replace(replace(replace(p.first_name || ' ' || p.last_name, 'œ', 'oe'), 'Œ', 'OE'), "
    "'æ', 'ae'), 'Æ', 'AE'), replace(replace(replace(replace(p.role, 'œ', 'oe'), 'Œ', 'OE'), 'æ', "
    "'ae'), 'Æ', 'AE'), coalesce(p.email, ''), replace(replace(replace(replace(coalesce((SELECT "
    "name FROM directory_organisation WHERE id = p.organisation_id), ''), 'œ', 'oe'), 'Œ', 'OE'), "
    "'æ', 'ae'), 'Æ', 'AE') FROM directory_person p",
]

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS directory_person_fts_organisation",
    "DROP TRIGGER IF EXISTS directory_person_fts_update",
    "DROP TRIGGER IF EXISTS directory_person_fts_delete",
    "DROP TRIGGER IF EXISTS directory_person_fts_insert",
    "DROP TABLE IF EXISTS directory_person_fts",
    "DROP TRIGGER IF EXISTS directory_organisation_fts_update",
    "DROP TRIGGER IF EXISTS directory_organisation_fts_delete",
    "DROP TRIGGER IF EXISTS directory_organisation_fts_insert",
    "DROP TABLE IF EXISTS directory_organisation_fts_vocab",
    "DROP TABLE IF EXISTS directory_organisation_fts",
]


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
