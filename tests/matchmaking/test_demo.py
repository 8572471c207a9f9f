import io

import pytest
from django.core import mail
from django.core.management import call_command

from maillage.directory.demo import demo_load
from maillage.matchmaking.demo import SESSION_SLUG, matchmaking_demo_load
from maillage.matchmaking.models import B2BSession, Meeting, SchedulingRun

pytestmark = pytest.mark.django_db


def test_matchmaking_demo_publishes_a_schedule_and_is_idempotent():
    demo_load(organisations=80, people=160)
    result = matchmaking_demo_load()
    assert result.created
    assert result.participants >= 30
    assert result.requests > result.participants
    assert result.meetings > 0
    session = B2BSession.objects.get(slug=SESSION_SLUG)
    assert session.status == B2BSession.Status.PUBLISHED
    assert session.runs.get().status == SchedulingRun.Status.DONE
    assert mail.outbox == []
    snapshot = sorted(Meeting.objects.values_list("pk", "slot", "table"))
    out = io.StringIO()
    call_command("matchmaking_demo", stdout=out)
    assert "already there" in out.getvalue()
    assert sorted(Meeting.objects.values_list("pk", "slot", "table")) == snapshot
    assert not matchmaking_demo_load().created
