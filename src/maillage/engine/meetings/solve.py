"""The scheduler: bound, construction, local search, exact model when small, self-check, reasons.

1. ``bound.weight_bound`` solves a time-free relaxation (weighted b-matching with table capacities) with
   HiGHS: its value is the proven ``upper_bound`` and the requests it picks are placed first.
2. ``heuristic.greedy`` places requests in the free slot that adds fewest holes, in two orders (least
   flexible first; heaviest first) when time allows, keeping the better; ejection chains then place
   left-out requests by moving, or dropping lighter, meetings; single-meeting moves remove holes.
3. When the time-indexed model is small (a trade mission) and the bound is not yet reached, CP-SAT proves
   the best weight (``exact.maximize_weight``).
4. ``retime.improve_holes_lns`` re-times windows of slots with CP-SAT until no window gains; on small
   instances ``exact.minimize_holes`` then works on the whole model with the time left.
5. The first-come baseline is also computed: the result is never worse than it.
Locked meetings are placed before anything else and never move. Meetings of the ``previous`` schedule are
put back in their slot when it is still free and only leave it to remove holes (weight, then holes, then
moves). The result is checked by ``validate.schedule_errors`` before it is returned.
"""

import time

from maillage.engine.meetings.baseline import first_come
from maillage.engine.meetings.bound import weight_bound
from maillage.engine.meetings.exact import maximize_weight, minimize_holes, model_size
from maillage.engine.meetings.heuristic import greedy, improve_holes, improve_weight
from maillage.engine.meetings.model import Instance, Schedule, Unscheduled
from maillage.engine.meetings.problem import NO_TABLE, POOL, Problem
from maillage.engine.meetings.retime import improve_holes_lns
from maillage.engine.meetings.state import State
from maillage.engine.meetings.validate import schedule_errors

EXACT_LIMIT = 15_000  # (request, slot) pairs up to which the whole model goes to CP-SAT
BUILD_SECONDS = 3e-5  # rough time to build the whole model, per (request, slot) pair


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
    deadline = started + max(0.1, 0.95 * time_limit - 0.1)  # what is left goes to checking and reasons
    problem = Problem.build(instance)

    baseline = first_come(problem)
    bound = weight_bound(problem, time_limit * 0.25)
    timings = {"bound": time.monotonic() - started}

    chosen = set(bound.chosen)
    n_requests = len(problem.req_ids)

    def flexibility(r: int) -> int:
        return problem.req_common[r].bit_count()

    previous_first = sorted(problem.previous, key=lambda r: -problem.req_w[r])
    rest = [r for r in range(n_requests) if r not in problem.previous]
    orders = [  # least flexible first, then heaviest first; each run keeps the LP's choice ahead
        previous_first + sorted(rest, key=lambda r: (r not in chosen, flexibility(r), -problem.req_w[r])),
        previous_first + sorted(rest, key=lambda r: (r not in chosen, -problem.req_w[r], flexibility(r))),
    ]
    state = State(problem)
    for k, order in enumerate(orders):
        if k and time.monotonic() - started > 0.2 * (deadline - started):
            break
        candidate = State(problem)
        greedy(candidate, order, started + (deadline - started) * (0.25 + 0.3 * k))
        improve_weight(candidate, order, started + (deadline - started) * (0.3 + 0.3 * k))
        improve_holes(candidate, started + (deadline - started) * (0.4 + 0.3 * k))
        if k == 0 or _better(candidate, state):
            state = candidate
    timings["construction"] = time.monotonic() - started - timings["bound"]

    upper = bound.bound
    proven = state.weight >= upper
    size = model_size(problem)
    exact_size = size <= exact_limit
    if exact_size and not proven and time.monotonic() < deadline - 0.1 - 2 * BUILD_SECONDS * size:
        remaining = deadline - time.monotonic() - 2 * BUILD_SECONDS * size
        result = maximize_weight(problem, state, 0.6 * remaining, workers, seed)
        if result is not None:
            upper = min(upper, result.bound)
            proven = result.optimal
            state = _adopt(problem, result.slot_of, state)
    improve_holes_lns(
        state, deadline - (0.3 if exact_size else 0.02) * (deadline - time.monotonic()), workers, seed
    )
    if exact_size and state.holes() and time.monotonic() < deadline - 0.1 - 4 * BUILD_SECONDS * size:
        remaining = deadline - time.monotonic() - 4 * BUILD_SECONDS * size
        result = minimize_holes(problem, state, remaining, workers, seed)
        if result is not None:
            state = _adopt(problem, result.slot_of, state)
    if _better(baseline, state):
        state = baseline
    upper = max(upper, state.weight)  # cannot happen (the bound is proven); a safety net for the organiser
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
    stats: dict[str, object] = {
        "scheduled": len(meetings),
        "requests": n_requests,
        "weight": state.weight,
        "upper_bound": upper,
        "gap": round(1 - state.weight / upper, 6) if upper else 0.0,
        "proven_optimal": proven,
        "holes": state.holes(),
        "moved": state.moves(),
        "baseline_weight": baseline.weight,
        "baseline_holes": baseline.holes(),
        "seconds": round(time.monotonic() - started, 3),
        "seconds_bound": round(timings["bound"], 3),
        "seconds_construction": round(timings["construction"], 3),
    }
    return Schedule(meetings, unscheduled, stats)


def _adopt(problem: Problem, slot_of: dict[int, int], current: State) -> State:
    """The schedule given as request -> slot if it is better than the current one, else the current one."""
    candidate = State(problem)
    for r, s in slot_of.items():
        if r not in problem.locked:
            candidate.place(r, s)
    return candidate if _better(candidate, current) else current


def _better(one: State, other: State) -> bool:
    """Lexicographic objective: weight, then fewest holes, then fewest moves."""
    return (one.weight, -one.holes(), -one.moves()) > (other.weight, -other.holes(), -other.moves())


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
                return f"{name} has reached {limit} meeting{'' if limit == 1 else 's'}"
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
