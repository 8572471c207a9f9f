"""Double submits for real: two connections at once (PostgreSQL; SQLite runs one writer at a time)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from maillage.matchmaking import services
from maillage.matchmaking.models import MeetingRequest, Participant, SchedulingRun

from .factories import participant_make, session_make

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers"),
]


def _twice_at_once(action) -> list:
    """Run `action` in two threads released together; what each returned or raised."""
    barrier = threading.Barrier(2)
    results = []

    def run():
        try:
            barrier.wait()
            results.append(action())
        except Exception as error:
            results.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_the_same_request_twice_at_once():
    session = session_make()
    alice, bob = participant_make(session), participant_make(session)
    results = _twice_at_once(lambda: services.meeting_request_send(sender=alice, recipient=bob, notify=False))
    assert sorted(type(r).__name__ for r in results) == ["MeetingRequest", "ValidationError"]
    assert MeetingRequest.objects.count() == 1


def test_two_runs_started_at_once():
    session = session_make()
    results = _twice_at_once(lambda: services.scheduling_run_start(session=session, user=session.organiser))
    assert sorted(type(r).__name__ for r in results) == ["SchedulingRun", "ValidationError"]
    assert SchedulingRun.objects.count() == 1


def test_registering_twice_at_once():
    session = session_make()
    person = participant_make(session_make(name="Autre")).person
    results = _twice_at_once(lambda: services.participant_register(session=session, person=person))
    assert sorted(type(r).__name__ for r in results) == ["Participant", "ValidationError"]
    assert Participant.objects.filter(session=session).count() == 1
    assert all(isinstance(r, (Participant, ValidationError)) for r in results)
