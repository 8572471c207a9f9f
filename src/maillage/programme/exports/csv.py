"""The programme as a spreadsheet-friendly CSV (UTF-8 with BOM, local times of the edition)."""

from django.utils.translation import gettext as _

from maillage.common.tabular import write_csv

from ..models import Activity, Edition
from . import local


def programme_csv(edition: Edition, activities: list[Activity], *, base_url: str) -> bytes:
    header = [
        _("Identifier"),
        _("Day"),
        _("Start"),
        _("End"),
        _("Title"),
        _("Kind"),
        _("Event"),
        _("Venue"),
        _("Room"),
        _("Track"),
        _("Audience"),
        _("Language"),
        _("Speakers"),
        _("Registration required"),
        _("Capacity"),
        _("Address"),
        _("Page"),
    ]
    rows = (
        [
            str(a.guid),
            local(edition, a.start).date().isoformat(),
            local(edition, a.start).strftime("%H:%M"),
            local(edition, a.end).strftime("%H:%M"),
            a.title,
            a.get_kind_display(),
            a.event.name,
            a.room.venue.name,
            a.room.name,
            a.track.name if a.track else "",
            a.get_audience_display(),
            a.get_language_display(),
            "; ".join(link.speaker.name for link in a.activity_speakers.all()),
            _("yes") if a.registration_required else _("no"),
            a.capacity,
            a.room.venue.address,
            f"{base_url.rstrip('/')}{a.get_absolute_url()}",
        ]
        for a in activities
    )
    return write_csv(header, rows)
