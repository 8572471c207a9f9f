"""Random small instances: the schedule is valid, between the first-come baseline and the bound, and
equal to the brute-force optimum (weight first, then breaks under the fairness rule when it can hold, then
holes); meetings stay in their windows; breaks never fall below the reported lower bound."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.engine.meetings.baseline import first_come
from maillage.engine.meetings.bound import weight_bound
from maillage.engine.meetings.parse import InputError, parse_instance
from maillage.engine.meetings.problem import Problem
from maillage.engine.meetings.solve import solve
from maillage.engine.meetings.state import State
from maillage.engine.meetings.validate import schedule_breaks, schedule_errors


@st.composite
def instances(draw, max_requests: int = 7, windows: bool = True) -> dict:
    n_slots = draw(st.integers(1, 5))
    split = draw(st.integers(1, n_slots))
    slots = [
        {
            "id": f"s{i}",
            "start": f"2026-06-09T{8 + i:02d}:00:00-04:00",
            "end": f"2026-06-09T{8 + i:02d}:20:00-04:00",
            "session": "am" if i < split else "pm",
        }
        for i in range(n_slots)
    ]
    n_tables = draw(st.integers(0, 3))
    tables = [{"id": f"t{i}"} for i in range(n_tables)]
    n_people = draw(st.integers(2, 6))
    people = []
    for i in range(n_people):
        person: dict = {"id": f"p{i}"}
        if draw(st.booleans()):
            person["available"] = [s["id"] for s in slots if draw(st.booleans())]
        if draw(st.integers(0, 3)) == 0:
            person["max_meetings"] = draw(st.integers(0, 3))
        if n_tables and draw(st.integers(0, 4)) == 0:
            person["table"] = f"t{draw(st.integers(0, n_tables - 1))}"
        people.append(person)
    pairs = draw(
        st.lists(
            st.tuples(st.integers(0, n_people - 1), st.integers(0, n_people - 1)).filter(
                lambda p: p[0] != p[1]
            ),
            max_size=max_requests,
        )
    )
    requests = [
        {"id": f"r{k}", "participants": [f"p{a}", f"p{b}"], "weight": draw(st.integers(1, 3))}
        for k, (a, b) in enumerate(pairs)
    ]
    data = {"slots": slots, "tables": tables, "participants": people, "requests": requests}
    for request in requests:
        if windows and draw(st.integers(0, 2)) == 0:
            request["available"] = [s["id"] for s in slots if draw(st.booleans())]
            try:  # a window that leaves no slot is bad input (tested elsewhere): drop it
                parse_instance(data)
            except InputError:
                del request["available"]
    if windows and draw(st.integers(0, 3)) == 0:
        data["options"] = {"max_break_spread": draw(st.integers(0, 2))}
    if requests and draw(st.booleans()):  # lock part of a valid schedule
        problem = Problem.build(parse_instance(data))
        meetings = first_come(problem).meetings()
        data["locked"] = [
            {"request": m.request, "slot": m.slot, "table": m.table if draw(st.booleans()) else None}
            for m in meetings
            if draw(st.booleans())
        ]
    return data


def brute_force(problem: Problem) -> tuple[int, int, int, bool]:
    """(best weight, fewest breaks, fewest holes, whether the fairness rule can hold) over every schedule.

    At the best weight, schedules that meet ``max_break_spread`` come first when there are any."""
    state = State(problem)
    spread = problem.max_break_spread
    best: dict[bool, tuple[int, int, int]] = {}
    free_requests = [r for r in range(len(problem.req_ids)) if r not in problem.locked]

    def walk(k: int) -> None:
        if k == len(free_requests):
            fair = spread is None or state.spread() <= spread
            key = (state.weight, -state.breaks(), -state.holes())
            best[fair] = max(best.get(fair, key), key)
            return
        r = free_requests[k]
        walk(k + 1)
        free = state.free_slots(r)
        for s in range(problem.n_slots):
            if free >> s & 1:
                state.place(r, s)
                walk(k + 1)
                state.remove(r)

    walk(0)
    top = max(key[0] for key in best.values())
    fair = True in best and best[True][0] == top
    weight, breaks, holes = best[True] if fair else best[False]
    return weight, -breaks, -holes, fair


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances())
def test_solve_matches_brute_force(data):
    instance = parse_instance(data)
    problem = Problem.build(instance)

    schedule = solve(instance, time_limit=5)

    assert schedule_errors(problem, schedule.meetings) == []
    for m in schedule.meetings:  # never outside its window
        request = instance.requests[problem.request_index[m.request]]
        assert request.available is None or m.slot in request.available
    stats = schedule.stats
    weight, breaks, holes, fair = brute_force(problem)
    assert stats["breaks"] >= stats["breaks_lower_bound"]
    assert stats["breaks"] == sum(schedule_breaks(problem, schedule.meetings))
    assert stats["proven_optimal"] is True  # small enough to be proven within the limit
    assert (stats["weight"], stats["breaks"], stats["holes"]) == (weight, breaks, holes)
    assert (stats["infeasible_reason"] is None) == fair
    assert weight <= schedule.stats["upper_bound"]
    assert weight <= weight_bound(problem, time_limit=5).bound
    assert schedule.stats["weight"] >= first_come(problem).weight
    assert len(schedule.meetings) + len(schedule.unscheduled) == len(problem.req_ids)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(max_requests=30))
def test_solve_heuristic_alone_is_valid_and_between_baseline_and_bound(data):
    instance = parse_instance(data)
    problem = Problem.build(instance)

    schedule = solve(instance, time_limit=2, exact_limit=0)  # the path taken by large instances

    assert schedule_errors(problem, schedule.meetings) == []
    assert first_come(problem).weight <= schedule.stats["weight"] <= schedule.stats["upper_bound"]
    baseline = first_come(problem)
    assert schedule.stats["breaks"] >= schedule.stats["breaks_lower_bound"]
    assert (
        (schedule.stats["breaks"], schedule.stats["holes"]) <= (baseline.breaks(), baseline.holes())
        or schedule.stats["weight"] > baseline.weight
        or problem.max_break_spread is not None
    )
