"""Requests sent and answered at the same moment, for real (PostgreSQL; SQLite runs one writer at a time).

Requests lock only the two people's rows and hold the session's row shared: the deadline rush must not make
everyone wait for everyone, yet two people writing to each other, or an organiser closing the session, still
happen one at a time."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction

from maillage.matchmaking import services
from maillage.matchmaking.models import B2BSession, MeetingRequest

from .factories import participant_make, session_make

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers"),
]


def _at_once(*actions) -> list:
    """Run each action in its own thread (and connection), released together; what each returned or
    raised, in the order of the actions."""
    barrier = threading.Barrier(len(actions))
    results: list = [None] * len(actions)

    def run(n, action):
        try:
            barrier.wait()
            results[n] = action()
        except Exception as error:
            results[n] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(n, a)) for n, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def _in_thread(action) -> tuple[threading.Thread, list]:
    result: list = []

    def run():
        try:
            result.append(action())
        except Exception as error:
            result.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, result


def test_two_people_asking_each_other_at_once_make_one_mutual_accepted_request():
    session = session_make()
    alice, bob = participant_make(session), participant_make(session)
    results = _at_once(
        lambda: services.meeting_request_send(sender=alice, recipient=bob, notify=False),
        lambda: services.meeting_request_send(sender=bob, recipient=alice, notify=False),
    )
    assert all(isinstance(r, MeetingRequest) for r in results)
    (request,) = MeetingRequest.objects.all()
    assert (request.status, request.mutual) == (MeetingRequest.Status.ACCEPTED, True)


def test_an_answer_and_a_withdrawal_at_once_leave_one_of_them():
    session = session_make()
    alice, bob = participant_make(session), participant_make(session)
    request = services.meeting_request_send(sender=alice, recipient=bob, notify=False)
    results = _at_once(
        lambda: services.meeting_request_accept(
            request=MeetingRequest.objects.get(pk=request.pk), notify=False
        ),
        lambda: services.meeting_request_decline(request=MeetingRequest.objects.get(pk=request.pk)),
    )
    assert sorted(type(r).__name__ for r in results) == ["MeetingRequest", "ValidationError"]
    winner = next(r for r in results if isinstance(r, MeetingRequest))
    request.refresh_from_db()
    assert request.status == winner.status


def test_other_people_requests_do_not_wait_for_a_pair_being_written():
    session = session_make()
    alice, bob, carol, dan = (participant_make(session) for _ in range(4))
    with transaction.atomic():
        # alice's request to bob, half-written: it holds what sending holds
        services.meeting_request_send(sender=alice, recipient=bob, notify=False)
        thread, result = _in_thread(
            lambda: services.meeting_request_send(sender=carol, recipient=dan, notify=False)
        )
        thread.join(timeout=10)
        assert not thread.is_alive(), "carol's request waited for alice and bob's"
    assert isinstance(result[0], MeetingRequest)


def test_a_request_sent_while_the_session_is_being_closed_waits_and_is_refused():
    session = session_make()
    alice, bob = participant_make(session), participant_make(session)
    with transaction.atomic():
        B2BSession.objects.filter(pk=session.pk).update(status=B2BSession.Status.CLOSED)
        thread, result = _in_thread(
            lambda: services.meeting_request_send(sender=alice, recipient=bob, notify=False)
        )
        thread.join(timeout=1)
        assert thread.is_alive(), "the request did not wait for the closing to commit"
    thread.join(timeout=10)
    assert isinstance(result[0], ValidationError)
    assert result[0].code == "session_closed"
    assert not MeetingRequest.objects.exists()
