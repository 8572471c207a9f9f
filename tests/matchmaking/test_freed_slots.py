"""On the day: a cancellation or a no-show frees a table; the organiser places another request there."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from maillage.matchmaking import selectors, services
from maillage.matchmaking.models import B2BSession, Meeting, MeetingRequest

from .factories import participant_make, schedule_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def day(session, alice, bob, clock):
    """Alice meets Bob; after publication Dave asks Bob and Alice asks Erin (not on the agenda)."""
    first = services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    dave, erin = participant_make(session), participant_make(session)
    late = services.meeting_request_send(sender=dave, recipient=bob, notify=False)
    other = services.meeting_request_organiser_add(sender=alice, recipient=erin)
    meeting = Meeting.objects.get(request=first, published=True)
    clock(meeting.slot.start - dt.timedelta(minutes=30))
    return meeting, late, other


def test_a_cancellation_offers_the_table_to_the_requests_of_the_people_involved(session, day):
    meeting, late, other = day
    assert selectors.freed_slots(session, now=meeting.slot.start) == []
    services.meeting_request_cancel(request=meeting.request)
    [freed] = selectors.freed_slots(session, now=meeting.slot.start - dt.timedelta(minutes=30))
    assert (freed.meeting, freed.candidates) == (meeting, [other, late])  # accepted first


def test_the_organiser_places_one_with_one_click(
    client, organiser, session, day, django_capture_on_commit_callbacks, clock
):
    meeting, late, _other = day
    clock(meeting.slot.start)  # the meeting starts: check-in opens
    client.force_login(organiser)  # on the day (the clock moved)
    organiser_client = client
    services.meeting_check_in(meeting=meeting, status=Meeting.Status.NO_SHOW)
    page = organiser_client.get(reverse("matchmaking:freed_slots", args=[session.slug]))
    assert len(page.context["freed"]) == 1
    data = {"request": late.pk, "slot": meeting.slot_id, "table": meeting.table_id}
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(reverse("matchmaking:meeting_place", args=[session.slug]), data)
    placed = Meeting.objects.get(request=late)
    assert (placed.published, placed.slot, placed.table) == (True, meeting.slot, meeting.table)
    late.refresh_from_db()
    assert late.status == MeetingRequest.Status.ACCEPTED
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        [late.sender.person.email, late.recipient.person.email]
    )
    assert selectors.freed_slots(session, now=meeting.slot.start) == []  # the table is taken again


def test_placing_checks_the_schedulers_hard_rules(session, day, alice):
    meeting, late, other = day
    services.meeting_request_cancel(request=meeting.request)
    services.meeting_place(request=late, slot=meeting.slot, table=meeting.table, notify=False)
    with pytest.raises(ValidationError) as error:  # the table is taken again
        services.meeting_place(request=other, slot=meeting.slot, table=meeting.table, notify=False)
    assert error.value.error_list[0].code == "hard_rule"
    free_table = session.tables.exclude(pk=meeting.table_id).first()
    with pytest.raises(ValidationError, match="déjà une rencontre"):  # placed once
        services.meeting_place(request=late, slot=meeting.slot, table=free_table, notify=False)
    alice.unavailable.set(session.day_parts.all())
    with pytest.raises(ValidationError) as error:  # Alice is away
        services.meeting_place(request=other, slot=meeting.slot, table=free_table, notify=False)
    assert error.value.error_list[0].code == "hard_rule"


def test_placing_refuses_a_slot_that_is_over(session, day, clock):
    meeting, late, _other = day
    services.meeting_request_cancel(request=meeting.request)
    clock(meeting.slot.end)
    assert selectors.freed_slots(session, now=meeting.slot.end) == []
    with pytest.raises(ValidationError) as error:
        services.meeting_place(request=late, slot=meeting.slot, table=meeting.table, notify=False)
    assert error.value.error_list[0].code == "over"


def test_placing_keeps_each_person_under_the_sessions_cap(session, day):
    meeting, _late, other = day  # Alice already meets Bob; Alice asked Erin
    later = session.slots.filter(start__gt=meeting.slot.start).order_by("start").first()
    table = session.tables.exclude(pk=meeting.table_id).first()
    B2BSession.objects.filter(pk=session.pk).update(max_meetings=1)
    with pytest.raises(ValidationError) as error:
        services.meeting_place(request=other, slot=later, table=table, notify=False)
    assert error.value.error_list[0].code == "hard_rule"
    B2BSession.objects.filter(pk=session.pk).update(max_meetings=2)
    placed = services.meeting_place(request=other, slot=later, table=table, notify=False)
    assert (placed.slot, placed.table, placed.published) == (later, table, True)


def test_a_freed_booth_is_not_offered_to_people_who_do_not_own_it(session, clock):
    owner, guest = participant_make(session), participant_make(session)
    booth = session.tables.order_by("number").first()
    services.participant_update(participant=owner, booth=booth, by_organiser=True)
    first = services.meeting_request_organiser_add(sender=owner, recipient=guest)
    schedule_and_publish(session)
    meeting = Meeting.objects.get(request=first, published=True)
    carol = participant_make(session)
    later = services.meeting_request_organiser_add(sender=guest, recipient=carol)
    clock(meeting.slot.start - dt.timedelta(minutes=30))
    services.meeting_request_cancel(request=first)
    freed = selectors.freed_slots(session, now=meeting.slot.start - dt.timedelta(minutes=30))
    assert all(later not in slot.candidates for slot in freed if slot.meeting.table_id == booth.pk)
    with pytest.raises(ValidationError):
        services.meeting_place(request=later, slot=meeting.slot, table=booth, notify=False)
