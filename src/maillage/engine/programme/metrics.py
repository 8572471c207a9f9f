"""The measures of a programme, as the objective orders them.

**Missed favourites** (the definition used everywhere, stats and benchmark): for each attendee, the favourites
that are not placed, plus the smallest number of placed favourites to give up so that the rest are pairwise
non-overlapping (its number of favourites minus the largest set of them that one person can attend, found
exactly by the earliest-end greedy for intervals); summed over attendees. Travel between venues is not counted
for attendees.

**Clashing favourite pairs**: the sum over overlapping placed pairs (a, b) of w(a, b), the number of attendees
who starred both. It is what the optimiser minimises (a pairwise, aggregated objective), it bounds the missed
favourites from above and is zero exactly when they are.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .conflicts import co_interest
from .model import Instance, Placement


def missed_favourites(instance: Instance, placements: Iterable[Placement]) -> int:
    span = {}
    for p in placements:
        span[p.activity] = (p.start, p.start + instance.activity_by_id[p.activity].duration)
    missed = 0
    for attendee in instance.attendees:
        spans = []
        for name in attendee.favourites:
            interval = span.get(name)
            if interval is None:
                missed += 1
            else:
                spans.append(interval)
        spans.sort(key=lambda se: se[1])
        kept, last_end = 0, None
        for s, e in spans:
            if last_end is None or s >= last_end:
                kept += 1
                last_end = e
        missed += len(spans) - kept
    return missed


def clashing_pairs(
    instance: Instance, placements: Iterable[Placement], weights: Mapping[tuple[str, str], int]
) -> tuple[int, int]:
    """(attendee-weighted clashing favourite pairs, same-track same-audience overlaps)."""
    items = sorted(
        (
            (
                p.start,
                p.start + instance.activity_by_id[p.activity].duration,
                instance.activity_by_id[p.activity],
            )
            for p in placements
        ),
        key=lambda item: (item[0], item[2].id),
    )
    pairs = track = 0
    for i, (_, a_end, a) in enumerate(items):
        for b_start, _, b in items[i + 1 :]:
            if b_start >= a_end:
                break
            key = (a.id, b.id) if a.id < b.id else (b.id, a.id)
            pairs += weights.get(key, 0)
            if a.track and a.track == b.track and a.audience == b.audience:
                track += 1
    return pairs, track


def room_days(
    instance: Instance, placements: Iterable[Placement]
) -> dict[tuple[str, int], list[tuple[int, int]]]:
    """The spans of the activities of each room on each day (keyed by room and the day's start)."""
    days: dict[tuple[str, int], list[tuple[int, int]]] = defaultdict(list)
    for p in placements:
        day = instance.day_of(p.start)
        days[(p.room, day.start if day else p.start)].append(
            (p.start, p.start + instance.activity_by_id[p.activity].duration)
        )
    return days


def room_idle_minutes(instance: Instance, placements: Iterable[Placement]) -> int:
    """Sum over rooms and days in use of the idle minutes between the first start and the last end."""
    idle = 0
    for spans in room_days(instance, placements).values():
        idle += max(e for _, e in spans) - min(s for s, _ in spans) - sum(e - s for s, e in spans)
    return idle


def lower_bound(instance: Instance, starts: Mapping[str, Sequence[int]]) -> int:
    """A proven lower bound on missed favourites, given each activity's possible starts (none: unplaceable).

    Two favourites are *forced* to clash when neither can end before the other's latest possible start; of
    a forced pair, at least one is missed (dropped or unplaced) in every programme, so the missed favourites
    of an attendee cover their forced pairs and number at least a matching of them (found greedily). Fixed
    activities have one start, and among them the exact count is taken. Unplaceable favourites are missed.
    """
    first = {a: min(s) for a, s in starts.items() if s}
    last = {a: max(s) for a, s in starts.items() if s}
    duration = {a.id: a.duration for a in instance.activities}
    fixed = {a.id: a.fixed.start for a in instance.activities if a.fixed is not None}
    total = 0
    for attendee in instance.attendees:
        placeable = [f for f in attendee.favourites if f in first]
        total += len(attendee.favourites) - len(placeable)
        matched: set[str] = set()
        for i, a in enumerate(placeable):
            if a in matched:
                continue
            for b in placeable[i + 1 :]:
                if b not in matched and first[a] + duration[a] > last[b] and first[b] + duration[b] > last[a]:
                    matched.update((a, b))
                    break
        total += max(len(matched) // 2, _clashing_fixed(placeable, fixed, duration))
    return total


def _clashing_fixed(favourites: Iterable[str], fixed: Mapping[str, int], duration: Mapping[str, int]) -> int:
    """Of one attendee's fixed favourites, how many they must give up because they overlap."""
    spans = sorted(
        ((fixed[f], fixed[f] + duration[f]) for f in favourites if f in fixed), key=lambda se: se[1]
    )
    kept, last_end = 0, None
    for s, e in spans:
        if last_end is None or s >= last_end:
            kept += 1
            last_end = e
    return len(spans) - kept


def fixed_overlap_bound(instance: Instance) -> int:
    """Favourites missed to overlaps among fixed activities: they are placed in every programme, so these
    add to the favourites of what is left out (see ``selection.py``) in a lower bound."""
    duration = {a.id: a.duration for a in instance.activities}
    fixed = {a.id: a.fixed.start for a in instance.activities if a.fixed is not None}
    return sum(_clashing_fixed(attendee.favourites, fixed, duration) for attendee in instance.attendees)


def evaluate(
    instance: Instance,
    placements: list[Placement],
    weights: Mapping[tuple[str, str], int] | None = None,
) -> dict[str, Any]:
    if weights is None:
        weights = co_interest(instance)
    pairs, track = clashing_pairs(instance, placements, weights)
    return {
        "activities": len(instance.activities),
        "placed": len(placements),
        "unplaced": len(instance.activities) - len(placements),
        "favourites": sum(len(a.favourites) for a in instance.attendees),
        "missed_favourites": missed_favourites(instance, placements),
        "clashing_favourite_pairs": pairs,
        "same_track_overlaps": track,
        "room_days": len(room_days(instance, placements)),
        "room_idle_minutes": room_idle_minutes(instance, placements),
    }
