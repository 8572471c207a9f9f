"""The schedule JSON of the c3voc schema (https://c3voc.de/schedule/schema.json), frab's JSON sibling."""

import re

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

SLUG = re.compile(r"^[a-z0-9_-]+[a-z0-9]$")
SCHEMA_URL = "https://c3voc.de/schedule/schema.json"


def schedule_json(edition: Edition, activities: list[Activity], *, base_url: str) -> dict:
    days = schedule_days(edition, activities)
    rooms = {}
    for day in days:
        for room, _items in day["rooms"]:
            rooms[room.pk] = room
    tracks = []
    for track in edition.tracks.all():
        entry = {"name": track.name, "color": track.colour}
        if SLUG.match(track.slug):
            entry["slug"] = track.slug
        tracks.append(entry)
    conference = {
        "acronym": acronym(edition),
        "title": edition.name,
        "start": edition.start_date.isoformat(),
        "end": edition.end_date.isoformat(),
        "daysCount": len(edition.days),
        "timeslot_duration": hours_minutes(edition.grid_minutes),
        "time_zone_name": edition.timezone,
        "url": absolute(base_url, edition.get_absolute_url()),
        "tracks": tracks,
        "rooms": [
            {"name": room_label(room), "guid": str(room.guid), "capacity": room.capacity}
            for room in sorted(rooms.values(), key=lambda r: (r.venue.name, r.name))
        ],
        "days": [
            {
                "index": day["index"],
                "date": day["date"].isoformat(),
                "day_start": day["start"].isoformat(),
                "day_end": day["end"].isoformat(),
                "rooms": {
                    room_label(room): [_event(edition, a, base_url) for a in items]
                    for room, items in day["rooms"]
                },
            }
            for day in days
        ],
    }
    return {
        "$schema": SCHEMA_URL,
        "generator": {"name": "Maillage"},
        "schedule": {
            "version": schedule_version(edition, activities),
            "base_url": absolute(base_url, "/"),
            "conference": conference,
        },
    }


def _event(edition: Edition, activity: Activity, base_url: str) -> dict:
    start = local(edition, activity.start)
    return {
        "guid": str(activity.guid),
        "id": activity.pk,
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "end": local(edition, activity.end).isoformat(),
        "duration": hours_minutes(activity.duration),
        "room": room_label(activity.room),
        "slug": activity_slug(edition, activity),
        "url": absolute(base_url, activity.get_absolute_url()),
        "title": activity.title,
        "subtitle": None,
        "track": activity.track.name if activity.track else None,
        "type": activity.kind,
        "language": language_code(activity),
        "abstract": activity.description,
        "description": activity.description,
        "persons": [
            {
                "name": link.speaker.name,
                "guid": str(link.speaker.guid),
                "id": link.speaker.pk,
                "url": absolute(base_url, link.speaker.get_absolute_url()),
                "biography": link.speaker.bio or None,
            }
            for link in activity.activity_speakers.all()
        ],
        "links": [],
    }
