"""Fewest breaks at the weight reached, proven by CP-SAT when the instance is small enough.

A break is a run of idle slots between two meetings of one participant within a session (Bofill et al.,
JAIR 2022). The model keeps every hard rule of ``exact._build`` and the weight already reached (when that
weight is the weight of every possible request, each of them must take place), then counts breaks with
break-start literals: for participant p and slot k of a session, ``after[k]`` says p meets someone later in
the session (``after[k] >= busy[k+1]``, ``after[k] >= after[k+1]``), and a break starts at k when p is busy
at k-1, idle at k and busy later: ``start[k] >= busy[k-1] - busy[k] + after[k] - 1``. Minimising the sum of
starts makes every literal exact. Each start literal is an objective term, which suits CP-SAT's core-based
search: lower bounds rise by one per core of participants that cannot all go without a break.

Implied constraints tighten the bound: each participant's breaks are at least what their own meetings
force on them alone (:func:`alone_bounds`: their free slots form segments in each session; a first segment
per session is free, each further one costs a break). Shared tables are interchangeable, so only their
number per slot is modelled; tables are given after timing (``State.meetings``).

``fewest_holes`` then keeps the breaks (and the fairness rule) and minimises empty slots, then moves away
from the previous schedule.
"""

import math
import time
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from maillage.engine.meetings.bound import possible_requests
from maillage.engine.meetings.problem import POOL, Problem
from maillage.engine.meetings.state import State


@dataclass
class BreakResult:
    slot_of: dict[int, int] | None  # None: no schedule found (or none exists)
    breaks: int
    bound: int  # proven lower bound on breaks at this weight (and under the fairness rule, if any)
    optimal: bool
    infeasible: bool  # proven: no schedule at this weight meets the fairness rule


def segments(mask: int) -> list[int]:
    """Lengths of the runs of set bits of a mask."""
    lengths = []
    while mask:
        low = mask & -mask
        run = (mask + low) & ~mask  # the first unset bit above the run
        lengths.append((run - low).bit_length() - (low.bit_length() - 1))
        mask &= ~(run - low)
    return lengths


def alone_bounds(problem: Problem, must: list[int]) -> list[int]:
    """Per participant, the breaks their must-happen meetings force on them, whatever the others do.

    Their meetings can only use the slots where they can meet (any of their requests' slots); within a
    session those slots form segments separated by slots they cannot use. Using one segment per session
    costs no break, each further segment costs one: take the longest first until the meetings fit.
    """
    n_people = len(problem.participant_ids)
    count = [0] * n_people
    reach = [0] * n_people
    for r in possible_requests(problem):
        for q in (problem.req_a[r], problem.req_b[r]):
            reach[q] |= problem.req_common[r]
    for r in must:
        count[problem.req_a[r]] += 1
        count[problem.req_b[r]] += 1
    result = []
    for q in range(n_people):
        if count[q] <= 1:
            result.append(0)
            continue
        free, extra = [], []
        for session in problem.session_masks:
            lengths = sorted(segments(reach[q] & session), reverse=True)
            if lengths:
                free.append(lengths[0])
                extra.extend(lengths[1:])
        left = count[q] - sum(free)
        breaks = 0
        for length in sorted(extra, reverse=True):
            if left <= 0:
                break
            left -= length
            breaks += 1
        result.append(breaks)
    return result


@dataclass
class _Model:
    model: cp_model.CpModel
    x: dict[tuple[int, int], cp_model.IntVar]
    starts: list[cp_model.IntVar]
    holes: list[cp_model.IntVar]
    stays: list[cp_model.IntVar]
    floor: int  # the breaks the participants' own meetings force (the implied constraints' sum)


def _slots(mask: int) -> list[int]:
    return [s for s in range(mask.bit_length()) if mask >> s & 1]


def _build(
    problem: Problem, hint: State, *, with_holes: bool, spread: int | None, only_placed: bool
) -> _Model:
    model = cp_model.CpModel()
    requests = possible_requests(problem)
    if only_placed:  # the hint's meetings, re-timed (the whole problem when they are every possible one)
        requests = [r for r in requests if hint.slot_of[r] >= 0]
    total = sum(problem.req_w[r] for r in requests)
    every = hint.weight >= total  # each request of the model takes place: no choice left but timing
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    person_slot: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    per_person: dict[int, list[cp_model.IntVar]] = {}
    pool_slot: dict[int, list[cp_model.IntVar]] = {}
    booth_slot: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    weight_terms: list[tuple[int, cp_model.IntVar]] = []
    for r in requests:
        options = []
        locked = problem.locked.get(r)
        for s in _slots(problem.req_common[r]):
            if locked is not None and locked[0] != s:
                continue
            var = model.new_bool_var(f"x{r}_{s}")
            x[r, s] = var
            options.append(var)
            for q in (problem.req_a[r], problem.req_b[r]):
                person_slot.setdefault((q, s), []).append(var)
                per_person.setdefault(q, []).append(var)
            kind = problem.req_table[r]
            if kind == POOL:
                pool_slot.setdefault(s, []).append(var)
            else:
                booth_slot.setdefault((kind, s), []).append(var)
            model.add_hint(var, hint.slot_of[r] == s)
        if every or locked is not None:
            model.add_exactly_one(options)
        else:
            model.add_at_most_one(options)
            weight_terms.extend((problem.req_w[r], var) for var in options)
    if not every:
        model.add(
            sum(w * v for w, v in weight_terms) >= hint.weight - sum(problem.req_w[r] for r in problem.locked)
        )
        for q, vars_ in per_person.items():
            if problem.cap[q] < len(vars_):
                model.add(sum(vars_) <= problem.cap[q])
    for vars_ in [*person_slot.values(), *booth_slot.values()]:
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for vars_ in pool_slot.values():
        if len(vars_) > problem.n_shared:
            model.add(sum(vars_) <= problem.n_shared)

    must = requests if every else list(problem.locked)
    alone = alone_bounds(problem, must)
    starts: list[cp_model.IntVar] = []
    holes: list[cp_model.IntVar] = []
    breaks_of: dict[int, Any] = {}
    floor = 0
    for q in sorted(per_person):
        mine: list[cp_model.IntVar] = []
        used_all = hint.busy[q]
        for session in problem.session_masks:
            reach = 0
            for s in _slots(session):
                if (q, s) in person_slot:
                    reach |= 1 << s
            if reach.bit_count() < 2:
                continue
            inner = list(range((reach & -reach).bit_length() - 1, reach.bit_length()))
            # busy as a sum of the meeting literals (a Boolean per busy slot made the search slower)
            busy: list[Any] = [sum(person_slot.get((q, s), [])) for s in inner]
            n = len(inner)
            used = [used_all >> s & 1 for s in inner]
            after: list[Any] = [0] * n
            for k in range(n - 2, -1, -1):
                var = model.new_bool_var("")
                model.add(var >= busy[k + 1])
                if k + 1 < n - 1:
                    model.add(var >= after[k + 1])
                model.add_hint(var, any(used[k + 1 :]))
                after[k] = var
            for k in range(1, n - 1):
                if (q, inner[k - 1]) not in person_slot:
                    continue  # p is never busy just before: no break can start here
                start = model.new_bool_var("")
                model.add(start >= busy[k - 1] - busy[k] + after[k] - 1)
                model.add_hint(start, bool(used[k - 1] and not used[k] and any(used[k + 1 :])))
                mine.append(start)
            if with_holes:
                before: list[Any] = [0] * n
                for k in range(1, n):
                    var = model.new_bool_var("")
                    model.add(var >= busy[k - 1])
                    if k > 1:
                        model.add(var >= before[k - 1])
                    model.add_hint(var, any(used[:k]))
                    before[k] = var
                for k in range(1, n - 1):
                    hole = model.new_bool_var("")
                    model.add(hole >= before[k] + after[k] - busy[k] - 1)
                    model.add_hint(hole, any(used[:k]) and any(used[k + 1 :]) and not used[k])
                    holes.append(hole)
        if alone[q] and mine:
            model.add(sum(mine) >= alone[q])
            floor += alone[q]
        starts.extend(mine)
        breaks_of[q] = sum(mine) if mine else 0
    if spread is not None and breaks_of:
        most = model.new_int_var(0, problem.n_slots, "most")
        fewest = model.new_int_var(0, problem.n_slots, "fewest")
        for q, value in breaks_of.items():
            model.add(most >= value)
            if every or any(problem.req_a[r] == q or problem.req_b[r] == q for r in problem.locked):
                model.add(fewest <= value)
            else:  # only participants who have a meeting count
                has = model.new_bool_var("")
                model.add(sum(per_person[q]) >= 1).only_enforce_if(has)
                model.add(sum(per_person[q]) == 0).only_enforce_if(~has)
                model.add(fewest <= value).only_enforce_if(has)
        model.add(most - fewest <= spread)
    stays = [x[r, s] for r, (s, _t) in problem.previous.items() if r not in problem.locked and (r, s) in x]
    return _Model(model, x, starts, holes, stays, floor)


def _solver(time_limit: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    # Probing in presolve took most of the wall time before the search on forums of 300 meetings, for
    # bounds that the per-participant constraints already give
    solver.parameters.cp_model_probing_level = 0
    return solver


class _StopAt(cp_model.CpSolverSolutionCallback):
    """Stops the search at a schedule with no more breaks than the floor: it is optimal."""

    def __init__(self, floor: int) -> None:
        super().__init__()
        self.floor = floor

    def on_solution_callback(self) -> None:
        if self.objective_value <= self.floor + 1e-6:
            self.stop_search()


def fewest_breaks(
    problem: Problem,
    hint: State,
    *,
    spread: int | None,
    only_placed: bool,
    time_limit: float,
    workers: int,
    seed: int,
) -> BreakResult:
    """At the hint's weight (or more), fewest breaks; the hint need not meet the fairness rule.

    With ``only_placed`` the hint's meetings are kept and only re-timed: a smaller model, whose bound is
    a bound of the whole problem only when the hint holds every possible request.
    """
    started = time.monotonic()
    built = _build(problem, hint, with_holes=False, spread=spread, only_placed=only_placed)
    built.model.minimize(sum(built.starts))
    if spread is None or hint.spread() <= spread:
        # Large-neighbourhood search alone finds few-break schedules sooner; it stops at the floor, which
        # then proves them optimal. Otherwise the full search starts from its best schedule.
        solver = _solver(0.4 * time_limit, workers, seed)
        solver.parameters.use_lns_only = True
        status = solver.solve(built.model, _StopAt(built.floor))
        if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            value = round(solver.objective_value)
            slot_of = {r: s for (r, s), var in built.x.items() if solver.value(var)}
            if value <= built.floor:
                return BreakResult(slot_of, value, value, True, False)
            model = built.model
            count = len(model.proto.variables)
            values = [solver.value(model.get_int_var_from_proto_index(i)) for i in range(count)]
            model.clear_hints()
            for i, value in enumerate(values):
                model.add_hint(model.get_int_var_from_proto_index(i), value)
    solver = _solver(time_limit - (time.monotonic() - started), workers, seed)
    status = solver.solve(built.model, _StopAt(built.floor))
    if status == cp_model.INFEASIBLE:
        return BreakResult(None, 0, 0, False, True)
    bound = max(0, math.ceil(solver.best_objective_bound - 1e-6)) if status != cp_model.UNKNOWN else 0
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return BreakResult(None, 0, bound, False, False)
    slot_of = {r: s for (r, s), var in built.x.items() if solver.value(var)}
    value = round(solver.objective_value)
    bound = max(bound, built.floor)
    return BreakResult(slot_of, value, bound, status == cp_model.OPTIMAL or value <= bound, False)


def fewest_holes(
    problem: Problem,
    hint: State,
    *,
    breaks: int,
    spread: int | None,
    time_limit: float,
    workers: int,
    seed: int,
) -> dict[int, int] | None:
    """At the hint's weight and at most ``breaks`` breaks, fewest empty slots, then fewest moves."""
    built = _build(problem, hint, with_holes=True, spread=spread, only_placed=False)
    built.model.add(sum(built.starts) <= breaks)
    weights = [len(built.stays) + 1] * len(built.holes) + [-1] * len(built.stays)
    built.model.minimize(cp_model.LinearExpr.weighted_sum([*built.holes, *built.stays], weights))
    solver = _solver(time_limit, workers, seed)
    status = solver.solve(built.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    return {r: s for (r, s), var in built.x.items() if solver.value(var)}
