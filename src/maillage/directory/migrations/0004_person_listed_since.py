"""The date of the consent to be listed on each person. People listed before it was kept were listed from
their record's creation (the default was to list), so that is the date they get."""

from django.db import migrations, models


def listed_since_from_creation(apps, schema_editor):
    Person = apps.get_model("directory", "Person")
    Person.objects.filter(is_listed=True, listed_since__isnull=True).update(listed_since=models.F("created"))


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_search_ranking"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="listed_since",
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name="listed since"),
        ),
        migrations.RunPython(listed_since_from_creation, migrations.RunPython.noop),
    ]
