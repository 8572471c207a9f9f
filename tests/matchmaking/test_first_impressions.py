"""What a newcomer tripped on in the B2B pages: each with the behaviour people expect."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from maillage.matchmaking import selectors, services
from maillage.matchmaking.forms import SessionForm
from maillage.matchmaking.ical import agenda_calendar
from maillage.matchmaking.models import B2BSession, Meeting, SchedulingRun

from .factories import DAY, participant_make, schedule_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(session, alice, bob):
    request = services.meeting_request_send(
        sender=alice, recipient=bob, message="Parlons de vos capteurs.", notify=False
    )
    services.meeting_request_accept(request=request, notify=False)
    schedule_and_publish(session)
    return session


def test_the_request_message_is_kept_apart_from_the_reasons_and_says_who_wrote_it(published, alice, bob):
    [for_bob] = selectors.agenda_for(bob)
    assert "Parlons de vos capteurs." not in for_bob.reasons
    assert (for_bob.message, for_bob.message_by_other) == ("Parlons de vos capteurs.", True)
    [for_alice] = selectors.agenda_for(alice)
    assert (for_alice.message, for_alice.message_by_other) == ("Parlons de vos capteurs.", False)


def test_the_agenda_page_and_calendar_label_the_message(client, published, alice, bob):
    client.force_login(bob.person.user)
    page = client.get(reverse("matchmaking:agenda", args=[published.slug])).content.decode()
    assert f"Message de {alice.name} :" in page
    calendar = agenda_calendar(published, selectors.agenda_for(bob), name="x", url="https://x").decode()
    assert f"Message de {alice.name} : Parlons de vos capteurs." in calendar.replace("\r\n ", "")


def test_check_in_refuses_held_before_the_meeting_starts(published, clock):
    meeting = Meeting.objects.get(session=published, published=True)
    clock(meeting.slot.start - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError) as caught:
        services.meeting_check_in(meeting=meeting, status=Meeting.Status.HELD)
    assert caught.value.code == "future"
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    clock(meeting.slot.start)
    assert services.meeting_check_in(meeting=meeting, status=Meeting.Status.HELD).status == "held"


def test_a_person_hidden_from_the_directory_is_absent_from_other_members_lists(client, session, alice, bob):
    hidden = participant_make(session)
    hidden.person.is_listed = False
    hidden.person.save()
    assert list(selectors.participants_shown_to(alice)) == [bob]
    client.force_login(alice.person.user)
    page = client.get(reverse("matchmaking:participants", args=[session.slug])).content.decode()
    assert bob.name in page
    assert hidden.name not in page
    assert hidden.person.last_name not in page


def test_session_pages_show_dates_and_place(client, db):
    from .factories import session_make

    session = session_make(place="Palais de la Bourse, Bordeaux")
    detail = client.get(reverse("matchmaking:session_detail", args=[session.slug])).content.decode()
    assert "Palais de la Bourse, Bordeaux" in detail
    assert f"{DAY.day} " in detail
    assert str(DAY.year) in detail
    listing = client.get(reverse("matchmaking:session_list")).content.decode()
    assert "Palais de la Bourse, Bordeaux" in listing


def test_a_closed_session_does_not_invite_to_log_in(client, db):
    from .factories import session_make

    session = session_make(status=B2BSession.Status.CLOSED)
    page = client.get(reverse("matchmaking:session_detail", args=[session.slug])).content.decode()
    assert "Connectez-vous pour participer" not in page
    assert "Cette séance est terminée." in page


def test_publishing_asks_for_confirmation(client, session, alice, bob):
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    run = services.scheduling_run_start(session=session, user=session.organiser, time_limit=2)
    run = services.scheduling_run_execute(run_id=run.pk)
    client.force_login(session.organiser)
    url = reverse("matchmaking:run_publish", args=[session.slug, run.pk])
    client.post(url)
    run.refresh_from_db()
    assert run.published is None
    client.post(url, {"confirm": "1"})
    run.refresh_from_db()
    assert run.published is not None


def _session_form(**changes):
    today = dt.date.today()
    data = {
        "name": "Forum",
        "timezone": "America/Toronto",
        "first_day": today + dt.timedelta(days=30),
        "last_day": today + dt.timedelta(days=31),
        "morning": "on",
        "morning_start": "09:00",
        "morning_end": "12:00",
        "afternoon_start": "14:00",
        "afternoon_end": "17:00",
        "slot_minutes": 20,
        "break_minutes": 5,
        "tables": 10,
    }
    data.update(changes)
    return SessionForm(data)


def test_a_session_dated_in_the_past_needs_to_be_marked_as_already_held():
    past = dt.date.today() - dt.timedelta(days=400)
    form = _session_form(first_day=past, last_day=past)
    assert not form.is_valid()
    assert list(form.errors) == ["first_day"]
    assert _session_form(first_day=past, last_day=past, already_held="on").is_valid()


def test_a_session_years_ahead_is_refused_with_a_clear_message():
    far = dt.date.today() + dt.timedelta(days=365 * 7)
    form = _session_form(first_day=far, last_day=far)
    assert form.errors == {"first_day": ["Ce jour est dans plus de cinq ans : vérifiez l'année."]}


def test_creating_an_already_held_session_leads_to_the_history_import(client, db):
    from tests.factories import OrganiserFactory

    organiser = OrganiserFactory()
    client.force_login(organiser)
    past = dt.date.today() - dt.timedelta(days=60)
    data = _session_form(first_day=past, last_day=past, already_held="on").data
    response = client.post(reverse("matchmaking:session_create"), data)
    session = B2BSession.objects.get()
    assert response.url == reverse("matchmaking:history_import", args=[session.slug])
    assert session.status == B2BSession.Status.CLOSED
    assert not SchedulingRun.objects.exists()
