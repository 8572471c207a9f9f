"""Large-neighbourhood search on breaks and holes: re-time the meetings of a window of slots with CP-SAT.

Breaks and holes only depend on which slots each person uses within each session, so moving meetings
between slots of the same session never changes the weight. A neighbourhood is a window of a few
consecutive slots of one session: CP-SAT re-times every meeting held there among those slots (the rest of
the schedule fixed) for fewest breaks in the whole session, then fewest holes, then fewest moves away from
the previous schedule. Under a fairness rule (``max_break_spread``) that the schedule already meets, each
person re-timed stays between the fewest breaks anyone has and that plus the spread, so the rule holds. Windows slide
along each session in order, so that improvements can travel. The current timing is the hint and is kept
unless strictly improved.
"""

import time
from typing import Any

from ortools.sat.python import cp_model

from maillage.engine.meetings.problem import POOL
from maillage.engine.meetings.state import State

WINDOW_PAIRS = 2_000  # about this many (meeting, slot) pairs per window neighbourhood


def _slots(mask: int) -> list[int]:
    return [s for s in range(mask.bit_length()) if mask >> s & 1]


def retime(
    state: State,
    movable: list[int],
    scope: int,
    allowed: int,
    time_limit: float,
    workers: int,
    seed: int,
    spread: int | None = None,
) -> int:
    """Re-time ``movable`` within the ``allowed`` slots; returns a positive number when it gained.

    ``scope`` is the union of the sessions involved (the whole sessions, whose holes are counted).
    """
    p = state.problem
    movable_set = set(movable)
    people = {q for r in movable for q in (p.req_a[r], p.req_b[r])}
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    person_slot: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    pool_slot: dict[int, list[cp_model.IntVar]] = {}
    booth_slot: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    for r in movable:
        options = []
        kind = p.req_table[r]
        for s in _slots(p.req_common[r] & allowed):
            var = model.new_bool_var("")
            x[r, s] = var
            options.append(var)
            person_slot.setdefault((p.req_a[r], s), []).append(var)
            person_slot.setdefault((p.req_b[r], s), []).append(var)
            if kind == POOL:
                pool_slot.setdefault(s, []).append(var)
            else:
                booth_slot.setdefault((kind, s), []).append(var)
            model.add_hint(var, state.slot_of[r] == s)
        model.add_exactly_one(options)

    def fixed_at(q: int, s: int) -> bool:
        other = state.partner_at[q].get(s)
        return other is not None and other not in movable_set

    for (q, s), vars_ in person_slot.items():
        model.add(sum(vars_) <= (0 if fixed_at(q, s) else 1))
    for s, vars_ in pool_slot.items():
        room = p.n_shared - sum(1 for r in state.pool_at[s] if r not in movable_set)
        if len(vars_) > room:
            model.add(sum(vars_) <= room)
    for (t, s), vars_ in booth_slot.items():
        taken = state.booth_busy[t] >> s & 1 and not any(
            state.slot_of[r] == s and p.req_table[r] == t for r in movable
        )
        model.add(sum(vars_) <= (0 if taken else 1))

    holes = []
    starts = []
    old_holes = old_breaks = 0
    sessions = [_slots(mask) for mask in p.session_masks if mask & scope]
    fair: tuple[int, int] | None = None
    if spread is not None:
        counts = [p.breaks(mask) for mask in state.busy if mask]
        if counts and max(counts) - min(counts) <= spread:
            fair = (min(counts), min(counts) + spread)
    for q in people:
        old_holes += p.holes(state.busy[q] & scope)
        old_breaks += p.breaks(state.busy[q] & scope)
        mine = []
        for session in sessions:
            busy: list[Any] = [  # 1 or a sum of booleans
                1 if fixed_at(q, s) else sum(person_slot.get((q, s), [])) for s in session
            ]
            n = len(session)
            before = [model.new_bool_var("") for _ in session]
            after = [model.new_bool_var("") for _ in session]
            for k in range(1, n):
                model.add(before[k] >= busy[k - 1])
                model.add(before[k] >= before[k - 1])
            for k in range(n - 2, -1, -1):
                model.add(after[k] >= busy[k + 1])
                model.add(after[k] >= after[k + 1])
            used = [state.busy[q] >> s & 1 for s in session]
            for k in range(len(session)):
                model.add_hint(before[k], any(used[:k]))
                model.add_hint(after[k], any(used[k + 1 :]))
            for k in range(1, len(session) - 1):
                hole = model.new_bool_var("")
                model.add(hole >= before[k] + after[k] - busy[k] - 1)
                model.add_hint(hole, any(used[:k]) and any(used[k + 1 :]) and not used[k])
                holes.append(hole)
                start = model.new_bool_var("")
                model.add(start >= busy[k - 1] - busy[k] + after[k] - 1)
                model.add_hint(start, bool(used[k - 1] and not used[k] and any(used[k + 1 :])))
                mine.append(start)
        starts.extend(mine)
        if fair is not None:
            elsewhere = p.breaks(state.busy[q] & ~scope)
            model.add(sum(mine) + elsewhere >= fair[0])
            model.add(sum(mine) + elsewhere <= fair[1])
    stays = [x[r, p.previous[r][0]] for r in movable if r in p.previous and (r, p.previous[r][0]) in x]
    old_moves = sum(1 for r in movable if r in p.previous and p.previous[r][0] != state.slot_of[r])
    hole_weight = len(stays) + 1
    break_weight = hole_weight * (len(holes) + 1)
    weights = [break_weight] * len(starts) + [hole_weight] * len(holes) + [-1] * len(stays)
    model.minimize(cp_model.LinearExpr.weighted_sum([*starts, *holes, *stays], weights))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return 0
    new_holes = sum(solver.value(h) for h in holes)
    new_breaks = sum(solver.value(b) for b in starts)
    placed = [(r, s) for (r, s), var in x.items() if solver.value(var)]
    new_moves = sum(1 for r, s in placed if r in p.previous and p.previous[r][0] != s)
    if (new_breaks, new_holes, new_moves) >= (old_breaks, old_holes, old_moves):
        return 0
    for r in movable:
        state.remove(r)
    for r, s in placed:
        state.place(r, s)
    return 1 + old_breaks - new_breaks + max(0, old_holes - new_holes)


def _windows(state: State, width: int) -> list[tuple[int, int]]:
    """(window, session) masks: every run of ``width`` consecutive slots (half overlapping) of every session."""
    result = []
    for mask in state.problem.session_masks:
        session = _slots(mask)
        if len(session) < 3:  # no hole possible
            continue
        step = max(1, width // 2)
        for begin in range(0, max(1, len(session) - width + step), step):
            result.append((sum(1 << s for s in session[begin : begin + width]), mask))
    return result


def _window_width(state: State) -> int:
    """Widest window whose (meeting, slot) pairs stay around WINDOW_PAIRS."""
    p = state.problem
    per_slot = max(1, sum(1 for s in state.slot_of if s >= 0) // max(1, p.n_slots))
    longest = max((m.bit_count() for m in p.session_masks), default=2)
    width = 2
    while width < longest and (width + 1) ** 2 * per_slot <= WINDOW_PAIRS:
        width += 1
    return width


def improve_holes_lns(
    state: State, deadline: float, workers: int, seed: int, spread: int | None = None
) -> None:
    """Slide windows along each session, round after round, until a round saves nothing or time is up."""
    p = state.problem
    width = _window_width(state)
    neighbourhoods = _windows(state, width)
    while time.monotonic() < deadline - 0.05:
        saved = 0
        for window, scope in neighbourhoods:
            movable = [r for s in _slots(window) for r in sorted(state.at[s]) if r not in p.locked]
            # leave time to build the model (about 1 ms per meeting) and to read the answer
            remaining = deadline - time.monotonic() - 0.001 * len(movable)
            if remaining < 0.05:
                return
            if len(movable) > 1:
                saved += retime(state, movable, scope, window, min(remaining, 2.0), workers, seed, spread)
        if not saved:
            return
