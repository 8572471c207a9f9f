"""Over-full weeks: what the optimiser leaves out (against a brute force), why, the remedies and their gains."""

import copy
import json
import random
from pathlib import Path
from typing import Any

import pytest

from maillage.engine.programme.board import UNPLACED, Board
from maillage.engine.programme.cli import main
from maillage.engine.programme.generate import generate_overfull_week
from maillage.engine.programme.metrics import missed_favourites
from maillage.engine.programme.model import Instance, Placement
from maillage.engine.programme.parse import parse_instance
from maillage.engine.programme.reasons import describe
from maillage.engine.programme.selection import capacities, choose, class_bound, favourite_counts
from maillage.engine.programme.solve import solve
from maillage.engine.programme.validate import programme_errors
from tests.engine.test_programme_parse import act, week


def every_programme(instance: Instance) -> list[list[Placement]]:
    """Every valid programme (each movable activity placed at one of its options or left out)."""
    board = Board(instance)
    found: list[list[Placement]] = []

    def visit(a: int) -> None:
        if a == board.n:
            found.append(board.placements())
            return
        if not board.movable[a]:
            visit(a + 1)
            return
        visit(a + 1)
        for s in board.starts[a]:
            for r in board.rooms[a]:
                if board.free(a, s, r):
                    board.place(a, s, r)
                    visit(a + 1)
                    board.remove(a)
        assert board.room[a] == UNPLACED

    visit(0)
    return found


def brute(instance: Instance) -> tuple[int, int]:
    """(fewest missed favourites, fewest favourites left out) over every valid programme."""
    starred = favourite_counts(instance)
    missed = left = None
    for placements in every_programme(instance):
        placed = {p.activity for p in placements}
        lost = sum(n for a, n in starred.items() if a not in placed)
        m = missed_favourites(instance, placements)
        missed = m if missed is None else min(missed, m)
        left = lost if left is None else min(left, lost)
    assert missed is not None
    assert left is not None
    return missed, left


def overfull_week(seed: int) -> dict[str, Any]:
    """A morning whose big room (the only one for the 50-people talks) is asked for more than it has."""
    rng = random.Random(seed)
    names = ["a", "b", "c", "d", "e"]
    activities = [
        act(
            name,
            rng.choice((30, 60, 60, 90)),
            attendance=50 if i < 4 else 10,
            speakers=rng.sample(["s1", "s2"], rng.randint(0, 1)),
        )
        for i, name in enumerate(names)
    ]
    attendees = [rng.sample(names, rng.randint(1, 3)) for _ in range(rng.randint(3, 9))]
    data = week(activities, attendees=attendees)
    data["days"][0]["end"] = "11:00"
    return data


@pytest.mark.parametrize("seed", range(10))
def test_leave_out_matches_brute_force(seed: int) -> None:
    instance = parse_instance(overfull_week(seed))
    programme = solve(instance, time_limit=1.0, seed=seed)
    assert programme_errors(instance, programme) == []
    best_missed, best_left = brute(instance)
    stats = programme.stats
    assert stats["missed_favourites"] == best_missed
    assert stats["left_out_favourites_lower_bound"] <= best_left <= stats["left_out_favourites"]
    assert stats["missed_favourites_lower_bound"] <= best_missed


def single_room_week(durations: list[int], stars: list[int], **fields: Any) -> dict[str, Any]:
    """Talks that only the big room holds, one morning (09:00–12:00); talk i starred by stars[i] people."""
    names = [f"t{i}" for i in range(len(durations))]
    activities = [act(n, d, attendance=50) for n, d in zip(names, durations, strict=True)]
    attendees = [[n] for n, k in zip(names, stars, strict=True) for _ in range(k)]
    return week(activities, attendees=attendees, **fields)


def test_leave_out_prefers_many_small_losses_to_one_big() -> None:
    # 240 minutes for 180: leaving out one long talk (9 stars) or the two short ones (4 + 4).
    instance = parse_instance(single_room_week([60, 60, 60, 30, 30], [9, 9, 9, 4, 4]))
    programme = solve(instance, time_limit=0.5)
    assert sorted(u.activity for u in programme.unplaced) == ["t3", "t4"]
    assert programme.stats["left_out_favourites"] == 8
    assert programme.stats["left_out_favourites_lower_bound"] == 8
    assert programme.stats["missed_favourites_lower_bound"] == 8
    assert programme.stats["missed_favourites_proven_optimal"] is True
    assert brute(instance) == (8, 8)


def test_bound_is_zero_when_everything_fits() -> None:
    _, programme = instance_and_programme(single_room_week([60, 60], [3, 3]))
    assert programme.unplaced == []
    assert programme.remedies == []
    assert programme.stats["left_out_favourites_lower_bound"] == 0


def instance_and_programme(data: dict[str, Any], time_limit: float = 0.5):
    instance = parse_instance(data)
    return instance, solve(instance, time_limit=time_limit)


# -- why each activity is left out -----------------------------------------------------------------------------


def why_of(data: dict[str, Any], name: str) -> dict[str, Any]:
    instance, programme = instance_and_programme(data)
    found = {u.activity: u for u in programme.unplaced}
    assert programme_errors(instance, programme) == []
    assert found[name].reason == describe(found[name].why)
    return dict(found[name].why)


def test_why_no_room_large_enough() -> None:
    assert why_of(week([act("a", attendance=500)]), "a") == {
        "code": "no_room_large_enough",
        "attendance": 500,
        "largest": 100,
    }


def test_why_too_long() -> None:
    assert why_of(week([act("a", 240)]), "a") == {
        "code": "too_long",
        "needed_minutes": 240,
        "longest_day_minutes": 180,
    }


def test_why_speaker_unavailable() -> None:
    data = week([act("a", speakers=["s1", "s2"])])
    data["speakers"][1]["unavailable"] = [{"start": "2027-04-06T08:00", "end": "2027-04-06T13:00"}]
    assert why_of(data, "a") == {"code": "speaker_unavailable", "speaker": "s2"}


def test_why_speakers_unavailable() -> None:
    # Each speaker leaves a free hour, but never the same one.
    data = week([act("a", speakers=["s1", "s2"])])
    data["speakers"][0]["unavailable"] = [{"start": "2027-04-06T09:00", "end": "2027-04-06T10:30"}]
    data["speakers"][1]["unavailable"] = [{"start": "2027-04-06T10:30", "end": "2027-04-06T12:00"}]
    assert why_of(data, "a") == {"code": "speakers_unavailable", "speakers": ["s1", "s2"]}


def test_why_rooms_unavailable() -> None:
    data = week([act("a", attendance=50)])
    data["rooms"][0]["unavailable"] = [{"start": "2027-04-06T09:00", "end": "2027-04-06T11:30"}]
    assert why_of(data, "a") == {"code": "rooms_unavailable", "rooms": ["big"]}


def test_why_room_full() -> None:
    data = single_room_week([60, 60, 60, 60], [5, 4, 3, 1])
    assert why_of(data, "t3") == {
        "code": "room_full",
        "rooms": ["big"],
        "needed_minutes": 60,
        "free_minutes": 0,
    }


def test_why_speaker_busy() -> None:
    # One hour, two talks by the same speaker: rooms are free, the speaker is not.
    data = week([act("a", speakers=["s1"]), act("b", speakers=["s1"])], attendees=[["a"], ["a"], ["b"]])
    data["days"][0]["end"] = "10:00"
    assert why_of(data, "b") == {"code": "speaker_busy", "speaker": "s1", "activities": ["a"]}


# -- remedies: each gain checked by a brute force on the changed week ------------------------------------------


def changed(data: dict[str, Any], change: dict[str, Any]) -> dict[str, Any]:
    """The week with a remedy applied, written as an organiser would change the JSON."""
    data = copy.deepcopy(data)
    code = change["code"]
    if code == "extend_day":
        day = next(d for d in data["days"] if d["date"] == change["day"])
        hours, minutes = map(int, day["end"].split(":"))
        total = hours * 60 + minutes + change["minutes"]
        day["end"] = f"{total // 60:02d}:{total % 60:02d}"
    elif code == "shorter_format":
        for activity in data["activities"]:
            if activity["id"] in change["activities"]:
                assert activity["duration"] == change["from_minutes"]
                activity["duration"] = change["to_minutes"]
    elif code == "bigger_room":
        room = next(r for r in data["rooms"] if r["id"] == change["room"])
        assert (room["venue"], room["capacity"]) == (change["venue"], change["capacity"])
        room["capacity"] = change["needed_capacity"]
    elif code == "extra_day":
        data["days"].append({"date": change["day"], "start": change["start"], "end": change["end"]})
    elif code == "allow_day":
        activity = next(a for a in data["activities"] if a["id"] == change["activity"])
        activity["days"].append(change["day"])
    else:  # pragma: no cover
        raise AssertionError(code)
    return data


REMEDY_WEEKS = {
    "one room": single_room_week([60, 60, 60, 60, 45], [6, 5, 4, 3, 2]),
    "odd lengths": single_room_week([90, 45, 45, 30], [5, 4, 3, 2]),
    "two days": single_room_week(
        [60, 60, 60, 60, 90],
        [6, 5, 4, 3, 2],
        days=[
            {"date": "2027-04-06", "start": "09:00", "end": "11:00"},
            {"date": "2027-04-07", "start": "09:00", "end": "10:30"},
        ],
    ),
}


@pytest.mark.parametrize("name", REMEDY_WEEKS)
def test_remedy_gains_match_brute_force(name: str) -> None:
    data = REMEDY_WEEKS[name]
    instance, programme = instance_and_programme(data, time_limit=2.0)
    assert programme.stats["remedies_complete"] is True
    assert programme.remedies
    _, before = brute(instance)
    assert programme.stats["left_out_favourites"] == before
    codes = set()
    for remedy in programme.remedies:
        codes.add(remedy.change["code"])
        _, after = brute(parse_instance(changed(data, dict(remedy.change))))
        assert remedy.gain == before - after, remedy.change
        assert remedy.text == f"{describe(remedy.change)}: recovers {remedy.gain} favourites"
        assert set(remedy.recovers) <= {u.activity for u in programme.unplaced}
    assert {"extend_day", "bigger_room", "extra_day"} <= codes


def test_remedy_allow_day_and_shorter_format() -> None:
    data = single_room_week([60, 60, 60, 45], [6, 5, 4, 3])
    data["days"].append({"date": "2027-04-07", "start": "09:00", "end": "09:45"})
    for activity in data["activities"]:
        activity["days"] = ["2027-04-06"]
    data["rooms"][1]["capacity"] = 20
    instance, programme = instance_and_programme(data, time_limit=2.0)
    _, before = brute(instance)
    changes = {json.dumps(r.change, sort_keys=True): r.gain for r in programme.remedies}
    allow = {"code": "allow_day", "activity": "t3", "day": "2027-04-07"}
    shorter = {"code": "shorter_format", "activities": ["t3"], "from_minutes": 45, "to_minutes": 30}
    for change in (allow,):
        assert (
            changes[json.dumps(change, sort_keys=True)]
            == before - brute(parse_instance(changed(data, change)))[1]
        )
    assert json.dumps(shorter, sort_keys=True) not in changes  # 30 minutes do not fit either


def test_describe_renders_every_code() -> None:
    assert (
        describe({"code": "extend_day", "day": "2027-04-06", "minutes": 60})
        == "end 2027-04-06 60 minutes later"
    )
    assert (
        describe(
            {"code": "bigger_room", "room": "r4", "venue": "v2", "capacity": 300, "needed_capacity": 420}
        )
        == 'a room for 420 people instead of "r4" (300 seats) in venue "v2"'
    )
    assert (
        describe({"code": "shorter_format", "activities": ["a1", "a2"], "from_minutes": 45, "to_minutes": 30})
        == '"a1", "a2" in 30 minutes instead of 45'
    )
    assert describe({"code": "extra_day", "day": "2027-04-09", "start": "09:00", "end": "17:00"}) == (
        "one more day, 2027-04-09 from 09:00 to 17:00"
    )
    assert (
        describe({"code": "allow_day", "activity": "a1", "day": "2027-04-07"})
        == 'allow "a1" on 2027-04-07 too'
    )
    assert describe({"code": "room_full", "rooms": ["r1"], "needed_minutes": 90, "free_minutes": 30}) == (
        'the rooms large enough ("r1") are full: it needs 90 minutes, the longest free time left there is 30 minutes'
    )
    assert describe({"code": "mystery", "x": 1}) == "{'code': 'mystery', 'x': 1}"


# -- the JSON command --------------------------------------------------------------------------------------------


def test_cli_writes_reasons_and_remedies_as_codes_and_text(tmp_path: Path) -> None:
    source = tmp_path / "week.json"
    source.write_text(json.dumps(single_room_week([60, 60, 60, 60], [5, 4, 3, 1])), encoding="utf-8")
    output = tmp_path / "programme.json"
    assert main([str(source), "--time-limit", "1", "--output", str(output)]) == 0
    document = json.loads(output.read_text(encoding="utf-8"))
    assert document["unplaced"] == [
        {
            "activity": "t3",
            "why": {"code": "room_full", "rooms": ["big"], "needed_minutes": 60, "free_minutes": 0},
            "reason": 'the rooms large enough ("big") are full: it needs 60 minutes, '
            "the longest free time left there is 0 minutes",
            "favourites": 1,
        }
    ]
    first = document["remedies"][0]
    assert set(first) == {"change", "gain", "recovers", "displaces", "text"}
    assert (first["gain"], first["recovers"]) == (1, ["t3"])
    assert first["text"] == describe(first["change"]) + ": recovers 1 favourites"
    stats = document["stats"]
    assert (stats["left_out_favourites"], stats["left_out_favourites_lower_bound"]) == (1, 1)
    assert stats["missed_favourites_lower_bound"] == 1


def test_cli_bad_over_full_week_exits_2_with_the_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = single_room_week([60, 60, 60, 60], [5, 4, 3, 1])
    data["attendees"][2]["favourites"] = ["t9"]
    source = tmp_path / "week.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    assert main([str(source), "--output", str(tmp_path / "out.json")]) == 2
    assert capsys.readouterr().err == 'error: attendees[2].favourites[0]: unknown activity "t9"\n'
    assert not (tmp_path / "out.json").exists()


# -- the generator ---------------------------------------------------------------------------------------------


def test_overfull_generator_is_seeded_and_over_full() -> None:
    assert generate_overfull_week(2, attendees=30) == generate_overfull_week(2, attendees=30)
    instance = parse_instance(generate_overfull_week(2, attendees=300))
    big = [a for a in instance.activities if a.attendance > 300]
    free = 3 * (480 - 45)
    assert sum(a.duration for a in big if a.fixed is None) >= 1.25 * free
    assert sum(a.fixed is not None for a in instance.activities) == 3
    choice = choose(instance, time_limit=5)
    assert choice.left_out
    assert choice.bound > 0


def test_class_bound_is_the_single_room_knapsack() -> None:
    # 180 minutes for 240 (grid minutes): the best that fits keeps 9 + 9 + 9, leaving 4 + 4 out.
    instance = parse_instance(single_room_week([60, 60, 60, 30, 30], [9, 9, 9, 4, 4]))
    starred = favourite_counts(instance)
    assert class_bound(instance, capacities(instance), starred) == 8
