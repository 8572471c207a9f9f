"""The whole problem as one CP-SAT model, for instances small enough (a trade mission).

``maximize_weight`` proves the best weight (phase 1); ``minimize_holes`` keeps a given weight and minimises
holes, then moves away from the previous schedule (one objective: holes x (possible moves + 1) + moves).
Both start from a hint. A hole at slot s for person p is ``before + after - busy - 1``, where before/after
say p meets someone earlier/later in the same session; minimisation makes this exact.
"""

import math
from dataclasses import dataclass
from typing import Any

from ortools.sat.python import cp_model

from maillage.engine.meetings.bound import possible_requests
from maillage.engine.meetings.problem import POOL, Problem
from maillage.engine.meetings.state import State


@dataclass
class ExactResult:
    slot_of: dict[int, int]
    bound: int  # proven upper bound on the weight
    optimal: bool  # the phase's objective is proven optimal


@dataclass
class _Model:
    model: cp_model.CpModel
    x: dict[tuple[int, int], cp_model.IntVar]
    by_person_slot: dict[tuple[int, int], list[cp_model.IntVar]]
    weight: Any


def model_size(problem: Problem) -> int:
    return sum(problem.req_common[r].bit_count() for r in possible_requests(problem))


def _build(problem: Problem, hint: State) -> _Model:
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    by_request: dict[int, list[cp_model.IntVar]] = {}
    by_person_slot: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    by_table_slot: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    by_pool_slot: dict[int, list[cp_model.IntVar]] = {}
    for r in possible_requests(problem):
        common = problem.req_common[r]
        for s in range(problem.n_slots):
            if not common >> s & 1:
                continue
            var = model.new_bool_var(f"x{r}_{s}")
            x[r, s] = var
            by_request.setdefault(r, []).append(var)
            by_person_slot.setdefault((problem.req_a[r], s), []).append(var)
            by_person_slot.setdefault((problem.req_b[r], s), []).append(var)
            kind = problem.req_table[r]
            if kind == POOL:
                by_pool_slot.setdefault(s, []).append(var)
            else:
                by_table_slot.setdefault((kind, s), []).append(var)
            model.add_hint(var, hint.slot_of[r] == s)
    for r, (s, _t) in problem.locked.items():
        model.add(x[r, s] == 1)
    for vars_ in by_request.values():
        model.add_at_most_one(vars_)
    for vars_ in [*by_person_slot.values(), *by_table_slot.values()]:
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for vars_ in by_pool_slot.values():
        if len(vars_) > problem.n_shared:
            model.add(sum(vars_) <= problem.n_shared)
    per_person: dict[int, list[cp_model.IntVar]] = {}
    for (q, _s), vars_ in by_person_slot.items():
        per_person.setdefault(q, []).extend(vars_)
    for q, vars_ in per_person.items():
        if problem.cap[q] < len(vars_):
            model.add(sum(vars_) <= problem.cap[q])
    weight = sum(problem.req_w[r] * var for (r, _s), var in x.items())
    return _Model(model, x, by_person_slot, weight)


def _solver(time_limit: float, workers: int, seed: int) -> cp_model.CpSolver:
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = max(0.05, time_limit)
    return solver


def maximize_weight(
    problem: Problem, hint: State, time_limit: float, workers: int, seed: int
) -> ExactResult | None:
    built = _build(problem, hint)
    built.model.maximize(built.weight)
    solver = _solver(time_limit, workers, seed)
    status = solver.solve(built.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    slot_of = {r: s for (r, s), var in built.x.items() if solver.value(var)}
    return ExactResult(slot_of, math.floor(solver.best_objective_bound + 1e-6), status == cp_model.OPTIMAL)


def minimize_holes(
    problem: Problem, hint: State, time_limit: float, workers: int, seed: int
) -> ExactResult | None:
    """At the hint's weight or more, fewest holes then fewest moves."""
    built = _build(problem, hint)
    model = built.model
    model.add(built.weight >= hint.weight)
    holes = []
    people = {q for q, _s in built.by_person_slot}
    for q in people:
        for session in problem.session_masks:
            inner = [s for s in range(problem.n_slots) if session >> s & 1]
            if len(inner) < 3:
                continue
            busy = [sum(built.by_person_slot.get((q, s), [])) for s in inner]
            before = [model.new_bool_var("") for _ in inner]
            after = [model.new_bool_var("") for _ in inner]
            for k in range(1, len(inner)):
                model.add(before[k] >= busy[k - 1])
                model.add(before[k] >= before[k - 1])
            for k in range(len(inner) - 2, -1, -1):
                model.add(after[k] >= busy[k + 1])
                model.add(after[k] >= after[k + 1])
            used = [hint.busy[q] >> s & 1 for s in inner]
            for k in range(len(inner)):
                model.add_hint(before[k], any(used[:k]))
                model.add_hint(after[k], any(used[k + 1 :]))
            for k in range(1, len(inner) - 1):
                hole = model.new_bool_var("")
                model.add(hole >= before[k] + after[k] - busy[k] - 1)
                model.add_hint(hole, any(used[:k]) and any(used[k + 1 :]) and not used[k])
                holes.append(hole)
    stays = [
        built.x[r, s]
        for r, (s, _t) in problem.previous.items()
        if r not in problem.locked and (r, s) in built.x
    ]
    weights = [len(stays) + 1] * len(holes) + [-1] * len(stays)
    model.minimize(cp_model.LinearExpr.weighted_sum([*holes, *stays], weights))
    solver = _solver(time_limit, workers, seed)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    slot_of = {r: s for (r, s), var in built.x.items() if solver.value(var)}
    return ExactResult(slot_of, math.floor(solver.best_objective_bound + 1e-6), status == cp_model.OPTIMAL)
