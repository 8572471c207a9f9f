"""Regressions from the code review: each test failed before its fix."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from maillage.directory import services as directory_services
from maillage.directory.models import Organisation
from maillage.matchmaking import selectors, services
from maillage.matchmaking.models import Meeting, MeetingRequest, SchedulingRun

from .factories import participant_make, schedule_and_publish, session_make

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


def test_a_table_where_others_meet_cannot_become_a_booth(session, alice, bob):
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    table = Meeting.objects.get(published=True).table
    carol = participant_make(session)
    with pytest.raises(ValidationError) as error:
        services.participant_update(participant=carol, booth=table, by_organiser=True)
    assert "booth" in error.value.message_dict


def test_an_organisation_edit_makes_recommendations_out_of_date(session):
    people = [participant_make(session) for _ in range(3)]
    organisation = Organisation.objects.get(pk=people[0].organisation_id)
    services.recommendations_refresh(session=session, language="fr")
    assert selectors.recommendations_current(session, language="fr")
    directory_services.organisation_update(organisation=organisation, name="Tout autre nom")
    assert not selectors.recommendations_current(session, language="fr")


@pytest.mark.django_db(transaction=True)
def test_an_smtp_server_that_is_down_does_not_undo_the_page(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on the discard port
    session = session_make()
    alice, bob = participant_make(session), participant_make(session)
    client.force_login(alice.person.user)
    response = client.post(
        reverse("matchmaking:request_send", args=[session.slug, bob.pk]), {"message": "", "priority": 1}
    )
    assert response.status_code in (200, 302)
    assert MeetingRequest.objects.filter(sender=alice, recipient=bob).exists()
