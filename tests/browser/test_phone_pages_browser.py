"""On a phone (390 px wide), no page of the demo is wider than the screen: a wide table scrolls in its own
box, so the menu, the titles and the buttons stay where the thumb expects them. Organisers' pages are the
ones with tables; these two once made the whole page scroll sideways."""

import pytest

from maillage.demo.accounts import DEMO_ORGANISER, DEMO_PASSWORD
from maillage.demo.load import demo_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_organisers_pages_fit_a_phone_and_their_tables_scroll_inside(page):
    demo = demo_load(organisations=40, people=80)
    edition, call = demo.programme.edition, demo.proposals.call
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse électronique").fill(DEMO_ORGANISER)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url("**/")
    for url in (
        f"/programme/{edition.slug}/gestion/",  # the activities' table
        f"/propositions/{call.edition.slug}/gestion/tableau/",  # two columns of tables
        f"/propositions/{call.edition.slug}/gestion/",
        f"/programme/{edition.slug}/",
    ):
        page.goto(url)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths == [390, 390], f"{url} is {widths[0]} px wide on a 390 px screen"
