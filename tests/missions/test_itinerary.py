"""The itinerary: aware times in each place's zone, across the Atlantic and over a clock change, and its
live flags (overlaps for a delegate, legs that do not connect, items outside the mission's dates)."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse

from maillage.missions import selectors, services
from maillage.missions.models import ItineraryItem
from tests.factories import OrganisationFactory, OrganiserFactory

from .factories import PARIS, QUEBEC, delegate_make, mission_make, visit_make

pytestmark = pytest.mark.django_db


def _flight(mission, **fields):
    # Québec 19:30 on 26 March → Paris 08:45 on 27 March (six hours ahead before the Québec-Paris gap changes).
    return services.item_save(
        mission=mission,
        kind="travel",
        start=dt.datetime(2027, 3, 26, 19, 30, tzinfo=QUEBEC),
        end=dt.datetime(2027, 3, 27, 8, 45, tzinfo=PARIS),
        city="Québec",
        place="Aéroport Jean-Lesage (YQB)",
        timezone="America/Toronto",
        arrival_city="Paris",
        arrival_place="Roissy-Charles-de-Gaulle (CDG)",
        arrival_timezone="Europe/Paris",
        transport="AC 870",
        notify=False,
        **fields,
    )


def test_a_flight_shows_the_local_departure_and_the_local_arrival():
    mission = mission_make()
    flight = _flight(mission)
    assert flight.local_start.strftime("%d %H:%M %Z") == "26 19:30 EDT"
    assert flight.local_end.strftime("%d %H:%M %Z") == "27 08:45 CET"
    assert flight.end - flight.start == dt.timedelta(hours=8, minutes=15)


def test_times_over_the_european_clock_change_keep_their_local_hour():
    mission = mission_make()
    before = visit_make(
        mission,
        start=dt.datetime(2027, 3, 27, 10, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 27, 11, tzinfo=PARIS),
    )
    after = visit_make(
        mission,
        start=dt.datetime(2027, 3, 28, 10, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 28, 11, tzinfo=PARIS),
    )
    assert (before.local_start.hour, after.local_start.hour) == (10, 10)
    assert before.start.astimezone(dt.UTC).hour == 9
    assert after.start.astimezone(dt.UTC).hour == 8  # summer time in Paris from 28 March
    assert (before.local_start.tzname(), after.local_start.tzname()) == ("CET", "CEST")


def test_naive_times_are_refused():
    mission = mission_make()
    with pytest.raises(ValueError, match="aware"):
        visit_make(mission, start=dt.datetime(2027, 3, 27, 10), end=dt.datetime(2027, 3, 27, 11))


def test_a_visit_without_organisation_is_refused_and_nothing_is_written():
    mission = mission_make()
    with pytest.raises(ValidationError) as error:
        services.item_save(
            mission=mission,
            kind="visit",
            start=dt.datetime(2027, 3, 27, 10, tzinfo=PARIS),
            end=dt.datetime(2027, 3, 27, 11, tzinfo=PARIS),
            timezone="Europe/Paris",
        )
    assert "organisation" in error.value.error_dict
    assert ItineraryItem.objects.count() == 0


def test_a_travel_leg_needs_its_arrival():
    mission = mission_make()
    with pytest.raises(ValidationError) as error:
        services.item_save(
            mission=mission,
            kind="travel",
            start=dt.datetime(2027, 3, 27, 10, tzinfo=PARIS),
            end=dt.datetime(2027, 3, 27, 11, tzinfo=PARIS),
            city="Toulouse",
            timezone="Europe/Paris",
        )
    assert set(error.value.error_dict) == {"arrival_city", "arrival_timezone"}


def _flags(mission):
    return {
        item.title: sorted(f.code for f in flags)
        for item, flags in (
            (i, selectors.itinerary_flags(mission, selectors.items_of(mission)).get(i.pk, []))
            for i in selectors.items_of(mission)
        )
        if flags
    }


def test_the_flags_find_overlaps_legs_that_do_not_connect_and_items_outside_the_dates():
    mission = mission_make()
    _flight(mission)  # arrives in Paris
    toulouse = OrganisationFactory(name="IoT Valley")
    visit_make(
        mission,
        organisation=toulouse,
        city="Labège",
        start=dt.datetime(2027, 3, 27, 14, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 27, 16, tzinfo=PARIS),
    )
    visit_make(
        mission,
        organisation=OrganisationFactory(name="Mêlée"),
        city="Labège",
        start=dt.datetime(2027, 3, 27, 15, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 27, 17, tzinfo=PARIS),
    )
    visit_make(
        mission,
        organisation=OrganisationFactory(name="Après"),
        city="Labège",
        start=dt.datetime(2027, 4, 2, 9, tzinfo=PARIS),
        end=dt.datetime(2027, 4, 2, 10, tzinfo=PARIS),
    )
    assert _flags(mission) == {
        "IoT Valley": ["overlap", "place_gap"],  # Paris → Labège with no leg between
        "Mêlée": ["overlap"],
        "Après": ["outside_dates"],
    }


def test_a_connecting_itinerary_has_no_flag():
    mission = mission_make()
    _flight(mission)
    services.item_save(
        mission=mission,
        kind="travel",
        start=dt.datetime(2027, 3, 27, 10, 30, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 27, 11, 45, tzinfo=PARIS),
        city="Paris",
        timezone="Europe/Paris",
        arrival_city="Toulouse",
        arrival_timezone="Europe/Paris",
        notify=False,
    )
    visit_make(
        mission,
        city="Toulouse",
        start=dt.datetime(2027, 3, 27, 14, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 27, 16, tzinfo=PARIS),
    )
    assert _flags(mission) == {}


def test_an_overlap_for_one_delegate_only_names_them():
    mission = mission_make()
    alice = delegate_make(mission)
    delegate_make(mission)
    visit_make(
        mission,
        start=dt.datetime(2027, 3, 29, 9, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 29, 12, tzinfo=PARIS),
    )
    services.item_save(
        mission=mission,
        kind="meal",
        start=dt.datetime(2027, 3, 29, 11, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 29, 13, tzinfo=PARIS),
        timezone="Europe/Paris",
        everyone=False,
        attendees=[alice],
        notify=False,
    )
    flags = [f for fs in selectors.itinerary_flags(mission, selectors.items_of(mission)).values() for f in fs]
    assert {(f.code, f.who) for f in flags} == {("overlap", alice.name)}


def test_changes_are_told_to_the_delegates_concerned_in_their_language(django_capture_on_commit_callbacks):
    mission = mission_make(title_en="Occitania mission")
    alice = delegate_make(mission, language="en")
    bob = delegate_make(mission)
    with django_capture_on_commit_callbacks(execute=True):
        visit_make(
            mission,
            notify=True,
            everyone=False,
            attendees=[alice],
            start=dt.datetime(2027, 3, 29, 9, tzinfo=PARIS),
            end=dt.datetime(2027, 3, 29, 12, tzinfo=PARIS),
        )
    assert [m.to for m in mail.outbox] == [[alice.person.email]]
    assert mail.outbox[0].subject == "Itinerary changed: Occitania mission"
    assert "09:00" in mail.outbox[0].body  # the local time in Paris, not the server's
    assert bob.person.email not in mail.outbox[0].to


def test_an_agenda_mixes_the_itinerary_and_the_delegates_own_b2b_meetings():
    from maillage.matchmaking import services as b2b
    from maillage.matchmaking.models import B2BSession
    from tests.matchmaking.factories import participant_make, schedule_and_publish

    mission = mission_make()
    alice = delegate_make(mission)
    session = b2b.b2b_session_create(
        organiser=alice.person.user,
        name="Innovation Day B2B",
        days=[dt.date(2027, 3, 29)],
        parts=[b2b.DayPartSpec("am", dt.time(9), dt.time(10))],
        tables=2,
        timezone_name="Europe/Paris",
        status=B2BSession.Status.OPEN,
    )
    services.item_save(
        mission=mission,
        kind="b2b",
        b2b_session=session,
        start=dt.datetime(2027, 3, 29, 9, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 29, 10, tzinfo=PARIS),
        timezone="Europe/Paris",
        notify=False,
    )
    host = participant_make(session)
    mine = selectors.participant_for(alice, session)
    assert mine is not None  # attending the B2B item registered her
    b2b.meeting_request_organiser_add(sender=mine, recipient=host)
    schedule_and_publish(session)
    entries = selectors.agenda_for(alice)
    assert [e.kind for e in entries] == ["b2b", "meeting"]
    assert entries[1].title.startswith(host.name)
    assert entries[1].local_start.hour == 9


def _typed(**fields):
    """The editor's fields for an item, as the browser posts them (local times, no zone)."""
    return {"timezone": "Europe/Paris", "everyone": "on", "notify": "on", **fields}


def test_an_item_as_typed_gets_the_flags_it_would_get_once_saved_and_nothing_is_written():
    mission = mission_make()
    visit_make(
        mission,
        organisation=OrganisationFactory(name="IoT Valley"),
        city="Labège",
        start=dt.datetime(2027, 3, 27, 14, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 27, 16, tzinfo=PARIS),
    )
    typed = {
        "kind": "meal",
        "city": "Labège",
        "timezone": "Europe/Paris",
        "start": dt.datetime(2027, 3, 27, 15, tzinfo=PARIS),
        "end": dt.datetime(2027, 3, 27, 17, tzinfo=PARIS),
    }
    flags = selectors.item_flags_as_typed(mission, item=None, everyone=True, **typed)
    assert [(f.code, f.other) for f in flags] == [("overlap", "IoT Valley")]
    assert ItineraryItem.objects.filter(mission=mission).count() == 1

    saved = services.item_save(mission=mission, notify=False, everyone=True, **typed)
    assert selectors.itinerary_flags(mission, selectors.items_of(mission))[saved.pk] == flags


def test_an_item_changed_as_typed_is_checked_in_its_own_place_not_against_its_saved_self():
    mission = mission_make()
    alice = delegate_make(mission)
    visit = visit_make(
        mission,
        start=dt.datetime(2027, 3, 29, 9, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 29, 12, tzinfo=PARIS),
    )
    meal = services.item_save(
        mission=mission,
        kind="meal",
        start=dt.datetime(2027, 3, 29, 12, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 29, 13, tzinfo=PARIS),
        timezone="Europe/Paris",
        everyone=False,
        attendees=[alice],
        notify=False,
    )
    assert selectors.item_flags_as_typed(mission, item=meal, attendees=[alice]) == []
    earlier = selectors.item_flags_as_typed(
        mission, item=meal, attendees=[alice], start=dt.datetime(2027, 3, 29, 11, tzinfo=PARIS)
    )
    assert [(f.code, f.other, f.who) for f in earlier] == [("overlap", visit.title, alice.name)]
    outside = selectors.item_flags_as_typed(
        mission,
        item=meal,
        everyone=True,
        start=dt.datetime(2027, 4, 5, 12, tzinfo=PARIS),
        end=dt.datetime(2027, 4, 5, 13, tzinfo=PARIS),
    )
    assert [f.code for f in outside] == ["outside_dates"]
    meal.refresh_from_db()
    assert meal.start == dt.datetime(2027, 3, 29, 12, tzinfo=PARIS)


def test_the_check_endpoint_answers_in_the_pages_language_and_saves_nothing(client):
    organiser = OrganiserFactory()
    mission = mission_make(organiser=organiser)
    visit_make(
        mission,
        organisation=OrganisationFactory(name="IoT Valley"),
        start=dt.datetime(2027, 3, 27, 14, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 27, 16, tzinfo=PARIS),
    )
    client.force_login(organiser)
    url = reverse("missions:item_check", args=[mission.slug])
    overlapping = _typed(kind="meal", start="2027-03-27T15:00", end="2027-03-27T17:00")

    french = client.post(url, overlapping, HTTP_HX_REQUEST="true")
    assert french.status_code == 200
    assert "Chevauche « IoT Valley » pour toute la délégation." in french.content.decode()
    client.cookies.load({settings.LANGUAGE_COOKIE_NAME: "en"})
    english = client.post(url, overlapping, HTTP_HX_REQUEST="true").content.decode()
    assert "Overlaps “IoT Valley” for the whole delegation." in english
    later = client.post(url, {**overlapping, "start": "2027-03-27T16:00"}).content.decode()
    assert "Overlaps" not in later
    assert "As typed: no overlap, every leg connects" in later
    unreadable = client.post(url, {**overlapping, "start": "demain"}).content.decode()
    assert unreadable.strip() == ""
    assert ItineraryItem.objects.filter(mission=mission).count() == 1
