import pytest
from playwright.sync_api import expect

from maillage.demo.accounts import DEMO_MEMBER, DEMO_PASSWORD
from maillage.demo.directory import directory_demo_load as demo_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo(transactional_db):
    demo_load(organisations=60, people=100)


def test_visitor_searches_the_directory_opens_an_organisation_and_switches_to_english(page, demo):
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("écosystème")
    page.get_by_role("searchbox").fill("objets connectes")
    page.get_by_role("button", name="Rechercher").click()
    expect(page.get_by_role("link", name="IoT Valley")).to_be_visible()

    # Typing in the filter bar updates the results in place (htmx), and the address follows.
    page.get_by_label("Rechercher").fill("incubateur angers")
    expect(page.get_by_role("link", name="Wise'Factory")).to_be_visible()
    expect(page.get_by_role("link", name="IoT Valley")).to_have_count(0)
    assert "incubateur" in page.url

    page.get_by_role("link", name="Wise'Factory").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wise'Factory")
    expect(page.get_by_text("Ce qu'elle offre")).to_be_visible()

    page.get_by_role("button", name="English").click()
    expect(page.get_by_text("What it offers")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wise'Factory")
    expect(page.get_by_text("Angers accelerator dedicated to Internet of Things start-ups.")).to_be_visible()


def test_member_logs_in_and_edits_their_profile(page, demo):
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse électronique").fill(DEMO_MEMBER)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_role("link", name="Mon profil").click()
    page.get_by_label("Fonction").fill("Directeur des partenariats")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.get_by_text("Directeur des partenariats")).to_be_visible()
    expect(page.get_by_text(DEMO_MEMBER)).to_be_visible()
