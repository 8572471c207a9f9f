"""Every conflict of a placement, each as a code (``kind``) with its parameters (ids, numbers, local times).

:func:`find_conflicts` is pure and accepts a partial placement (some activities not placed yet), so that the
organisers' grid can call it after each drag and drop, and the optimiser's checks can reuse it.
Hard conflicts break a rule of the week; soft ones (``same_track_audience``, ``missed_favourites``) are what
the optimiser minimises.

An app reads the code and the parameters and writes its own sentence, in the reader's language and with
names; :func:`describe` renders the English sentence (``Conflict.message``) for the command and the errors.
Times are local wall-clock times of the instance (``2027-04-06T09:00``); ``starts`` and ``ends`` follow
``activities``. The parameters of each kind:

- ``unknown`` ``what`` (``activity`` or ``room``), ``id``;
- ``off_grid`` ``start``, ``end``, ``why`` (``outside_day`` or ``grid``), ``grid_minutes``;
- ``day_not_allowed`` ``day``, ``allowed`` (dates);
- ``fixed_moved`` ``room``, ``start``: where and when the activity is fixed;
- ``room_too_small`` ``room``, ``capacity``, ``attendance``;
- ``room_unavailable`` ``room``, ``start``, ``end`` (the activity's), ``from``, ``to`` (the room's gap);
- ``speaker_unavailable`` ``speaker``, ``from``, ``to`` (the speaker's gap);
- ``room_double_booked`` ``room``, ``starts``, ``ends``;
- ``speaker_double_booked`` ``speaker``, ``starts``, ``ends``, ``overlap`` (at once, or not enough time to
  travel), ``venues``, ``travel_minutes``;
- ``same_track_audience`` ``track``, ``audience``, ``starts``, ``ends``;
- ``missed_favourites`` ``starts``, ``ends`` (and ``Conflict.count``, the attendees who starred both).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from .model import Activity, Instance, Placement

HARD_KINDS = frozenset(
    {
        "unknown",
        "off_grid",
        "day_not_allowed",
        "fixed_moved",
        "room_unavailable",
        "room_too_small",
        "room_double_booked",
        "speaker_unavailable",
        "speaker_double_booked",
    }
)
SOFT_KINDS = frozenset({"same_track_audience", "missed_favourites"})


@dataclass(frozen=True)
class Conflict:
    kind: str  # the code
    activities: tuple[str, ...]
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)
    count: int = 1

    @property
    def hard(self) -> bool:
        return self.kind in HARD_KINDS

    @property
    def message(self) -> str:
        """The English sentence (see :func:`describe`)."""
        return describe(self)


def co_interest(instance: Instance) -> dict[tuple[str, str], int]:
    """w(a, b): how many attendees starred both ``a`` and ``b`` (keys sorted, a < b)."""
    weights: Counter[tuple[str, str]] = Counter()
    for attendee in instance.attendees:
        weights.update(combinations(sorted(attendee.favourites), 2))
    return dict(weights)


def find_conflicts(
    instance: Instance,
    placements: Iterable[Placement],
    *,
    weights: Mapping[tuple[str, str], int] | None = None,
) -> list[Conflict]:
    """List the conflicts of ``placements`` (any subset of the activities) in ``instance``.

    ``weights`` are the co-interest counts of :func:`co_interest`, computed when not given.
    """
    if weights is None:
        weights = co_interest(instance)
    fmt = instance.format_local
    result: list[Conflict] = []
    valid: list[tuple[Placement, Activity, int]] = []
    for p in placements:
        activity = instance.activity_by_id.get(p.activity)
        room = instance.room_by_id.get(p.room)
        if activity is None or room is None:
            unknown = (
                {"what": "activity", "id": p.activity} if activity is None else {"what": "room", "id": p.room}
            )
            result.append(Conflict("unknown", (p.activity,), unknown))
            continue
        end = p.start + activity.duration
        valid.append((p, activity, end))
        one = (activity.id,)
        day = instance.day_of(p.start)
        if day is None or end > day.end or (p.start - day.start) % instance.grid_minutes:
            why = "outside_day" if day is None or end > day.end else "grid"
            params = {
                "start": fmt(p.start),
                "end": fmt(end),
                "why": why,
                "grid_minutes": instance.grid_minutes,
            }
            result.append(Conflict("off_grid", one, params))
        elif activity.days is not None and day.date not in activity.days:
            allowed = [d.isoformat() for d in activity.days]
            result.append(Conflict("day_not_allowed", one, {"day": day.date.isoformat(), "allowed": allowed}))
        if activity.fixed is not None and (activity.fixed.room, activity.fixed.start) != (p.room, p.start):
            fixed = {"room": activity.fixed.room, "start": fmt(activity.fixed.start)}
            result.append(Conflict("fixed_moved", one, fixed))
        if activity.attendance > room.capacity:
            size = {"room": room.id, "capacity": room.capacity, "attendance": activity.attendance}
            result.append(Conflict("room_too_small", one, size))
        for gap in room.unavailable:
            if gap.overlaps(p.start, end):
                closed = {"room": room.id, "start": fmt(p.start), "end": fmt(end)}
                closed.update({"from": fmt(gap.start), "to": fmt(gap.end)})
                result.append(Conflict("room_unavailable", one, closed))
        for speaker_id in activity.speakers:
            for gap in instance.speaker_by_id[speaker_id].unavailable:
                if gap.overlaps(p.start, end):
                    away = {"speaker": speaker_id, "from": fmt(gap.start), "to": fmt(gap.end)}
                    result.append(Conflict("speaker_unavailable", one, away))
    longest_travel = max((m for v in instance.venues for m in v.travel_minutes.values()), default=0)
    valid.sort(key=lambda item: (item[0].start, item[1].id))
    for i, (p, a, a_end) in enumerate(valid):
        venue_a = instance.room_by_id[p.room].venue
        for q, b, b_end in valid[i + 1 :]:
            # b starts at or after a (sorted); beyond the longest travel time nothing can conflict.
            if q.start >= a_end + longest_travel:
                break
            overlap = q.start < a_end
            pair = (a.id, b.id)
            times = _Times(fmt, p.start, a_end, q.start, b_end)
            if overlap and p.room == q.room:
                result.append(Conflict("room_double_booked", pair, {"room": p.room, **times.params()}))
            shared = [s for s in a.speakers if s in b.speakers]
            if shared:
                venue_b = instance.room_by_id[q.room].venue
                travel = instance.travel(venue_a, venue_b)
                if q.start < a_end + travel:
                    for speaker_id in shared:
                        params = {"speaker": speaker_id, **times.params(), "overlap": overlap}
                        params.update({"venues": [venue_a, venue_b], "travel_minutes": travel})
                        result.append(Conflict("speaker_double_booked", pair, params))
            if not overlap:
                continue
            if a.track and a.track == b.track and a.audience == b.audience:
                same = {"track": a.track, "audience": a.audience, **times.params()}
                result.append(Conflict("same_track_audience", pair, same))
            key = pair if a.id < b.id else (b.id, a.id)
            count = weights.get(key, 0)
            if count:
                result.append(Conflict("missed_favourites", pair, dict(times.params()), count))
    return result


class _Times:
    """The local times of two placed activities, formatted once and only when a conflict needs them
    (formatting is slow and most pairs have none)."""

    def __init__(self, fmt: Any, a_start: int, a_end: int, b_start: int, b_end: int) -> None:
        self.fmt = fmt
        self.minutes = (a_start, b_start, a_end, b_end)
        self.cached: dict[str, list[str]] | None = None

    def params(self) -> dict[str, list[str]]:
        if self.cached is None:
            a_start, b_start, a_end, b_end = (self.fmt(m) for m in self.minutes)
            self.cached = {"starts": [a_start, b_start], "ends": [a_end, b_end]}
        return self.cached


# The English sentence of each kind (and variant), for :func:`describe`: the parameters between braces, with
# ``name`` (the first activity, quoted), ``pair`` (both activities with their times), ``clock`` (the end's time
# of day), ``allowed`` joined and ``attendees`` (the word, singular or plural) worked out from them.
SENTENCES: dict[str, str] = {
    "unknown": 'unknown {what} "{id}"',
    "off_grid": "{name} at {start}–{clock} is not on the {grid_minutes}-minute grid",
    "off_grid/outside_day": "{name} at {start}–{clock} is not inside the opening hours of a day",
    "day_not_allowed": "{name} is placed on {day} but may only take place on {allowed}",
    "fixed_moved": '{name} is fixed in room "{room}" at {start}',
    "room_too_small": 'room "{room}" holds {capacity} people but {name} expects {attendance}',
    "room_unavailable": 'room "{room}" is unavailable from {from} to {to}, during {name} ({start}–{clock})',
    "speaker_unavailable": 'speaker "{speaker}" of {name} is unavailable from {from} to {to}',
    "room_double_booked": 'room "{room}" holds both {pair}',
    "speaker_double_booked": 'speaker "{speaker}" is in two places at once: {pair}',
    "speaker_double_booked/travel": (
        'speaker "{speaker}" cannot get from venue "{origin}" to venue "{destination}" in time between {pair}: '
        "{travel_minutes} minutes of travel needed"
    ),
    "same_track_audience": 'same track "{track}" and audience "{audience}" at once: {pair}',
    "missed_favourites": "{count} {attendees} starred both {pair}, which overlap",
}


def describe(conflict: Conflict) -> str:
    """The English sentence of a conflict (an unknown kind reads as its code and parameters)."""
    p = dict(conflict.params)
    key = conflict.kind
    if key not in SENTENCES:
        return f"{key} {p}"
    p["name"] = f'"{conflict.activities[0]}"'
    if "end" in p:
        p["clock"] = p["end"][11:]
    if "allowed" in p:
        p["allowed"] = ", ".join(p["allowed"])
    if "starts" in p:
        p["pair"] = " and ".join(
            f'"{a}" ({start}–{end[11:]})'
            for a, start, end in zip(conflict.activities, p["starts"], p["ends"], strict=True)
        )
    if key == "off_grid" and p["why"] == "outside_day":
        key = "off_grid/outside_day"
    if key == "speaker_double_booked" and not p["overlap"]:
        key = "speaker_double_booked/travel"
        p["origin"], p["destination"] = p["venues"]
    p["count"] = conflict.count
    p["attendees"] = "attendee" if conflict.count == 1 else "attendees"
    return SENTENCES[key].format(**p)


def hard_conflicts(instance: Instance, placements: Iterable[Placement]) -> list[Conflict]:
    return [c for c in find_conflicts(instance, placements, weights={}) if c.hard]
