"""Back up, wipe, restore: every row of every table comes back (on SQLite through the sqlite3 backup API,
on PostgreSQL through pg_dump and pg_restore, against the test database the connection names)."""

import pytest
from django.core.management import call_command
from django.db import connection

from maillage.common.audit import audit_record
from maillage.demo.directory import directory_demo_load as demo_load
from tests.matchmaking.factories import participant_make, session_make

pytestmark = pytest.mark.django_db(transaction=True)


def _every_row() -> dict[str, list[str]]:
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - names from introspection
            rows[table] = sorted(repr(row) for row in cursor.fetchall())
    return rows


def test_backup_wipe_restore_gives_back_every_table(tmp_path):
    demo_load(organisations=12, people=20)
    session = session_make()
    alice, bob = participant_make(session), participant_make(session)
    audit_record(action="matchmaking.exported", actor=session.organiser, obj=session, params={"rows": 2})
    before = _every_row()
    assert sum(len(rows) for rows in before.values()) > 100
    assert len(before["matchmaking_participant"]) == 2 == len({alice.pk, bob.pk})

    path = tmp_path / "maillage.backup"
    call_command("backup", output=str(path))
    assert path.stat().st_size > 0

    call_command("flush", interactive=False)
    assert _every_row()["directory_organisation"] == []

    call_command("restore", str(path), interactive=False)
    after = _every_row()
    assert after.keys() == before.keys()
    assert [table for table in before if before[table] != after[table]] == []


def test_restore_refuses_a_missing_file(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "nothing"), interactive=False)
