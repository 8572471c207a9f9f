import icalendar
import pytest
from playwright.sync_api import expect

from tests.programme.conftest import edition, event, room  # noqa: F401 - fixtures shared with tests/programme
from tests.programme.factories import ActivityFactory, at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_anonymous_visitor_stars_activities_kept_in_the_browser(page, edition, event, room):  # noqa: F811
    kept = ActivityFactory(
        event=event, title_fr="Robotique sociale", room=room, start=at(edition, "2027-04-06 09:00")
    )
    ActivityFactory(event=event, title_fr="Musique et code", room=room, start=at(edition, "2027-04-06 11:00"))
    page.goto(f"/programme/{edition.slug}/")
    selection = page.locator("#local-stars")
    expect(selection).to_be_hidden()
    card = page.locator(f"#activity-{kept.pk}")
    card.locator("button.star-local").click()
    expect(card.locator("button.star-local[aria-pressed=true]")).to_be_visible()
    expect(selection).to_be_visible()

    # Kept across pages: the star is still there after a reload.
    page.reload()
    expect(page.locator(f"#activity-{kept.pk} button.star-local[aria-pressed=true]")).to_be_visible()

    # "My selection" is the agenda filtered on the server.
    expect(selection.locator(".star-count")).to_have_text("1")
    selection.locator("a.button").click()
    expect(page.get_by_role("link", name="Robotique sociale")).to_be_visible()
    expect(page.get_by_role("link", name="Musique et code")).to_have_count(0)
    assert f"ids={kept.pk}" in page.url

    # Its calendar holds that activity only.
    href = page.locator("#local-stars a.tag").get_attribute("href")
    response = page.request.get(href)
    calendar = icalendar.Calendar.from_ical(response.body())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Robotique sociale"]

    # Unstarring empties the selection.
    page.locator(f"#activity-{kept.pk} button.star-local").click()
    expect(page.locator("#local-stars")).to_be_hidden()
