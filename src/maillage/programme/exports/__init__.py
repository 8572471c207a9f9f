"""Exports of a published programme: iCalendar, frab/Pentabarf XML, the c3voc schedule JSON, CSV.

Each module turns a list of activities (from selectors.activities_public, so speakers, rooms and tracks are
already loaded) into bytes or plain data; views serve them.
"""

import datetime as dt

from django.utils.text import slugify

from ..models import Activity, Edition


def acronym(edition: Edition) -> str:
    """The edition's key in the form both schedule schemas accept (letters, digits, underscores)."""
    return edition.slug.replace("-", "_").ljust(4, "_")


def activity_slug(edition: Edition, activity: Activity) -> str:
    title = slugify(activity.title)[:50].strip("-_") or "activity"
    return f"{acronym(edition)}-{activity.pk}-{title}"


def language_code(activity: Activity) -> str:
    return "fr, en" if activity.language == "bilingual" else activity.language


def hours_minutes(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def local(edition: Edition, moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(edition.tzinfo)


def absolute(base_url: str, path: str) -> str:
    return f"{base_url.rstrip('/')}{path}"


def schedule_version(edition: Edition, activities: list[Activity]) -> str:
    """Changes whenever the edition or one of its exported activities does."""
    latest = max([edition.updated, *(a.updated for a in activities)])
    return latest.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def schedule_days(edition: Edition, activities: list[Activity]) -> list[dict]:
    """Every day of the edition with its rooms in use and their activities (sorted by start), the way
    frab-like schedules nest them. A day runs from its first start to its last end (09:00 to 18:00 local
    when nothing is placed)."""
    by_day: dict[dt.date, list[Activity]] = {day: [] for day in edition.days}
    for activity in activities:
        by_day.setdefault(local(edition, activity.start).date(), []).append(activity)
    days = []
    for index, (day, items) in enumerate(sorted(by_day.items()), start=1):
        items.sort(key=lambda a: (a.start, a.pk))
        rooms: dict = {}
        for activity in items:
            rooms.setdefault(activity.room, []).append(activity)
        if items:
            start = local(edition, min(a.start for a in items))
            end = local(edition, max(a.end for a in items))
        else:
            start = dt.datetime.combine(day, dt.time(9), tzinfo=edition.tzinfo)
            end = dt.datetime.combine(day, dt.time(18), tzinfo=edition.tzinfo)
        days.append(
            {
                "index": index,
                "date": day,
                "start": start,
                "end": end,
                "rooms": sorted(rooms.items(), key=lambda item: (item[0].venue.name, item[0].name)),
            }
        )
    return days


def room_label(room) -> str:
    return f"{room.venue.name} · {room.name}"
