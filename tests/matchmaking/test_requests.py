"""Answers to requests, outcomes, and double submits."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from maillage.matchmaking import services
from maillage.matchmaking.models import B2BSession, Meeting, MeetingRequest, Participant, SchedulingRun
from tests.factories import PersonFactory

from .factories import schedule_and_publish

pytestmark = pytest.mark.django_db


def _code(error) -> str:
    return error.value.error_list[0].code


def test_answers_are_refused_after_the_deadline_but_organisers_still_answer(session, alice, bob):
    request = services.meeting_request_send(sender=alice, recipient=bob)
    session.request_deadline = timezone.now() - dt.timedelta(minutes=1)
    session.save()
    for answer in (services.meeting_request_accept, services.meeting_request_decline):
        with pytest.raises(ValidationError, match="date limite des demandes est passée") as error:
            answer(request=request)
        assert _code(error) == "deadline"
    services.meeting_request_accept(request=request, by_organiser=True)
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.ACCEPTED


def test_answers_are_refused_once_the_session_is_closed(client, session, alice, bob):
    request = services.meeting_request_send(sender=alice, recipient=bob)
    services.b2b_session_set_status(session=session, status=B2BSession.Status.CLOSED)
    client.force_login(bob.person.user)
    url = reverse("matchmaking:request_answer", args=[session.slug, request.pk])
    response = client.post(url, {"answer": "accept"}, follow=True)
    assert [str(m) for m in response.context["messages"]] == ["Cette séance B2B n'accepte pas de demandes."]
    request.refresh_from_db()
    assert request.status == MeetingRequest.Status.PENDING


def test_an_outcome_waits_for_the_meeting_to_start(session, alice, bob, clock):
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    meeting = Meeting.objects.get(published=True)
    clock(meeting.slot.start - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError) as error:
        services.meeting_outcome_record(meeting=meeting, participant=alice, outcome="lead")
    assert _code(error) == "future"
    clock(meeting.slot.start)
    record = services.meeting_outcome_record(meeting=meeting, participant=alice, outcome="lead")
    assert record.outcome == "lead"


@pytest.fixture
def check_always_passes(monkeypatch):
    """What a double submit looks like: the second request checks before the first one has written."""
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)


def test_a_request_sent_twice_at_once_gives_the_friendly_error(session, alice, bob, check_always_passes):
    services.meeting_request_send(sender=alice, recipient=bob)
    with pytest.raises(ValidationError, match="Vous avez déjà demandé"):
        services.meeting_request_send(sender=alice, recipient=bob)
    assert MeetingRequest.objects.count() == 1


def test_registering_twice_at_once_gives_the_friendly_error(session, check_always_passes):
    person = PersonFactory()
    services.participant_register(session=session, person=person)
    with pytest.raises(ValidationError, match="figure déjà parmi les participants"):
        services.participant_register(session=session, person=person)
    assert Participant.objects.filter(session=session).count() == 1


def test_two_runs_started_at_once_make_one_run(session, organiser, check_always_passes):
    services.scheduling_run_start(session=session, user=organiser)
    with pytest.raises(ValidationError, match="déjà en cours"):
        services.scheduling_run_start(session=session, user=organiser)
    assert SchedulingRun.objects.count() == 1


def test_publishing_twice_at_once_publishes_once(session, alice, bob, organiser):
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    run = services.scheduling_run_start(session=session, user=organiser, time_limit=2)
    run = services.scheduling_run_execute(run_id=run.pk)
    stale = SchedulingRun.objects.get(pk=run.pk)  # what the second submit loaded before the first published
    services.scheduling_run_publish(run=run, notify=False)
    with pytest.raises(ValidationError, match="déjà publié"):
        services.scheduling_run_publish(run=stale, notify=False)
    assert Meeting.objects.filter(published=True).count() == 1
