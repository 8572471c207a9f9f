"""The newcomer's walk through the demo, replayed: the held mission's report has figures, a member's agenda
reads well, a meeting still to come cannot be checked in, a person hidden from the directory is in nobody's
list. (The grid's move onto a taken room is walked in test_programme_grid_browser.py.)"""

import re

import pytest
from playwright.sync_api import expect

from maillage.demo.accounts import DEMO_MEMBER, DEMO_ORGANISER, DEMO_PASSWORD
from maillage.demo.directory import directory_demo_load as demo_load
from maillage.demo.matchmaking import matchmaking_demo_load
from maillage.directory.models import Person
from maillage.matchmaking.models import B2BSession, Meeting

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email):
    page.context.clear_cookies()
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


@pytest.fixture
def demo(db):
    demo_load(organisations=80, people=160)
    coming = matchmaking_demo_load().session
    held = B2BSession.objects.exclude(pk=coming.pk).get()
    return coming, held


def test_the_newcomers_walk_through_the_b2b_demo(page, demo):
    coming, held = demo

    # The home page says what is coming, and the held mission's report has figures.
    page.goto("/")
    expect(page.locator(".upcoming")).to_contain_text(coming.name)
    _log_in(page, DEMO_ORGANISER)
    page.goto(f"/b2b/{held.slug}/bilan/")
    assert int(page.locator("#figure-held").inner_text()) > 0

    # A meeting of the coming session cannot be marked held before it starts.
    page.goto(f"/b2b/{coming.slug}/accueil/")
    expect(page.locator("tbody tr").first).to_contain_text("À venir")
    expect(page.locator("button[value=held]")).to_have_count(0)

    # A member's agenda: each message says who wrote it, apart from the reasons.
    _log_in(page, DEMO_MEMBER)
    page.goto(f"/b2b/{coming.slug}/mon-agenda/")
    expect(page.locator("table.agenda")).to_be_visible()
    for message in page.locator(".request-message").all():
        assert re.match(r"^(Message de .+ :|Votre message :)", message.inner_text())

    # Someone who asked not to be listed is in nobody's list.
    member = Person.objects.get(email=DEMO_MEMBER)
    hidden = (
        Person.objects.filter(b2b_participations__session=coming).exclude(pk=member.pk).order_by("pk").first()
    )
    hidden.is_listed = False
    hidden.save()
    page.goto(f"/b2b/{coming.slug}/participants/")
    expect(page.locator("main")).not_to_contain_text(hidden.full_name)
    page.goto(f"/b2b/{coming.slug}/a-rencontrer/")
    expect(page.locator("main")).not_to_contain_text(hidden.full_name)
    assert Meeting.objects.filter(session=held, status=Meeting.Status.HELD).exists()
