"""The programme optimiser's data: an instance (the week to fill) and a programme (the filled week).

Times are kept as whole minutes since the Unix epoch (UTC), so that comparisons, the grid and daylight saving
changes are plain integer arithmetic; they are read from and written back to local ISO 8601 times of the
instance's time zone at the edges (``parse.py`` and :func:`format_local`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property
from typing import Any
from zoneinfo import ZoneInfo


@dataclass(frozen=True)
class Interval:
    """A half-open span of time ``[start, end)`` in epoch minutes."""

    start: int
    end: int

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


@dataclass(frozen=True)
class Day:
    date: date
    start: int
    end: int


@dataclass(frozen=True)
class Venue:
    id: str
    travel_minutes: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Room:
    id: str
    venue: str
    capacity: int
    unavailable: tuple[Interval, ...] = ()


@dataclass(frozen=True)
class Speaker:
    id: str
    unavailable: tuple[Interval, ...] = ()


@dataclass(frozen=True)
class Fixed:
    room: str
    start: int


@dataclass(frozen=True)
class Activity:
    id: str
    duration: int
    attendance: int = 0
    audience: str = ""
    track: str = ""
    speakers: tuple[str, ...] = ()
    fixed: Fixed | None = None
    days: tuple[date, ...] | None = None


@dataclass(frozen=True)
class Attendee:
    favourites: tuple[str, ...]
    id: str | None = None


@dataclass(frozen=True)
class Instance:
    days: tuple[Day, ...]
    grid_minutes: int
    timezone: str
    venues: tuple[Venue, ...]
    rooms: tuple[Room, ...]
    speakers: tuple[Speaker, ...]
    activities: tuple[Activity, ...]
    attendees: tuple[Attendee, ...] = ()

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @cached_property
    def venue_by_id(self) -> dict[str, Venue]:
        return {venue.id: venue for venue in self.venues}

    @cached_property
    def room_by_id(self) -> dict[str, Room]:
        return {room.id: room for room in self.rooms}

    @cached_property
    def speaker_by_id(self) -> dict[str, Speaker]:
        return {speaker.id: speaker for speaker in self.speakers}

    @cached_property
    def activity_by_id(self) -> dict[str, Activity]:
        return {activity.id: activity for activity in self.activities}

    def travel(self, origin: str, destination: str) -> int:
        """Minutes from venue ``origin`` to venue ``destination``.

        Zero within a venue; a pair given in one direction only is taken as symmetric; a pair given in
        neither direction is taken as zero (venues next to each other).
        """
        if origin == destination:
            return 0
        minutes = self.venue_by_id[origin].travel_minutes.get(destination)
        if minutes is None:
            minutes = self.venue_by_id[destination].travel_minutes.get(origin, 0)
        return minutes

    def day_of(self, minute: int) -> Day | None:
        """The day whose opening hours contain ``minute`` (as a start), if any."""
        for day in self.days:
            if day.start <= minute < day.end:
                return day
        return None

    def format_local(self, minute: int) -> str:
        return format_local(minute, self.tz)


@dataclass(frozen=True)
class Placement:
    activity: str
    room: str
    start: int


@dataclass(frozen=True)
class Unplaced:
    """An activity left out: why, as a code with parameters (``why``) and in English (``reason``)."""

    activity: str
    reason: str
    why: Mapping[str, Any] = field(default_factory=dict)  # {"code": "room_full", "rooms": ["r1"], ...}
    favourites: int = 0  # attendees who starred it


@dataclass(frozen=True)
class Remedy:
    """A change to the week that would bring back left-out activities, with the favourites it recovers."""

    change: Mapping[str, Any]  # {"code": "extend_day", "day": "2027-04-06", "minutes": 60}
    gain: int  # favourites recovered, by the knapsack re-solved with the change
    recovers: tuple[str, ...]  # the activities it brings back
    displaces: tuple[str, ...]  # the activities it would leave out instead (to make room for better ones)
    text: str


@dataclass
class Programme:
    placements: list[Placement]
    unplaced: list[Unplaced]
    stats: dict[str, Any] = field(default_factory=dict)
    remedies: list[Remedy] = field(default_factory=list)


def to_minutes(moment: datetime) -> int:
    """Epoch minutes of an aware datetime."""
    return int(moment.timestamp()) // 60


def from_minutes(minute: int, tz: ZoneInfo) -> datetime:
    return datetime.fromtimestamp(minute * 60, UTC).astimezone(tz)


def format_local(minute: int, tz: ZoneInfo) -> str:
    """``2027-04-06T09:15``: the local wall-clock time in ``tz``, as the input is written."""
    return from_minutes(minute, tz).strftime("%Y-%m-%dT%H:%M")


def programme_to_dict(instance: Instance, programme: Programme) -> dict[str, Any]:
    """The JSON document written by ``schedule-programme``."""
    return {
        "placements": [
            {"activity": p.activity, "room": p.room, "start": instance.format_local(p.start)}
            for p in programme.placements
        ],
        "unplaced": [
            {"activity": u.activity, "why": dict(u.why), "reason": u.reason, "favourites": u.favourites}
            for u in programme.unplaced
        ],
        "remedies": [
            {
                "change": dict(r.change),
                "gain": r.gain,
                "recovers": list(r.recovers),
                "displaces": list(r.displaces),
                "text": r.text,
            }
            for r in programme.remedies
        ],
        "stats": programme.stats,
    }
