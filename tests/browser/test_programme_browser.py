import pytest
from playwright.sync_api import expect

from maillage.programme.models import Favourite, Language
from tests.factories import PASSWORD
from tests.programme.conftest import edition, event, room  # noqa: F401 - fixtures shared with tests/programme
from tests.programme.factories import ActivityFactory, at

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_visitor_filters_the_agenda_then_a_member_stars_an_activity(page, member, edition, event, room):  # noqa: F811
    french = ActivityFactory(
        event=event, title_fr="Robotique sociale", room=room, start=at(edition, "2027-04-06 09:00")
    )
    ActivityFactory(
        event=event,
        title_fr="AI for all",
        language=Language.EN,
        room=room,
        start=at(edition, "2027-04-06 11:00"),
    )
    page.goto(f"/programme/{edition.slug}/")
    expect(page.get_by_role("heading", level=1)).to_have_text(edition.name)
    expect(page.get_by_role("link", name="Robotique sociale")).to_be_visible()

    # Choosing a language updates the list in place (htmx) and the address follows.
    page.locator("select[name=language]").select_option("en")
    expect(page.get_by_role("link", name="Robotique sociale")).to_have_count(0)
    expect(page.get_by_role("link", name="AI for all")).to_be_visible()
    assert "language=en" in page.url

    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse électronique").fill(member.email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.goto(f"/programme/{edition.slug}/")
    card = page.locator(f"#activity-{french.pk}")
    card.locator("button[aria-pressed=false]").click()
    expect(card.locator("button[aria-pressed=true]")).to_be_visible()
    assert list(Favourite.objects.values_list("activity", flat=True)) == [french.pk]

    page.goto(f"/programme/{edition.slug}/mon-agenda/")
    expect(page.get_by_role("link", name="Robotique sociale")).to_be_visible()
    expect(page.get_by_role("link", name="AI for all")).to_have_count(0)
