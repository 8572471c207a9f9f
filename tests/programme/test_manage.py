"""Organisers' pages: who may use them, forms through the services, the grid and its conflicts."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maillage.programme.models import (
    Activity,
    Edition,
    Event,
    Room,
    RoomUnavailability,
    Speaker,
    SpeakerUnavailability,
    Track,
    Venue,
    VenueTravel,
)

from .factories import ActivityFactory, RoomFactory, SpeakerFactory, VenueFactory, at

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_log_in_and_members_refused(member_client, edition):
    url = reverse("programme:manage_edition", args=[edition.slug])
    assert Client().get(url).status_code == 302
    assert member_client.get(url).status_code == 403
    assert member_client.post(reverse("programme:manage_run_start", args=[edition.slug])).status_code == 403


def test_organiser_creates_an_edition_with_its_days_and_hours(organiser_client):
    response = organiser_client.post(
        reverse("programme:manage_edition_new"),
        {
            "name": "Semaine numérique 2028",
            "slug": "",
            "timezone": "America/Toronto",
            "start_date": "2028-04-03",
            "end_date": "2028-04-07",
            "day_start": "09:00",
            "day_end": "21:00",
            "grid_minutes": "30",
        },
    )
    edition = Edition.objects.get()
    assert response.url == reverse("programme:manage_edition", args=["semaine-numerique-2028"])
    assert (edition.day_start, edition.day_end, edition.grid_minutes, edition.published) == (
        dt.time(9),
        dt.time(21),
        30,
        False,
    )
    assert organiser_client.get(response.url).status_code == 200


def test_organiser_edits_the_edition_and_sees_errors(organiser_client, edition):
    url = reverse("programme:manage_edition_edit", args=[edition.slug])
    data = {
        "name": "Autre nom",
        "slug": edition.slug,
        "timezone": "Europe/Paris",
        "start_date": "2027-04-05",
        "end_date": "2027-04-01",
        "day_start": "08:00",
        "day_end": "23:00",
        "grid_minutes": "15",
        "published": "on",
    }
    assert organiser_client.post(url, data).status_code == 200  # ends before it starts
    data["end_date"] = "2027-04-09"
    assert organiser_client.post(url, data).status_code == 302
    edition.refresh_from_db()
    assert (edition.name, edition.timezone) == ("Autre nom", "Europe/Paris")


def test_organiser_creates_an_event_a_track_and_a_guest_speaker(organiser_client, edition):
    base = f"/programme/{edition.slug}/gestion"
    assert (
        organiser_client.post(
            f"{base}/evenements/nouveau/",
            {"name": "Jour B2B", "kind": "b2b_day", "audience": "professionals"},
        ).status_code
        == 302
    )
    assert (
        organiser_client.post(
            f"{base}/themes/nouveau/", {"name_fr": "Santé", "colour": "#2a9d8f"}
        ).status_code
        == 302
    )
    response = organiser_client.post(
        f"{base}/intervenants/nouveau/", {"guest_name": "Ada Lovelace", "bio_fr": "Pionnière"}
    )
    speaker = Speaker.objects.get()
    assert response.url == reverse("programme:manage_speaker", args=[edition.slug, speaker.pk])
    assert list(Event.objects.values_list("name", "kind")) == [("Jour B2B", "b2b_day")]
    assert list(Track.objects.values_list("slug", "name_en")) == [("sante", "Santé")]
    # A duplicate name in the edition is refused on the form, not with a crash.
    duplicate = organiser_client.post(
        f"{base}/evenements/nouveau/", {"name": "Jour B2B", "kind": "b2b_day", "audience": "both"}
    )
    assert duplicate.status_code == 200
    assert Event.objects.count() == 1
    # A speaker with neither a person nor a name is refused.
    assert organiser_client.post(f"{base}/intervenants/nouveau/", {"guest_name": ""}).status_code == 200


def test_speaker_unavailability_in_the_edition_time_zone(organiser_client, edition):
    speaker = SpeakerFactory(edition=edition)
    url = reverse("programme:manage_speaker_unavailable", args=[edition.slug, speaker.pk])
    organiser_client.post(url, {"start": "2027-04-06T08:00", "end": "2027-04-06T12:00"})
    gap = SpeakerUnavailability.objects.get()
    assert (gap.start, gap.end) == (at(edition, "2027-04-06 08:00"), at(edition, "2027-04-06 12:00"))
    assert (
        "08:00"
        in organiser_client.get(
            reverse("programme:manage_speaker", args=[edition.slug, speaker.pk])
        ).content.decode()
    )
    organiser_client.post(url, {"remove": gap.pk})
    assert SpeakerUnavailability.objects.count() == 0


def test_venue_rooms_travel_and_room_unavailability(organiser_client, edition):
    base = f"/programme/{edition.slug}/gestion"
    organiser_client.post(f"{base}/lieux/nouveau/", {"name": "Le Diamant", "city": "Québec"})
    other = VenueFactory(edition=edition, name="Musée")
    venue = Venue.objects.get(name="Le Diamant")
    assert venue.slug == "le-diamant"
    organiser_client.post(
        reverse("programme:manage_venue_travel", args=[edition.slug, venue.pk]), {f"to_{other.pk}": "20"}
    )
    assert sorted(VenueTravel.objects.values_list("minutes", flat=True)) == [20, 20]
    response = organiser_client.post(
        f"{base}/lieux/{venue.pk}/salles/nouvelle/",
        {"name": "Grande salle", "capacity": "300", "accessible": "on"},
    )
    room = Room.objects.get(venue=venue)
    assert response.url == reverse("programme:manage_room", args=[edition.slug, venue.pk, room.pk])
    organiser_client.post(
        reverse("programme:manage_room_unavailable", args=[edition.slug, venue.pk, room.pk]),
        {"start": "2027-04-07T12:00", "end": "2027-04-07T14:00", "reason": "Montage"},
    )
    assert list(RoomUnavailability.objects.values_list("reason", flat=True)) == ["Montage"]
    page = organiser_client.get(
        reverse("programme:manage_venue", args=[edition.slug, venue.pk])
    ).content.decode()
    assert "Grande salle" in page
    assert 'value="20"' in page


def test_organiser_creates_then_edits_an_activity_with_speakers(organiser_client, edition, event, track):
    speaker = SpeakerFactory(edition=edition)
    data = {
        "event": event.pk,
        "title_fr": "Atelier données",
        "kind": "workshop",
        "duration": "90",
        "language": "fr",
        "audience": "both",
        "track": track.pk,
        "expected_attendance": "40",
        "status": "draft",
        "speakers": [speaker.pk],
    }
    assert (
        organiser_client.post(reverse("programme:manage_activity_new", args=[edition.slug]), data).status_code
        == 302
    )
    activity = Activity.objects.get()
    assert [s.pk for s in activity.speakers.all()] == [speaker.pk]
    del data["event"]
    data.update(duration="60", speakers=[])
    url = reverse("programme:manage_activity", args=[edition.slug, activity.pk])
    assert organiser_client.post(url, data).status_code == 302
    activity.refresh_from_db()
    assert (activity.duration, list(activity.speakers.all())) == (60, [])


def grid_url(edition, day="2027-04-06"):
    return reverse("programme:manage_grid", args=[edition.slug, day])


def test_grid_shows_rooms_activities_and_conflicts(organiser_client, edition, event, room):
    ActivityFactory(event=event, title_fr="Un", room=room, start=at(edition, "2027-04-06 09:00"))
    ActivityFactory(event=event, title_fr="Deux", room=room, start=at(edition, "2027-04-06 09:30"))
    ActivityFactory(event=event, title_fr="Pas placée")
    html = organiser_client.get(grid_url(edition)).content.decode()
    assert "Agora" in html
    # 09:00 is the 5th slot after 08:00; the two overlapping activities share the room's column side by side.
    assert html.count('class="grid-item gc-2 gw-1 gr-6 gs-4 conflicted"') == 1
    assert html.count('class="grid-item gc-3 gw-1 gr-8 gs-4 conflicted"') == 1
    assert html.count('class="grid-room gc-2 gw-2 gr-1"') == 1
    assert "kind-room_double_booked hard" in html
    assert 'id="unplaced-' in html
    assert " style=" not in html
    assert organiser_client.get(grid_url(edition, "2027-05-01")).status_code == 404


def test_placing_with_htmx_re_renders_the_grid_with_the_new_conflict(organiser_client, edition, event, room):
    ActivityFactory(event=event, title_fr="Un", room=room, start=at(edition, "2027-04-06 09:00"))
    moving = ActivityFactory(event=event, title_fr="Deux")
    url = reverse("programme:manage_place", args=[edition.slug, "2027-04-06", moving.pk])
    prefix = f"a{moving.pk}"
    response = organiser_client.post(
        url, {f"{prefix}-room": room.pk, f"{prefix}-start": "2027-04-06T09:30"}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "kind-room_double_booked hard" in html
    moving.refresh_from_db()
    assert (moving.room, moving.start) == (room, at(edition, "2027-04-06 09:30"))
    # Moved away: the conflict is gone.
    other = RoomFactory(venue=room.venue)
    html = organiser_client.post(
        url, {f"{prefix}-room": other.pk, f"{prefix}-start": "2027-04-06T09:30"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert "kind-room_double_booked" not in html
    # Outside the edition: refused by the service, explained on the grid.
    html = organiser_client.post(
        url, {f"{prefix}-room": other.pk, f"{prefix}-start": "2027-05-06T09:30"}, HTTP_HX_REQUEST="true"
    ).content.decode()
    assert 'class="errors"' in html
    organiser_client.post(url, {"unplace": "1"})
    moving.refresh_from_db()
    assert moving.start is None


def test_grid_takes_a_fixed_number_of_queries(
    organiser_client, edition, event, room, django_assert_num_queries
):
    ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 09:00"))
    organiser_client.get(grid_url(edition))
    with CaptureQueriesContext(connection) as one:
        organiser_client.get(grid_url(edition))
    for n in range(3):
        ActivityFactory(
            event=event,
            speakers=[SpeakerFactory(edition=edition)],
            room=RoomFactory(venue=room.venue),
            start=at(edition, f"2027-04-06 1{n}:00"),
        )
    with CaptureQueriesContext(connection) as four:
        organiser_client.get(grid_url(edition))
    assert len(four) == len(one)


def test_removing_an_unavailability_with_a_bad_id_is_a_404(organiser_client, edition, room):
    url = reverse("programme:manage_room_unavailable", args=[edition.slug, room.venue_id, room.pk])
    assert organiser_client.post(url, {"remove": "x"}).status_code == 404
