"""Changes to an over-full week that would bring left-out activities back, each with its gain.

Each candidate change (``reasons.py`` lists the codes) is applied to a copy of the instance and the knapsack of
``selection.py`` is solved again, from the current choice as a hint, with the same model as the choice itself:
room-time of each room class and speakers' time of each day, and the over-subscribed rooms packed exactly (a
start and a room each). The gain is the favourites the choice leaves out less those the re-solved knapsack
leaves out with the change, so it is computed, not guessed, on the model that chose what to leave out (a change
whose gain the placement cannot realise, because of travel or overlaps elsewhere, is possible but rare). Only
the activities of the full rooms' class are chosen again; the others keep their day. Only changes that recover
something are kept, best first; for one day or one room, a longer or larger change is kept only when it
recovers more than a smaller one.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from .model import Activity, Day, Instance, Remedy, Room, to_minutes
from .reasons import describe
from .selection import Choice, capacities, choose

# Formats an activity may be shortened to (minutes); the next shorter one is offered.
FORMATS = (15, 20, 30, 45, 60, 75, 90, 120, 150, 180, 240)
MOST = 12


def _shorter(minutes: int) -> int | None:
    shorter = [f for f in FORMATS if f < minutes]
    return shorter[-1] if shorter else None


def _local_clock(instance: Instance, minute: int) -> str:
    return instance.format_local(minute)[11:]


def _candidates(
    instance: Instance, choice: Choice, favourites: Mapping[str, int]
) -> list[tuple[dict, Instance]]:
    """(change, changed instance) pairs worth re-solving, the likeliest first."""
    by_id = instance.activity_by_id
    caps = capacities(instance)
    lost = [a for a in choice.left_out if favourites.get(a, 0) and a in caps.options]
    if not lost:
        return []
    result: list[tuple[dict, Instance]] = []
    # The rooms the lost activities could use, and the activities competing for them.
    full_rooms = {r for a in lost for rooms in caps.options[a].values() for r in rooms}
    grid = instance.grid_minutes

    def replace_activities(changes: Mapping[str, Activity]) -> Instance:
        return dataclasses.replace(
            instance, activities=tuple(changes.get(a.id, a) for a in instance.activities)
        )

    # Longer days: by the shortest and the longest of what is lost (on the grid).
    wanted = sorted({-(-by_id[a].duration // grid) * grid for a in lost})
    lengths = sorted({wanted[0], wanted[-1]})
    for minutes in lengths:
        for d, day in enumerate(instance.days):
            days = list(instance.days)
            days[d] = Day(day.date, day.start, day.end + minutes)
            nxt = instance.days[d + 1].start if d + 1 < len(instance.days) else None
            if nxt is not None and day.end + minutes > nxt:
                continue
            change = {"code": "extend_day", "day": day.date.isoformat(), "minutes": minutes}
            result.append((change, dataclasses.replace(instance, days=tuple(days))))
    # Shorter formats: each lost activity, then every competing activity of one length at once.
    competing = [
        a
        for a in instance.activities
        if a.fixed is None
        and a.id in caps.options
        and any(rooms <= full_rooms for rooms in caps.options[a.id].values())
    ]
    for name in lost:
        activity = by_id[name]
        shorter = _shorter(activity.duration)
        if shorter is not None:
            change = {
                "code": "shorter_format",
                "activities": [name],
                "from_minutes": activity.duration,
                "to_minutes": shorter,
            }
            result.append(
                (change, replace_activities({name: dataclasses.replace(activity, duration=shorter)}))
            )
    for minutes in sorted({a.duration for a in competing}, reverse=True):
        shorter = _shorter(minutes)
        group = [a for a in competing if a.duration == minutes]
        if shorter is None or len(group) < 2:
            continue
        change = {
            "code": "shorter_format",
            "activities": [a.id for a in group],
            "from_minutes": minutes,
            "to_minutes": shorter,
        }
        result.append(
            (change, replace_activities({a.id: dataclasses.replace(a, duration=shorter) for a in group}))
        )
    # A bigger room in another venue: the largest room of the venues the full rooms are not in.
    full_venues = {instance.room_by_id[r].venue for r in full_rooms}
    needs = sorted({by_id[a].attendance for a in lost})
    largest: dict[str, Room] = {}
    for room in instance.rooms:
        if room.venue not in full_venues and (
            room.venue not in largest or room.capacity > largest[room.venue].capacity
        ):
            largest[room.venue] = room
    for room in sorted(largest.values(), key=lambda r: -r.capacity)[:1]:
        for need in sorted({n for n in (needs[0], needs[-1]) if n > room.capacity}):
            change = {
                "code": "bigger_room",
                "room": room.id,
                "venue": room.venue,
                "capacity": room.capacity,
                "needed_capacity": need,
            }
            rooms = tuple(dataclasses.replace(r, capacity=need) if r is room else r for r in instance.rooms)
            result.append((change, dataclasses.replace(instance, rooms=rooms)))
    # One more day, with the last day's hours.
    last = instance.days[-1]
    when = last.date + timedelta(days=1)
    opens = datetime.combine(
        when, datetime.fromisoformat(instance.format_local(last.start)).time(), instance.tz
    )
    closes = datetime.combine(
        when, datetime.fromisoformat(instance.format_local(last.end)).time(), instance.tz
    )
    if closes > opens:
        change = {
            "code": "extra_day",
            "day": when.isoformat(),
            "start": _local_clock(instance, last.start),
            "end": _local_clock(instance, last.end),
        }
        day = Day(when, to_minutes(opens), to_minutes(closes))
        result.append((change, dataclasses.replace(instance, days=(*instance.days, day))))
    # Activities kept to some days, allowed on the others.
    for name in lost:
        activity = by_id[name]
        if activity.days is None:
            continue
        for day in instance.days:
            if day.date not in activity.days:
                change = {"code": "allow_day", "activity": name, "day": day.date.isoformat()}
                allowed = dataclasses.replace(activity, days=(*activity.days, day.date))
                result.append((change, replace_activities({name: allowed})))
    # The broadest changes first, so that they are tried when time is short.
    order = {"extra_day": 0, "bigger_room": 1, "extend_day": 3, "allow_day": 5}
    result.sort(
        key=lambda item: order.get(item[0]["code"], 2 if len(item[0].get("activities", ())) > 1 else 4)
    )
    return result


def _dominated(change: Mapping[str, Any], gain: int, kept: list[tuple[Mapping[str, Any], int]]) -> bool:
    """A longer day or a larger room that recovers no more than a shorter or smaller one already kept."""
    for other, other_gain in kept:
        if other["code"] != change["code"] or other_gain < gain:
            continue
        if (
            change["code"] == "extend_day"
            and other["day"] == change["day"]
            and other["minutes"] < change["minutes"]
        ):
            return True
        if (
            change["code"] == "bigger_room"
            and other["room"] == change["room"]
            and other["needed_capacity"] < change["needed_capacity"]
        ):
            return True
    return False


def find_remedies(
    instance: Instance,
    choice: Choice,
    *,
    favourites: Mapping[str, int],
    deadline: float,
    seed: int = 0,
) -> tuple[list[Remedy], bool]:
    """The changes that recover favourites, best first, and whether every candidate was tried in time."""
    found: list[tuple[Mapping[str, Any], int, tuple[str, ...], tuple[str, ...]]] = []
    complete = True
    # Gains are measured from the choice itself, on its own model (exact packing of the full rooms included).
    first = choice
    base = first.left_out_favourites
    lost = set(first.left_out)
    # Only the activities of the full rooms' class are chosen again; the others keep their day.
    caps = capacities(instance)
    full_rooms = {r for a in lost if a in caps.options for rooms in caps.options[a].values() for r in rooms}
    settled = {
        a: first.kept.get(a)
        for a, mine in caps.options.items()
        if not frozenset().union(*mine.values()) <= full_rooms
    }
    for change, changed in _candidates(instance, first, favourites):
        left = deadline - time.perf_counter()
        if left <= 0.02:
            complete = False
            break
        other = choose(
            changed,
            time_limit=min(left, 0.4),
            seed=seed,
            favourites=favourites,
            hint=first.kept,
            settled=settled,
        )
        if not other.optimal:
            complete = False
        gain = base - other.left_out_favourites
        if gain > 0:
            back = tuple(a for a in instance.activity_by_id if a in lost and a in other.kept)
            out = tuple(a for a in instance.activity_by_id if a in first.kept and a not in other.kept)
            found.append((change, gain, back, out))
    found.sort(key=lambda item: -item[1])
    kept: list[tuple[Mapping[str, Any], int]] = []
    remedies = []
    for what, gain, back, out in found:
        if _dominated(what, gain, kept):
            continue
        kept.append((what, gain))
        remedies.append(Remedy(what, gain, back, out, f"{describe(what)}: recovers {gain} favourites"))
        if len(remedies) == MOST:
            break
    return remedies, complete
