"""The scheduler: bound, construction, local search, exact models when small, self-check, reasons.

The objective is lexicographic: total weight, then fewest breaks (runs of idle slots between two meetings
of a participant within a session), then fewest empty slots, then fewest moves away from ``previous``.

1. ``bound.weight_bound`` solves a time-free relaxation (weighted b-matching with table capacities) with
   HiGHS: its value is the proven ``upper_bound`` and the requests it picks are placed first.
2. ``heuristic.greedy`` places requests in the free slot that adds fewest breaks, then holes, in two orders
   (least flexible first; heaviest first) when time allows, keeping the better; ejection chains then place
   left-out requests by moving, or dropping lighter, meetings; single-meeting moves remove breaks.
3. When the time-indexed model is small (a trade mission, a dense forum) and the bound is not yet
   reached, CP-SAT proves the best weight (``exact.maximize_weight``).
4. On large instances ``retime.improve_holes_lns`` re-times windows of slots with CP-SAT until no window
   gains; the lower bound on breaks is then what each participant's own meetings force on them.
5. On small instances ``breaks.fewest_breaks`` re-times the meetings found (when every possible request
   is placed, as on a dense forum, that is the whole problem) for fewest breaks and proves a lower bound;
   if breaks stay above it while other requests could make the same weight, the whole model follows. It
   stops as soon as schedule and bound meet. A short ``breaks.fewest_holes`` pass follows. ``options.max_break_spread`` is a hard rule of both models and of the re-timing; when no
   schedule of the weight reached meets it, the best schedule without it is returned with the reason
   (``stats.infeasible``, a code of :mod:`.reasons`; ``stats.infeasible_reason``, its English sentence).
6. The first-come baseline is also computed: the result is never worse than it.
Locked meetings are placed before anything else and never move. Meetings of the ``previous`` schedule are
put back in their slot when it is still free and only leave it to remove breaks or holes. The result is
checked by ``validate.schedule_errors`` before it is returned.
"""

import time

from maillage.engine.meetings.baseline import first_come
from maillage.engine.meetings.bound import possible_requests, weight_bound
from maillage.engine.meetings.breaks import BreakResult, alone_bounds, fewest_breaks, fewest_holes
from maillage.engine.meetings.exact import maximize_weight, model_size
from maillage.engine.meetings.heuristic import greedy, improve_holes, improve_weight
from maillage.engine.meetings.model import Instance, Schedule, Unscheduled
from maillage.engine.meetings.problem import NO_TABLE, POOL, Problem
from maillage.engine.meetings.reasons import render_fairness
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
            state = _adopt(problem, result.slot_of, state, None)
    timings["weight"] = time.monotonic() - started - timings["bound"] - timings["construction"]

    spread = problem.max_break_spread
    possible = possible_requests(problem)
    every = state.weight >= sum(problem.req_w[r] for r in possible)  # no choice of requests left
    lower = sum(alone_bounds(problem, possible if every else list(problem.locked)))
    lower_fair = lower  # a bound under the fairness rule; ``lower`` holds without it too
    dropped: dict[str, str | int] | None = None  # why the fairness rule was dropped, if it was

    def done() -> bool:
        if spread is None:
            return state.breaks() <= lower
        return state.breaks() <= lower_fair and state.spread() <= spread

    if not exact_size:  # a margin for reading the schedule out and explaining what is left out
        improve_holes_lns(state, deadline - 0.02 * (deadline - time.monotonic()), workers, seed, spread)
    room = 2 * BUILD_SECONDS * size  # time to build a model and read its answer

    def fewest(only_placed: bool, rule: int | None) -> BreakResult | None:
        nonlocal state, lower, lower_fair
        remaining = deadline - time.monotonic() - room
        if remaining < 0.1:
            return None
        result = fewest_breaks(
            problem,
            state,
            spread=rule,
            only_placed=only_placed,
            time_limit=remaining,
            workers=workers,
            seed=seed,
        )
        if result.slot_of is not None:
            state = _adopt(problem, result.slot_of, state, rule)
        if every or not only_placed:
            lower_fair = max(lower_fair, result.bound)
            if rule is None:
                lower = max(lower, result.bound)
        return result

    if exact_size and not done():
        # first re-time the meetings found (every meeting, on a dense forum); then, if breaks remain above
        # the bound and the requests could be chosen otherwise at the same weight, the whole model
        placed = fewest(True, spread)
        unsure = placed is not None and placed.infeasible and not every
        if not every and (state.breaks() > lower or unsure):
            whole = fewest(False, spread)
            infeasible = whole is not None and whole.infeasible
        else:
            infeasible = placed is not None and placed.infeasible
        if spread is not None and state.spread() > spread:
            dropped = _unfair(spread, state.weight, proven=infeasible)
            spread = None
            if not done():
                fewest(True, None)
    elif spread is not None and state.spread() > spread:
        dropped = _unfair(spread, state.weight, proven=False)
        spread = None
    if spread is not None:
        lower = lower_fair
    breaks_proven = state.breaks() <= lower
    timings["breaks"] = time.monotonic() - started - sum(timings.values())
    if exact_size and breaks_proven and state.holes():
        # a short pass on empty slots, the breaks kept: at most half the time spent so far
        budget = min(deadline - time.monotonic(), max(0.3, 0.5 * (time.monotonic() - started)))
        if budget > 0.1 + 4 * BUILD_SECONDS * size:
            slot_of = fewest_holes(
                problem,
                state,
                breaks=state.breaks(),
                spread=spread,
                time_limit=budget - 4 * BUILD_SECONDS * size,
                workers=workers,
                seed=seed,
            )
            if slot_of is not None:
                state = _adopt(problem, slot_of, state, spread)
    if _better(baseline, state, spread):
        state = baseline
    upper = max(upper, state.weight)  # cannot happen (the bound is proven); a safety net for the organiser
    if state.weight == upper:
        proven = True
    breaks_proven = state.breaks() <= lower

    meetings = state.meetings()
    errors = schedule_errors(problem, meetings)
    if errors:
        raise EngineError("; ".join(errors[:5]))
    scheduled = {m.request for m in meetings}
    unscheduled = [
        Unscheduled(problem.req_ids[r], *reason(state, r))
        for r in range(n_requests)
        if problem.req_ids[r] not in scheduled
    ]
    per_person = state.breaks_of()
    stats: dict[str, object] = {
        "scheduled": len(meetings),
        "requests": n_requests,
        "weight": state.weight,
        "upper_bound": upper,
        "gap": round(1 - state.weight / upper, 6) if upper else 0.0,
        "proven_optimal": proven and breaks_proven,
        "weight_proven_optimal": proven,
        "breaks": sum(per_person),
        "breaks_lower_bound": min(lower, sum(per_person)),
        "breaks_proven_optimal": breaks_proven,
        "max_breaks_per_participant": max(per_person, default=0),
        "break_spread": state.spread(),
        "max_break_spread": problem.max_break_spread,
        "infeasible": dropped,
        "infeasible_reason": render_fairness(dropped) if dropped else None,
        "holes": state.holes(),
        "moved": state.moves(),
        "baseline_weight": baseline.weight,
        "baseline_breaks": baseline.breaks(),
        "baseline_holes": baseline.holes(),
        "seconds": round(time.monotonic() - started, 3),
        "seconds_bound": round(timings["bound"], 3),
        "seconds_construction": round(timings["construction"], 3),
        "seconds_breaks": round(timings["breaks"], 3),
    }
    return Schedule(meetings, unscheduled, stats)


def _unfair(spread: int, weight: int, *, proven: bool) -> dict[str, str | int]:
    """Why the fairness rule was dropped: a code of :mod:`.reasons` with its parameters."""
    if proven:
        return {"code": "spread_not_met", "n": spread, "weight": weight}
    return {"code": "spread_not_found", "n": spread}


def _adopt(problem: Problem, slot_of: dict[int, int], current: State, spread: int | None) -> State:
    """The schedule given as request -> slot if it is better than the current one, else the current one."""
    candidate = State(problem)
    for r, s in slot_of.items():
        if r not in problem.locked:
            candidate.place(r, s)
    return candidate if _better(candidate, current, spread) else current


def _key(state: State, spread: int | None) -> tuple[int, bool, int, int, int]:
    fair = spread is None or state.spread() <= spread
    return (state.weight, fair, -state.breaks(), -state.holes(), -state.moves())


def _better(one: State, other: State, spread: int | None = None) -> bool:
    """Lexicographic objective: weight, the fairness rule met, fewest breaks, fewest holes, fewest moves."""
    return _key(one, spread) > _key(other, spread)


Reason = tuple[str, dict[str, str | int]]  # a code of .reasons and its parameters


def reason(state: State, r: int) -> Reason:
    """Why request r is not in the schedule: a code of :mod:`.reasons` and its parameters.

    When the meeting has a window and it would have fitted outside it, the code names the window.
    """
    p = state.problem
    a, b = p.req_a[r], p.req_b[r]
    name_a, name_b = p.participant_ids[a], p.participant_ids[b]
    kind = p.req_table[r]
    if kind == NO_TABLE:
        return "own_booths", {"a": name_a, "b": name_b}
    if not p.req_pair[r]:
        return "no_common_slot", {"a": name_a, "b": name_b}
    if kind == POOL and not p.n_shared:
        return "no_shared_table", {}
    for q, name in ((a, name_a), (b, name_b)):
        if state.count[q] >= p.cap[q]:
            limit = p.max_meetings[q]
            if limit is not None and state.count[q] >= limit:
                return "max_meetings", {"a": name, "n": limit}
            return "fully_booked", {"a": name}
    within = _blocked(state, r, p.req_common[r], window=False)
    if within is not None and p.req_common[r] != p.req_pair[r] and _blocked(state, r, p.req_pair[r]) is None:
        return _blocked(state, r, p.req_common[r], window=True) or within
    return within or ("time_limit", {})


def _blocked(state: State, r: int, common: int, *, window: bool = False) -> Reason | None:
    """What keeps request r out of the slots of ``common``, or None when one of them is free for it."""
    p = state.problem
    a, b = p.req_a[r], p.req_b[r]
    kind = p.req_table[r]
    where = "_in_window" if window else ""
    for q in (a, b):
        if not common & ~state.busy[q]:
            return f"busy{where}", {"a": p.participant_ids[q]}
    both = common & ~state.busy[a] & ~state.busy[b]
    if not both:
        return f"busy_each_slot{where}", {}
    if kind == POOL and not both & ~state.pool_full:
        return f"no_free_table{where}", {}
    if kind >= 0 and not both & ~state.booth_busy[kind]:
        return f"booth_taken{where}", {"t": p.table_ids[kind]}
    return None
