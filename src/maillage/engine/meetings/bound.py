"""A proven upper bound on the total weight, and the choice of requests that reaches it when time allows.

Forget the time of day, keep how much each person and each kind of table can take: every valid schedule is
a set of requests in which each participant has at most ``min(max_meetings, slots where they could meet)``
meetings, each booth hosts at most one meeting per slot it could be used in, the shared tables host at most
``shared tables x usable slots`` meetings, and each slot holds at most half the people available then. The
best such fractional set (the linear relaxation of a weighted b-matching with side constraints) is solved
by HiGHS; the bound is recomputed from its dual prices by weak duality, so it never rests on the solver's
tolerances. Its optimal solutions are integral or nearly so, which makes it a good choice of requests.
"""

import math
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linprog
from scipy.sparse import csr_array

from maillage.engine.meetings.problem import NO_TABLE, POOL, Problem


@dataclass
class BoundResult:
    bound: int
    chosen: list[int]  # requests above one half in the LP solution (empty if none)
    integral: bool  # the LP solution is a set of requests: the bound is reached if they all fit


def possible_requests(problem: Problem) -> list[int]:
    return [
        r
        for r in range(len(problem.req_ids))
        if problem.req_table[r] != NO_TABLE
        and problem.req_common[r]
        and problem.cap[problem.req_a[r]] > 0
        and problem.cap[problem.req_b[r]] > 0
        and (problem.req_table[r] != POOL or problem.n_shared > 0)
    ]


def weight_bound(problem: Problem, time_limit: float) -> BoundResult:
    requests = possible_requests(problem)
    if not requests:
        return BoundResult(0, [], True)
    n_people = len(problem.participant_ids)
    reach = [0] * n_people  # slots in which each person could meet someone they have a request with
    for r in requests:
        reach[problem.req_a[r]] |= problem.req_common[r]
        reach[problem.req_b[r]] |= problem.req_common[r]
    rows: list[int] = []
    cols: list[int] = []
    upper: list[float] = []

    def row(members: list[int], limit: float) -> None:
        k = len(upper)
        rows.extend([k] * len(members))
        cols.extend(members)
        upper.append(limit)

    per_person: list[list[int]] = [[] for _ in range(n_people)]
    per_booth: dict[int, list[int]] = {}
    pool: list[int] = []
    for j, r in enumerate(requests):
        per_person[problem.req_a[r]].append(j)
        per_person[problem.req_b[r]].append(j)
        kind = problem.req_table[r]
        (pool if kind == POOL else per_booth.setdefault(kind, [])).append(j)
    for q, members in enumerate(per_person):
        limit = min(problem.cap[q], reach[q].bit_count())
        if members and limit < len(members):
            row(members, limit)
    for members in per_booth.values():
        usable = 0
        for j in members:
            usable |= problem.req_common[requests[j]]
        if usable.bit_count() < len(members):
            row(members, usable.bit_count())
    if pool:
        usable = 0
        for j in pool:
            usable |= problem.req_common[requests[j]]
        if problem.n_shared * usable.bit_count() < len(pool):
            row(pool, problem.n_shared * usable.bit_count())
    per_slot_people = sum(
        sum(1 for q in range(n_people) if reach[q] >> s & 1) // 2 for s in range(problem.n_slots)
    )
    if per_slot_people < len(requests):
        row(list(range(len(requests))), per_slot_people)

    weights = np.array([problem.req_w[r] for r in requests], dtype=float)
    lower = np.array([1.0 if r in problem.locked else 0.0 for r in requests])
    if not upper:
        return BoundResult(int(weights.sum()), requests, True)
    matrix = csr_array((np.ones(len(rows)), (rows, cols)), shape=(len(upper), len(requests)))
    limits = np.array(upper)
    result = linprog(
        -weights,
        A_ub=matrix,
        b_ub=limits,
        bounds=np.column_stack([lower, np.ones(len(requests))]),
        method="highs",
        options={"time_limit": max(0.1, time_limit)},
    )
    if result.status != 0 or result.x is None:  # no LP solution in time: the plain count of weights
        return BoundResult(int(weights.sum()), [], False)
    # weak duality, recomputed here so that the bound does not rest on the solver's tolerances
    prices = np.maximum(0.0, -np.asarray(result.ineqlin.marginals))
    reduced = weights - matrix.T @ prices
    dual_value = float(limits @ prices + np.maximum(reduced, reduced * lower).sum())
    bound = math.floor(dual_value + 1e-6)
    chosen = [r for r, value in zip(requests, result.x, strict=True) if value > 0.5]
    integral = bool(np.all(np.minimum(result.x, 1 - result.x) < 1e-6))
    return BoundResult(bound, chosen, integral)
