"""Search that ranks alike on both databases (see directory/search.py).

- every organisation's ``search_name`` rewritten as "words | stems" (the exact-name comparison reads the words);
- SQLite: an FTS5 index of ``search_name`` and ``search_text`` kept by triggers, its vocabulary (fts5vocab), and
  an FTS5 index of people (name, role, e-mail, organisation) that folds accents and case, kept by triggers too;
- PostgreSQL: the ``unaccent`` extension, for the people search (needs a superuser or a trusted extension), and
  a GIN index of the names' own tsvector.

Triggers rather than calls in the services: every way of writing an organisation or a person (services, imports,
the demo, the admin, raw SQL) keeps the indexes current. The statements live in
``directory/sqlite_search.py``, which also re-creates them after any later migration that rebuilds the tables.
"""

from django.db import migrations, models

from maillage.directory.sqlite_search import SQLITE_DROP, create_sqlite_search


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
        create_sqlite_search(schema_editor.execute)
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
