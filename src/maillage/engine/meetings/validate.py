"""Check a schedule against every hard rule; used by the engine on its own output, by tests, the bench and the
app's freed-slot page (through ``matchmaking/engines.PlacementCheck``).

Each broken rule is a :class:`Breach`, a code with parameters (ids and numbers), so an app says which rule in
the reader's language with names; :data:`RULES` gives the English sentence of each code (``Breach.message``,
:func:`schedule_errors`) for the command, the bench and the engine's own error. The parameters are the names
between braces: ``request`` and ``other`` request ids, ``participant``, ``slot``, ``table`` ids, numbers ``n``
and ``limit``.
"""

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from maillage.engine.meetings.model import Meeting
from maillage.engine.meetings.problem import Problem

RULES: dict[str, str] = {
    "unknown_reference": 'meeting "{request}" refers to an unknown request, slot or table',
    "scheduled_twice": 'request "{request}" is scheduled twice',
    "outside_window": 'request "{request}" is outside its window in slot "{slot}"',
    "unavailable": '{participant} is not available in slot "{slot}" (request "{request}")',
    "double_booked": '{participant} has two meetings in slot "{slot}": "{other}" and "{request}"',
    "table_taken": 'table "{table}" hosts "{other}" and "{request}" in slot "{slot}"',
    "two_booths": 'request "{request}" joins two participants who each have their own booth',
    "not_at_booth": 'request "{request}" must take place at its booth, not table "{table}"',
    "table_is_booth": 'request "{request}" takes place at table "{table}", which is a booth',
    "too_many_meetings": "{participant} has {n} meetings, more than {limit}",
    "locked_moved": 'locked meeting "{request}" was moved or dropped',
}


@dataclass(frozen=True)
class Breach:
    """A broken hard rule: a code of :data:`RULES` with its parameters."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)

    @property
    def message(self) -> str:
        return RULES[self.code].format(**self.params)


def schedule_breaches(problem: Problem, meetings: list[Meeting]) -> list[Breach]:
    """Every broken hard rule; an empty list means the schedule is valid."""
    errors = []
    seen: set[int] = set()
    busy: dict[tuple[int, int], str] = {}
    table_use: dict[tuple[int, int], str] = {}
    count: Counter[int] = Counter()
    placed: dict[int, tuple[int, int]] = {}
    shared = set(problem.shared_tables)
    for m in meetings:
        r = problem.request_index.get(m.request)
        s = problem.slot_index.get(m.slot)
        t = problem.table_index.get(m.table)
        if r is None or s is None or t is None:
            errors.append(Breach("unknown_reference", {"request": m.request}))
            continue
        if r in seen:
            errors.append(Breach("scheduled_twice", {"request": m.request}))
            continue
        seen.add(r)
        placed[r] = (s, t)
        if not problem.req_window[r] >> s & 1:
            errors.append(Breach("outside_window", {"request": m.request, "slot": m.slot}))
        for p in (problem.req_a[r], problem.req_b[r]):
            pid = problem.participant_ids[p]
            if not problem.avail[p] >> s & 1:
                errors.append(
                    Breach("unavailable", {"participant": pid, "slot": m.slot, "request": m.request})
                )
            if (p, s) in busy:
                clash = {"participant": pid, "slot": m.slot, "other": busy[p, s], "request": m.request}
                errors.append(Breach("double_booked", clash))
            busy[p, s] = m.request
            count[p] += 1
        if (t, s) in table_use:
            taken = {"table": m.table, "other": table_use[t, s], "request": m.request, "slot": m.slot}
            errors.append(Breach("table_taken", taken))
        table_use[t, s] = m.request
        booths = {problem.booth_of[p] for p in (problem.req_a[r], problem.req_b[r])} - {-1}
        if len(booths) > 1:
            errors.append(Breach("two_booths", {"request": m.request}))
        elif booths and t not in booths:
            errors.append(Breach("not_at_booth", {"request": m.request, "table": m.table}))
        elif not booths and t not in shared:
            errors.append(Breach("table_is_booth", {"request": m.request, "table": m.table}))
    for p, n in count.items():
        limit = problem.max_meetings[p]
        if limit is not None and n > limit:
            over = {"participant": problem.participant_ids[p], "n": n, "limit": limit}
            errors.append(Breach("too_many_meetings", over))
    for r, (s, t) in problem.locked.items():
        if r not in placed or placed[r][0] != s or (t is not None and placed[r][1] != t):
            errors.append(Breach("locked_moved", {"request": problem.req_ids[r]}))
    return errors


def schedule_errors(problem: Problem, meetings: list[Meeting]) -> list[str]:
    """Every broken hard rule, as English sentences; an empty list means the schedule is valid."""
    return [breach.message for breach in schedule_breaches(problem, meetings)]


def schedule_weight(problem: Problem, meetings: list[Meeting]) -> int:
    return sum(problem.req_w[problem.request_index[m.request]] for m in meetings)


def _busy(problem: Problem, meetings: list[Meeting]) -> list[int]:
    busy = [0] * len(problem.participant_ids)
    for m in meetings:
        r, s = problem.request_index[m.request], problem.slot_index[m.slot]
        busy[problem.req_a[r]] |= 1 << s
        busy[problem.req_b[r]] |= 1 << s
    return busy


def schedule_holes(problem: Problem, meetings: list[Meeting]) -> int:
    return sum(problem.holes(mask) for mask in _busy(problem, meetings) if mask)


def schedule_breaks(problem: Problem, meetings: list[Meeting]) -> list[int]:
    """Breaks of each participant (in participant order)."""
    return [problem.breaks(mask) for mask in _busy(problem, meetings)]
