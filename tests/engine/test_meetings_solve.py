from maillage.engine.meetings.baseline import first_come
from maillage.engine.meetings.bound import weight_bound
from maillage.engine.meetings.generate import generate
from maillage.engine.meetings.parse import parse_instance
from maillage.engine.meetings.problem import Problem
from maillage.engine.meetings.solve import solve
from maillage.engine.meetings.validate import schedule_errors, schedule_holes, schedule_weight


def test_solve_respects_the_time_limit_on_a_forum():
    instance = parse_instance(generate(participants=300, requests=1_500, days=1, tables=40, seed=5))
    problem = Problem.build(instance)

    schedule = solve(instance, time_limit=1.5)

    # The limit is checked between steps: allow one step of overshoot on a busy 2-core machine.
    assert schedule.stats["seconds"] <= 1.5 + 1.0
    assert schedule_errors(problem, schedule.meetings) == []
    assert schedule.stats["weight"] == schedule_weight(problem, schedule.meetings)
    assert schedule.stats["holes"] == schedule_holes(problem, schedule.meetings)
    baseline = first_come(problem)
    assert schedule.stats["weight"] >= baseline.weight
    assert schedule.stats["breaks"] <= baseline.breaks()
    assert schedule.stats["weight"] >= 0.98 * schedule.stats["upper_bound"]


def test_solve_mission_is_proven_optimal():
    instance = parse_instance(
        generate(participants=40, requests=100, days=1, tables=10, kind="mission", seed=2)
    )

    schedule = solve(instance, time_limit=3)

    assert schedule.stats["weight_proven_optimal"] is True
    assert schedule.stats["weight"] == schedule.stats["upper_bound"]
    assert schedule.stats["breaks"] >= schedule.stats["breaks_lower_bound"]


def test_bound_counts_the_shared_tables():
    data = generate(participants=6, requests=0, days=1, tables=1, seed=0)
    data["slots"] = data["slots"][:2]
    data["tables"] = [{"id": "t1"}]
    data["participants"] = [{"id": f"p{k}"} for k in range(6)]
    data["requests"] = [
        {"id": f"r{k}", "participants": [f"p{2 * k}", f"p{2 * k + 1}"], "weight": k + 1} for k in range(3)
    ]
    problem = Problem.build(parse_instance(data))

    result = weight_bound(problem, time_limit=5)

    assert result.bound == 5  # one table, two slots: the two heaviest requests
    assert sorted(result.chosen) == [1, 2]


def test_solve_moves_previous_meetings_only_when_needed():
    data = generate(participants=30, requests=60, days=1, tables=8, kind="mission", seed=8)
    instance = parse_instance(data)
    first = solve(instance, time_limit=2)
    data["previous"] = [{"request": m.request, "slot": m.slot, "table": m.table} for m in first.meetings]
    again = solve(parse_instance(data), time_limit=2)

    assert again.stats["weight"] == first.stats["weight"]
    assert (again.stats["breaks"], again.stats["holes"]) <= (first.stats["breaks"], first.stats["holes"])
    assert again.stats["moved"] == 0
