"""The schedule as frab/Pentabarf XML (schedule.xml), read by Giggity, ConfClerk, EventFahrplan..."""

import re
from xml.etree import ElementTree as ET

from ..models import Activity, Edition
from . import (
    absolute,
    acronym,
    activity_slug,
    hours_minutes,
    language_code,
    local,
    room_label,
    schedule_days,
    schedule_version,
)

TRACK_SLUG = re.compile(r"^[a-z][a-z0-9-]+$")


def _text(parent: ET.Element, tag: str, value: str = "", **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = value
    return element


def schedule_xml(edition: Edition, activities: list[Activity], *, base_url: str) -> bytes:
    root = ET.Element("schedule")
    ET.SubElement(root, "generator", {"name": "Maillage"})
    _text(root, "version", schedule_version(edition, activities))
    conference = ET.SubElement(root, "conference")
    _text(conference, "title", edition.name)
    _text(conference, "acronym", acronym(edition))
    _text(conference, "start", edition.start_date.isoformat())
    _text(conference, "end", edition.end_date.isoformat())
    _text(conference, "days", str(len(edition.days)))
    _text(conference, "timeslot_duration", hours_minutes(edition.grid_minutes))
    _text(conference, "base_url", absolute(base_url, "/"))
    _text(conference, "url", absolute(base_url, edition.get_absolute_url()))
    _text(conference, "time_zone_name", edition.timezone)
    for track in edition.tracks.all():
        attributes = {"name": track.name, "color": track.colour}
        if TRACK_SLUG.match(track.slug):
            attributes["slug"] = track.slug
        ET.SubElement(conference, "track", attributes)
    for day in schedule_days(edition, activities):
        day_element = ET.SubElement(
            root,
            "day",
            {
                "index": str(day["index"]),
                "date": day["date"].isoformat(),
                "start": day["start"].isoformat(),
                "end": day["end"].isoformat(),
            },
        )
        for room, items in day["rooms"]:
            room_element = ET.SubElement(
                day_element, "room", {"name": room_label(room), "guid": str(room.guid)}
            )
            for activity in items:
                _event(room_element, edition, activity, base_url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _event(parent: ET.Element, edition: Edition, activity: Activity, base_url: str) -> None:
    event = ET.SubElement(parent, "event", {"guid": str(activity.guid), "id": str(activity.pk)})
    start = local(edition, activity.start)
    _text(event, "room", room_label(activity.room))
    _text(event, "title", activity.title)
    _text(event, "subtitle", "")
    _text(event, "type", activity.kind)
    _text(event, "date", start.isoformat())
    _text(event, "start", start.strftime("%H:%M"))
    _text(event, "duration", hours_minutes(activity.duration))
    _text(event, "abstract", activity.description)
    _text(event, "slug", activity_slug(edition, activity))
    _text(event, "track", activity.track.name if activity.track else "")
    persons = ET.SubElement(event, "persons")
    for link in activity.activity_speakers.all():
        _text(persons, "person", link.speaker.name, id=str(link.speaker.pk), guid=str(link.speaker.guid))
    _text(event, "language", language_code(activity))
    _text(event, "description", activity.description)
    _text(event, "url", absolute(base_url, activity.get_absolute_url()))
