"""A participant's published meetings as iCalendar (RFC 5545), the way programme.exports.ical does it:
times carry the session's TZID with the matching VTIMEZONE first; each meeting's UID never changes."""

import datetime as dt

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import B2BSession
from .selectors import AgendaItem

PRODID = "-//Maillage//B2B//FR"


def agenda_calendar(session: B2BSession, items: list[AgendaItem], *, name: str, url: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", session.timezone)
    tz = session.tzinfo
    for item in items:
        meeting, other = item.meeting, item.other
        event = icalendar.Event()
        event.add("uid", f"b2b-{meeting.request_id}@maillage")
        event.add("dtstamp", meeting.updated.astimezone(dt.UTC))
        event.add("last-modified", meeting.updated.astimezone(dt.UTC))
        event.add("dtstart", meeting.slot.start.astimezone(tz))
        event.add("dtend", meeting.slot.end.astimezone(tz))
        who = f"{other.name} ({other.organisation_name})" if other.organisation_name else other.name
        event.add("summary", _("B2B meeting: %(who)s") % {"who": who})
        event.add("location", f"{meeting.table.label} · {session.name}")
        if item.reasons:
            event.add("description", "\n".join(item.reasons))
        event.add("url", url)
        calendar.add_component(event)
    years = [day.year for day in session.day_parts.values_list("date", flat=True)] or [timezone.now().year]
    calendar.subcomponents.insert(
        0,
        icalendar.Timezone.from_tzid(
            session.timezone,
            first_date=dt.date(min(years) - 1, 1, 1),
            last_date=dt.date(max(years) + 2, 1, 1),
        ),
    )
    return calendar.to_ical()
