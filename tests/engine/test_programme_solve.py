"""The optimiser on small weeks: each hard rule kept, and the optimum of a brute force reached."""

import itertools
import random
from typing import Any

import pytest

from maillage.engine.programme.baseline import first_fit
from maillage.engine.programme.board import Board
from maillage.engine.programme.conflicts import co_interest, hard_conflicts
from maillage.engine.programme.metrics import clashing_pairs, missed_favourites
from maillage.engine.programme.model import Instance, Placement, Programme
from maillage.engine.programme.parse import parse_instance
from maillage.engine.programme.solve import solve
from maillage.engine.programme.validate import programme_errors
from tests.engine.test_programme_parse import act, week


def solved(data: dict[str, Any], time_limit: float = 0.3) -> tuple[Instance, Programme]:
    instance = parse_instance(data)
    programme = solve(instance, time_limit=time_limit, seed=1)
    assert programme_errors(instance, programme) == []
    return instance, programme


def where(instance: Instance, programme: Programme) -> dict[str, tuple[str, str]]:
    return {p.activity: (p.room, instance.format_local(p.start)[11:]) for p in programme.placements}


def test_solve_separates_favourites() -> None:
    _instance, programme = solved(week([act("a"), act("b"), act("c")], attendees=[["a", "b", "c"]] * 3))
    assert programme.stats["missed_favourites"] == 0
    assert programme.stats["missed_favourites_proven_optimal"] is True
    assert len(programme.placements) == 3


def test_solve_uses_a_room_large_enough() -> None:
    instance, programme = solved(week([act("a", attendance=50), act("b", attendance=60)]))
    assert {room for room, _ in where(instance, programme).values()} == {"big"}


def test_solve_unplaceable_activity_gets_a_reason() -> None:
    _instance, programme = solved(week([act("a", attendance=500), act("b", duration=240)]))
    assert programme.placements == []
    assert [(u.activity, dict(u.why), u.reason) for u in programme.unplaced] == [
        (
            "a",
            {"code": "no_room_large_enough", "attendance": 500, "largest": 100},
            "no room holds 500 people (the largest holds 100)",
        ),
        (
            "b",
            {"code": "too_long", "needed_minutes": 240, "longest_day_minutes": 180},
            "it lasts 240 minutes, longer than any day it may take place (180 minutes)",
        ),
    ]


def test_solve_keeps_speakers_apart_with_travel_time() -> None:
    # a needs the big room (v1), b the small one (v2): the one speaker needs 30 minutes between them.
    data = week([act("a", 90, attendance=50, speakers=["s1"]), act("b", 60, speakers=["s1"])])
    data["rooms"][0]["unavailable"] = [{"start": "2027-04-06T10:30", "end": "2027-04-06T12:00"}]
    instance, programme = solved(data)
    assert where(instance, programme) == {"a": ("big", "09:00"), "b": ("small", "11:00")}


def test_solve_respects_speaker_unavailability() -> None:
    data = week([act("a", speakers=["s2"])])
    data["speakers"][1]["unavailable"] = [{"start": "2027-04-06T09:00", "end": "2027-04-06T11:00"}]
    instance, programme = solved(data)
    assert where(instance, programme)["a"][1] == "11:00"


def test_solve_respects_allowed_days() -> None:
    data = week([act("a", days=["2027-04-07"]), act("b", days=["2027-04-06"])])
    data["days"].append({"date": "2027-04-07", "start": "14:00", "end": "15:00"})
    instance, programme = solved(data)
    assert {p.activity: instance.format_local(p.start)[:10] for p in programme.placements} == {
        "a": "2027-04-07",
        "b": "2027-04-06",
    }


def test_solve_keeps_fixed_activities() -> None:
    data = week(
        [act("a", fixed={"room": "small", "start": "2027-04-06T10:00"}), act("b")], attendees=[["a", "b"]]
    )
    instance, programme = solved(data)
    assert where(instance, programme)["a"] == ("small", "10:00")
    assert programme.stats["missed_favourites"] == 0


def test_solve_avoids_same_track_overlaps() -> None:
    _instance, programme = solved(week([act("a", track="web"), act("b", track="web"), act("c", track="web")]))
    assert programme.stats["same_track_overlaps"] == 0


def test_solve_lower_bound_counts_clashing_fixed_favourites() -> None:
    data = week(
        [
            act("a", fixed={"room": "big", "start": "2027-04-06T09:00"}),
            act("b", fixed={"room": "small", "start": "2027-04-06T09:00"}),
            act("c", attendance=1000),
        ],
        attendees=[["a", "b", "c"]],
    )
    _instance, programme = solved(data)
    assert programme.stats["missed_favourites"] == 2
    assert programme.stats["missed_favourites_lower_bound"] == 2


def brute_force(instance: Instance) -> tuple[int, int, int, int]:
    """The lexicographic optimum (missed favourites, unplaced, clashing favourite pairs, same-track overlaps)
    over all programmes: the optimiser's order."""
    board = Board(instance)
    options = [[None] + [(s, r) for s in board.starts[a] for r in board.rooms[a]] for a in range(board.n)]
    weights = co_interest(instance)
    best = None
    for choice in itertools.product(*options):
        placements = [
            Placement(instance.activities[a].id, instance.rooms[o[1]].id, o[0])
            for a, o in enumerate(choice)
            if o is not None
        ]
        if hard_conflicts(instance, placements):
            continue
        key = (
            missed_favourites(instance, placements),
            board.n - len(placements),
            *clashing_pairs(instance, placements, weights),
        )
        best = key if best is None or key < best else best
    assert best is not None
    return best


def random_small_week(seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    names = ["a", "b", "c", "d"]
    activities = [
        act(
            name,
            rng.choice((30, 60, 90)),
            attendance=rng.choice((10, 10, 50)),
            track=rng.choice(("web", "data")),
            speakers=rng.sample(["s1", "s2"], rng.randint(0, 1)),
        )
        for name in names
    ]
    attendees = [rng.sample(names, 2) for _ in range(rng.randint(1, 6))]
    data = week(activities, attendees=attendees)
    data["days"][0]["end"] = "10:30"
    return data


@pytest.mark.parametrize("seed", range(8))
def test_solve_reaches_brute_force_optimum(seed: int) -> None:
    instance, programme = solved(random_small_week(seed), time_limit=0.4)
    weights = co_interest(instance)
    ours = (
        missed_favourites(instance, programme.placements),
        len(programme.unplaced),
        *clashing_pairs(instance, programme.placements, weights),
    )
    assert ours == brute_force(instance)
    assert ours[0] == programme.stats["missed_favourites"]


def test_first_fit_takes_the_first_free_fit() -> None:
    instance = parse_instance(week([act("a"), act("b", attendance=50), act("c")], attendees=[["a", "c"]]))
    programme = first_fit(instance)
    assert where(instance, programme) == {
        "a": ("small", "09:00"),
        "b": ("big", "09:00"),
        "c": ("small", "10:00"),
    }
    assert programme_errors(instance, programme) == []


def test_solve_lower_bound_counts_forced_clashes() -> None:
    data = week([act("a"), act("b"), act("c", 30)], attendees=[["a", "b", "c"]])
    data["days"][0]["end"] = "10:00"
    _, programme = solved(data)
    assert programme.stats["missed_favourites"] == 2
    assert programme.stats["missed_favourites_lower_bound"] == 1
