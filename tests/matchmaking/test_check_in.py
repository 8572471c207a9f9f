"""Check-in on the day: a no-show frees its table, and cannot be undone once the table or one of the two
people was given another meeting then."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from maillage.matchmaking import services
from maillage.matchmaking.models import Meeting, SchedulingRun

from .factories import participant_make, schedule_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def day(session, alice, bob, clock):
    first = services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    dave = participant_make(session)
    late = services.meeting_request_send(sender=dave, recipient=bob, notify=False)
    meeting = Meeting.objects.get(request=first, published=True)
    clock(meeting.slot.start + dt.timedelta(minutes=2))
    return meeting, late


def test_a_no_show_cannot_be_undone_once_its_table_was_given_again(session, day):
    meeting, late = day
    services.meeting_check_in(meeting=meeting, status=Meeting.Status.NO_SHOW)
    services.meeting_place(request=late, slot=meeting.slot, table=meeting.table, notify=False)
    with pytest.raises(ValidationError) as error:
        services.meeting_check_in(meeting=meeting, status=Meeting.Status.HELD)
    assert error.value.code == "reused"


def test_a_no_show_cannot_be_undone_once_one_of_them_meets_someone_else_then(session, day):
    meeting, late = day
    services.meeting_check_in(meeting=meeting, status=Meeting.Status.NO_SHOW)
    other_table = session.tables.exclude(pk=meeting.table_id).first()
    services.meeting_place(request=late, slot=meeting.slot, table=other_table, notify=False)
    with pytest.raises(ValidationError):
        services.meeting_check_in(meeting=meeting, status=Meeting.Status.HELD)
    run = services.scheduling_run_execute(
        run_id=services.scheduling_run_start(session=session, user=session.organiser, time_limit=2).pk
    )
    assert run.status == SchedulingRun.Status.DONE, run.error
