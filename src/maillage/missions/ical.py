"""A delegate's agenda as iCalendar (RFC 5545): each entry in its own place's zone (a flight: the departure's
zone at the start, the arrival's at the end), with every zone's VTIMEZONE in the file; UIDs never change."""

import datetime as dt

import icalendar
from django.utils.translation import gettext as _

from maillage.common.ical import calendar_new, event_new

from .models import Mission
from .selectors import AgendaEntry

PRODID = "-//Maillage//Missions//FR"


def agenda_calendar(mission: Mission, entries: list[AgendaEntry], *, name: str, url: str) -> bytes:
    calendar = calendar_new(prodid=PRODID, name=name, timezone_name=mission.timezone)
    zones = {mission.timezone}
    for entry in entries:
        uid = (
            f"mission-item-{entry.item.pk}@maillage"
            if entry.item
            else f"b2b-{entry.meeting.request_id}@maillage"
        )
        event = event_new(
            uid=uid, start=entry.start, end=entry.end, updated=entry.updated or entry.start, tz=entry.zone
        )
        event.pop("dtend")
        event.add("dtend", entry.end.astimezone(entry.end_zone))
        zones.update({entry.zone.key, entry.end_zone.key})
        summary = entry.title if entry.kind != "meeting" else _("B2B meeting: %(who)s") % {"who": entry.title}
        event.add("summary", summary)
        where = ", ".join(part for part in (entry.place, entry.city) if part)
        if where:
            event.add("location", where)
        if entry.details:
            event.add("description", "\n".join(entry.details))
        event.add("url", url)
        calendar.add_component(event)
    years = [mission.start_date.year, mission.end_date.year]
    for zone_name in sorted(zones, reverse=True):
        calendar.subcomponents.insert(
            0,
            icalendar.Timezone.from_tzid(
                zone_name, first_date=dt.date(min(years) - 1, 1, 1), last_date=dt.date(max(years) + 2, 1, 1)
            ),
        )
    return calendar.to_ical()
