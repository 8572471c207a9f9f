import datetime as dt
import zoneinfo

import pytest
import time_machine

from maillage.common.models import OutboundEmail
from maillage.demo.directory import directory_demo_load
from maillage.demo.matchmaking import demo_days, matchmaking_demo_load
from maillage.matchmaking import selectors
from maillage.matchmaking.models import B2BSession, Meeting, SchedulingRun

pytestmark = pytest.mark.django_db
QUEBEC = zoneinfo.ZoneInfo("America/Toronto")


def test_matchmaking_demo_publishes_a_schedule_and_is_idempotent():
    directory_demo_load(organisations=80, people=160)
    result = matchmaking_demo_load()
    assert result.created
    assert result.participants >= 30
    assert result.requests > result.participants
    assert result.meetings > 0
    session = result.session
    assert session.status == B2BSession.Status.PUBLISHED
    assert session.runs.get().status == SchedulingRun.Status.DONE
    assert not OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).exists()
    snapshot = sorted(Meeting.objects.values_list("pk", "slot", "table"))
    again = matchmaking_demo_load()
    assert not again.created
    assert again.session == session
    assert sorted(Meeting.objects.values_list("pk", "slot", "table")) == snapshot


@pytest.mark.parametrize("today", [dt.date(2026, 12, 1), dt.date(2029, 3, 30), dt.date(2031, 10, 27)])
def test_demo_days_held_last_month_and_coming_ahead(today):
    past, coming = demo_days(today)
    first_of_month = today.replace(day=1)
    assert past[1] < first_of_month
    assert (first_of_month - past[0]).days <= 45
    assert [d.weekday() for d in past] == [1, 2]
    assert coming[0] - today >= dt.timedelta(days=60)
    assert [d.weekday() for d in coming] == [1, 2]


@pytest.mark.parametrize("moment", ["2026-12-01 10:00", "2029-03-30 10:00", "2031-10-27 10:00"])
def test_demo_held_mission_has_a_report_with_figures_on_any_day(moment):
    with time_machine.travel(dt.datetime.fromisoformat(moment).replace(tzinfo=QUEBEC), tick=False):
        directory_demo_load(organisations=80, people=160)
        coming = matchmaking_demo_load().session
        held = B2BSession.objects.exclude(pk=coming.pk).get()
        assert held.status == B2BSession.Status.CLOSED
        report = selectors.session_report(held)
        assert report.scheduled > 20
        assert report.held > 0
        assert sum(count for _outcome, count in report.outcomes) > 0
        assert coming.status == B2BSession.Status.PUBLISHED
        assert Meeting.objects.filter(session=coming, published=True).exists()
