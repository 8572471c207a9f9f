"""Who may open which page of a call for proposals: a role × URL matrix, and writes refused to the wrong
people (deadlines on the server, forms that keep what was typed)."""

import datetime as dt

import pytest
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from maillage.proposals import services
from maillage.proposals.models import Proposal
from tests.factories import OrganisationFactory, OrganiserFactory, PersonFactory, UserFactory

from .factories import call_make, pdf_file, proposal_fields, proposal_make, speaker_make, track

pytestmark = pytest.mark.django_db

ROLES = [
    "visitor", "member", "speaker", "co_speaker", "other_speaker", "reviewer", "other_reviewer",
    "conflicted_reviewer", "organiser",
]  # fmt: skip
LOGIN, OK, REDIRECT, FORBIDDEN, MISSING = "login", 200, 302, 403, 404
EVERYONE = dict.fromkeys(ROLES, OK)
LOGGED_IN = {**EVERYONE, "visitor": LOGIN}
ORGANISERS = {**dict.fromkeys(ROLES, FORBIDDEN), "visitor": LOGIN, "organiser": OK}
SPEAKERS = {**dict.fromkeys(ROLES, FORBIDDEN), "visitor": LOGIN, "speaker": OK, "co_speaker": OK}
PROPOSAL = {**SPEAKERS, "organiser": OK, "reviewer": REDIRECT}  # a reviewer lands on the review page
FILES = {**SPEAKERS, "organiser": OK, "reviewer": OK}
REVIEW = {**dict.fromkeys(ROLES, FORBIDDEN), "visitor": LOGIN, "reviewer": OK}
REVIEW_LIST = {**REVIEW, "other_reviewer": OK, "conflicted_reviewer": OK}
PREVIEW_CLOSED = {**dict.fromkeys(ROLES, MISSING), "organiser": OK}

# (url name, which object: "call" or "proposal" or "accepted" or "file", expected)
MATRIX = [
    ("proposals:call", "call", EVERYONE),
    ("proposals:submit", "call", LOGGED_IN),
    ("proposals:preview", "call", PREVIEW_CLOSED),
    ("proposals:review_list", "call", REVIEW_LIST),
    ("proposals:manage", "call", ORGANISERS),
    ("proposals:dashboard", "call", ORGANISERS),
    ("proposals:reviewers", "call", ORGANISERS),
    ("proposals:scouting", "call", ORGANISERS),
    ("proposals:call_edit", "call", ORGANISERS),
    ("proposals:proposals_csv", "call", ORGANISERS),
    ("proposals:reviews_csv", "call", ORGANISERS),
    ("proposals:proposal", "proposal", PROPOSAL),
    ("proposals:edit", "proposal", SPEAKERS),
    ("proposals:review", "proposal", REVIEW),
    ("proposals:file", "file", FILES),
    ("proposals:confirm", "accepted", SPEAKERS),
]


@pytest.fixture
def world(db):
    call = call_make()
    acme = OrganisationFactory(name="Acme")
    speaker = speaker_make(acme)
    proposal = proposal_make(call, speaker, slides=pdf_file())
    accepted = proposal_make(call, speaker, title="Acceptée")
    co_speaker = speaker_make()
    for p in (proposal, accepted):
        invited = services.cospeaker_invite(proposal=p, by=speaker, name="Co", email=co_speaker.email)
        services.cospeaker_accept(token=invited.token, user=co_speaker)
    services.proposals_decide(call=call, proposal_ids=[accepted.pk], state="accepted", notify=False)
    other_speaker = speaker_make()
    proposal_make(call, other_speaker, title="Autre")
    reviewer, other_reviewer, conflicted = speaker_make(), speaker_make(), speaker_make(acme)
    services.reviewer_set(call=call, user=reviewer, tracks=[track(call)])
    services.reviewer_set(call=call, user=other_reviewer, tracks=[track(call, "ville")])
    services.reviewer_set(call=call, user=conflicted, tracks=[track(call)])
    member = UserFactory()
    PersonFactory(user=member, email=member.email)
    users = {
        "visitor": None, "member": member, "speaker": speaker, "co_speaker": co_speaker,
        "other_speaker": other_speaker, "reviewer": reviewer, "other_reviewer": other_reviewer,
        "conflicted_reviewer": conflicted, "organiser": OrganiserFactory(),
    }  # fmt: skip
    return call, proposal, accepted, users


def _args(call, proposal, accepted, which):
    slug = call.edition.slug
    return {
        "call": [slug],
        "proposal": [slug, proposal.pk],
        "accepted": [slug, accepted.pk],
        "file": [slug, proposal.pk, "slides"],
    }[which]


def _seen(client, users, url, method="get", data=None):
    seen = {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        response = getattr(client, method)(url, data or {})
        code = response.status_code
        if response.streaming:  # read to the end: the test client then closes the file
            b"".join(response.streaming_content)
        if code == 302 and "/comptes/connexion/" in response["Location"]:
            code = LOGIN
        seen[role] = code
    return seen


@pytest.mark.parametrize(("name", "which", "expected"), MATRIX, ids=[f"{n}-{w}" for n, w, _e in MATRIX])
def test_role_by_url_matrix(client, world, name, which, expected):
    call, proposal, accepted, users = world
    assert _seen(client, users, reverse(name, args=_args(call, proposal, accepted, which))) == expected


def test_my_proposals_lists_only_mine(client, world):
    _call, proposal, accepted, users = world
    client.force_login(users["co_speaker"])
    page = client.get(reverse("proposals:mine")).content.decode()
    assert (escape(proposal.title) in page, accepted.title in page, "Autre" in page) == (True, True, False)


def test_the_open_preview_shows_only_accepted_proposals_to_everyone(client, world):
    call, proposal, accepted, users = world
    services.call_update(call=call, preview_open=True)
    url = reverse("proposals:preview", args=[call.edition.slug])
    assert _seen(client, users, url) == EVERYONE
    client.logout()
    page = client.get(url).content.decode()
    assert (accepted.title in page, escape(proposal.title) in page) == (True, False)


def test_stars_need_an_open_preview_and_a_visitors_count_once_they_log_in(client, world):
    call, proposal, accepted, users = world
    url = reverse("proposals:star", args=[call.edition.slug, accepted.pk])
    client.force_login(users["member"])
    assert client.post(url, {"star": "1"}).status_code == MISSING  # preview closed
    services.call_update(call=call, preview_open=True)
    client.logout()
    preview = reverse("proposals:preview", args=[call.edition.slug])
    response = client.post(url, {"star": "1"})
    assert response["Location"] == f"{preview}#proposal-{accepted.pk}"
    assert accepted.stars.count() == 0  # kept in the visitor's session
    card = client.post(url, {"star": "1"}, headers={"HX-Request": "true"}).content.decode()
    assert 'aria-pressed="true"' in card
    assert "/comptes/connexion/?next=" in card
    assert client.post(
        reverse("proposals:star", args=[call.edition.slug, proposal.pk]), {"star": "1"}
    ).status_code == (MISSING)
    client.force_login(users["member"])  # the same browser logs in: its stars become the member's
    page = client.get(preview).content.decode()
    assert list(accepted.stars.values_list("user", flat=True)) == [users["member"].pk]
    assert page.count('aria-pressed="true"') == 1
    client.get(preview)  # claimed once
    assert accepted.stars.count() == 1
    response = client.post(url, {"star": "0"}, headers={"HX-Request": "true"})
    assert response.status_code == OK
    assert "☆" in response.content.decode()
    assert accepted.stars.count() == 0
    assert client.post(url, {"star": "1"}).status_code == REDIRECT
    assert accepted.stars.count() == 1


@pytest.fixture
def star_url(world):
    """The star of the accepted proposal, its preview open; visitors' counts cleared before and after."""
    cache.clear()
    call, _proposal, accepted, _users = world
    services.call_update(call=call, preview_open=True)
    yield reverse("proposals:star", args=[call.edition.slug, accepted.pk])
    cache.clear()


def test_visitors_who_drop_their_cookie_cannot_open_a_session_per_star(client, world, star_url, settings):
    """Each cookie-less (or made-up cookie) star would store a new session: past the hourly limit per
    subscriber's address it is refused with a message, while a visitor who keeps their cookie and members go
    on starring."""
    settings.MAILLAGE_VISITOR_SESSIONS_PER_HOUR = 2
    _call, _proposal, accepted, users = world
    url, htmx = star_url, {"HX-Request": "true"}
    keeper = Client()
    assert 'aria-pressed="true"' in keeper.post(url, {"star": "1"}, headers=htmx).content.decode()
    Client().post(url, {"star": "1"})  # a second new session from the same address: still allowed
    assert Session.objects.count() == 2
    refused = Client().post(url, {"star": "1"}, headers=htmx)
    assert refused.status_code == OK
    body = refused.content.decode()
    assert 'role="alert"' in body
    assert 'aria-pressed="false"' in body
    assert "sessionid" not in refused.cookies
    forged = Client()
    forged.cookies["sessionid"] = "madeup" + "x" * 26  # a cookie no session matches
    assert 'role="alert"' in forged.post(url, {"star": "1"}, headers=htmx).content.decode()
    refused_page = Client().post(url, {"star": "1"}, follow=True).content.decode()
    assert '<li class="message error" role="status">' in refused_page
    assert Session.objects.count() == 2  # none of the refused ones stored a session
    for _ in range(3):  # the visitor who kept their cookie is not counted again
        assert 'aria-pressed="true"' in keeper.post(url, {"star": "1"}, headers=htmx).content.decode()
    client.force_login(users["member"])
    assert client.post(url, {"star": "1"}).status_code == REDIRECT
    assert accepted.stars.count() == 1


def test_an_ipv6_host_counts_once_for_its_whole_64_and_another_network_is_not_held_back(star_url, settings):
    settings.MAILLAGE_VISITOR_SESSIONS_PER_HOUR = 1
    url, htmx = star_url, {"HX-Request": "true"}
    first = Client(REMOTE_ADDR="2001:db8:1:2::10").post(url, {"star": "1"}, headers=htmx).content.decode()
    assert 'role="alert"' not in first
    same_64 = Client(REMOTE_ADDR="2001:db8:1:2:ffff::99").post(url, {"star": "1"}, headers=htmx)
    assert 'role="alert"' in same_64.content.decode()
    other = Client(REMOTE_ADDR="2001:db8:1:3::10").post(url, {"star": "1"}, headers=htmx).content.decode()
    assert 'role="alert"' not in other
    assert 'aria-pressed="true"' in other


def test_writes_are_refused_to_the_wrong_people(client, world):
    call, proposal, _accepted, users = world
    slug = call.edition.slug
    client.force_login(users["conflicted_reviewer"])
    assert (
        client.post(reverse("proposals:review", args=[slug, proposal.pk]), {"score": "2"}).status_code == 403
    )
    client.force_login(users["reviewer"])
    decide = reverse("proposals:decide", args=[slug])
    assert client.post(decide, {"proposals": [proposal.pk], "decision": "accepted"}).status_code == 403
    client.force_login(users["other_speaker"])
    assert client.post(reverse("proposals:withdraw", args=[slug, proposal.pk])).status_code == 403
    assert client.post(reverse("proposals:edit", args=[slug, proposal.pk]), {"title": "X"}).status_code == 403
    invite = reverse("proposals:cospeaker_invite", args=[slug, proposal.pk])
    assert client.post(invite, {"name": "X", "email": "x@example.org", "language": "fr"}).status_code == 403
    proposal.refresh_from_db()
    assert (proposal.title, proposal.state, proposal.reviews.count()) == (
        "L'IA au service des PME",
        "submitted",
        0,
    )


def test_the_deadline_holds_on_the_server(client, world, clock):
    call, proposal, _accepted, users = world
    clock(call.deadline + dt.timedelta(seconds=1))
    client.force_login(users["speaker"])
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in proposal_fields(call, title="Après").items()}
    data.pop("answers")
    response = client.post(reverse("proposals:submit", args=[call.edition.slug]), data)
    assert response.status_code == REDIRECT
    response = client.post(reverse("proposals:edit", args=[call.edition.slug, proposal.pk]), data)
    assert response.status_code == REDIRECT
    assert Proposal.objects.filter(title="Après").count() == 0


def test_a_refused_submission_keeps_what_was_typed(client, world):
    call, _proposal, _accepted, users = world
    client.force_login(users["member"])
    data = {
        "title": "Mon titre <tapé>", "abstract": "", "description": "Une description longue",
        "session_type": call.session_types.first().pk, "track": track(call).pk, "audience": "both",
        "language": "fr", "notes": "Merci", f"question_{call.questions.first().pk}": "Expert",
    }  # fmt: skip
    response = client.post(reverse("proposals:submit", args=[call.edition.slug]), data)
    page = response.content.decode()
    assert response.status_code == OK
    assert "Mon titre &lt;tapé&gt;" in page
    assert "Une description longue" in page
    assert 'value="Expert" selected' in page
    assert Proposal.objects.filter(submitter=users["member"]).count() == 0


def test_a_fake_picture_is_refused_and_the_text_kept(client, world):
    call, _proposal, _accepted, users = world
    client.force_login(users["member"])
    data = {
        "title": "Avec image", "abstract": "Résumé", "session_type": call.session_types.first().pk,
        "track": track(call).pk, "audience": "both", "language": "en",
        "picture": pdf_file("photo.jpg"),
    }  # fmt: skip
    response = client.post(reverse("proposals:submit", args=[call.edition.slug]), data)
    assert response.status_code == OK
    assert 'value="Avec image"' in response.content.decode()
    assert Proposal.objects.filter(title="Avec image").count() == 0


def test_the_organisers_small_forms_keep_what_was_typed(client, world):
    call, _proposal, _accepted, users = world
    client.force_login(users["organiser"])
    response = client.post(
        reverse("proposals:question_add", args=[call.edition.slug]),
        {"text_fr": "Votre public ?", "kind": "choice", "choices": "Un seul"},
    )
    assert response.status_code == 400
    assert "Votre public ?" in response.content.decode()
    response = client.post(
        reverse("proposals:extension_add", args=[call.edition.slug]),
        {"email": "nobody@example.org", "until": "2030-01-01T10:00"},
    )
    assert response.status_code == 400
    assert "nobody@example.org" in response.content.decode()


def test_the_call_page_says_when_it_opens(client, db):
    now = timezone.now()
    call = call_make(opens=now + dt.timedelta(days=3), deadline=now + dt.timedelta(days=30))
    page = client.get(reverse("proposals:call", args=[call.edition.slug])).content.decode()
    assert reverse("proposals:submit", args=[call.edition.slug]) not in page
