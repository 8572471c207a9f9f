"""Search that ranks alike on both databases (see directory/search.py).

- every organisation's ``search_name`` rewritten as "words | stems" (the exact-name comparison reads the words);
- SQLite: an FTS5 index of ``search_name`` and ``search_text`` kept by triggers, its vocabulary (fts5vocab), and
  an FTS5 index of people (name, role, e-mail, organisation) that folds accents and case, kept by triggers too;
- PostgreSQL: the ``unaccent`` extension, for the people search (needs a superuser or a trusted extension), and
  a GIN index of the names' own tsvector.

Triggers rather than calls in the services: every way of writing an organisation or a person (services, imports,
the demo, the admin, raw SQL) keeps the indexes current. A later migration that rebuilds ``directory_organisation``
or ``directory_person`` on SQLite (Django copies the table and drops the old one, with its triggers) must call
``create_sqlite_search(schema_editor)`` again (``directory/sqlite_search.py`` does it after every ``migrate``).
"""

from django.db import migrations, models

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


def create_sqlite_search(schema_editor) -> None:
    """Create (or re-create after a table rebuild) SQLite's search tables and triggers, and fill them."""
    for statement in SQLITE_CREATE:
        schema_editor.execute(statement)


def rewrite_search_names(apps, schema_editor):
    from django.contrib.postgres.search import SearchVector

    from maillage.directory.search import index_text

    Organisation = apps.get_model("directory", "Organisation")
    organisations = list(Organisation.objects.only("id", "name", "search_name"))
    for organisation in organisations:
        organisation.search_name = index_text(organisation.name)
    Organisation.objects.bulk_update(organisations, ["search_name"], batch_size=500)
    if schema_editor.connection.vendor == "postgresql":
        Organisation.objects.update(
            search_vector=SearchVector("search_name", weight="A", config="simple")
            + SearchVector("search_text", weight="B", config="simple")
        )


def create_search(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        create_sqlite_search(schema_editor)
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
        # The names alone, for "every word typed is in the name" (search.RankedOrganisations).
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS directory_org_name_search_gin "
            "ON directory_organisation USING gin (to_tsvector('simple', search_name))"
        )


def drop_search(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)
    elif schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS directory_org_name_search_gin")


class Migration(migrations.Migration):
    dependencies = [("directory", "0002_search_index_and_sectors")]

    operations = [
        migrations.RunPython(rewrite_search_names, migrations.RunPython.noop),
        migrations.RunPython(create_search, drop_search),
        migrations.AddIndex(
            model_name="organisation",
            index=models.Index(fields=["updated"], name="directory_org_updated_idx"),
        ),
    ]
