"""The whole problem as one CP-SAT model, for instances small enough (a trade mission): proven optimal.

Phase 1 maximises the weight, phase 2 keeps that weight and minimises holes, then moves away from the
previous schedule (one objective: holes x (moves possible + 1) + moves). Both phases start from a hint.
A hole at slot s for person p is ``before + after - busy - 1`` where before/after say p meets someone
earlier/later in the same session; minimisation makes the linear relaxation exact.
"""

import math
import time
from dataclasses import dataclass

from ortools.sat.python import cp_model

from maillage.engine.meetings.bound import possible_requests
from maillage.engine.meetings.problem import POOL, Problem
from maillage.engine.meetings.state import State


@dataclass
class ExactResult:
    slot_of: dict[int, int]
    bound: int  # proven upper bound on the weight
    weight_optimal: bool


def model_size(problem: Problem) -> int:
    return sum(problem.req_common[r].bit_count() for r in possible_requests(problem))


def solve_exact(problem: Problem, hint: State, deadline: float, workers: int, seed: int) -> ExactResult | None:
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
    for r, (s, _t) in problem.locked.items():
        model.add(x[r, s] == 1)
    for vars_ in by_request.values():
        model.add_at_most_one(vars_)
    for vars_ in by_person_slot.values():
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for vars_ in by_table_slot.values():
        if len(vars_) > 1:
            model.add_at_most_one(vars_)
    for s, vars_ in by_pool_slot.items():
        if len(vars_) > problem.n_shared:
            model.add(sum(vars_) <= problem.n_shared)
    per_person: dict[int, list[cp_model.IntVar]] = {}
    for (q, _s), vars_ in by_person_slot.items():
        per_person.setdefault(q, []).extend(vars_)
    for q, vars_ in per_person.items():
        if problem.cap[q] < len(vars_):
            model.add(sum(vars_) <= problem.cap[q])
    for (r, s), var in x.items():
        model.add_hint(var, hint.slot_of[r] == s)
    weight = sum(problem.req_w[r] * var for (r, _s), var in x.items())
    model.maximize(weight)

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = seed
    solver.parameters.max_time_in_seconds = max(0.05, (deadline - time.monotonic()) * 0.6)
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    best = round(solver.objective_value)
    bound = math.floor(solver.best_objective_bound + 1e-6)
    optimal = status == cp_model.OPTIMAL
    slot_of = {r: s for (r, s), var in x.items() if solver.value(var)}
    if best < hint.weight:  # CP-SAT found less than the hint in the time given: keep the hint
        return ExactResult({r: s for r, s in enumerate(hint.slot_of) if s >= 0}, bound, optimal)

    # phase 2: same weight, fewest holes, then fewest moves
    model.clear_hints()
    for (r, s), var in x.items():
        model.add_hint(var, slot_of.get(r) == s)
    model.add(weight >= best)
    holes = []
    for q in per_person:
        for session in problem.session_masks:
            inner = [s for s in range(problem.n_slots) if session >> s & 1]
            if len(inner) < 3:
                continue
            busy = [sum(by_person_slot.get((q, s), [])) for s in inner]
            before = [model.new_bool_var("") for _ in inner]
            after = [model.new_bool_var("") for _ in inner]
            for k in range(1, len(inner)):
                model.add(before[k] >= busy[k - 1])
                model.add(before[k] >= before[k - 1])
            for k in range(len(inner) - 2, -1, -1):
                model.add(after[k] >= busy[k + 1])
                model.add(after[k] >= after[k + 1])
            for k in range(1, len(inner) - 1):
                hole = model.new_bool_var("")
                model.add(hole >= before[k] + after[k] - busy[k] - 1)
                holes.append(hole)
    moves = [
        x[r, s].Not() if (r, s) in x else model.new_constant(1)
        for r, (s, _t) in problem.previous.items()
        if r not in problem.locked
    ]
    model.minimize(sum(holes) * (len(moves) + 1) + sum(moves))
    remaining = deadline - time.monotonic()
    if remaining > 0.1:
        solver.parameters.max_time_in_seconds = remaining * 0.9
        status2 = solver.solve(model)
        if status2 in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            slot_of = {r: s for (r, s), var in x.items() if solver.value(var)}
    return ExactResult(slot_of, bound, optimal)
