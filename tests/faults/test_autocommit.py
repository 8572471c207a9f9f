"""Writes as a real request makes them: in autocommit, outside the test's own transaction (the other tests
run inside one, which hides a service that locks a row without opening a transaction of its own: SQLite
ignores the lock, PostgreSQL refuses it)."""

import pytest
from django.urls import reverse

from maillage.matchmaking.models import MeetingRequest
from tests.matchmaking.factories import participant_make, session_make

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_participant_sends_a_request_in_autocommit(client):
    session = session_make()
    alice, bob = participant_make(session), participant_make(session)
    client.force_login(alice.person.user)
    response = client.post(
        reverse("matchmaking:request_send", args=[session.slug, bob.pk]),
        {"message": "Bonjour", "priority": "1"},
    )
    assert response.status_code == 302
    assert list(MeetingRequest.objects.values_list("sender", "recipient")) == [(alice.pk, bob.pk)]
