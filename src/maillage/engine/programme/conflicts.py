"""Every conflict of a placement, each explained in a sentence.

:func:`find_conflicts` is pure and accepts a partial placement (some activities not placed yet), so that the
organisers' grid can call it after each drag and drop, and the optimiser's checks can reuse it.
Hard conflicts break a rule of the week; soft ones (``same_track_audience``, ``missed_favourites``) are what
the optimiser minimises.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import combinations

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
    kind: str
    activities: tuple[str, ...]
    message: str
    count: int = 1

    @property
    def hard(self) -> bool:
        return self.kind in HARD_KINDS


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
            what = f'activity "{p.activity}"' if activity is None else f'room "{p.room}"'
            result.append(Conflict("unknown", (p.activity,), f"unknown {what}"))
            continue
        end = p.start + activity.duration
        valid.append((p, activity, end))
        name = f'"{activity.id}"'
        day = instance.day_of(p.start)
        if day is None or end > day.end or (p.start - day.start) % instance.grid_minutes:
            if day is None or end > day.end:
                why = "is not inside the opening hours of a day"
            else:
                why = f"is not on the {instance.grid_minutes}-minute grid"
            result.append(
                Conflict("off_grid", (activity.id,), f"{name} at {fmt(p.start)}–{fmt(end)[11:]} {why}")
            )
        elif activity.days is not None and day.date not in activity.days:
            allowed = ", ".join(d.isoformat() for d in activity.days)
            result.append(
                Conflict(
                    "day_not_allowed",
                    (activity.id,),
                    f"{name} is placed on {day.date.isoformat()} but may only take place on {allowed}",
                )
            )
        if activity.fixed is not None and (activity.fixed.room, activity.fixed.start) != (p.room, p.start):
            result.append(
                Conflict(
                    "fixed_moved",
                    (activity.id,),
                    f'{name} is fixed in room "{activity.fixed.room}" at {fmt(activity.fixed.start)}',
                )
            )
        if activity.attendance > room.capacity:
            result.append(
                Conflict(
                    "room_too_small",
                    (activity.id,),
                    f'room "{room.id}" holds {room.capacity} people but {name} expects {activity.attendance}',
                )
            )
        for gap in room.unavailable:
            if gap.overlaps(p.start, end):
                result.append(
                    Conflict(
                        "room_unavailable",
                        (activity.id,),
                        f'room "{room.id}" is unavailable from {fmt(gap.start)} to {fmt(gap.end)}, '
                        f"during {name} ({fmt(p.start)}–{fmt(end)[11:]})",
                    )
                )
        for speaker_id in activity.speakers:
            for gap in instance.speaker_by_id[speaker_id].unavailable:
                if gap.overlaps(p.start, end):
                    result.append(
                        Conflict(
                            "speaker_unavailable",
                            (activity.id,),
                            f'speaker "{speaker_id}" of {name} is unavailable from {fmt(gap.start)} '
                            f"to {fmt(gap.end)}",
                        )
                    )
    longest_travel = max((m for v in instance.venues for m in v.travel_minutes.values()), default=0)
    valid.sort(key=lambda item: (item[0].start, item[1].id))
    for i, (p, a, a_end) in enumerate(valid):
        venue_a = instance.room_by_id[p.room].venue
        for q, b, b_end in valid[i + 1 :]:
            # b starts at or after a (sorted); beyond the longest travel time nothing can conflict.
            if q.start >= a_end + longest_travel:
                break
            overlap = q.start < a_end
            pair = _Pair(fmt, a.id, p.start, a_end, b.id, q.start, b_end)
            if overlap and p.room == q.room:
                result.append(
                    Conflict("room_double_booked", (a.id, b.id), f'room "{p.room}" holds both {pair}')
                )
            shared = [s for s in a.speakers if s in b.speakers]
            if shared:
                venue_b = instance.room_by_id[q.room].venue
                travel = instance.travel(venue_a, venue_b)
                if q.start < a_end + travel:
                    for speaker_id in shared:
                        if overlap:
                            why = f'speaker "{speaker_id}" is in two places at once: {pair}'
                        else:
                            why = (
                                f'speaker "{speaker_id}" cannot get from venue "{venue_a}" to venue "{venue_b}" '
                                f"in time between {pair}: {travel} minutes of travel needed"
                            )
                        result.append(Conflict("speaker_double_booked", (a.id, b.id), why))
            if not overlap:
                continue
            if a.track and a.track == b.track and a.audience == b.audience:
                result.append(
                    Conflict(
                        "same_track_audience",
                        (a.id, b.id),
                        f'same track "{a.track}" and audience "{a.audience}" at once: {pair}',
                    )
                )
            key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
            count = weights.get(key, 0)
            if count:
                people = "attendee" if count == 1 else "attendees"
                result.append(
                    Conflict(
                        "missed_favourites",
                        (a.id, b.id),
                        f"{count} {people} starred both {pair}, which overlap",
                        count,
                    )
                )
    return result


class _Pair:
    """Two placed activities, described only when a conflict needs the words (formatting is slow)."""

    def __init__(
        self, fmt: Callable[[int], str], a: str, a_start: int, a_end: int, b: str, b_start: int, b_end: int
    ):
        self.fmt = fmt
        self.parts = (a, a_start, a_end, b, b_start, b_end)

    def __format__(self, spec: str) -> str:
        a, a_start, a_end, b, b_start, b_end = self.parts
        fmt = self.fmt
        return f'"{a}" ({fmt(a_start)}–{fmt(a_end)[11:]}) and "{b}" ({fmt(b_start)}–{fmt(b_end)[11:]})'


def hard_conflicts(instance: Instance, placements: Iterable[Placement]) -> list[Conflict]:
    return [c for c in find_conflicts(instance, placements, weights={}) if c.hard]
