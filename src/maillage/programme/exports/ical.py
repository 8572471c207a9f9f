"""iCalendar (RFC 5545): times carry the edition's TZID, with the matching VTIMEZONE; UIDs never change."""

import datetime as dt

import icalendar

from ..models import Activity, Edition
from . import absolute

PRODID = "-//Maillage//Programme//FR"


def activity_uid(activity: Activity) -> str:
    return f"{activity.guid}@maillage"


def calendar_for(edition: Edition, activities: list[Activity], *, name: str, base_url: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", edition.timezone)
    tz = edition.tzinfo
    for activity in activities:
        event = icalendar.Event()
        event.add("uid", activity_uid(activity))
        event.add("dtstamp", activity.updated.astimezone(dt.UTC))
        event.add("last-modified", activity.updated.astimezone(dt.UTC))
        event.add("dtstart", activity.start.astimezone(tz))
        event.add("dtend", activity.end.astimezone(tz))
        event.add("summary", activity.title)
        speakers = ", ".join(link.speaker.name for link in activity.activity_speakers.all())
        description = "\n\n".join(part for part in (speakers, activity.description) if part)
        if description:
            event.add("description", description)
        venue = activity.room.venue
        event.add(
            "location",
            ", ".join(part for part in (activity.room.name, venue.name, venue.address, venue.city) if part),
        )
        if activity.track:
            event.add("categories", [activity.track.name])
        event.add("url", absolute(base_url, activity.get_absolute_url()))
        calendar.add_component(event)
    # The edition's VTIMEZONE always comes first (a calendar with no activity still has one component).
    calendar.subcomponents.insert(
        0,
        icalendar.Timezone.from_tzid(
            edition.timezone,
            first_date=dt.date(edition.start_date.year - 1, 1, 1),
            last_date=dt.date(edition.end_date.year + 2, 1, 1),
        ),
    )
    return calendar.to_ical()
