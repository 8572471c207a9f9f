from django.db import migrations


def create_search_index(apps, schema_editor):
    # A GIN index over the weighted tsvector: PostgreSQL only; SQLite searches the folded text instead.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS directory_org_search_gin ON directory_organisation USING gin (search_vector)"
        )


def drop_search_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS directory_org_search_gin")


def load_sectors(apps, schema_editor):
    from maillage.directory.services import sectors_taxonomy

    Sector = apps.get_model("directory", "Sector")
    for entry in sectors_taxonomy():
        Sector.objects.update_or_create(slug=entry["slug"], defaults={"name_fr": entry["fr"], "name_en": entry["en"]})


class Migration(migrations.Migration):
    dependencies = [("directory", "0001_initial")]

    operations = [
        migrations.RunPython(create_search_index, drop_search_index),
        migrations.RunPython(load_sectors, migrations.RunPython.noop),
    ]
