"""The deadline pages (send a request, the requests page, answer) read only the columns they show, in one
select each: a column left out of those selects and read later would cost one more query per request, in
the minutes when everyone sends and answers. What they show and e-mail must not change for it."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maillage.matchmaking import services
from maillage.matchmaking.models import MeetingRequest

from .factories import participant_make

pytestmark = pytest.mark.django_db

# One row read by its id alone: how Django fetches a deferred column, or a relation not joined.
ONE_ROW = re.compile(r'FROM "(\w+)" WHERE "\1"\."id" = ')


# The services read these again on purpose, once the pair is locked: the session (its status and deadline
# then hold until commit; locked shared, or a plain read on SQLite) and the request being answered.
READ_AGAIN_LOCKED = {"matchmaking_b2bsession", "matchmaking_meetingrequest"}


def rows_read_alone(queries, *, locked: frozenset[str] | set[str] = READ_AGAIN_LOCKED) -> list[str]:
    """The tables read one row by its id, but those the services read again ``locked`` (none on a page
    that only reads)."""
    return [m.group(1) for q in queries if (m := ONE_ROW.search(q["sql"])) and m.group(1) not in locked]


def test_send_answer_and_page_read_nothing_row_by_row(
    client, session, alice, bob, django_capture_on_commit_callbacks
):
    assert alice.organisation is not None
    assert bob.organisation is not None
    client.force_login(alice.person.user)
    send = reverse("matchmaking:request_send", args=[session.slug, bob.pk])
    with CaptureQueriesContext(connection) as sent, django_capture_on_commit_callbacks(execute=True):
        response = client.post(send, {"message": "Bonjour", "priority": "2"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    # Only the logged-in account is read by its id (the session's user); nothing else row by row.
    assert rows_read_alone(sent.captured_queries) == ["accounts_user"]
    (received,) = mail.outbox
    assert received.to == [bob.person.email]
    assert f"{alice.name} ({alice.organisation.name})" in received.body
    assert received.body.startswith(f"Bonjour {bob.person.first_name},")

    request = MeetingRequest.objects.get()
    client.force_login(bob.person.user)
    with CaptureQueriesContext(connection) as page:
        body = client.get(reverse("matchmaking:requests", args=[session.slug])).content.decode()
    assert rows_read_alone(page.captured_queries, locked=set()) == ["accounts_user"]
    assert f'id="request-row-{request.pk}"' in body
    assert alice.organisation.name in body
    assert alice.person.email not in body  # not accepted yet: no contact details

    answer = reverse("matchmaking:request_answer", args=[session.slug, request.pk])
    with CaptureQueriesContext(connection) as answered, django_capture_on_commit_callbacks(execute=True):
        row = client.post(answer, {"answer": "accept"}, headers={"HX-Request": "true"}).content.decode()
    assert rows_read_alone(answered.captured_queries) == ["accounts_user"]
    # The accepted row shows the other side's contact details; the sender is told, in their e-mail.
    assert alice.person.email in row
    assert 'name="answer"' not in row
    accepted = mail.outbox[1]
    assert accepted.to == [alice.person.email]
    assert f"{bob.name} ({bob.organisation.name})" in accepted.body


def test_a_declined_row_shows_contacts_only_of_an_accepted_request_between_them(client, session, alice, bob):
    """The answered row asks the database for contacts only when its own request is not accepted."""
    carol = participant_make(session)
    mine = services.meeting_request_send(sender=alice, recipient=bob)
    carols = services.meeting_request_send(sender=carol, recipient=bob)
    services.meeting_request_accept(request=carols)  # Bob may see Carol's contacts, in Carol's row only
    client.force_login(bob.person.user)
    answer = reverse("matchmaking:request_answer", args=[session.slug, mine.pk])
    row = client.post(answer, {"answer": "decline"}, headers={"HX-Request": "true"}).content.decode()
    assert 'name="answer"' not in row  # the declined row itself
    assert alice.person.email not in row
    assert carol.person.email not in row
    page = client.get(reverse("matchmaking:requests", args=[session.slug])).content.decode()
    assert carol.person.email in page  # the accepted request's row does show them


def test_requests_page_queries_do_not_grow(client, session, alice, django_assert_max_num_queries):
    client.force_login(alice.person.user)
    url = reverse("matchmaking:requests", args=[session.slug])
    services.meeting_request_send(sender=alice, recipient=participant_make(session))
    services.meeting_request_send(sender=participant_make(session), recipient=alice)
    client.get(url)
    with django_assert_max_num_queries(6) as one:
        client.get(url)
    for _ in range(3):
        services.meeting_request_send(sender=alice, recipient=participant_make(session))
        accepted = services.meeting_request_send(sender=participant_make(session), recipient=alice)
        services.meeting_request_accept(request=accepted)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(url)
