"""Check a schedule against every hard rule; used by the engine on its own output, by tests and the bench."""

from collections import Counter

from maillage.engine.meetings.model import Meeting
from maillage.engine.meetings.problem import Problem


def schedule_errors(problem: Problem, meetings: list[Meeting]) -> list[str]:
    """Every broken hard rule, as sentences; an empty list means the schedule is valid."""
    errors = []
    seen: set[int] = set()
    busy: dict[tuple[int, int], str] = {}
    table_use: dict[tuple[int, int], str] = {}
    count: Counter[int] = Counter()
    placed: dict[int, tuple[int, int]] = {}
    for m in meetings:
        r = problem.request_index.get(m.request)
        s = problem.slot_index.get(m.slot)
        t = problem.table_index.get(m.table)
        if r is None or s is None or t is None:
            errors.append(f'meeting "{m.request}" refers to an unknown request, slot or table')
            continue
        if r in seen:
            errors.append(f'request "{m.request}" is scheduled twice')
            continue
        seen.add(r)
        placed[r] = (s, t)
        if not problem.req_window[r] >> s & 1:
            errors.append(f'request "{m.request}" is outside its window in slot "{m.slot}"')
        for p in (problem.req_a[r], problem.req_b[r]):
            pid = problem.participant_ids[p]
            if not problem.avail[p] >> s & 1:
                errors.append(f'{pid} is not available in slot "{m.slot}" (request "{m.request}")')
            if (p, s) in busy:
                errors.append(f'{pid} has two meetings in slot "{m.slot}": "{busy[p, s]}" and "{m.request}"')
            busy[p, s] = m.request
            count[p] += 1
        if (t, s) in table_use:
            errors.append(f'table "{m.table}" hosts "{table_use[t, s]}" and "{m.request}" in slot "{m.slot}"')
        table_use[t, s] = m.request
        booths = {problem.booth_of[p] for p in (problem.req_a[r], problem.req_b[r])} - {-1}
        if len(booths) > 1:
            errors.append(f'request "{m.request}" joins two participants who each have their own booth')
        elif booths and t not in booths:
            errors.append(f'request "{m.request}" must take place at its booth, not table "{m.table}"')
        elif not booths and t not in set(problem.shared_tables):
            errors.append(f'request "{m.request}" takes place at table "{m.table}", which is a booth')
    for p, n in count.items():
        limit = problem.max_meetings[p]
        if limit is not None and n > limit:
            errors.append(f"{problem.participant_ids[p]} has {n} meetings, more than {limit}")
    for r, (s, t) in problem.locked.items():
        if r not in placed or placed[r][0] != s or (t is not None and placed[r][1] != t):
            errors.append(f'locked meeting "{problem.req_ids[r]}" was moved or dropped')
    return errors


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
