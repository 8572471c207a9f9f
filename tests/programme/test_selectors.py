import datetime as dt

import pytest

from maillage.programme import selectors, services
from maillage.programme.models import Activity, Audience, Language
from maillage.programme.selectors import ProgrammeFilters
from tests.factories import UserFactory

from .factories import ActivityFactory, RoomFactory, SpeakerFactory, VenueFactory, at

pytestmark = pytest.mark.django_db


def titles(activities):
    return [a.title for a in activities]


def test_programme_holds_published_placed_activities_in_time_order(edition, event, room):
    ActivityFactory(event=event, title_fr="Deux", room=room, start=at(edition, "2027-04-06 11:00"))
    ActivityFactory(event=event, title_fr="Un", room=room, start=at(edition, "2027-04-06 09:00"))
    ActivityFactory(
        event=event,
        title_fr="Brouillon",
        status=Activity.Status.DRAFT,
        room=room,
        start=at(edition, "2027-04-06 13:00"),
    )
    ActivityFactory(event=event, title_fr="Pas placée")
    assert titles(selectors.programme_for_edition(edition)) == ["Un", "Deux"]


def test_day_filter_uses_the_edition_time_zone(edition, event, room):
    # 22:00 in Québec on the 6th is 02:00 UTC on the 7th: it belongs to the 6th.
    ActivityFactory(
        event=event, title_fr="Soirée", room=room, start=at(edition, "2027-04-06 22:00"), duration=60
    )
    ActivityFactory(event=event, title_fr="Matin", room=room, start=at(edition, "2027-04-07 08:00"))
    assert titles(selectors.programme_for_edition(edition, ProgrammeFilters(day=dt.date(2027, 4, 6)))) == [
        "Soirée"
    ]
    assert titles(selectors.programme_for_edition(edition, ProgrammeFilters(day=dt.date(2027, 4, 7)))) == [
        "Matin"
    ]
    grouped = selectors.by_local_day(edition, selectors.programme_for_edition(edition))
    assert [(day, titles(items)) for day, items in grouped] == [
        (dt.date(2027, 4, 6), ["Soirée"]),
        (dt.date(2027, 4, 7), ["Matin"]),
    ]


def test_filters_by_venue_track_audience_language_and_query(edition, event, room, track):
    elsewhere = RoomFactory(venue=VenueFactory(edition=edition, slug="diamant"))
    speaker = SpeakerFactory(edition=edition, person__first_name="Hélène", person__last_name="Bélanger")
    start = at(edition, "2027-04-06 10:00")
    ActivityFactory(
        event=event,
        title_fr="Pro FR",
        audience=Audience.PROFESSIONALS,
        room=room,
        start=start,
        track=track,
        speakers=[speaker],
    )
    ActivityFactory(
        event=event,
        title_fr="Public EN",
        audience=Audience.PUBLIC,
        language=Language.EN,
        room=elsewhere,
        start=start,
    )
    ActivityFactory(
        event=event,
        title_fr="Tous bilingue",
        audience=Audience.BOTH,
        language=Language.BILINGUAL,
        room=room,
        start=at(edition, "2027-04-06 12:00"),
    )

    def run(**filters):
        return titles(selectors.programme_for_edition(edition, ProgrammeFilters(**filters)))

    assert run(venue="diamant") == ["Public EN"]
    assert run(track=track.slug) == ["Pro FR"]
    assert run(audience="professionals") == ["Pro FR", "Tous bilingue"]
    assert run(audience="public") == ["Public EN", "Tous bilingue"]
    assert run(language="en") == ["Public EN", "Tous bilingue"]
    assert run(language="fr") == ["Pro FR", "Tous bilingue"]
    assert run(query="helene BELANGER") == ["Pro FR"]
    assert run(query="bilingue tous") == ["Tous bilingue"]
    assert run(query="personne") == []


def test_agenda_for_user_and_its_clashes(edition, event, room):
    user = UserFactory()
    far = RoomFactory(venue=VenueFactory(edition=edition))
    services.venue_travel_set(origin=room.venue, destination=far.venue, minutes=30)
    a = ActivityFactory(
        event=event, title_fr="A", room=room, start=at(edition, "2027-04-06 09:00"), duration=60
    )
    b = ActivityFactory(
        event=event, title_fr="B", room=far, start=at(edition, "2027-04-06 09:30"), duration=60
    )
    c = ActivityFactory(
        event=event, title_fr="C", room=room, start=at(edition, "2027-04-06 10:45"), duration=60
    )
    d = ActivityFactory(
        event=event, title_fr="D", room=room, start=at(edition, "2027-04-06 12:00"), duration=60
    )
    for activity in (a, b, c, d):
        services.favourite_star(user=user, activity=activity)
    agenda = selectors.agenda_for_user(user, edition)
    assert titles(agenda) == ["A", "B", "C", "D"]
    clashes = selectors.favourite_clashes(edition, agenda)
    # A and B overlap; B ends at 10:30 at the far venue, 15 minutes before C, 30 minutes away.
    assert [(x.first.title, x.second.title, x.travel_minutes) for x in clashes] == [
        ("A", "B", 0),
        ("B", "C", 30),
    ]
    assert selectors.starred_ids(user, edition) == {a.pk, b.pk, c.pk, d.pk}


def test_speaker_can_edit_only_themselves_or_as_organiser(edition, member, organiser):
    own = SpeakerFactory(edition=edition, person=member.person)
    other = SpeakerFactory(edition=edition)
    assert selectors.speaker_can_edit(own, user=member)
    assert not selectors.speaker_can_edit(other, user=member)
    assert selectors.speaker_can_edit(other, user=organiser)
