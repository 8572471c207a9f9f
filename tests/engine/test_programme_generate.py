"""The seeded week generator, and both solvers on a generated (smaller) week."""

from maillage.engine.programme.baseline import first_fit
from maillage.engine.programme.generate import generate_week
from maillage.engine.programme.parse import parse_instance
from maillage.engine.programme.solve import solve
from maillage.engine.programme.validate import programme_errors


def test_generate_is_seeded_and_valid() -> None:
    assert generate_week(3, attendees=50) == generate_week(3, attendees=50)
    assert generate_week(3, attendees=50) != generate_week(4, attendees=50)
    data = generate_week(3)
    instance = parse_instance(data)
    assert (len(instance.activities), len(instance.rooms), len(instance.venues)) == (300, 40, 8)
    assert (len(instance.days), len(instance.speakers), len(instance.attendees)) == (5, 250, 5000)
    assert {len(a.favourites) for a in instance.attendees} == set(range(3, 13))
    assert sum(a.fixed is not None for a in instance.activities) == 5


def test_solve_beats_first_fit_on_a_small_generated_week() -> None:
    instance = parse_instance(
        generate_week(7, activities=60, rooms=10, venues=3, days=2, speakers=50, attendees=400)
    )
    baseline = first_fit(instance)
    programme = solve(instance, time_limit=4, seed=0)
    assert programme_errors(instance, programme) == []
    assert programme_errors(instance, baseline) == []
    assert len(programme.placements) >= len(baseline.placements)
    assert programme.stats["missed_favourites"] * 2 < baseline.stats["missed_favourites"]
    assert programme.stats["seconds"] <= 4.5
