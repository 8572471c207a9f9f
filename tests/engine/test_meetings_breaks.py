"""Issue 11, one rule at a time: meeting windows, breaks as the research counts them, the objective's order,
the fairness rule, the lower bound and the proof."""

import pytest

from maillage.engine.meetings.breaks import alone_bounds, segments
from maillage.engine.meetings.generate import generate_dense
from maillage.engine.meetings.parse import InputError, parse_instance
from maillage.engine.meetings.problem import Problem
from maillage.engine.meetings.solve import solve
from maillage.engine.meetings.validate import schedule_breaks, schedule_errors


def _data(
    people: list[dict],
    requests: list[dict],
    *,
    slots: int = 6,
    sessions: int = 1,
    tables: int = 3,
    **extra,
) -> dict:
    per_session = -(-slots // sessions)
    return {
        "slots": [
            {
                "id": f"s{i}",
                "start": f"2026-06-09T{8 + i:02d}:00:00-04:00",
                "end": f"2026-06-09T{8 + i:02d}:20:00-04:00",
                "session": f"k{i // per_session}",
            }
            for i in range(slots)
        ],
        "tables": [{"id": f"t{i}"} for i in range(tables)],
        "participants": people,
        "requests": [{"id": f"r{i}", **r} for i, r in enumerate(requests)],
        **extra,
    }


def _people(*ids: str) -> list[dict]:
    return [{"id": i} for i in ids]


def _meet(a: str, b: str, window: list[int] | None = None) -> dict:
    request: dict = {"participants": [a, b]}
    if window is not None:
        request["available"] = [f"s{k}" for k in window]
    return request


def _error(data: dict) -> str:
    with pytest.raises(InputError) as caught:
        parse_instance(data)
    return str(caught.value)


def _slots(schedule) -> dict[str, str]:
    return {m.request: m.slot for m in schedule.meetings}


def test_problem_counts_breaks_as_runs_of_idle_slots_within_a_session():
    problem = Problem.build(parse_instance(_data(_people("a"), [], slots=8, sessions=2)))

    assert problem.breaks(0b1011_0101) == 2  # s0 s2 | s4 s5 s7: one break in each session
    assert problem.breaks(0b1000_0001) == 0  # one meeting in each session: lunch is no break
    assert problem.breaks(0b0110_0110) == 0
    assert problem.holes(0b0000_1001) == 2
    assert problem.breaks(0b0000_1001) == 1


def test_segments_and_alone_bounds():
    assert segments(0b1110_0111) == [3, 3]
    assert segments(0b101) == [1, 1]
    # a meets four people and may only use s0 s1 and s4 s5 of one session: one break is forced
    people = [{"id": "a", "available": ["s0", "s1", "s4", "s5"]}, *_people("b", "c", "d", "e")]
    data = _data(people, [_meet("a", x) for x in "bcde"])
    problem = Problem.build(parse_instance(data))

    assert alone_bounds(problem, list(range(4))) == [1, 0, 0, 0, 0]


def test_window_keeps_the_meeting_in_its_slots():
    data = _data(_people("a", "b"), [_meet("a", "b", [4, 5])], sessions=2)

    schedule = solve(parse_instance(data), time_limit=5)

    assert _slots(schedule)["r0"] in {"s4", "s5"}


def test_window_is_intersected_with_the_participants_availability():
    people = [{"id": "a", "available": ["s0", "s1", "s2"]}, {"id": "b"}]
    data = _data(people, [_meet("a", "b", [2, 3, 4])])

    schedule = solve(parse_instance(data), time_limit=5)

    assert _slots(schedule) == {"r0": "s2"}


def test_unscheduled_reason_names_the_window_when_it_is_the_cause():
    # a meets c in s0; a's meeting with b may only be in s0: the window, not a, is why it cannot happen
    data = _data(_people("a", "b", "c"), [_meet("a", "c", [0]), _meet("a", "b", [0])], slots=2, tables=2)
    data["requests"][0]["weight"] = 2

    schedule = solve(parse_instance(data), time_limit=5)

    assert _slots(schedule) == {"r0": "s0"}
    assert [(u.request, u.reason) for u in schedule.unscheduled] == [
        ("r1", "a is busy in every slot of the meeting's window where both are available")
    ]
    assert [u.to_json() for u in schedule.unscheduled] == [
        {
            "request": "r1",
            "code": "busy_in_window",
            "a": "a",
            "reason": "a is busy in every slot of the meeting's window where both are available",
        }
    ]


def test_unscheduled_reason_without_window_is_unchanged():
    data = _data(_people("a", "b", "c"), [_meet("a", "c"), _meet("a", "b")], slots=1, tables=2)
    data["requests"][0]["weight"] = 2

    schedule = solve(parse_instance(data), time_limit=5)

    assert [(u.request, u.reason) for u in schedule.unscheduled] == [("r1", "a is fully booked")]
    assert [(u.code, u.params) for u in schedule.unscheduled] == [("fully_booked", {"a": "a"})]


def test_parse_window_with_unknown_slot_names_the_place():
    data = _data(_people("a", "b"), [_meet("a", "b"), _meet("a", "b")])
    data["requests"][1]["available"] = ["s1", "s99"]

    assert _error(data) == 'requests[1].available[1]: unknown slot "s99"'


def test_parse_empty_window():
    data = _data(_people("a", "b"), [_meet("a", "b", [])])

    assert _error(data) == "requests[0].available: the window holds no slot"


def test_parse_window_leaving_no_common_slot():
    people = [{"id": "a", "available": ["s0", "s1"]}, {"id": "b"}]
    data = _data(people, [_meet("a", "b", [3, 4])])

    assert _error(data) == "requests[0].available: the window leaves no slot where a and b are both available"


def test_parse_window_is_not_blamed_when_the_pair_never_meets():
    people = [{"id": "a", "available": ["s0"]}, {"id": "b", "available": ["s1"]}]
    data = _data(people, [_meet("a", "b", [3])])

    schedule = solve(parse_instance(data), time_limit=5)

    assert [u.reason for u in schedule.unscheduled] == [
        "no common free slot: a and b are never available at the same time"
    ]
    assert [(u.code, u.params) for u in schedule.unscheduled] == [("no_common_slot", {"a": "a", "b": "b"})]


def test_parse_locked_meeting_outside_its_window():
    data = _data(_people("a", "b"), [_meet("a", "b", [0, 1])], locked=[{"request": "r0", "slot": "s3"}])

    assert _error(data) == 'locked[0].slot: slot "s3" is outside the window of request "r0"'


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "options.max_break_spread: expected a whole number of at least 0"),
        (1.5, "options.max_break_spread: expected a whole number of at least 0"),
        ("2", "options.max_break_spread: expected a whole number of at least 0"),
        (True, "options.max_break_spread: expected a whole number of at least 0"),
    ],
)
def test_parse_bad_max_break_spread(value, message):
    data = _data(_people("a", "b"), [_meet("a", "b")], options={"max_break_spread": value})

    assert _error(data) == message


def test_parse_options_must_be_an_object():
    data = _data(_people("a", "b"), [_meet("a", "b")], options=[1])

    assert _error(data) == "options: expected an object, got a list"


def test_solve_prefers_fewer_breaks_to_fewer_holes():
    # a meets b (s0), c (s1 or s2), d (s4 or s5); x meets y in s1 or s4 on the only table.
    # Fewest holes: s0 s2 s4 (2 holes, 2 breaks). Fewest breaks: s0 s1 s5 (3 holes, 1 break).
    people = _people("a", "b", "c", "d", "x", "y")
    requests = [
        _meet("a", "b", [0]),
        _meet("a", "c", [1, 2]),
        _meet("a", "d", [4, 5]),
        _meet("x", "y", [1, 4]),
    ]

    schedule = solve(parse_instance(_data(people, requests, tables=1)), time_limit=5)

    assert _slots(schedule) == {"r0": "s0", "r1": "s1", "r2": "s5", "r3": "s4"}
    assert (schedule.stats["breaks"], schedule.stats["holes"]) == (1, 3)
    assert schedule.stats["breaks_lower_bound"] == 1
    assert schedule.stats["proven_optimal"] is True


def test_solve_reports_breaks_per_participant_and_proof():
    # a must meet b in s0, c in s2 and d in s4: two breaks nobody can avoid
    people = _people("a", "b", "c", "d")
    requests = [_meet("a", "b", [0]), _meet("a", "c", [2]), _meet("a", "d", [4])]

    schedule = solve(parse_instance(_data(people, requests)), time_limit=5)

    stats = schedule.stats
    assert (stats["breaks"], stats["max_breaks_per_participant"], stats["holes"]) == (2, 2, 2)
    assert stats["breaks_lower_bound"] == 2
    assert stats["breaks_proven_optimal"] is True
    assert stats["proven_optimal"] is True
    assert stats["infeasible_reason"] is None


def test_solve_fairness_rule_is_met():
    # a meets c in s2 (a: 2 breaks, c: none) or in s3 (one break each): two breaks either way; with the
    # rule, nobody has two breaks more than anyone with meetings
    people = _people("a", "b", "c", "d", "f", "h")
    requests = [
        _meet("a", "b", [0]),
        _meet("a", "c", [2, 3]),
        _meet("a", "d", [4]),
        _meet("c", "f", [1]),
        _meet("c", "h", [0]),
    ]
    data = _data(people, requests, slots=5, options={"max_break_spread": 1})

    schedule = solve(parse_instance(data), time_limit=5)

    breaks = schedule_breaks(Problem.build(parse_instance(data)), schedule.meetings)
    assert max(breaks) == 1
    assert _slots(schedule)["r1"] == "s3"
    assert schedule.stats["break_spread"] == 1
    assert schedule.stats["breaks"] == 2
    assert schedule.stats["infeasible_reason"] is None


def test_solve_fairness_rule_that_cannot_hold_gives_the_best_schedule_without_it():
    people = _people("a", "b", "c", "d", "e", "f")
    requests = [_meet("a", "b", [0]), _meet("a", "c", [2]), _meet("a", "d", [4]), _meet("e", "f")]
    data = _data(people, requests, options={"max_break_spread": 1})

    schedule = solve(parse_instance(data), time_limit=5)

    assert len(schedule.meetings) == 4
    assert schedule.stats["breaks"] == 2
    assert schedule.stats["infeasible_reason"] == (
        "no schedule of weight 4 keeps every participant within 1 break of the others"
    )
    assert schedule.stats["infeasible"] == {"code": "spread_not_met", "n": 1, "weight": 4}


def test_solve_dense_forum_schedules_every_meeting_in_its_window():
    data = generate_dense(seed=14)
    instance = parse_instance(data)
    problem = Problem.build(instance)

    schedule = solve(instance, time_limit=8)

    assert schedule_errors(problem, schedule.meetings) == []
    assert len(schedule.meetings) == len(data["requests"])
    assert schedule.stats["breaks"] >= schedule.stats["breaks_lower_bound"]
    assert schedule.stats["breaks"] <= schedule.stats["baseline_breaks"]
