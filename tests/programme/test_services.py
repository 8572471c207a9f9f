import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from maillage.programme import services
from maillage.programme.models import Activity, Favourite, Speaker, VenueTravel
from tests.factories import UserFactory

from .factories import (
    ActivityFactory,
    EditionFactory,
    RoomFactory,
    SpeakerFactory,
    TrackFactory,
    VenueFactory,
    at,
)

pytestmark = pytest.mark.django_db


def test_activity_place_stores_utc_and_keeps_the_local_time(edition, event, room):
    activity = ActivityFactory(event=event)
    services.activity_place(activity=activity, room=room, start=at(edition, "2027-04-06 09:30"), fixed=True)
    activity.refresh_from_db()
    assert activity.start == dt.datetime(2027, 4, 6, 13, 30, tzinfo=dt.UTC)
    assert activity.start.astimezone(edition.tzinfo).strftime("%H:%M") == "09:30"
    assert (activity.room, activity.fixed) == (room, True)


def test_activity_place_refuses_a_naive_datetime(event, room):
    activity = ActivityFactory(event=event)
    with pytest.raises(ValueError, match="aware"):
        services.activity_place(activity=activity, room=room, start=dt.datetime(2027, 4, 6, 9, 0))


@pytest.mark.parametrize("when", ["2027-04-04 10:00", "2027-04-10 10:00", "2027-04-06 23:30"])
def test_activity_place_refuses_times_outside_the_days_of_the_edition(edition, event, room, when):
    activity = ActivityFactory(event=event, duration=60)
    with pytest.raises(ValidationError):
        services.activity_place(activity=activity, room=room, start=at(edition, when))


def test_activity_place_refuses_a_room_of_another_edition(edition, event):
    other_room = RoomFactory(venue=VenueFactory(edition=EditionFactory()))
    with pytest.raises(ValidationError):
        services.activity_place(
            activity=ActivityFactory(event=event), room=other_room, start=at(edition, "2027-04-06 10:00")
        )


def test_activity_unplace_clears_room_time_and_fixed(edition, event, room):
    activity = ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 10:00"))
    services.activity_unplace(activity=activity)
    activity.refresh_from_db()
    assert (activity.room, activity.start, activity.fixed) == (None, None, False)


def test_database_refuses_a_room_without_a_time(event, room):
    activity = ActivityFactory(event=event)
    with pytest.raises(IntegrityError):
        Activity.objects.filter(pk=activity.pk).update(room=room)


def test_speaker_needs_a_person_or_a_guest_name(edition):
    with pytest.raises(ValidationError):
        services.speaker_create(edition=edition)
    assert services.speaker_create(edition=edition, guest_name="Ada Lovelace").name == "Ada Lovelace"


def test_activity_refuses_a_track_or_speaker_of_another_edition(event):
    with pytest.raises(ValidationError):
        services.activity_create(
            event=event, title_fr="Atelier", track=TrackFactory(edition=EditionFactory())
        )
    with pytest.raises(ValidationError):
        services.activity_create(
            event=event, title_fr="Atelier", speakers=[SpeakerFactory(edition=EditionFactory())]
        )
    assert Activity.objects.count() == 0


def test_activity_search_text_holds_folded_titles_and_speaker_names(edition, event):
    speaker = SpeakerFactory(edition=edition, person__first_name="Hélène", person__last_name="Bélanger")
    activity = services.activity_create(event=event, title_fr="Économie numérique", speakers=[speaker])
    assert "economie numerique" in activity.search_text
    assert "helene belanger" in activity.search_text
    services.activity_update(activity=activity, title_fr="Cybersécurité", speakers=[])
    assert "helene" not in activity.search_text
    assert "cybersecurite" in activity.search_text


def test_activity_update_refuses_unknown_fields(event):
    activity = ActivityFactory(event=event)
    with pytest.raises(ValueError, match="Unknown"):
        services.activity_update(activity=activity, room=None)


def test_speaker_update_profile_replaces_the_unavailabilities(edition):
    speaker = SpeakerFactory(edition=edition)
    services.speaker_update_profile(
        speaker=speaker,
        bio_fr="Bio",
        bio_en="Bio EN",
        unavailable=[(at(edition, "2027-04-06 08:00"), at(edition, "2027-04-06 12:00"))],
    )
    services.speaker_update_profile(
        speaker=speaker,
        bio_fr="Bio 2",
        bio_en="Bio EN",
        unavailable=[(at(edition, "2027-04-07 08:00"), at(edition, "2027-04-07 10:00"))],
    )
    speaker = Speaker.objects.get(pk=speaker.pk)
    assert speaker.bio_fr == "Bio 2"
    assert [u.start for u in speaker.unavailabilities.all()] == [at(edition, "2027-04-07 08:00")]
    with pytest.raises(ValidationError):
        services.speaker_update_profile(
            speaker=speaker,
            bio_fr="",
            bio_en="",
            unavailable=[(at(edition, "2027-04-07 10:00"), at(edition, "2027-04-07 08:00"))],
        )


def test_venue_travel_is_stored_both_ways(edition):
    a, b = VenueFactory(edition=edition), VenueFactory(edition=edition)
    services.venue_travel_set(origin=a, destination=b, minutes=15)
    services.venue_travel_set(origin=b, destination=a, minutes=20)
    assert sorted(VenueTravel.objects.values_list("origin", "destination", "minutes")) == sorted(
        [(a.pk, b.pk, 20), (b.pk, a.pk, 20)]
    )


def test_edition_refuses_an_unknown_time_zone_and_reversed_dates():
    with pytest.raises(ValidationError):
        services.edition_create(
            name="X", start_date=dt.date(2027, 4, 5), end_date=dt.date(2027, 4, 9), timezone="Mars/Olympus"
        )
    with pytest.raises(ValidationError):
        services.edition_create(name="Y", start_date=dt.date(2027, 4, 5), end_date=dt.date(2027, 4, 4))


def test_favourite_star_is_idempotent_and_unstar_removes_it(event):
    user, activity = UserFactory(), ActivityFactory(event=event)
    services.favourite_star(user=user, activity=activity)
    services.favourite_star(user=user, activity=activity)
    assert Favourite.objects.filter(user=user).count() == 1
    services.favourite_unstar(user=user, activity=activity)
    assert Favourite.objects.filter(user=user).count() == 0
