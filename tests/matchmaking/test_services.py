import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from maillage.matchmaking import services
from maillage.matchmaking.models import B2BSession, MeetingRequest, Slot
from tests.factories import PersonFactory, UserFactory

from .factories import DAY, participant_make, session_make

pytestmark = pytest.mark.django_db


def test_session_create_cuts_the_morning_into_aware_slots_and_numbers_tables():
    session = session_make(slots=4, tables=3, timezone_name="Europe/Paris")
    slots = list(Slot.objects.filter(session=session))
    local = [s.start.astimezone(session.tzinfo).strftime("%H:%M") for s in slots]
    assert local == ["09:00", "09:25", "09:50", "10:15"]
    assert slots[0].start == dt.datetime.combine(DAY, dt.time(9), tzinfo=session.tzinfo)
    assert {s.label for s in slots} == {f"{DAY.isoformat()}-am"}
    assert list(session.tables.values_list("number", flat=True)) == [1, 2, 3]


def test_register_takes_offers_and_sectors_from_the_organisation_when_empty(session):
    person = PersonFactory(user=UserFactory())
    person.organisation.offers = "Capteurs"
    person.organisation.save()
    participant = services.participant_register(session=session, person=person)
    assert participant.offers == "Capteurs"
    assert participant.languages == ["fr", "en"]


def test_register_refuses_a_closed_session_and_twice():
    session = session_make(status=B2BSession.Status.DRAFT)
    person = PersonFactory()
    with pytest.raises(ValidationError, match="ne sont pas ouvertes"):
        services.participant_register(session=session, person=person)
    services.participant_register(session=session, person=person, by_organiser=True)
    with pytest.raises(ValidationError, match="figure déjà parmi les participants"):
        services.participant_register(session=session, person=person, by_organiser=True)


def test_register_refuses_after_registration_closes():
    session = session_make(registration_closes=timezone.now() - dt.timedelta(hours=1))
    with pytest.raises(ValidationError, match="sont closes"):
        services.participant_register(session=session, person=PersonFactory())


def test_request_send_notifies_the_recipient_in_their_language(
    session, alice, bob, django_capture_on_commit_callbacks
):
    bob.person.user.language = "en"
    bob.person.user.save()
    with django_capture_on_commit_callbacks(execute=True):
        request = services.meeting_request_send(
            sender=alice, recipient=bob, message="Parlons IoT", priority=2
        )
    assert (request.status, request.priority, request.weight) == ("pending", 2, 2)
    assert [m.to for m in mail.outbox] == [[bob.person.email]]
    assert mail.outbox[0].subject == f"{alice.name} would like to meet you at {session.name}"


def test_request_send_refuses_oneself_twice_after_deadline_and_outsiders(session, alice, bob):
    with pytest.raises(ValidationError, match="vous envoyer une demande"):
        services.meeting_request_send(sender=alice, recipient=alice)
    services.meeting_request_send(sender=alice, recipient=bob)
    with pytest.raises(ValidationError, match="Vous avez déjà demandé"):
        services.meeting_request_send(sender=alice, recipient=bob)
    outsider = participant_make(session_make(name="Autre", slug="autre"))
    with pytest.raises(ValidationError, match="ne participe pas"):
        services.meeting_request_send(sender=alice, recipient=outsider)
    session.request_deadline = timezone.now() - dt.timedelta(minutes=1)
    session.save()
    carol = participant_make(session)
    with pytest.raises(ValidationError, match="date limite des demandes est passée"):
        services.meeting_request_send(sender=carol, recipient=bob)


def test_request_messages_are_translated(session, alice, settings):
    from django.utils import translation

    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.meeting_request_send(sender=alice, recipient=alice)
    assert error.value.messages == ["You cannot ask to meet yourself."]


def test_the_database_refuses_a_request_to_oneself(session, alice):
    with pytest.raises(IntegrityError):
        MeetingRequest.objects.create(session=session, sender=alice, recipient=alice)


def test_a_request_back_is_recognised_as_mutual_and_accepts_the_first(
    session, alice, bob, django_capture_on_commit_callbacks
):
    first = services.meeting_request_send(sender=alice, recipient=bob, priority=1)
    with django_capture_on_commit_callbacks(execute=True):
        result = services.meeting_request_send(sender=bob, recipient=alice, priority=3)
    assert result.pk == first.pk
    result.refresh_from_db()
    assert (result.status, result.mutual, result.priority, result.weight) == ("accepted", True, 3, 4)
    assert MeetingRequest.objects.count() == 1
    assert [m.to for m in mail.outbox] == [[alice.person.email]]


def test_accept_then_decline_is_refused(session, alice, bob):
    request = services.meeting_request_send(sender=alice, recipient=bob)
    services.meeting_request_accept(request=request)
    with pytest.raises(ValidationError, match="déjà reçu une réponse"):
        services.meeting_request_decline(request=request)


def test_organiser_adds_an_accepted_request_after_the_deadline(session, alice, bob):
    session.request_deadline = timezone.now() - dt.timedelta(days=1)
    session.save()
    request = services.meeting_request_organiser_add(sender=alice, recipient=bob, priority=2)
    assert (request.status, request.by_organiser) == ("accepted", True)
    with pytest.raises(ValidationError, match="Il existe déjà une demande"):
        services.meeting_request_organiser_add(sender=bob, recipient=alice)
