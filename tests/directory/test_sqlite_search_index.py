"""SQLite's search triggers survive a migration that rebuilds a directory table (Django drops the old table and
its triggers): every ``migrate`` puts back what is missing. PostgreSQL keeps its index in the table itself."""

import pytest
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection

from maillage.directory.selectors import OrganisationFilters, organisations_search
from maillage.directory.sqlite_search import TRIGGERS, missing_triggers
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's FTS5 triggers only"),
]


def test_every_trigger_is_there_after_migrate():
    assert missing_triggers(connection) == []


def test_migrate_puts_back_triggers_a_table_rebuild_dropped():
    OrganisationFactory(name="Avant Reconstruction")
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER {name}")
    OrganisationFactory(name="Pendant Reconstruction")  # written while no trigger kept the index
    assert missing_triggers(connection) == list(TRIGGERS)

    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")

    assert missing_triggers(connection) == []
    found = [o.name for o in organisations_search(OrganisationFilters(query="reconstruction"), per_page=10)]
    assert sorted(found) == ["Avant Reconstruction", "Pendant Reconstruction"]
    OrganisationFactory(name="Après Reconstruction")
    found = [o.name for o in organisations_search(OrganisationFilters(query="apres"), per_page=10)]
    assert found == ["Après Reconstruction"]
    person = PersonFactory(first_name="Éloïse", last_name="Tremblay")
    with connection.cursor() as cursor:
        cursor.execute("SELECT rowid FROM directory_person_fts WHERE directory_person_fts MATCH 'eloise'")
        assert [row[0] for row in cursor.fetchall()] == [person.pk]
