"""The organiser's grid in a real browser: moving an activity onto a taken room keeps both usable."""

import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.factories import OrganiserFactory
from tests.programme.conftest import edition, event, room  # noqa: F401 - fixtures shared with tests/programme
from tests.programme.factories import ActivityFactory, RoomFactory, at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set MAILLAGE_SCREENSHOTS to a folder to keep pictures of the grid after the move (for a human to look at).
SCREENSHOTS = os.environ.get("MAILLAGE_SCREENSHOTS", "")


def _log_in(page, user, live_server):
    """The organiser's session cookie, from Django's test client (the log-in page has its own tests)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    page.context.add_cookies([{"name": cookie.key, "value": cookie.value, "url": live_server.url}])


def _overlap(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"]
        and b["x"] < a["x"] + a["width"]
        and a["y"] < b["y"] + b["height"]
        and b["y"] < a["y"] + a["height"]
    )


def _in_view(page, box: dict) -> bool:
    size = page.viewport_size
    across = box["x"] >= 0 and box["x"] + box["width"] <= size["width"]
    return across and box["y"] >= 0 and box["y"] + box["height"] <= size["height"]


def _move(card, *, to, start: str):
    card.locator("summary").click()
    card.get_by_label("Salle").select_option(str(to.pk))
    card.get_by_label("Début").fill(start)
    card.get_by_role("button", name="Placer").click()


@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_moving_onto_a_taken_room_keeps_both_activities_usable(
    page,
    live_server,
    edition,  # noqa: F811
    event,  # noqa: F811
    room,  # noqa: F811
    viewport,
):
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    csp: list[str] = []
    page.on(
        "console",
        lambda message: csp.append(message.text) if "Content Security Policy" in message.text else None,
    )
    organiser = OrganiserFactory()
    studio = RoomFactory(venue=room.venue, name="Studio", capacity=40)
    staying = ActivityFactory(
        event=event, title_fr="Robotique sociale", room=room, start=at(edition, "2027-04-06 09:00")
    )
    moving = ActivityFactory(
        event=event, title_fr="Musique et code", room=studio, start=at(edition, "2027-04-06 09:00")
    )
    _log_in(page, organiser, live_server)
    page.goto(f"/programme/{edition.slug}/gestion/grille/2027-04-06/")

    _move(page.locator(f"#grid-activity-{moving.pk}"), to=room, start="2027-04-06T09:30")
    first = page.locator(f"#grid-activity-{staying.pk}")
    second = page.locator(f"#grid-activity-{moving.pk}")
    expect(second.locator(".warn")).to_be_visible()
    expect(first.locator(".warn")).to_be_visible()
    # Side by side in the room's column: neither card covers the other, and both still open their form.
    assert not _overlap(first.bounding_box(), second.bounding_box())
    for card in (first, second):
        expect(card.get_by_role("link")).to_be_visible()
        card.locator("summary").click()
        expect(card.get_by_role("button", name="Placer")).to_be_visible()
        card.locator("summary").click()
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(
            path=f"{SCREENSHOTS}/grid-{viewport[0]}x{viewport[1]}.png", full_page=True, caret="initial"
        )

    # A refused move: the error shows beside the activity moved, where the organiser is looking.
    _move(page.locator(f"#grid-activity-{moving.pk}"), to=room, start="2027-05-06T09:30")
    error = page.locator(f"#grid-activity-{moving.pk} [role=alert]")
    expect(error).to_contain_text("une seule journée de l'édition")
    # scrolled into view smoothly: on a busy machine the scroll may still be running when the text shows
    page.wait_for_function(
        """id => { const r = document.querySelector(`#grid-activity-${id} [role=alert]`).getBoundingClientRect();
                   return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth; }""",
        arg=moving.pk,
        timeout=5000,
    )
    assert _in_view(page, error.bounding_box())
    assert page.locator("#grid > .errors").count() == 0
    if SCREENSHOTS:
        page.screenshot(path=f"{SCREENSHOTS}/grid-refused-{viewport[0]}x{viewport[1]}.png", caret="initial")
    assert csp == []
