"""iCalendar (RFC 5545) plumbing shared by the programme and the B2B agendas.

Times carry the event's own TZID with the matching VTIMEZONE first in the file, so that calendar apps show
Québec and Paris times right whatever zone they are in; dtstamp and last-modified are in UTC.
"""

import datetime as dt
from zoneinfo import ZoneInfo

import icalendar


def calendar_new(*, prodid: str, name: str, timezone_name: str) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", prodid)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone_name)
    return calendar


def event_new(
    *, uid: str, start: dt.datetime, end: dt.datetime, updated: dt.datetime, tz: ZoneInfo
) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", uid)
    event.add("dtstamp", updated.astimezone(dt.UTC))
    event.add("last-modified", updated.astimezone(dt.UTC))
    event.add("dtstart", start.astimezone(tz))
    event.add("dtend", end.astimezone(tz))
    return event


def calendar_bytes(
    calendar: icalendar.Calendar, *, timezone_name: str, first_year: int, last_year: int
) -> bytes:
    """The calendar with its VTIMEZONE first (also when it has no event), covering the years around the events."""
    calendar.subcomponents.insert(
        0,
        icalendar.Timezone.from_tzid(
            timezone_name, first_date=dt.date(first_year - 1, 1, 1), last_date=dt.date(last_year + 2, 1, 1)
        ),
    )
    return calendar.to_ical()
