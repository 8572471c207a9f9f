import pytest
from django.urls import reverse

from maillage.matchmaking import services
from maillage.matchmaking.models import MeetingRequest

from .factories import participant_make

pytestmark = pytest.mark.django_db


def test_recommendations_page_ranks_people_with_reasons(client, session, alice):
    participant_make(session, offers="Distribution de produits électroniques en Europe", needs="Capteurs IoT")
    client.force_login(alice.person.user)
    response = client.get(reverse("matchmaking:recommendations", args=[session.slug]))
    assert response.status_code == 200
    assert len(response.context["people"]) == 1
    assert response.context["people"][0].reasons


def test_request_by_htmx_then_accept_shows_contact_details(client, session, alice, bob):
    client.force_login(alice.person.user)
    url = reverse("matchmaking:request_send", args=[session.slug, bob.pk])
    response = client.post(url, {"message": "Bonjour", "priority": "2"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert "request-form" not in response.content.decode()
    request = MeetingRequest.objects.get()
    page = client.get(reverse("matchmaking:requests", args=[session.slug])).content.decode()
    assert bob.person.email not in page
    client.force_login(bob.person.user)
    client.post(reverse("matchmaking:request_answer", args=[session.slug, request.pk]), {"answer": "accept"})
    request.refresh_from_db()
    assert request.status == "accepted"
    client.force_login(alice.person.user)
    page = client.get(reverse("matchmaking:requests", args=[session.slug])).content.decode()
    assert bob.person.email in page


def test_request_error_is_shown_in_place(client, session, alice):
    client.force_login(alice.person.user)
    url = reverse("matchmaking:request_send", args=[session.slug, alice.pk])
    response = client.post(url, {"priority": "1"}, headers={"HX-Request": "true"})
    assert "Vous ne pouvez pas" in response.content.decode() or "yourself" in response.content.decode()


def test_nobody_answers_or_sees_another_participants_requests(client, session, alice, bob):
    carol = participant_make(session)
    request = services.meeting_request_send(sender=alice, recipient=bob)
    client.force_login(carol.person.user)
    response = client.post(
        reverse("matchmaking:request_answer", args=[session.slug, request.pk]), {"answer": "accept"}
    )
    assert response.status_code == 404
    page = client.get(reverse("matchmaking:requests", args=[session.slug])).content.decode()
    assert alice.name not in page
    # The sender cannot accept their own request either.
    client.force_login(alice.person.user)
    client.post(reverse("matchmaking:request_answer", args=[session.slug, request.pk]), {"answer": "accept"})
    request.refresh_from_db()
    assert request.status == "pending"


def test_participant_pages_are_for_participants(client, session, member):
    client.force_login(member)
    for name in ("recommendations", "requests", "agenda", "participants"):
        assert client.get(reverse(f"matchmaking:{name}", args=[session.slug])).status_code == 404


@pytest.mark.parametrize("name", ["manage", "table_plan", "check_in", "freed_slots", "report", "report_csv"])
def test_organiser_pages_refuse_members(client, session, alice, name):
    client.force_login(alice.person.user)
    assert client.get(reverse(f"matchmaking:{name}", args=[session.slug])).status_code == 403


def test_only_organisers_run_and_publish(client, session, alice):
    client.force_login(alice.person.user)
    assert client.post(reverse("matchmaking:run_start", args=[session.slug])).status_code == 403
    assert client.post(reverse("matchmaking:run_publish", args=[session.slug, 1])).status_code == 403


def test_organiser_runs_publishes_and_sees_the_report(
    organiser_client, session, alice, bob, django_capture_on_commit_callbacks
):
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(reverse("matchmaking:run_start", args=[session.slug]))
    assert response.status_code == 302
    run = session.runs.get()
    page = organiser_client.get(response["Location"])
    assert page.context["report"].stats["scheduled"] == 1
    polled = organiser_client.get(response["Location"], headers={"HX-Request": "true"})
    assert (polled.status_code, polled["HX-Refresh"]) == (204, "true")
    organiser_client.post(reverse("matchmaking:run_publish", args=[session.slug, run.pk]), {"confirm": "on"})
    for name in ("table_plan", "check_in", "report"):
        assert organiser_client.get(reverse(f"matchmaking:{name}", args=[session.slug])).status_code == 200
    csv = organiser_client.get(reverse("matchmaking:report_csv", args=[session.slug]))
    assert alice.name in csv.content.decode("utf-8-sig")


def test_a_queued_run_page_polls(organiser_client, session, organiser):
    run = services.scheduling_run_start(session=session, user=organiser)  # task never runs: no commit
    url = reverse("matchmaking:run_detail", args=[session.slug, run.pk])
    response = organiser_client.get(url, headers={"HX-Request": "true"})
    assert 'hx-trigger="every 1s"' in response.content.decode()


def test_participant_list_queries_do_not_grow(client, session, alice, django_assert_max_num_queries):
    client.force_login(alice.person.user)
    participant_make(session)
    url = reverse("matchmaking:participants", args=[session.slug])
    client.get(url)
    with django_assert_max_num_queries(12) as one:
        client.get(url)
    for _ in range(3):
        participant_make(session)
    with django_assert_max_num_queries(len(one.captured_queries)):
        client.get(url)
