"""What to leave out of an over-full week: a knapsack over room-time and speakers' time, and its bound.

A valid programme places each activity on one day, in a room large enough that is open then, while its
speakers are there; so, for every day, the kept activities whose possible rooms that day all lie in a set of
rooms ``S`` cannot last longer, together, than the minutes ``S`` is open that day (after the fixed activities),
and a speaker's kept activities of a day cannot last longer than the minutes they are there. Those capacities
(one per day and *room class*: the distinct sets of rooms the activities may use that day, plus the rooms at
least as large as each capacity) and the one-day-each rule make a multiple knapsack that every valid programme
satisfies. Solved with CP-SAT, it gives:

- the set to keep: the one that leaves out the fewest favourites (then the fewest activities), which the
  placement search then places;
- a lower bound on the favourites lost by what is left out, in every programme: the knapsack's proven bound
  (its optimum when it is solved to the end). Starts on the grid, room changes, travel and overlaps are
  ignored, which is what makes it a relaxation.

The same model re-solved on a changed week (a day longer, a room larger, a talk shorter, one more day) says
how many favourites the change would recover (see ``remedies.py``).
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

import numpy as np
from ortools.sat.python import cp_model

from .model import Instance


def favourite_counts(instance: Instance) -> dict[str, int]:
    """How many attendees starred each activity (the favourites lost when it is left out)."""
    counts = dict.fromkeys(instance.activity_by_id, 0)
    for attendee in instance.attendees:
        for name in attendee.favourites:
            counts[name] += 1
    return counts


def _free_spans(start: int, end: int, busy: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """``[start, end)`` less the ``busy`` spans, as sorted disjoint spans."""
    spans = []
    cursor = start
    for s, e in sorted(busy):
        if e <= cursor or s >= end:
            continue
        if s > cursor:
            spans.append((cursor, s))
        cursor = max(cursor, e)
    if cursor < end:
        spans.append((cursor, end))
    return spans


def _on_grid(minutes: int, grid: int) -> int:
    """``minutes`` rounded up to the grid: what an activity takes of a room, the next one starting on it."""
    return -(-minutes // grid) * grid


def _usable(spans: Iterable[tuple[int, int]], origin: int, grid: int) -> int:
    """Grid minutes of ``spans`` that activities may use, their starts being on the grid from ``origin``.

    In a span ``[u, v)`` the activities start on the grid at or after ``u`` and end by ``v``, one after the
    other, so their durations rounded up to the grid add up to at most ``v`` rounded up less ``u`` rounded up.
    """
    total = 0
    for s, e in spans:
        total += max(0, _on_grid(e - origin, grid) - _on_grid(s - origin, grid))
    return total


@dataclass
class Capacities:
    """The knapsack's data: each movable activity's possible days and rooms, and the capacities."""

    # activity id -> {day index: the rooms (ids) it may use that day}
    options: dict[str, dict[int, frozenset[str]]]
    # (day index, room class) -> usable minutes left by the fixed activities
    room_minutes: dict[tuple[int, frozenset[str]], int]
    # (day index, speaker id) -> usable minutes left by the fixed activities
    speaker_minutes: dict[tuple[int, str], int]
    # activities no programme can place (no room large enough, no start): always left out
    impossible: list[str] = field(default_factory=list)
    # (activity id, day index) -> starts on the grid when its speakers are there
    starts: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    # (day index, room id) -> usable minutes left by the fixed activities
    minutes: dict[tuple[int, str], int] = field(default_factory=dict)


def capacities(instance: Instance) -> Capacities:
    grid = instance.grid_minutes
    fixed_busy: dict[str, list[tuple[int, int]]] = defaultdict(list)
    speaker_busy: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for a in instance.activities:
        if a.fixed is not None:
            span = (a.fixed.start, a.fixed.start + a.duration)
            fixed_busy[a.fixed.room].append(span)
            for s in a.speakers:
                speaker_busy[s].append(span)
    room_gaps = {r.id: [(g.start, g.end) for g in r.unavailable] for r in instance.rooms}
    minutes: dict[tuple[int, str], int] = {}
    for d, day in enumerate(instance.days):
        for r in instance.rooms:
            spans = _free_spans(day.start, day.end, room_gaps[r.id] + fixed_busy[r.id])
            minutes[(d, r.id)] = _usable(spans, day.start, grid)
    options: dict[str, dict[int, frozenset[str]]] = {}
    found_starts: dict[tuple[str, int], list[int]] = {}
    impossible = []
    for a in instance.activities:
        if a.fixed is not None:
            continue
        fits = [r for r in instance.rooms if r.capacity >= a.attendance]
        gaps = [(g.start, g.end) for s in a.speakers for g in instance.speaker_by_id[s].unavailable]
        mine: dict[int, frozenset[str]] = {}
        for d, day in enumerate(instance.days):
            if not fits or (a.days is not None and day.date not in a.days):
                continue
            starts = [
                s
                for s in range(day.start, day.end - a.duration + 1, grid)
                if not any(gs < s + a.duration and s < ge for gs, ge in gaps)
            ]
            if not starts:
                continue
            rooms = frozenset(
                r.id
                for r in fits
                if not room_gaps[r.id]
                or any(not any(gs < s + a.duration and s < ge for gs, ge in room_gaps[r.id]) for s in starts)
            )
            if rooms:
                mine[d] = rooms
                found_starts[(a.id, d)] = starts
        if mine:
            options[a.id] = mine
        else:
            impossible.append(a.id)
    room_minutes: dict[tuple[int, frozenset[str]], int] = {}
    by_size = sorted(instance.rooms, key=lambda r: -r.capacity)
    for d in range(len(instance.days)):
        classes = {rooms for mine in options.values() for day, rooms in mine.items() if day == d}
        classes.update(
            frozenset(r.id for r in by_size[: k + 1])
            for k in range(len(by_size))
            if k + 1 == len(by_size) or by_size[k + 1].capacity < by_size[k].capacity
        )
        for rooms in classes:
            room_minutes[(d, rooms)] = sum(minutes[(d, r)] for r in rooms)
    speaker_minutes: dict[tuple[int, str], int] = {}
    for speaker in instance.speakers:
        gaps = [(g.start, g.end) for g in speaker.unavailable] + speaker_busy[speaker.id]
        for d, day in enumerate(instance.days):
            spans = _free_spans(day.start, day.end, gaps)
            speaker_minutes[(d, speaker.id)] = _usable(spans, day.start, grid)
    return Capacities(options, room_minutes, speaker_minutes, impossible, found_starts, minutes)


def class_bound(instance: Instance, caps: Capacities, favourites: Mapping[str, int]) -> int:
    """A bound on the favourites left out, by room class: the activities that can only use the rooms of a
    class cannot last longer, together, than those rooms are open all week (grid minutes, after the fixed
    activities); the 0/1 knapsack of that single capacity is solved exactly by dynamic programming. It ignores
    days and speakers, so it is weaker than the knapsack's model but proven at once, which the model is not
    always within its time; the best class gives the bound."""
    grid = instance.grid_minutes
    union = {a: frozenset().union(*mine.values()) for a, mine in caps.options.items()}
    size = {a.id: _on_grid(a.duration, grid) // grid for a in instance.activities}
    best = 0
    for rooms in set(union.values()):
        members = [a for a, u in union.items() if u <= rooms]
        supply = sum(caps.minutes[(d, r)] for d in range(len(instance.days)) for r in rooms) // grid
        demand = sum(size[a] for a in members)
        if demand <= supply:
            continue
        kept = np.zeros(supply + 1, dtype=np.int64)
        for a in members:
            w, v = size[a], favourites.get(a, 0)
            if w <= supply and v:
                np.maximum(kept[w:], kept[: supply + 1 - w] + v, out=kept[w:])
        best = max(best, sum(favourites.get(a, 0) for a in members) - int(kept[supply]))
    return best


def tight(instance: Instance, caps: Capacities, *, most_rooms: int = 3, most: int = 150) -> list[str]:
    """The activities of the over-subscribed small room classes: those whose rooms, all days together, lie in
    at most ``most_rooms`` rooms asking for more than 85% of their minutes. The knapsack places these exactly
    (one start in one room each, never two at once in a room or for a speaker), not only by minutes."""
    duration = {a.id: a.duration for a in instance.activities}
    union = {a: frozenset().union(*mine.values()) for a, mine in caps.options.items()}
    result: set[str] = set()
    for rooms in set(union.values()):
        if len(rooms) > most_rooms:
            continue
        members = [a for a, u in union.items() if u <= rooms]
        demand = sum(duration[a] for a in members)
        supply = sum(caps.minutes[(d, r)] for d in range(len(instance.days)) for r in rooms)
        if demand > 0.85 * supply:
            result.update(members)
    if len(result) > most:
        return []
    return sorted(result)


@dataclass
class Choice:
    """The knapsack's answer."""

    kept: dict[str, int]  # activity id -> day index, for the movable activities kept
    left_out: list[str]  # movable activities left out (the impossible ones included)
    left_out_favourites: int  # favourites of what is left out in the knapsack's solution
    bound: int  # proven: no programme leaves out fewer favourites
    optimal: bool
    impossible: int  # favourites of the activities no programme can place (in the bound)
    places: dict[str, tuple[str, int]]  # the tight activities kept: (room id, start), a packing that exists
    seconds: float


def choose(
    instance: Instance,
    *,
    time_limit: float = 5.0,
    seed: int = 0,
    favourites: Mapping[str, int] | None = None,
    hint: Mapping[str, int] | None = None,
    exact: bool = True,
    settled: Mapping[str, int | None] | None = None,
) -> Choice:
    """The activities to keep (with a day each) so as to leave out the fewest favourites, then activities.

    With ``exact``, the activities of the over-subscribed room classes (see :func:`tight`) get a start and a
    room each, so that what is kept of them can be packed; without, only minutes are counted (faster).
    ``settled`` activities keep the given day (``None``: left out), to re-solve only part of the week."""
    began = time.perf_counter()
    if favourites is None:
        favourites = favourite_counts(instance)
    caps = capacities(instance)
    exact_ones = tight(instance, caps) if exact else []
    if not exact_ones:
        choice = _choose(instance, caps, [], time_limit, seed, favourites, hint, began, settled)
        if settled is None and not choice.optimal:
            choice.bound = max(choice.bound, class_bound(instance, caps, favourites) + choice.impossible)
            choice.optimal = choice.bound == choice.left_out_favourites
        return choice
    # The minutes-only knapsack first: fast, it proves a bound and gives the exact one a start.
    rough = _choose(instance, caps, [], 0.4 * time_limit, seed, favourites, hint, began, settled)
    left = max(time_limit - (time.perf_counter() - began), 0.05)
    fine = _choose(instance, caps, exact_ones, left, seed, favourites, rough.kept, began, settled)
    if fine.left_out_favourites > rough.left_out_favourites and not fine.places:  # pragma: no cover
        return rough  # the exact model found nothing in time
    fine.bound = max(fine.bound, rough.bound)
    if fine.left_out_favourites > fine.bound:
        fine.bound = max(fine.bound, class_bound(instance, caps, favourites) + fine.impossible)
    fine.optimal = fine.optimal or fine.left_out_favourites == fine.bound
    return fine


def _choose(
    instance: Instance,
    caps: Capacities,
    exact_ones: list[str],
    time_limit: float,
    seed: int,
    favourites: Mapping[str, int],
    hint: Mapping[str, int] | None,
    began: float,
    settled: Mapping[str, int | None] | None = None,
) -> Choice:
    # Minutes on the grid for the capacities; real minutes for the exact packing.
    duration = {a.id: _on_grid(a.duration, instance.grid_minutes) for a in instance.activities}
    real = {a.id: a.duration for a in instance.activities}
    speakers = {a.id: a.speakers for a in instance.activities}
    model = cp_model.CpModel()
    take: dict[tuple[str, int], cp_model.IntVar] = {}
    for a, mine in caps.options.items():
        for d in mine:
            take[(a, d)] = model.new_bool_var(f"{a}@{d}")
        model.add_at_most_one(take[(a, d)] for d in mine)
        if settled is not None and a in settled:
            for d in mine:
                model.add(take[(a, d)] == int(settled[a] == d))
    for (d, rooms), minutes in caps.room_minutes.items():
        terms = [
            (take[(a, d)], duration[a]) for a, mine in caps.options.items() if d in mine and mine[d] <= rooms
        ]
        if terms and sum(w for _, w in terms) > minutes:
            model.add(sum(w * v for v, w in terms) <= minutes)
    by_speaker: dict[tuple[int, str], list[tuple[cp_model.IntVar, int]]] = defaultdict(list)
    for (a, d), var in take.items():
        for s in speakers[a]:
            by_speaker[(d, s)].append((var, duration[a]))
    for key, terms in by_speaker.items():
        if sum(w for _, w in terms) > caps.speaker_minutes[key]:
            model.add(sum(w * v for v, w in terms) <= caps.speaker_minutes[key])
    where: dict[tuple[str, int, str], tuple[cp_model.IntVar, cp_model.IntVar]] = {}
    room_intervals: dict[str, list[cp_model.IntervalVar]] = defaultdict(list)
    speaker_intervals: dict[str, list[cp_model.IntervalVar]] = defaultdict(list)
    room_gaps = {r.id: [(g.start, g.end) for g in r.unavailable] for r in instance.rooms}
    for a in exact_ones:
        for d, rooms in caps.options[a].items():
            here = []
            for r in sorted(rooms):
                values = [
                    s
                    for s in caps.starts[(a, d)]
                    if not any(gs < s + real[a] and s < ge for gs, ge in room_gaps[r])
                ]
                if not values:
                    continue
                present = model.new_bool_var(f"{a}@{d}:{r}")
                start = model.new_int_var_from_domain(cp_model.Domain.from_values(values), f"{a}@{d}:{r}>")
                interval = model.new_optional_fixed_size_interval_var(start, real[a], present, f"{a}|{r}")
                where[(a, d, r)] = (present, start)
                here.append(present)
                room_intervals[r].append(interval)
                for sp in speakers[a]:
                    speaker_intervals[sp].append(interval)
            model.add(sum(here) == take[(a, d)])
    if exact_ones:
        for activity in instance.activities:
            if activity.fixed is not None:
                interval = model.new_fixed_size_interval_var(
                    activity.fixed.start, activity.duration, f"{activity.id}|fixed"
                )
                if activity.fixed.room in room_intervals:
                    room_intervals[activity.fixed.room].append(interval)
                for sp in activity.speakers:
                    if sp in speaker_intervals:
                        speaker_intervals[sp].append(interval)
        for intervals in (*room_intervals.values(), *speaker_intervals.values()):
            if len(intervals) > 1:
                model.add_no_overlap(intervals)
    # Lexicographic: a favourite weighs more than every activity together.
    scale = len(caps.options) + 1
    weight = {a: scale * favourites.get(a, 0) + 1 for a in caps.options}
    model.maximize(sum(weight[a] * var for (a, _), var in take.items()))
    if hint:
        for (a, d), var in take.items():
            model.add_hint(var, hint.get(a) == d)
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = max(time_limit, 0.05)
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = seed
    status = solver.solve(model)
    everything = sum(weight.values())
    impossible_favourites = sum(favourites.get(a, 0) for a in caps.impossible)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        kept = {a: d for (a, d), var in take.items() if solver.value(var)}
        places = {
            a: (r, solver.value(start))
            for (a, _, r), (present, start) in where.items()
            if solver.value(present)
        }
        # Leaving out costs everything minus what is kept; the kept total is at most the proven best bound.
        best = int(solver.best_objective_bound + 1e-6)
        bound = max(0, (everything - best) // scale) + impossible_favourites
        optimal = status == cp_model.OPTIMAL
    else:  # pragma: no cover - keeping nothing is always feasible, so only a time-out lands here
        kept, places, bound, optimal = {}, {}, impossible_favourites, False
    left_out = [a.id for a in instance.activities if a.fixed is None and a.id not in kept]
    return Choice(
        kept=kept,
        left_out=left_out,
        left_out_favourites=sum(favourites.get(a, 0) for a in left_out),
        bound=bound,
        optimal=optimal,
        impossible=impossible_favourites,
        places=places,
        seconds=round(time.perf_counter() - began, 3),
    )
