"""The organiser's grid conflicts, rule by rule, through the selector (the engine's rules on the DB state)."""

import pytest

from maillage.programme import presenters, services
from maillage.programme.models import Audience
from tests.factories import UserFactory

from .factories import ActivityFactory, RoomFactory, SpeakerFactory, VenueFactory, at

pytestmark = pytest.mark.django_db


def kinds(edition):
    return [(c.kind, sorted(a.title for a in c.activities)) for c in presenters.edition_conflicts(edition)]


def messages(edition):
    return [c.message for c in presenters.edition_conflicts(edition)]


def test_no_conflict_for_a_clean_programme(edition, event, room):
    other = RoomFactory(venue=room.venue, name="Studio")
    ActivityFactory(event=event, title_fr="Un", room=room, start=at(edition, "2027-04-06 09:00"))
    ActivityFactory(event=event, title_fr="Deux", room=other, start=at(edition, "2027-04-06 09:00"))
    ActivityFactory(event=event, title_fr="Pas placée")
    assert kinds(edition) == []


def test_room_double_booked(edition, event, room):
    ActivityFactory(event=event, title_fr="Un", room=room, start=at(edition, "2027-04-06 09:00"))
    ActivityFactory(event=event, title_fr="Deux", room=room, start=at(edition, "2027-04-06 09:30"))
    assert kinds(edition) == [("room_double_booked", ["Deux", "Un"])]
    message = messages(edition)[0]
    assert all(
        part in message for part in ("Agora", "« Un »" if "«" in message else "“Un”", "09:30", "10:30")
    )


def test_room_too_small(edition, event, room):
    ActivityFactory(
        event=event,
        title_fr="Foule",
        expected_attendance=500,
        room=room,
        start=at(edition, "2027-04-06 09:00"),
    )
    assert kinds(edition) == [("room_too_small", ["Foule"])]
    assert "500" in messages(edition)[0]
    assert "120" in messages(edition)[0]


def test_speaker_in_two_places_at_once(edition, event, room):
    speaker = SpeakerFactory(edition=edition)
    other = RoomFactory(venue=room.venue, name="Studio")
    ActivityFactory(
        event=event, title_fr="Un", speakers=[speaker], room=room, start=at(edition, "2027-04-06 09:00")
    )
    ActivityFactory(
        event=event, title_fr="Deux", speakers=[speaker], room=other, start=at(edition, "2027-04-06 09:30")
    )
    assert kinds(edition) == [("speaker_double_booked", ["Deux", "Un"])]
    assert speaker.name in messages(edition)[0]


def test_speaker_without_the_travel_time_between_venues(edition, event, room):
    speaker = SpeakerFactory(edition=edition)
    far = VenueFactory(edition=edition, name="Centre des congrès")
    services.venue_travel_set(origin=room.venue, destination=far, minutes=30)
    ActivityFactory(
        event=event, title_fr="Un", speakers=[speaker], room=room, start=at(edition, "2027-04-06 09:00")
    )
    second = ActivityFactory(
        event=event,
        title_fr="Deux",
        speakers=[speaker],
        room=RoomFactory(venue=far),
        start=at(edition, "2027-04-06 10:15"),
    )
    assert kinds(edition) == [("speaker_double_booked", ["Deux", "Un"])]
    assert "30" in messages(edition)[0]
    assert "Centre des congrès" in messages(edition)[0]
    services.activity_place(activity=second, room=second.room, start=at(edition, "2027-04-06 10:30"))
    assert kinds(edition) == []


def test_speaker_unavailable(edition, event, room):
    speaker = SpeakerFactory(edition=edition)
    services.speaker_update_profile(
        speaker=speaker,
        bio_fr="",
        bio_en="",
        unavailable=[(at(edition, "2027-04-06 08:00"), at(edition, "2027-04-06 12:00"))],
    )
    ActivityFactory(
        event=event, title_fr="Un", speakers=[speaker], room=room, start=at(edition, "2027-04-06 11:30")
    )
    assert kinds(edition) == [("speaker_unavailable", ["Un"])]
    assert speaker.name in messages(edition)[0]


def test_room_unavailable(edition, event, room):
    services.room_unavailability_add(
        room=room,
        start=at(edition, "2027-04-06 12:00"),
        end=at(edition, "2027-04-06 14:00"),
        reason="Travaux",
    )
    ActivityFactory(event=event, title_fr="Un", room=room, start=at(edition, "2027-04-06 11:30"))
    assert kinds(edition) == [("room_unavailable", ["Un"])]
    assert "Travaux" in messages(edition)[0]


def test_same_track_and_audience_at_once(edition, event, room, track):
    other = RoomFactory(venue=room.venue, name="Studio")
    ActivityFactory(event=event, title_fr="Un", track=track, room=room, start=at(edition, "2027-04-06 09:00"))
    ActivityFactory(
        event=event, title_fr="Deux", track=track, room=other, start=at(edition, "2027-04-06 09:00")
    )
    ActivityFactory(
        event=event,
        title_fr="Trois",
        track=track,
        audience=Audience.PUBLIC,
        room=RoomFactory(venue=room.venue),
        start=at(edition, "2027-04-06 09:00"),
    )
    assert kinds(edition) == [("same_track_audience", ["Deux", "Un"])]
    assert "Intelligence artificielle" in messages(edition)[0]


@pytest.mark.parametrize("start", ["2027-04-06 07:00", "2027-04-06 22:30", "2027-04-06 09:10"])
def test_outside_the_edition_days_and_hours_or_off_the_grid(edition, event, room, start):
    ActivityFactory(event=event, title_fr="Un", room=room, start=at(edition, start))
    assert kinds(edition) == [("off_grid", ["Un"])]
    assert ("15" in messages(edition)[0]) == start.endswith("09:10")


def test_overlapping_favourites_are_counted(edition, event, room):
    other = RoomFactory(venue=room.venue, name="Studio")
    first = ActivityFactory(event=event, title_fr="Un", room=room, start=at(edition, "2027-04-06 09:00"))
    second = ActivityFactory(event=event, title_fr="Deux", room=other, start=at(edition, "2027-04-06 09:30"))
    for _n in range(2):
        user = UserFactory()
        services.favourite_star(user=user, activity=first)
        services.favourite_star(user=user, activity=second)
    conflicts = presenters.edition_conflicts(edition)
    assert [(c.kind, c.hard) for c in conflicts] == [("missed_favourites", False)]
    assert conflicts[0].message.startswith("2 ")


def test_conflicts_take_a_fixed_number_of_queries(edition, event, room, django_assert_num_queries):
    ActivityFactory(event=event, title_fr="Un", room=room, start=at(edition, "2027-04-06 09:00"))
    with django_assert_num_queries(9):
        presenters.edition_conflicts(edition)
    for n in range(3):
        ActivityFactory(
            event=event,
            speakers=[SpeakerFactory(edition=edition)],
            room=room,
            start=at(edition, f"2027-04-07 1{n}:00"),
        )
    with django_assert_num_queries(9):
        presenters.edition_conflicts(edition)
