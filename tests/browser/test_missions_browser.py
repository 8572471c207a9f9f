"""A mission end to end in a real browser: the organiser opens the call, a member applies and is selected,
the organiser builds the itinerary (a visit, a flight across the Atlantic, a B2B session); the delegate sees
the agenda, downloads the booklet and the calendar feed (parsed here); the public report shows the figures."""

import datetime as dt

import icalendar
import pytest
from playwright.sync_api import expect

from maillage.matchmaking import services as b2b
from maillage.matchmaking.models import B2BSession
from maillage.missions.models import Application, Delegate, ItineraryItem, Mission
from tests.factories import PASSWORD, OrganisationFactory, OrganiserFactory, PersonFactory, UserFactory
from tests.missions.factories import PARIS, mission_make, visit_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email):
    page.context.clear_cookies()
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


def _item(page, slug, **fields):
    page.goto(f"/missions/{slug}/gestion/itineraire/")
    form = page.locator("#item-form form").first
    form.locator("select[name=kind]").select_option(fields.pop("kind"))
    for name, value in fields.items():
        field = form.locator(f"[name={name}]")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)
    form.locator("input[name=notify]").uncheck()
    form.get_by_role("button").first.click()
    expect(page.locator(".messages")).to_be_visible()


def test_an_organiser_opens_a_call_a_member_is_selected_and_follows_the_itinerary(page):
    organiser = OrganiserFactory()
    host = OrganisationFactory(name="IoT Valley")
    mission = mission_make(organiser=organiser, status=Mission.Status.DRAFT, title_fr="Mission Labège")
    session = b2b.b2b_session_create(
        organiser=organiser,
        name="Innovation Day B2B",
        days=[dt.date(2027, 3, 30)],
        parts=[b2b.DayPartSpec("pm", dt.time(14), dt.time(16))],
        tables=4,
        timezone_name="Europe/Paris",
        status=B2BSession.Status.OPEN,
    )
    member = UserFactory()
    PersonFactory(user=member, email=member.email, first_name="Léa", last_name="Bouchard")

    # The organiser opens the call.
    _log_in(page, organiser.email)
    page.goto(f"/missions/{mission.slug}/gestion/")
    page.locator("#status").select_option("call_open")
    page.locator("#status-form button").click()
    expect(page.locator("#status")).to_have_value("call_open")

    # A member applies from the public page.
    _log_in(page, member.email)
    page.goto(f"/missions/{mission.slug}/")
    page.locator("#call a.button").click()
    page.locator("[name=objectives]").fill("Rencontrer des distributeurs de capteurs")
    page.locator("[name=organisation_country]").select_option("CA")
    page.locator("form.stacked button[type=submit]").click()
    expect(page.locator("#application-status")).to_be_visible()
    application = Application.objects.get()

    # The organiser selects them, then builds the itinerary.
    _log_in(page, organiser.email)
    page.goto(f"/missions/{mission.slug}/gestion/")
    page.locator(f"#application-{application.pk} button[value=selected]").click()
    expect(page.locator(f"#application-{application.pk} .badge")).to_have_class("badge status-selected")
    assert Delegate.objects.filter(mission=mission).count() == 1
    _item(
        page,
        mission.slug,
        kind="travel",
        start="2027-03-26T19:30",
        end="2027-03-27T08:45",
        timezone="America/Toronto",
        city="Québec",
        place="YQB",
        arrival_city="Toulouse",
        arrival_timezone="Europe/Paris",
        transport="AC 870",
    )
    _item(
        page,
        mission.slug,
        kind="visit",
        organisation=str(host.pk),
        start="2027-03-29T10:00",
        end="2027-03-29T12:00",
        timezone="Europe/Paris",
        city="Toulouse",
    )
    _item(
        page,
        mission.slug,
        kind="b2b",
        b2b_session=str(session.pk),
        start="2027-03-30T14:00",
        end="2027-03-30T16:00",
        timezone="Europe/Paris",
        city="Toulouse",
    )
    assert ItineraryItem.objects.filter(mission=mission).count() == 3
    expect(page.locator(".flag")).to_have_count(0)  # the flight lands where the visits are

    # The delegate reads the agenda on the phone-sized page, downloads the booklet and the feed.
    _log_in(page, member.email)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"/missions/{mission.slug}/mon-agenda/")
    agenda = page.locator(".agenda-days")
    expect(agenda).to_contain_text("IoT Valley")
    expect(agenda).to_contain_text("19:30")  # leaves Québec at 19:30 local time
    expect(agenda).to_contain_text("08:45")  # lands at 08:45 in France
    with page.expect_download() as download:
        page.locator("#booklet-link").click()
    assert download.value.path().read_bytes().startswith(b"%PDF")
    feed = page.locator(".feed-url").input_value()
    response = page.request.get(feed)
    assert response.ok
    events = list(icalendar.Calendar.from_ical(response.body()).walk("VEVENT"))
    assert len(events) == 3
    flight = next(e for e in events if "Toulouse" in str(e["summary"]))
    assert (flight["dtstart"].dt.hour, str(flight["dtstart"].dt.tzinfo)) == (19, "America/Toronto")
    assert (flight["dtend"].dt.hour, str(flight["dtend"].dt.tzinfo)) == (8, "Europe/Paris")

    # Visitors read the public report with the mission's figures.
    page.context.clear_cookies()
    page.goto(f"/missions/{mission.slug}/recit/")
    expect(page.locator("#figure-delegates")).to_have_text("1")
    expect(page.locator("#figure-visits")).to_have_text("1")


def test_typing_an_overlapping_time_shows_the_flag_before_saving(page):
    organiser = OrganiserFactory()
    mission = mission_make(organiser=organiser)
    visit_make(
        mission,
        organisation=OrganisationFactory(name="IoT Valley"),
        start=dt.datetime(2027, 3, 29, 10, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 29, 12, tzinfo=PARIS),
    )
    _log_in(page, organiser.email)
    page.goto(f"/missions/{mission.slug}/gestion/itineraire/")
    form = page.locator("#item-form form").first
    check = page.locator("#item-check")
    form.locator("select[name=kind]").select_option("meal")
    form.locator("[name=start]").fill("2027-03-29T11:30")
    form.locator("[name=end]").fill("2027-03-29T13:00")
    expect(check.locator(".flag")).to_have_text("⚠ Chevauche « IoT Valley » pour toute la délégation.")

    form.locator("[name=start]").fill("2027-03-29T12:00")
    expect(check.locator(".flag")).to_have_count(0)
    expect(check).not_to_be_empty()
    form.locator("[name=end]").fill("2027-04-03T13:00")
    expect(check.locator(".flag")).to_have_count(1)
    assert ItineraryItem.objects.filter(mission=mission).count() == 1  # checked, never saved
