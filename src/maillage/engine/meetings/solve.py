"""The scheduler: bound, construction, local search, exact model when small, self-check, reasons.

1. ``bound.weight_bound`` solves a time-free relaxation (weighted b-matching with table capacities) with
   HiGHS: its value is the proven ``upper_bound`` and its chosen requests are placed first.
2. ``heuristic.greedy`` places requests (chosen ones, heaviest and least flexible first, then the others) in
   the free slot that adds fewest holes; ejection chains then place left-out requests by moving or dropping
   lighter meetings; single-meeting moves remove holes.
3. When the time-indexed model is small (a trade mission), CP-SAT solves it to proven optimality, starting
   from the heuristic schedule.
4. The first-come baseline is also computed: the result is never worse than it.
Locked meetings are placed before anything else and never move. Meetings of the ``previous`` schedule are
put back in their slot when it is still free; holes come before stability.
"""

import time

from maillage.engine.meetings.baseline import first_come
from maillage.engine.meetings.bound import weight_bound
from maillage.engine.meetings.exact import model_size, solve_exact
from maillage.engine.meetings.heuristic import greedy, improve_holes, improve_weight
from maillage.engine.meetings.model import Instance, Schedule, Unscheduled
from maillage.engine.meetings.problem import NO_TABLE, POOL, Problem
from maillage.engine.meetings.state import State
from maillage.engine.meetings.validate import schedule_errors

EXACT_LIMIT = 40_000  # (request, slot) pairs up to which the whole model goes to CP-SAT


class EngineError(RuntimeError):
    """The engine produced an invalid schedule: a bug, never returned to the organiser."""


def solve(
    instance: Instance,
    *,
    time_limit: float = 30.0,
    workers: int = 2,
    seed: int = 0,
    exact_limit: int = EXACT_LIMIT,
) -> Schedule:
    started = time.monotonic()
    deadline = started + max(0.1, time_limit)
    problem = Problem.build(instance)

    baseline = first_come(problem)
    bound = weight_bound(problem, time_limit * 0.25)

    chosen = set(bound.chosen)
    n_requests = len(problem.req_ids)

    def flexibility(r: int) -> int:
        return problem.req_common[r].bit_count()

    previous_first = sorted(problem.previous, key=lambda r: -problem.req_w[r])
    order = previous_first + sorted(
        (r for r in range(n_requests) if r in chosen and r not in problem.previous),
        key=lambda r: (-problem.req_w[r], flexibility(r)),
    )
    order += sorted(
        (r for r in range(n_requests) if r not in chosen and r not in problem.previous),
        key=lambda r: (-problem.req_w[r], flexibility(r)),
    )
    state = State(problem)
    greedy(state, order)
    improve_weight(state, order, started + (deadline - started) * 0.6)
    improve_holes(state, started + (deadline - started) * 0.8)

    upper = bound.bound
    proven = False
    if model_size(problem) <= exact_limit and time.monotonic() < deadline - 0.05:
        exact = solve_exact(problem, state, deadline, workers, seed)
        if exact is not None:
            upper = min(upper, exact.bound)
            candidate = State(problem)
            for r, s in exact.slot_of.items():
                if r not in problem.locked:
                    candidate.place(r, s)
            if _better(candidate, state):
                state = candidate
            proven = exact.weight_optimal
    if _better(baseline, state):
        state = baseline
    upper = max(upper, state.weight)  # never claim a bound below a schedule we hold
    if state.weight == upper:
        proven = True

    meetings = state.meetings()
    errors = schedule_errors(problem, meetings)
    if errors:
        raise EngineError("; ".join(errors[:5]))
    scheduled = {m.request for m in meetings}
    unscheduled = [
        Unscheduled(problem.req_ids[r], reason(state, r))
        for r in range(n_requests)
        if problem.req_ids[r] not in scheduled
    ]
    moved = sum(1 for r, (s, _t) in problem.previous.items() if state.slot_of[r] != s)
    stats: dict[str, object] = {
        "scheduled": len(meetings),
        "requests": n_requests,
        "weight": state.weight,
        "upper_bound": upper,
        "gap": round(1 - state.weight / upper, 6) if upper else 0.0,
        "proven_optimal": proven,
        "holes": state.holes(),
        "moved": moved,
        "baseline_weight": baseline.weight,
        "baseline_holes": baseline.holes(),
        "seconds": round(time.monotonic() - started, 3),
    }
    return Schedule(meetings, unscheduled, stats)


def _better(one: State, other: State) -> bool:
    return (one.weight, -one.holes()) > (other.weight, -other.holes())


def reason(state: State, r: int) -> str:
    """Why request r is not in the schedule, in words an organiser can pass on."""
    p = state.problem
    a, b = p.req_a[r], p.req_b[r]
    name_a, name_b = p.participant_ids[a], p.participant_ids[b]
    kind = p.req_table[r]
    if kind == NO_TABLE:
        return f"both have their own booth ({name_a} and {name_b})"
    if not p.req_common[r]:
        return f"no common free slot: {name_a} and {name_b} are never available at the same time"
    if kind == POOL and not p.n_shared:
        return "there is no shared table"
    for q, name in ((a, name_a), (b, name_b)):
        if state.count[q] >= p.cap[q]:
            limit = p.max_meetings[q]
            if limit is not None and state.count[q] >= limit:
                return f"{name} has reached {limit} meetings"
            return f"{name} is fully booked"
    common = p.req_common[r]
    if not common & ~state.busy[a]:
        return f"{name_a} is busy in every slot where both are available"
    if not common & ~state.busy[b]:
        return f"{name_b} is busy in every slot where both are available"
    both = common & ~state.busy[a] & ~state.busy[b]
    if not both:
        return "no common free slot: one of them is busy in each slot where both are available"
    if kind == POOL and not both & ~state.pool_full:
        return "no table free in common slots"
    if kind >= 0 and not both & ~state.booth_busy[kind]:
        return f"booth {p.table_ids[kind]} is taken in every common free slot"
    return "left out when the time limit was reached"
