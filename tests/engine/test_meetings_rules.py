from maillage.engine.meetings.model import Instance, Meeting, Participant, Table
from maillage.engine.meetings.parse import parse_instance
from maillage.engine.meetings.problem import Problem
from maillage.engine.meetings.solve import solve
from maillage.engine.meetings.validate import Breach, schedule_breaches, schedule_errors


def _instance(
    people: list[dict],
    requests: list[tuple[str, str] | tuple[str, str, int]],
    *,
    slots: int = 3,
    sessions: int = 1,
    tables: int = 2,
    locked: list[dict] | None = None,
    previous: list[dict] | None = None,
) -> Instance:
    per_session = -(-slots // sessions)
    data = {
        "slots": [
            {
                "id": f"s{i}",
                "start": f"2026-06-09T{9 + i:02d}:00:00+02:00",
                "end": f"2026-06-09T{9 + i:02d}:30:00+02:00",
                "session": f"k{i // per_session}",
            }
            for i in range(slots)
        ],
        "tables": [{"id": f"t{i}"} for i in range(tables)],
        "participants": people,
        "requests": [
            {"id": f"r{i}", "participants": [r[0], r[1]], "weight": r[2] if len(r) > 2 else 1}
            for i, r in enumerate(requests)
        ],
        "locked": locked or [],
        "previous": previous or [],
    }
    return parse_instance(data)


def _people(*ids: str) -> list[dict]:
    return [{"id": i} for i in ids]


def _slots(schedule) -> dict[str, str]:
    return {m.request: m.slot for m in schedule.meetings}


def _reasons(schedule) -> dict[str, str]:
    return {u.request: u.reason for u in schedule.unscheduled}


def _codes(schedule) -> list[tuple[str, dict]]:
    return [(u.code, u.params) for u in schedule.unscheduled]


def _check(instance: Instance, schedule) -> None:
    assert schedule_errors(Problem.build(instance), schedule.meetings) == []


def test_solve_schedules_everything_when_possible():
    instance = _instance(_people("a", "b", "c"), [("a", "b"), ("a", "c"), ("b", "c")])

    schedule = solve(instance, time_limit=5)

    _check(instance, schedule)
    assert schedule.stats["weight"] == 3
    assert schedule.stats["upper_bound"] == 3
    assert schedule.stats["proven_optimal"] is True
    assert schedule.unscheduled == []


def test_solve_respects_availability():
    people = [{"id": "a", "available": ["s0"]}, {"id": "b", "available": ["s2"]}, {"id": "c"}]
    instance = _instance(people, [("a", "b"), ("a", "c")])

    schedule = solve(instance, time_limit=5)

    _check(instance, schedule)
    assert _slots(schedule) == {"r1": "s0"}
    assert _reasons(schedule) == {"r0": "no common free slot: a and b are never available at the same time"}
    assert _codes(schedule) == [("no_common_slot", {"a": "a", "b": "b"})]


def test_solve_respects_max_meetings_and_prefers_weight():
    people = [{"id": "a", "max_meetings": 1}, {"id": "b"}, {"id": "c"}]
    instance = _instance(people, [("a", "b", 1), ("a", "c", 3)])

    schedule = solve(instance, time_limit=5)

    assert list(_slots(schedule)) == ["r1"]
    assert _reasons(schedule) == {"r0": "a has reached 1 meeting"}
    assert _codes(schedule) == [("max_meetings", {"a": "a", "n": 1})]


def test_solve_one_meeting_per_participant_per_slot():
    instance = _instance(_people("a", "b", "c", "d"), [("a", "b"), ("a", "c"), ("a", "d")], slots=2)

    schedule = solve(instance, time_limit=5)

    _check(instance, schedule)
    assert schedule.stats["weight"] == 2
    assert list(_reasons(schedule).values()) == ["a is fully booked"]
    assert _codes(schedule) == [("fully_booked", {"a": "a"})]


def test_solve_counts_shared_tables():
    people = _people("a", "b", "c", "d")
    instance = _instance(people, [("a", "b"), ("c", "d")], slots=1, tables=1)

    schedule = solve(instance, time_limit=5)

    _check(instance, schedule)
    assert schedule.stats["weight"] == 1
    assert schedule.stats["upper_bound"] == 1
    assert list(_reasons(schedule).values()) == ["no table free in common slots"]
    assert _codes(schedule) == [("no_free_table", {})]


def test_solve_booth_meetings_take_place_at_the_booth_only():
    people = [{"id": "a", "table": "t0"}, {"id": "b"}, {"id": "c"}, {"id": "d"}]
    instance = _instance(people, [("a", "b"), ("c", "d")], slots=1, tables=2)

    schedule = solve(instance, time_limit=5)

    _check(instance, schedule)
    assert {m.request: m.table for m in schedule.meetings} == {"r0": "t0", "r1": "t1"}


def test_solve_two_booth_owners_cannot_meet():
    people = [{"id": "a", "table": "t0"}, {"id": "b", "table": "t1"}]
    instance = _instance(people, [("a", "b")], tables=2)

    schedule = solve(instance, time_limit=5)

    assert schedule.meetings == []
    assert _reasons(schedule) == {"r0": "both have their own booth (a and b)"}
    assert _codes(schedule) == [("own_booths", {"a": "a", "b": "b"})]
    assert schedule.stats["upper_bound"] == 0


def test_solve_shared_booth_hosts_one_meeting_per_slot():
    people = [{"id": "a", "table": "t0"}, {"id": "a2", "table": "t0"}, {"id": "b"}, {"id": "c"}]
    instance = _instance(people, [("a", "b"), ("a2", "c")], slots=1, tables=2)

    schedule = solve(instance, time_limit=5)

    _check(instance, schedule)
    assert schedule.stats["weight"] == 1
    assert list(_reasons(schedule).values()) == ["booth t0 is taken in every common free slot"]
    assert _codes(schedule) == [("booth_taken", {"t": "t0"})]


def test_solve_keeps_locked_meetings():
    people = _people("a", "b", "c")
    locked = [{"request": "r0", "slot": "s1", "table": "t1"}]
    instance = _instance(people, [("a", "b"), ("a", "c"), ("b", "c")], locked=locked)

    schedule = solve(instance, time_limit=5)

    _check(instance, schedule)
    assert {m.request: (m.slot, m.table) for m in schedule.meetings}["r0"] == ("s1", "t1")
    assert schedule.stats["weight"] == 3


def test_solve_avoids_holes():
    # a meets b and c; two meetings in one session of 3 slots must be adjacent
    instance = _instance(_people("a", "b", "c"), [("a", "b"), ("a", "c")], slots=3)

    schedule = solve(instance, time_limit=5)

    assert schedule.stats["holes"] == 0
    slots = sorted(_slots(schedule).values())
    assert slots in (["s0", "s1"], ["s1", "s2"])


def test_solve_keeps_the_previous_schedule_when_nothing_forces_a_move():
    people = _people("a", "b", "c", "d")
    previous = [
        {"request": "r0", "slot": "s2", "table": "t1"},
        {"request": "r1", "slot": "s2", "table": "t0"},
    ]
    instance = _instance(people, [("a", "b"), ("c", "d")], previous=previous)

    schedule = solve(instance, time_limit=5)

    assert {m.request: (m.slot, m.table) for m in schedule.meetings} == {
        "r0": ("s2", "t1"),
        "r1": ("s2", "t0"),
    }
    assert schedule.stats["moved"] == 0


def test_solve_with_no_slots_or_requests():
    empty = Instance(slots=[], tables=[Table("t")], participants=[Participant("a")], requests=[])

    schedule = solve(empty, time_limit=2)

    assert schedule.meetings == []
    assert schedule.stats["weight"] == 0
    assert schedule.stats["upper_bound"] == 0


def test_validate_reports_broken_rules():
    instance = _instance([{"id": "a", "available": ["s0"]}, {"id": "b"}], [("a", "b")], tables=1)
    problem = Problem.build(instance)

    assert schedule_errors(problem, [Meeting("r0", "s1", "t0")]) == [
        'a is not available in slot "s1" (request "r0")'
    ]
    assert schedule_errors(problem, [Meeting("r0", "s0", "t0"), Meeting("r0", "s0", "t0")]) == [
        'request "r0" is scheduled twice'
    ]
    assert schedule_breaches(problem, [Meeting("r0", "s1", "t0")]) == [
        Breach("unavailable", {"participant": "a", "slot": "s1", "request": "r0"})
    ]
    assert schedule_breaches(problem, [Meeting("r0", "s0", "t0"), Meeting("r0", "s0", "t0")]) == [
        Breach("scheduled_twice", {"request": "r0"})
    ]
