"""iCalendar (RFC 5545): times carry the edition's TZID, with the matching VTIMEZONE; UIDs never change."""

from maillage.common.ical import calendar_bytes, calendar_new, event_new

from ..models import Activity, Edition
from . import absolute

PRODID = "-//Maillage//Programme//FR"


def activity_uid(activity: Activity) -> str:
    return f"{activity.guid}@maillage"


def calendar_for(edition: Edition, activities: list[Activity], *, name: str, base_url: str) -> bytes:
    calendar = calendar_new(prodid=PRODID, name=name, timezone_name=edition.timezone)
    for activity in activities:
        event = event_new(
            uid=activity_uid(activity),
            start=activity.start,
            end=activity.end,
            updated=activity.updated,
            tz=edition.tzinfo,
        )
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
    return calendar_bytes(
        calendar,
        timezone_name=edition.timezone,
        first_year=edition.start_date.year,
        last_year=edition.end_date.year,
    )
