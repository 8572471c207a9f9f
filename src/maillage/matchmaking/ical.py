"""A participant's published meetings as iCalendar (RFC 5545), the way programme.exports.ical does it:
times carry the session's TZID with the matching VTIMEZONE first; each meeting's UID never changes."""

from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.common.ical import calendar_bytes, calendar_new, event_new

from .models import B2BSession
from .selectors import AgendaItem


def message_label(item: AgendaItem) -> str:
    if item.message_by_other:
        return _("Message from %(name)s:") % {"name": item.other.name}
    return _("Your message:")


PRODID = "-//Maillage//B2B//FR"


def agenda_calendar(session: B2BSession, items: list[AgendaItem], *, name: str, url: str) -> bytes:
    calendar = calendar_new(prodid=PRODID, name=name, timezone_name=session.timezone)
    for item in items:
        meeting, other = item.meeting, item.other
        event = event_new(
            uid=f"b2b-{meeting.request_id}@maillage",
            start=meeting.slot.start,
            end=meeting.slot.end,
            updated=meeting.updated,
            tz=session.tzinfo,
        )
        who = f"{other.name} ({other.organisation_name})" if other.organisation_name else other.name
        event.add("summary", _("B2B meeting: %(who)s") % {"who": who})
        event.add("location", f"{meeting.table.label} · {session.name}")
        lines = list(item.reasons)
        if item.message:
            lines.append(message_label(item) + " " + item.message)
        if lines:
            event.add("description", "\n".join(lines))
        event.add("url", url)
        calendar.add_component(event)
    years = [day.year for day in session.day_parts.values_list("date", flat=True)] or [timezone.now().year]
    return calendar_bytes(
        calendar, timezone_name=session.timezone, first_year=min(years), last_year=max(years)
    )
