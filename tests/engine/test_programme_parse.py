"""Reading an instance: what is accepted, and the exact place named for each error."""

from datetime import date
from typing import Any

import pytest

from maillage.engine.programme.model import format_local
from maillage.engine.programme.parse import InstanceError, parse_instance


def act(ident: str, duration: int = 60, **fields: Any) -> dict[str, Any]:
    """An activity of the small test weeks; each has its own track unless told."""
    return {"id": ident, "duration": duration, "attendance": 10, "audience": "pros", "track": ident, **fields}


def week(activities: list[dict[str, Any]], **fields: Any) -> dict[str, Any]:
    """A small week: one morning, 30-minute grid, a big room in v1 and a small one in v2 (30 min apart)."""
    attendees = fields.pop("attendees", [])
    return {
        "timezone": "Europe/Paris",
        "grid_minutes": 30,
        "days": [{"date": "2027-04-06", "start": "09:00", "end": "12:00"}],
        "venues": [{"id": "v1", "travel_minutes": {"v2": 30}}, {"id": "v2"}],
        "rooms": [
            {"id": "big", "venue": "v1", "capacity": 100},
            {"id": "small", "venue": "v2", "capacity": 20},
        ],
        "speakers": [{"id": "s1"}, {"id": "s2"}],
        "activities": activities,
        "attendees": [{"favourites": list(f)} for f in attendees],
        **fields,
    }


def error_of(data: Any) -> str:
    with pytest.raises(InstanceError) as caught:
        parse_instance(data)
    return str(caught.value)


def test_parse_small_week() -> None:
    instance = parse_instance(week([act("a", speakers=["s1"], days=["2027-04-06"])], attendees=[["a", "a"]]))
    assert [a.id for a in instance.activities] == ["a"]
    assert instance.activities[0].days == (date(2027, 4, 6),)
    assert instance.attendees[0].favourites == ("a",)
    assert format_local(instance.days[0].start, instance.tz) == "2027-04-06T09:00"
    assert instance.days[0].end - instance.days[0].start == 180
    assert instance.travel("v2", "v1") == 30


def test_parse_offset_is_converted_to_local_time() -> None:
    data = week([act("a", fixed={"room": "big", "start": "2027-04-06T08:00+00:00"})])
    instance = parse_instance(data)
    fixed = instance.activities[0].fixed
    assert fixed is not None
    assert instance.format_local(fixed.start) == "2027-04-06T10:00"


def test_parse_unknown_speaker_names_its_place() -> None:
    data = week([act("a"), act("b", speakers=["s1", "s99"])])
    assert error_of(data) == 'activities[1].speakers[1]: unknown speaker "s99"'


def test_parse_unknown_favourite_names_its_place() -> None:
    assert error_of(week([act("a")], attendees=[["a"], ["a", "zz"]])) == (
        'attendees[1].favourites[1]: unknown activity "zz"'
    )


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({"timezone": "Mars/Olympus"}, 'timezone: unknown IANA time zone "Mars/Olympus"'),
        ({"grid_minutes": 0}, "grid_minutes: must be at least 1, got 0"),
        ({"grid_minutes": "15"}, "grid_minutes: expected a whole number, got a string"),
        (
            {"days": [{"date": "2027-04-06", "start": "12:00", "end": "09:00"}]},
            "days[0].end: must be after start",
        ),
        (
            {"days": [{"date": "06/04/2027", "start": "9", "end": "12"}]},
            'days[0].date: not an ISO 8601 date: "06/04/2027"',
        ),
        ({"rooms": [{"id": "r", "venue": "v9", "capacity": 5}]}, 'rooms[0].venue: unknown venue "v9"'),
        (
            {"rooms": [{"id": "r", "venue": "v1", "capacity": -1}]},
            "rooms[0].capacity: must be at least 0, got -1",
        ),
        ({"rooms": [{"id": "r", "venue": "v1"}]}, "rooms[0].capacity: missing"),
        ({"speakers": [{"id": "s1"}, {"id": "s1"}]}, 'speakers[1].id: duplicate speaker id "s1"'),
        (
            {"venues": [{"id": "v1", "travel_minutes": {"v7": 3}}]},
            'venues[0].travel_minutes.v7: unknown venue "v7"',
        ),
        ({"attendees": [{"favourites": "a"}]}, "attendees[0].favourites: expected a list, got a string"),
    ],
)
def test_parse_rejects_bad_fields(change: dict[str, Any], expected: str) -> None:
    data = week([act("a")])
    data.update(change)
    assert error_of(data) == expected


@pytest.mark.parametrize(
    ("activity", "expected"),
    [
        (act("a", duration=0), "activities[0].duration: must be at least 1, got 0"),
        (act("a", days=["2027-04-07"]), 'activities[0].days[0]: unknown day "2027-04-07"'),
        (act("a", speakers=["s1", "s1"]), 'activities[0].speakers[1]: speaker "s1" listed twice'),
        (
            act("a", fixed={"room": "attic", "start": "2027-04-06T09:00"}),
            'activities[0].fixed.room: unknown room "attic"',
        ),
        (
            act("a", fixed={"room": "big", "start": "tomorrow"}),
            'activities[0].fixed.start: not an ISO 8601 date and time: "tomorrow"',
        ),
        ({"id": "a"}, "activities[0].duration: missing"),
    ],
)
def test_parse_rejects_bad_activity(activity: dict[str, Any], expected: str) -> None:
    assert error_of(week([activity])) == expected


def test_parse_rejects_duplicate_activity() -> None:
    assert error_of(week([act("a"), act("a")])) == 'activities[1].id: duplicate activity id "a"'


def test_parse_rejects_non_object() -> None:
    assert error_of([1, 2]) == "(root): expected an object, got a list"


def test_parse_rejects_fixed_off_the_grid() -> None:
    message = error_of(week([act("a", fixed={"room": "big", "start": "2027-04-06T09:10"})]))
    assert message.startswith("activities[0].fixed: fixed placement breaks a hard rule: ")
    assert "30-minute grid" in message


def test_parse_rejects_fixed_in_too_small_room() -> None:
    message = error_of(week([act("a", attendance=50, fixed={"room": "small", "start": "2027-04-06T09:00"})]))
    assert message == (
        'activities[0].fixed: fixed placement breaks a hard rule: room "small" holds 20 people but "a" expects 50'
    )


def test_parse_rejects_two_fixed_activities_in_one_room() -> None:
    data = week(
        [
            act("a", fixed={"room": "big", "start": "2027-04-06T09:00"}),
            act("b", fixed={"room": "big", "start": "2027-04-06T09:30"}),
        ]
    )
    message = error_of(data)
    assert message.startswith(
        'activities[1].fixed: fixed placement breaks a hard rule: room "big" holds both'
    )


def test_parse_rejects_fixed_speaker_without_travel_time() -> None:
    data = week(
        [
            act("a", speakers=["s1"], fixed={"room": "big", "start": "2027-04-06T09:00"}),
            act("b", speakers=["s1"], fixed={"room": "small", "start": "2027-04-06T10:00"}),
        ]
    )
    assert "30 minutes of travel needed" in error_of(data)
