"""Read and check an instance (and a programme) from JSON, naming the exact place of any error.

Every error is an :class:`InstanceError` (the engines' one :class:`~maillage.engine.contract.InputError`)
whose text starts with the path of the faulty value, as in
``activities[12].speakers[0]: unknown speaker "s99"``.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..contract import InputError, kind
from ..contract import expect_list as _list
from ..contract import expect_object as _object
from ..contract import expect_string as _string
from ..contract import join as _join
from ..contract import required as _required
from .model import (
    Activity,
    Attendee,
    Day,
    Fixed,
    Instance,
    Interval,
    Placement,
    Room,
    Speaker,
    Venue,
    to_minutes,
)

# The programme engine's name for the engines' one input error (its command and the app catch it so).
InstanceError = InputError


def _integer(value: Any, path: str, *, minimum: int = 0) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstanceError(path, f"expected a whole number, got {kind(value)}")
    if value < minimum:
        raise InstanceError(path, f"must be at least {minimum}, got {value}")
    return value


def _date(value: Any, path: str) -> date:
    text = _string(value, path)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InstanceError(path, f'not an ISO 8601 date: "{text}"') from None


def _moment(value: Any, path: str, tz: ZoneInfo) -> int:
    """Epoch minutes of a local ISO 8601 time of ``tz`` (an offset, if given, is honoured)."""
    text = _string(value, path)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise InstanceError(path, f'not an ISO 8601 date and time: "{text}"') from None
    moment = moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)
    if moment.second or moment.microsecond:
        raise InstanceError(path, f'must be on a whole minute: "{text}"')
    return to_minutes(moment)


def _day_bound(value: Any, path: str, day: date, tz: ZoneInfo) -> int:
    text = _string(value, path)
    if "T" in text:
        return _moment(text, path, tz)
    try:
        clock = time.fromisoformat(text)
    except ValueError:
        raise InstanceError(path, f'not a time of day such as "09:00": "{text}"') from None
    if clock.second or clock.microsecond or clock.tzinfo is not None:
        raise InstanceError(path, f'expected hours and minutes such as "09:00": "{text}"')
    return to_minutes(datetime.combine(day, clock, tzinfo=tz))


def _intervals(value: Any, path: str, tz: ZoneInfo) -> tuple[Interval, ...]:
    result = []
    for i, item in enumerate(_list(value, path)):
        where = _join(path, i)
        obj = _object(item, where)
        start = _moment(_required(obj, "start", where), _join(where, "start"), tz)
        end = _moment(_required(obj, "end", where), _join(where, "end"), tz)
        if end <= start:
            raise InstanceError(_join(where, "end"), "must be after start")
        result.append(Interval(start, end))
    return tuple(result)


def _unique_id(obj: dict[str, Any], path: str, seen: set[str], what: str) -> str:
    ident = _string(_required(obj, "id", path), _join(path, "id"))
    if ident in seen:
        raise InstanceError(_join(path, "id"), f'duplicate {what} id "{ident}"')
    seen.add(ident)
    return ident


def parse_instance(data: Any) -> Instance:
    """Check a decoded JSON instance and build an :class:`Instance`, or raise :class:`InstanceError`."""
    root = _object(data, "")
    zone = _string(_required(root, "timezone", ""), "timezone")
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise InstanceError("timezone", f'unknown IANA time zone "{zone}"') from None
    grid = _integer(_required(root, "grid_minutes", ""), "grid_minutes", minimum=1)

    days: list[Day] = []
    for i, item in enumerate(_list(_required(root, "days", ""), "days")):
        where = _join("days", i)
        obj = _object(item, where)
        when = _date(_required(obj, "date", where), _join(where, "date"))
        start = _day_bound(_required(obj, "start", where), _join(where, "start"), when, tz)
        end = _day_bound(_required(obj, "end", where), _join(where, "end"), when, tz)
        if end <= start:
            raise InstanceError(_join(where, "end"), "must be after start")
        for other in days:
            if other.date == when:
                raise InstanceError(_join(where, "date"), f'duplicate day "{when.isoformat()}"')
            if other.start < end and start < other.end:
                raise InstanceError(where, f'overlaps day "{other.date.isoformat()}"')
        days.append(Day(when, start, end))
    days.sort(key=lambda d: d.start)
    day_dates = {d.date for d in days}

    venue_ids: set[str] = set()
    raw_travel: list[tuple[str, Any, str]] = []
    for i, item in enumerate(_list(_required(root, "venues", ""), "venues")):
        where = _join("venues", i)
        obj = _object(item, where)
        ident = _unique_id(obj, where, venue_ids, "venue")
        raw_travel.append((ident, obj.get("travel_minutes", {}), _join(where, "travel_minutes")))
    venues = []
    for ident, travel, spot in raw_travel:
        minutes: dict[str, int] = {}
        for other_id, value in _object(travel, spot).items():
            if other_id not in venue_ids:
                raise InstanceError(_join(spot, other_id), f'unknown venue "{other_id}"')
            minutes[other_id] = _integer(value, _join(spot, other_id))
        venues.append(Venue(ident, minutes))

    room_ids: set[str] = set()
    rooms = []
    for i, item in enumerate(_list(_required(root, "rooms", ""), "rooms")):
        where = _join("rooms", i)
        obj = _object(item, where)
        ident = _unique_id(obj, where, room_ids, "room")
        venue = _string(_required(obj, "venue", where), _join(where, "venue"))
        if venue not in venue_ids:
            raise InstanceError(_join(where, "venue"), f'unknown venue "{venue}"')
        capacity = _integer(_required(obj, "capacity", where), _join(where, "capacity"))
        unavailable = _intervals(obj.get("unavailable", []), _join(where, "unavailable"), tz)
        rooms.append(Room(ident, venue, capacity, unavailable))

    speaker_ids: set[str] = set()
    speakers = []
    for i, item in enumerate(_list(root.get("speakers", []), "speakers")):
        where = _join("speakers", i)
        obj = _object(item, where)
        ident = _unique_id(obj, where, speaker_ids, "speaker")
        speakers.append(
            Speaker(ident, _intervals(obj.get("unavailable", []), _join(where, "unavailable"), tz))
        )

    activity_ids: set[str] = set()
    activities = []
    fixed_paths: list[str] = []
    for i, item in enumerate(_list(_required(root, "activities", ""), "activities")):
        where = _join("activities", i)
        obj = _object(item, where)
        ident = _unique_id(obj, where, activity_ids, "activity")
        duration = _integer(_required(obj, "duration", where), _join(where, "duration"), minimum=1)
        attendance = _integer(obj.get("attendance", 0), _join(where, "attendance"))
        audience = _string(obj.get("audience") or "", _join(where, "audience"), allow_empty=True)
        track = _string(obj.get("track") or "", _join(where, "track"), allow_empty=True)
        names: list[str] = []
        for j, value in enumerate(_list(obj.get("speakers", []), _join(where, "speakers"))):
            spot = _join(_join(where, "speakers"), j)
            name = _string(value, spot)
            if name not in speaker_ids:
                raise InstanceError(spot, f'unknown speaker "{name}"')
            if name in names:
                raise InstanceError(spot, f'speaker "{name}" listed twice')
            names.append(name)
        allowed: tuple[date, ...] | None = None
        if obj.get("days") is not None:
            dates = []
            for j, value in enumerate(_list(obj["days"], _join(where, "days"))):
                spot = _join(_join(where, "days"), j)
                allowed_day = _date(value, spot)
                if allowed_day not in day_dates:
                    raise InstanceError(spot, f'unknown day "{allowed_day.isoformat()}"')
                dates.append(allowed_day)
            allowed = tuple(dates)
        fixed = None
        if obj.get("fixed") is not None:
            spot = _join(where, "fixed")
            fixed_obj = _object(obj["fixed"], spot)
            room = _string(_required(fixed_obj, "room", spot), _join(spot, "room"))
            if room not in room_ids:
                raise InstanceError(_join(spot, "room"), f'unknown room "{room}"')
            start = _moment(_required(fixed_obj, "start", spot), _join(spot, "start"), tz)
            fixed = Fixed(room, start)
            fixed_paths.append(spot)
        activities.append(
            Activity(ident, duration, attendance, audience, track, tuple(names), fixed, allowed)
        )

    attendees = []
    for i, item in enumerate(_list(root.get("attendees", []), "attendees")):
        where = _join("attendees", i)
        obj = _object(item, where)
        attendee_id = None
        if obj.get("id") is not None:
            attendee_id = _string(obj["id"], _join(where, "id"))
        favourites: list[str] = []
        for j, value in enumerate(_list(obj.get("favourites", []), _join(where, "favourites"))):
            spot = _join(_join(where, "favourites"), j)
            name = _string(value, spot)
            if name not in activity_ids:
                raise InstanceError(spot, f'unknown activity "{name}"')
            if name not in favourites:
                favourites.append(name)
        attendees.append(Attendee(tuple(favourites), attendee_id))

    instance = Instance(
        days=tuple(days),
        grid_minutes=grid,
        timezone=zone,
        venues=tuple(venues),
        rooms=tuple(rooms),
        speakers=tuple(speakers),
        activities=tuple(activities),
        attendees=tuple(attendees),
    )
    _check_fixed(instance, fixed_paths)
    return instance


def _check_fixed(instance: Instance, paths: list[str]) -> None:
    """Fixed activities must obey every hard rule on their own and together."""
    from .conflicts import HARD_KINDS, find_conflicts

    fixed = [a for a in instance.activities if a.fixed is not None]
    path_of = {a.id: path for a, path in zip(fixed, paths, strict=True)}
    placed: list[Placement] = []
    for activity in fixed:
        assert activity.fixed is not None
        placed.append(Placement(activity.id, activity.fixed.room, activity.fixed.start))
        for conflict in find_conflicts(instance, placed):
            if conflict.kind in HARD_KINDS:
                raise InstanceError(
                    path_of[activity.id], f"fixed placement breaks a hard rule: {conflict.message}"
                )


def parse_placements(instance: Instance, data: Any) -> list[Placement]:
    """Read the ``placements`` of a programme document (e.g. one written by ``schedule-programme``)."""
    root = _object(data, "")
    result = []
    for i, item in enumerate(_list(_required(root, "placements", ""), "placements")):
        where = _join("placements", i)
        obj = _object(item, where)
        activity = _string(_required(obj, "activity", where), _join(where, "activity"))
        if activity not in instance.activity_by_id:
            raise InstanceError(_join(where, "activity"), f'unknown activity "{activity}"')
        room = _string(_required(obj, "room", where), _join(where, "room"))
        if room not in instance.room_by_id:
            raise InstanceError(_join(where, "room"), f'unknown room "{room}"')
        start = _moment(_required(obj, "start", where), _join(where, "start"), instance.tz)
        result.append(Placement(activity, room, start))
    return result


def load_json(path: str | Path) -> Any:
    """Decode a JSON file; an unreadable, empty or malformed file is an :class:`InstanceError`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InstanceError(str(path), f"cannot read: {error}") from None
    if not text.strip():
        raise InstanceError(str(path), "empty file")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InstanceError(str(path), f"not JSON: {error}") from None


def load_instance(path: str | Path) -> Instance:
    return parse_instance(load_json(path))
