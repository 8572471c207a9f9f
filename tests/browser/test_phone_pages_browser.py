"""On a phone (390 px wide), no page of the demo is wider than the screen: a wide table scrolls in its own
box, so the menu, the titles and the buttons stay where the thumb expects them. The organisers' pages are
the ones with wide tables: the programme's management page and the review dashboard once made the whole
page scroll sideways."""

import pytest

from maillage.demo.accounts import DEMO_ORGANISER, DEMO_PASSWORD
from maillage.demo.load import demo_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def test_organisers_pages_fit_a_phone_and_their_wide_tables_scroll_inside(page):
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
        f"/propositions/{call.edition.slug}/gestion/",  # the proposals' table
        f"/propositions/{call.edition.slug}/gestion/tableau/",  # two columns of tables
    ):
        page.goto(url)
        scroll_width, client_width = page.evaluate(WIDTHS)
        assert scroll_width <= client_width, f"{url} is {scroll_width} px wide on a {client_width} px screen"
    # the dashboard's widest table is wider than the screen: it scrolls in its box, not the page
    boxes = page.locator(".scroll").evaluate_all("boxes => boxes.map(b => b.scrollWidth - b.clientWidth)")
    assert max(boxes) > 0
