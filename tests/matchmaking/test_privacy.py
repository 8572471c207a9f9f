"""Who sees what: the public sees no participant, a calendar address stops with its account."""

import pytest
from django.urls import URLPattern, reverse

from maillage.matchmaking import services, urls
from maillage.matchmaking.views import feed_token
from tests.factories import UserFactory

from .factories import participant_make, schedule_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(session, alice, bob):
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    return session


def _feed(client, session, participant, token=None):
    return client.get(
        reverse("matchmaking:agenda_ical", args=[session.slug, token or feed_token(participant)])
    )


def test_the_feed_address_stops_when_the_person_is_linked_to_another_account(client, published, alice):
    token = feed_token(alice)
    assert _feed(client, published, alice, token).status_code == 200
    person = alice.person
    person.user = UserFactory()
    person.save()
    assert _feed(client, published, alice, token).status_code == 404
    alice.refresh_from_db()
    assert _feed(client, published, alice).status_code == 200  # the new account's address works


def test_the_feed_address_stops_when_the_account_is_deactivated(client, published, alice):
    token = feed_token(alice)
    user = alice.person.user
    user.is_active = False
    user.save()
    assert _feed(client, published, alice, token).status_code == 404


def test_an_address_signing_only_the_participant_is_refused(client, published, alice):
    from django.core import signing

    from maillage.matchmaking.views import FEED_SALT

    old = signing.Signer(salt=FEED_SALT).sign(str(alice.pk))
    assert _feed(client, published, alice, old).status_code == 404


def _urls(session, participant, meeting_request, run, meeting):
    args = {
        "slug": session.slug,
        "pk": participant.pk,
        "token": "x",
    }
    pks = {
        "request_send": participant.pk,
        "request_answer": meeting_request.pk,
        "organiser_request_remove": meeting_request.pk,
        "run_detail": run.pk,
        "run_publish": run.pk,
        "outcome_record": meeting.pk,
        "check_in_mark": meeting.pk,
    }
    for pattern in urls.urlpatterns:
        assert isinstance(pattern, URLPattern)
        kwargs = {name: args[name] for name in pattern.pattern.converters}
        if "pk" in kwargs:
            kwargs["pk"] = pks[pattern.name]
        yield pattern.name, reverse(f"matchmaking:{pattern.name}", kwargs=kwargs)


def test_no_public_page_shows_a_participant(client, published, alice, bob):
    """Unlisted people of the directory take part in sessions too: the public never sees who takes part."""
    for participant in (alice, bob):
        participant.person.is_listed = False
        participant.person.save()
    hidden = participant_make(published)
    meeting = published.meetings.get(published=True)
    shown = []
    for name, url in _urls(published, hidden, meeting.request, meeting.run, meeting):
        for method in (client.get, client.post):
            response = method(url)
            page = response.content.decode(errors="replace")
            leaks = [p.name for p in (alice, bob, hidden) if p.person.last_name in page]
            assert not leaks, (name, method.__name__, leaks)
            if response.status_code == 200:
                shown.append(name)
    assert sorted(set(shown)) == ["session_detail", "session_list"]
