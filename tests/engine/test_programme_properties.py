"""Property-based tests: any instance that validates yields a valid programme, never worse than first-fit,
and the lower bounds are never above what is achieved."""

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.engine.programme.baseline import first_fit
from maillage.engine.programme.conflicts import hard_conflicts
from maillage.engine.programme.model import programme_to_dict
from maillage.engine.programme.parse import parse_instance, parse_placements
from maillage.engine.programme.solve import solve
from maillage.engine.programme.validate import programme_errors

DATES = ("2027-10-29", "2027-10-30", "2027-10-31")  # the last one changes from summer to winter time in Paris


@st.composite
def weeks(draw: st.DrawFn) -> dict[str, Any]:
    dates = draw(st.lists(st.sampled_from(DATES), min_size=1, max_size=2, unique=True))
    days = [
        {
            "date": d,
            "start": "09:00",
            "end": f"{9 + draw(st.integers(1, 3)):02d}:{draw(st.sampled_from(('00', '30')))}",
        }
        for d in dates
    ]
    venues = [{"id": "v1", "travel_minutes": {"v2": draw(st.sampled_from((0, 15, 45)))}}, {"id": "v2"}]
    rooms = []
    for i in range(draw(st.integers(1, 3))):
        room: dict[str, Any] = {
            "id": f"r{i}",
            "venue": draw(st.sampled_from(("v1", "v2"))),
            "capacity": draw(st.integers(0, 80)),
        }
        if draw(st.booleans()):
            room["unavailable"] = [{"start": f"{dates[0]}T09:30", "end": f"{dates[0]}T10:15"}]
        rooms.append(room)
    speakers = []
    for i in range(draw(st.integers(0, 3))):
        speaker: dict[str, Any] = {"id": f"s{i}"}
        if draw(st.booleans()):
            speaker["unavailable"] = [{"start": f"{dates[-1]}T10:00", "end": f"{dates[-1]}T11:00"}]
        speakers.append(speaker)
    names = [f"a{i}" for i in range(draw(st.integers(1, 6)))]
    activities = []
    for name in names:
        activity: dict[str, Any] = {
            "id": name,
            "duration": draw(st.sampled_from((15, 30, 45, 60, 90))),
            "attendance": draw(st.integers(0, 60)),
            "audience": draw(st.sampled_from(("pros", "public"))),
            "track": draw(st.sampled_from(("web", "data", ""))),
            "speakers": draw(st.lists(st.sampled_from([s["id"] for s in speakers]), max_size=2, unique=True))
            if speakers
            else [],
        }
        if draw(st.booleans()) and len(dates) > 1:
            activity["days"] = [draw(st.sampled_from(dates))]
        activities.append(activity)
    attendees = [
        {"favourites": draw(st.lists(st.sampled_from(names), max_size=4, unique=True))}
        for _ in range(draw(st.integers(0, 8)))
    ]
    return {
        "timezone": "Europe/Paris",
        "grid_minutes": draw(st.sampled_from((15, 30))),
        "days": days,
        "venues": venues,
        "rooms": rooms,
        "speakers": speakers,
        "activities": activities,
        "attendees": attendees,
    }


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weeks())
def test_any_valid_week_gets_a_valid_programme_no_worse_than_first_fit(data: dict[str, Any]) -> None:
    instance = parse_instance(data)
    baseline = first_fit(instance)
    programme = solve(instance, time_limit=0.1, seed=3)
    assert programme_errors(instance, programme) == []
    # Favourites first, then activities: fewer placed than first-fit only to lose fewer favourites.
    ours = (programme.stats["missed_favourites"], len(programme.unplaced))
    assert ours <= (baseline.stats["missed_favourites"], len(baseline.unplaced))
    assert programme.stats["missed_favourites"] >= programme.stats["missed_favourites_lower_bound"]
    # Both bounds hold: what is left out, and everything missed.
    assert programme.stats["left_out_favourites"] >= programme.stats["left_out_favourites_lower_bound"]
    assert (
        programme.stats["missed_favourites_lower_bound"] >= programme.stats["left_out_favourites_lower_bound"]
    )
    assert {u.activity for u in programme.unplaced} == {
        a.id for a in instance.activities if a.id not in {p.activity for p in programme.placements}
    }
    assert all(u.why["code"] and u.reason for u in programme.unplaced)
    # What is written reads back to the same placements.
    written = programme_to_dict(instance, programme)
    assert parse_placements(instance, written) == programme.placements


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(weeks())
def test_a_placement_fixed_from_a_valid_programme_stays(data: dict[str, Any]) -> None:
    instance = parse_instance(data)
    baseline = first_fit(instance)
    if not baseline.placements:
        return
    chosen = baseline.placements[0]
    for activity in data["activities"]:
        if activity["id"] == chosen.activity:
            activity["fixed"] = {"room": chosen.room, "start": instance.format_local(chosen.start)}
    fixed_instance = parse_instance(data)
    programme = solve(fixed_instance, time_limit=0.1, seed=5)
    assert chosen in programme.placements
    assert hard_conflicts(fixed_instance, programme.placements) == []
