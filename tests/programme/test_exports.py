import csv
import datetime as dt
import io
import json
import zoneinfo
from xml.etree import ElementTree

import icalendar
import jsonschema
import pytest
import xmlschema
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maillage.programme import selectors
from maillage.programme.exports.c3voc import schedule_json
from maillage.programme.exports.frab import schedule_xml
from maillage.programme.exports.ical import calendar_for
from maillage.programme.models import Activity, Language

from .factories import (
    ActivityFactory,
    EditionFactory,
    EventFactory,
    RoomFactory,
    SpeakerFactory,
    VenueFactory,
    at,
)
from .schemas import c3voc_validator

pytestmark = pytest.mark.django_db

BASE = "https://maillage.example"


@pytest.fixture
def week(edition, event, room, track):
    """Two days, two venues, a speaker of the directory and a guest, a bilingual activity without track."""
    other_room = RoomFactory(
        venue=VenueFactory(edition=edition, name="Le Diamant", slug="diamant"), name="Studio"
    )
    julie = SpeakerFactory(edition=edition, person__first_name="Julie", person__last_name="Côté")
    guest = SpeakerFactory(edition=edition, person=None, guest_name="Ada Lovelace")
    first = ActivityFactory(
        event=event,
        title_fr="L'IA & l'emploi",
        track=track,
        room=room,
        start=at(edition, "2027-04-06 09:00"),
        speakers=[julie, guest],
        duration=90,
    )
    second = ActivityFactory(
        event=event,
        title_fr="Atelier <données>",
        kind=Activity.Kind.WORKSHOP,
        language=Language.BILINGUAL,
        room=other_room,
        start=at(edition, "2027-04-07 14:15"),
        duration=45,
    )
    ActivityFactory(
        event=event,
        title_fr="Brouillon",
        status=Activity.Status.DRAFT,
        room=room,
        start=at(edition, "2027-04-06 13:00"),
    )
    ActivityFactory(event=event, title_fr="Pas encore placée")
    return [first, second]


def public(edition):
    return list(selectors.activities_public(edition))


def test_ical_parses_back_with_the_edition_time_zone(edition, week):
    calendar = icalendar.Calendar.from_ical(
        calendar_for(edition, public(edition), name=edition.name, base_url=BASE)
    )
    events = calendar.walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["L'IA & l'emploi", "Atelier <données>"]
    first = events[0]
    assert first["dtstart"].params["TZID"] == "America/Toronto"
    assert first["dtstart"].dt == dt.datetime(2027, 4, 6, 9, 0, tzinfo=zoneinfo.ZoneInfo("America/Toronto"))
    assert first["dtend"].dt - first["dtstart"].dt == dt.timedelta(minutes=90)
    assert first["dtstart"].dt.astimezone(dt.UTC) == dt.datetime(2027, 4, 6, 13, 0, tzinfo=dt.UTC)
    assert str(first["uid"]) == f"{week[0].guid}@maillage"
    assert "Julie Côté, Ada Lovelace" in str(first["description"])
    assert str(first["url"]) == f"{BASE}/programme/semaine-numerique-2027/activites/{week[0].pk}/"
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["America/Toronto"]


def test_ical_uids_are_stable_across_exports_and_changes(edition, week):
    before = icalendar.Calendar.from_ical(calendar_for(edition, public(edition), name="x", base_url=BASE))
    Activity.objects.filter(pk=week[0].pk).update(title_fr="Nouveau titre")
    after = icalendar.Calendar.from_ical(calendar_for(edition, public(edition), name="x", base_url=BASE))
    assert [str(e["uid"]) for e in before.walk("VEVENT")] == [str(e["uid"]) for e in after.walk("VEVENT")]


def test_ical_times_cross_a_daylight_saving_change_correctly(db):
    edition = EditionFactory(
        timezone="Europe/Paris", start_date=dt.date(2027, 3, 27), end_date=dt.date(2027, 3, 29)
    )
    room = RoomFactory(venue=VenueFactory(edition=edition))
    event = EventFactory(edition=edition)
    ActivityFactory(event=event, room=room, start=at(edition, "2027-03-27 10:00"))
    ActivityFactory(event=event, room=room, start=at(edition, "2027-03-29 10:00"))
    calendar = icalendar.Calendar.from_ical(calendar_for(edition, public(edition), name="x", base_url=BASE))
    utc = [e["dtstart"].dt.astimezone(dt.UTC).hour for e in calendar.walk("VEVENT")]
    assert utc == [9, 8]  # 10:00 in Paris is 09:00 UTC in winter time, 08:00 UTC in summer time


def test_frab_xml_is_valid_against_the_published_schema(edition, week, frab_schema):
    content = schedule_xml(edition, public(edition), base_url=BASE)
    frab_schema.validate(content)
    root = ElementTree.fromstring(content)  # noqa: S314 - our own export
    assert root.findtext("conference/acronym") == "semaine_numerique_2027"
    assert [d.get("index") for d in root.iter("day")] == ["1", "2", "3", "4", "5"]
    day2 = root.findall("day")[1]
    assert (day2.get("date"), day2.get("start")) == ("2027-04-06", "2027-04-06T09:00:00-04:00")
    event = day2.find("room/event")
    assert [event.findtext(tag) for tag in ("title", "start", "duration", "date", "track")] == [
        "L'IA & l'emploi",
        "09:00",
        "01:30",
        "2027-04-06T09:00:00-04:00",
        "Intelligence artificielle",
    ]
    assert [p.text for p in event.iter("person")] == ["Julie Côté", "Ada Lovelace"]
    workshop = root.findall("day")[2].find("room/event")
    assert [workshop.findtext(tag) for tag in ("language", "track", "type")] == ["fr, en", "", "workshop"]
    assert [e.findtext("title") for e in root.iter("event")] == ["L'IA & l'emploi", "Atelier <données>"]


def test_frab_xml_of_an_empty_edition_is_still_valid(edition, frab_schema):
    frab_schema.validate(schedule_xml(edition, [], base_url=BASE))


def test_c3voc_json_is_valid_against_the_published_schema(edition, week):
    data = json.loads(json.dumps(schedule_json(edition, public(edition), base_url=BASE)))
    c3voc_validator().validate(data)
    conference = data["schedule"]["conference"]
    assert (conference["daysCount"], conference["time_zone_name"]) == (5, "America/Toronto")
    assert [r["name"] for r in conference["rooms"]] == ["Espace Saint-Roch · Agora", "Le Diamant · Studio"]
    [event] = conference["days"][1]["rooms"]["Espace Saint-Roch · Agora"]
    assert (event["guid"], event["start"], event["duration"], event["end"]) == (
        str(week[0].guid),
        "09:00",
        "01:30",
        "2027-04-06T10:30:00-04:00",
    )
    assert [p["name"] for p in event["persons"]] == ["Julie Côté", "Ada Lovelace"]
    assert event["slug"].startswith("semaine_numerique_2027-")


def test_c3voc_json_validator_rejects_a_broken_schedule(edition, week):
    data = json.loads(json.dumps(schedule_json(edition, public(edition), base_url=BASE)))
    del data["schedule"]["conference"]["days"][1]["rooms"]["Espace Saint-Roch · Agora"][0]["guid"]
    with pytest.raises(jsonschema.ValidationError):
        c3voc_validator().validate(data)


def test_export_urls_serve_published_activities_only(client, edition, week, frab_schema):
    slug = edition.slug
    response = client.get(reverse("programme:export_frab", args=[slug]))
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    frab_schema.validate(response.content)
    assert b"Brouillon" not in response.content
    c3voc_validator().validate(json.loads(client.get(reverse("programme:export_c3voc", args=[slug])).content))
    calendar = icalendar.Calendar.from_ical(client.get(reverse("programme:export_ical", args=[slug])).content)
    assert len(calendar.walk("VEVENT")) == 2
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("programme:export_csv", args=[slug])).content.decode("utf-8-sig"))
        )
    )
    assert [row[4] for row in rows[1:]] == ["L'IA & l'emploi", "Atelier <données>"]
    assert rows[1][1:4] == ["2027-04-06", "09:00", "10:30"]


def test_track_and_speaker_calendars(client, edition, week, track):
    calendar = icalendar.Calendar.from_ical(
        client.get(reverse("programme:export_track_ical", args=[edition.slug, track.slug])).content
    )
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["L'IA & l'emploi"]
    speaker = week[0].speakers.get(guest_name="Ada Lovelace")
    calendar = icalendar.Calendar.from_ical(
        client.get(reverse("programme:export_speaker_ical", args=[edition.slug, speaker.pk])).content
    )
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["L'IA & l'emploi"]


def test_exports_of_an_unpublished_edition_are_not_found(organiser_client, edition, week):
    edition.published = False
    edition.save()
    for name in ("export_ical", "export_frab", "export_c3voc", "export_csv"):
        assert organiser_client.get(reverse(f"programme:{name}", args=[edition.slug])).status_code == 404


def test_frab_schema_check_catches_a_missing_guid(edition, week, frab_schema):
    content = schedule_xml(edition, public(edition), base_url=BASE)
    broken = content.replace(f' guid="{week[0].guid}"'.encode(), b"")
    assert broken != content
    with pytest.raises(xmlschema.XMLSchemaValidationError):
        frab_schema.validate(broken)


def test_ical_of_an_empty_selection_still_holds_the_time_zone(edition):
    calendar = icalendar.Calendar.from_ical(calendar_for(edition, [], name="x", base_url=BASE))
    assert [str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")] == ["America/Toronto"]
    assert calendar.walk("VEVENT") == []


@pytest.mark.parametrize("name", ["export_ical", "export_frab", "export_c3voc", "export_csv"])
def test_exports_make_a_fixed_number_of_queries(client, edition, event, room, track, name):
    url = reverse(f"programme:{name}", args=[edition.slug])

    def add(n):
        for i in range(n):
            speakers = [
                SpeakerFactory(edition=edition),
                SpeakerFactory(edition=edition, person=None, guest_name="G"),
            ]
            ActivityFactory(
                event=event,
                room=room,
                track=track,
                speakers=speakers,
                start=at(edition, f"2027-04-0{6 + i} 10:00"),
            )

    add(1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    add(2)
    with CaptureQueriesContext(connection) as three:
        assert client.get(url).status_code == 200
    assert len(three.captured_queries) == len(one.captured_queries)


def test_a_speaker_with_no_public_activity_is_not_named_in_a_calendar(client, edition, event):
    speaker = SpeakerFactory(edition=edition, person=None, guest_name="Secret Guest")
    ActivityFactory(event=event, speakers=[speaker], status=Activity.Status.DRAFT)
    assert client.get(reverse("programme:speaker_detail", args=[edition.slug, speaker.pk])).status_code == 404
    feed = client.get(reverse("programme:export_speaker_ical", args=[edition.slug, speaker.pk]))
    assert feed.status_code == 404


def test_schedule_exports_give_the_editions_own_grid(client, edition):
    edition.grid_minutes = 30
    edition.save()
    data = client.get(reverse("programme:export_c3voc", args=[edition.slug])).json()
    assert data["schedule"]["conference"]["timeslot_duration"] == "00:30"
