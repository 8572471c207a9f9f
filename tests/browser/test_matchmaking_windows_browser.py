import datetime as dt

import pytest
from playwright.sync_api import expect

from maillage.matchmaking import services
from maillage.matchmaking.models import B2BSession, Meeting, MeetingRequest
from tests.factories import PASSWORD, OrganiserFactory
from tests.matchmaking.factories import DAY, participant_make, schedule_and_publish

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_participant_asks_for_the_morning_and_the_published_agenda_respects_it(page):
    session = services.b2b_session_create(
        organiser=OrganiserFactory(),
        name="Forum d'une journée",
        days=[DAY],
        parts=[
            services.DayPartSpec("am", dt.time(9), dt.time(9, 45)),
            services.DayPartSpec("pm", dt.time(14), dt.time(14, 45)),
        ],
        tables=2,
        status=B2BSession.Status.OPEN,
    )
    alice, bob, carol = (participant_make(session) for _ in range(3))
    # Carol's meetings with Bob fill... nothing: the morning is free, only Alice's choice keeps it there.
    morning = session.day_parts.order_by("start").first()

    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse électronique").fill(alice.person.user.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.goto(f"/b2b/{session.slug}/participants/")
    card = page.locator(f"#participant-{bob.pk}")
    card.locator(f"input[name=window][value='{morning.pk}']").check()
    card.get_by_role("button").click()
    expect(card.locator(".badge.status-pending")).to_be_visible()

    request = MeetingRequest.objects.get(sender=alice)
    assert list(request.window.all()) == [morning]
    services.meeting_request_accept(request=request, notify=False)
    # Bob is free all day, but his afternoon-only meeting with Carol does not move Alice's.
    other = services.meeting_request_organiser_add(sender=carol, recipient=bob)
    assert other.window.count() == 0
    schedule_and_publish(session)
    assert Meeting.objects.get(request=request, published=True).slot.day_part == morning

    page.goto(f"/b2b/{session.slug}/mon-agenda/")
    expect(page.locator("table.agenda")).to_contain_text(bob.name)
    expect(page.locator(".request-window")).to_contain_text(morning.local_label)
