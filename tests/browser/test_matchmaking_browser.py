import icalendar
import pytest
from playwright.sync_api import expect

from maillage.matchmaking.models import Meeting, MeetingRequest
from tests.factories import PASSWORD, OrganiserFactory
from tests.matchmaking.factories import participant_make, session_make

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _log_in(page, email):
    page.context.clear_cookies()
    page.goto("/comptes/connexion/")
    page.get_by_label("Adresse électronique").fill(email)
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()


def test_two_participants_meet_the_organiser_publishes_and_the_agenda_feed_parses(page):
    organiser = OrganiserFactory()
    session = session_make(organiser=organiser)
    alice = participant_make(session, offers="Capteurs IoT", needs="Distributeurs en France")
    bob = participant_make(session, offers="Distribution d'électronique en France", needs="Capteurs IoT")

    # Alice asks to meet Bob from the participants' list; the button becomes the request's status (htmx).
    _log_in(page, alice.person.user.email)
    page.goto(f"/b2b/{session.slug}/participants/")
    card = page.locator(f"#participant-{bob.pk}")
    card.locator("textarea[name=message]").fill("Parlons distribution")
    card.get_by_role("button").click()
    expect(card.locator(".badge.status-pending")).to_be_visible()
    request = MeetingRequest.objects.get()

    # Bob accepts in place and now sees Alice's contact details.
    _log_in(page, bob.person.user.email)
    page.goto(f"/b2b/{session.slug}/demandes/")
    row = page.locator(f"#request-row-{request.pk}")
    expect(row).not_to_contain_text(alice.person.email)
    row.locator("button[value=accept]").click()
    expect(row).to_contain_text(alice.person.email)

    # The organiser runs the scheduler and publishes.
    _log_in(page, organiser.email)
    page.goto(f"/b2b/{session.slug}/gestion/")
    page.locator(f"form[action='/b2b/{session.slug}/planification/'] button").click()
    expect(page.locator("#figure-scheduled")).to_have_text("1")
    page.locator("form[action$='/publier/'] button").click()  # refused: the box is not ticked
    assert Meeting.objects.filter(published=True).count() == 0
    page.locator("form[action$='/publier/'] input[name=confirm]").check()
    page.locator("form[action$='/publier/'] button").click()
    expect(page.locator(".messages")).to_be_visible()
    assert Meeting.objects.filter(published=True).count() == 1

    # Alice sees the meeting on her agenda and downloads her private calendar feed.
    _log_in(page, alice.person.user.email)
    page.goto(f"/b2b/{session.slug}/mon-agenda/")
    expect(page.locator("table.agenda")).to_contain_text(bob.name)
    feed = page.locator(".feed-url").input_value()
    response = page.request.get(feed)
    assert response.ok
    events = list(icalendar.Calendar.from_ical(response.body()).walk("VEVENT"))
    assert len(events) == 1
    assert bob.name in str(events[0]["summary"])
    assert str(events[0]["dtstart"].dt.tzinfo) == "America/Toronto"


def test_on_the_day_the_organiser_gives_a_cancelled_table_to_another_request(page):
    import datetime as dt

    from django.utils import timezone

    from maillage.matchmaking import services
    from tests.matchmaking.factories import schedule_and_publish

    organiser = OrganiserFactory()
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    session = services.b2b_session_create(
        organiser=organiser,
        name="Forum demain",
        days=[tomorrow],
        parts=[services.DayPartSpec("am", dt.time(9), dt.time(10))],
        tables=2,
        status="open",
    )
    alice, bob, dave = (participant_make(session) for _ in range(3))
    first = services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    late = services.meeting_request_send(sender=dave, recipient=bob, notify=False)
    services.meeting_request_cancel(request=first)

    _log_in(page, organiser.email)
    page.goto(f"/b2b/{session.slug}/accueil/")
    page.locator(f"a[href='/b2b/{session.slug}/accueil/creneaux-liberes/']").click()
    candidates = page.locator("section.card tbody tr")
    expect(candidates).to_have_count(1)
    expect(candidates).to_contain_text(dave.name)
    candidates.get_by_role("button").click()
    expect(page.locator(".messages")).to_be_visible()
    placed = Meeting.objects.get(request=late, published=True)
    assert placed.status == Meeting.Status.SCHEDULED
