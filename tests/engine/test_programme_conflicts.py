"""Each kind of conflict, one by one, on partial placements as the organisers' grid would send them."""

from datetime import datetime

from maillage.engine.programme.conflicts import Conflict, find_conflicts
from maillage.engine.programme.model import Instance, Placement, to_minutes
from maillage.engine.programme.parse import parse_instance
from tests.engine.test_programme_parse import act, week


def at(instance: Instance, clock: str, day: str = "2027-04-06") -> int:
    return to_minutes(datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=instance.tz))


def conflicts(instance: Instance, *placed: tuple[str, str, str]) -> list[Conflict]:
    return find_conflicts(instance, [Placement(a, room, at(instance, clock)) for a, room, clock in placed])


def kinds(found: list[Conflict]) -> list[str]:
    return [c.kind for c in found]


def test_conflicts_none_for_a_good_partial_placement() -> None:
    instance = parse_instance(week([act("a", speakers=["s1"]), act("b", speakers=["s1"]), act("c")]))
    assert conflicts(instance, ("a", "big", "09:00"), ("b", "big", "10:00")) == []


def test_conflicts_room_double_booked() -> None:
    instance = parse_instance(week([act("a"), act("b")]))
    found = conflicts(instance, ("a", "big", "09:00"), ("b", "big", "09:30"))
    assert found == [
        Conflict(
            "room_double_booked",
            ("a", "b"),
            {
                "room": "big",
                "starts": ["2027-04-06T09:00", "2027-04-06T09:30"],
                "ends": ["2027-04-06T10:00", "2027-04-06T10:30"],
            },
        )
    ]
    assert found[0].hard
    assert found[0].message == (
        'room "big" holds both "a" (2027-04-06T09:00–10:00) and "b" (2027-04-06T09:30–10:30)'
    )


def test_conflicts_back_to_back_in_one_room_is_fine() -> None:
    instance = parse_instance(week([act("a"), act("b")]))
    assert conflicts(instance, ("a", "big", "09:00"), ("b", "big", "10:00")) == []


def test_conflicts_room_too_small() -> None:
    instance = parse_instance(week([act("a", attendance=21)]))
    assert kinds(conflicts(instance, ("a", "small", "09:00"))) == ["room_too_small"]
    assert conflicts(instance, ("a", "big", "09:00")) == []


def test_conflicts_room_unavailable() -> None:
    data = week([act("a")])
    data["rooms"][0]["unavailable"] = [{"start": "2027-04-06T10:30", "end": "2027-04-06T12:00"}]
    instance = parse_instance(data)
    found = conflicts(instance, ("a", "big", "10:00"))
    assert kinds(found) == ["room_unavailable"]
    assert found[0].message == (
        'room "big" is unavailable from 2027-04-06T10:30 to 2027-04-06T12:00, '
        'during "a" (2027-04-06T10:00–11:00)'
    )
    assert conflicts(instance, ("a", "big", "09:30")) == []


def test_conflicts_speaker_in_two_places_at_once() -> None:
    instance = parse_instance(week([act("a", speakers=["s1"]), act("b", speakers=["s1", "s2"])]))
    found = conflicts(instance, ("a", "big", "09:00"), ("b", "small", "09:30"))
    assert kinds(found) == ["speaker_double_booked"]
    assert found[0].params["speaker"] == "s1"
    assert found[0].params["overlap"] is True
    assert found[0].message.startswith('speaker "s1" is in two places at once')


def test_conflicts_speaker_without_travel_time() -> None:
    instance = parse_instance(week([act("a", speakers=["s1"]), act("b", speakers=["s1"])]))
    found = conflicts(instance, ("a", "big", "09:00"), ("b", "small", "10:00"))
    assert kinds(found) == ["speaker_double_booked"]
    assert found[0].params["speaker"] == "s1"
    assert found[0].params["overlap"] is False
    assert found[0].params["travel_minutes"] == 30
    assert found[0].message.endswith("30 minutes of travel needed")
    assert conflicts(instance, ("a", "big", "09:00"), ("b", "small", "10:30")) == []
    assert conflicts(instance, ("b", "small", "09:00"), ("a", "big", "10:30")) == []


def test_conflicts_speaker_unavailable() -> None:
    data = week([act("a", speakers=["s2"])])
    data["speakers"][1]["unavailable"] = [{"start": "2027-04-06T09:00", "end": "2027-04-06T10:00"}]
    instance = parse_instance(data)
    found = conflicts(instance, ("a", "big", "09:30"))
    assert kinds(found) == ["speaker_unavailable"]
    assert found[0].params == {"speaker": "s2", "from": "2027-04-06T09:00", "to": "2027-04-06T10:00"}
    assert found[0].message == (
        'speaker "s2" of "a" is unavailable from 2027-04-06T09:00 to 2027-04-06T10:00'
    )
    assert conflicts(instance, ("a", "big", "10:00")) == []


def test_conflicts_same_track_and_audience() -> None:
    instance = parse_instance(
        week([act("a", track="web"), act("b", track="web"), act("c", track="web", audience="public")])
    )
    found = conflicts(instance, ("a", "big", "09:00"), ("b", "small", "09:30"), ("c", "small", "10:30"))
    assert kinds(found) == ["same_track_audience"]
    assert found[0].activities == ("a", "b")
    assert not found[0].hard


def test_conflicts_missed_favourites_counts_attendees() -> None:
    instance = parse_instance(
        week([act("a"), act("b"), act("c")], attendees=[["a", "b"], ["b", "a", "c"], ["c"]])
    )
    found = conflicts(instance, ("a", "big", "09:00"), ("b", "small", "09:30"))
    assert found == [
        Conflict(
            "missed_favourites",
            ("a", "b"),
            {
                "starts": ["2027-04-06T09:00", "2027-04-06T09:30"],
                "ends": ["2027-04-06T10:00", "2027-04-06T10:30"],
            },
            2,
        )
    ]
    assert found[0].message == (
        '2 attendees starred both "a" (2027-04-06T09:00–10:00) and "b" (2027-04-06T09:30–10:30), which overlap'
    )


def test_conflicts_off_grid_and_outside_day() -> None:
    instance = parse_instance(week([act("a"), act("b")]))
    assert kinds(conflicts(instance, ("a", "big", "09:10"))) == ["off_grid"]
    assert kinds(conflicts(instance, ("a", "big", "11:30"))) == ["off_grid"]
    assert kinds(conflicts(instance, ("b", "big", "08:00"))) == ["off_grid"]


def test_conflicts_day_not_allowed() -> None:
    data = week([act("a", days=["2027-04-06"])])
    data["days"].append({"date": "2027-04-07", "start": "09:00", "end": "12:00"})
    instance = parse_instance(data)
    assert (
        kinds(
            conflicts(
                instance,
                (
                    "a",
                    "big",
                    "09:00",
                ),
            )
        )
        == []
    )
    found = find_conflicts(instance, [Placement("a", "big", at(instance, "09:00", "2027-04-07"))])
    assert kinds(found) == ["day_not_allowed"]


def test_conflicts_fixed_moved() -> None:
    instance = parse_instance(week([act("a", fixed={"room": "big", "start": "2027-04-06T09:00"})]))
    assert kinds(conflicts(instance, ("a", "big", "10:00"))) == ["fixed_moved"]
    assert conflicts(instance, ("a", "big", "09:00")) == []


def test_conflicts_unknown_room() -> None:
    instance = parse_instance(week([act("a")]))
    assert kinds(conflicts(instance, ("a", "attic", "09:00"))) == ["unknown"]


def test_conflicts_are_codes_with_parameters_and_an_english_sentence_beside() -> None:
    """The app reads the code and the parameters; the sentence is rendered from them (for the command)."""
    instance = parse_instance(week([act("a"), act("b")]))
    off = conflicts(instance, ("a", "big", "09:10"))[0]
    assert off.params == {
        "start": "2027-04-06T09:10",
        "end": "2027-04-06T10:10",
        "why": "grid",
        "grid_minutes": 30,
    }
    assert off.message == '"a" at 2027-04-06T09:10–10:10 is not on the 30-minute grid'
    late = conflicts(instance, ("a", "big", "11:30"))[0]
    assert late.params["why"] == "outside_day"
    assert late.message == '"a" at 2027-04-06T11:30–12:30 is not inside the opening hours of a day'
    assert conflicts(instance, ("a", "attic", "09:00"))[0].params == {"what": "room", "id": "attic"}
    assert conflicts(instance, ("a", "attic", "09:00"))[0].message == 'unknown room "attic"'
    assert conflicts(instance, ("zz", "big", "09:00"))[0].message == 'unknown activity "zz"'

    small = parse_instance(week([act("a", attendance=21)]))
    too_small = conflicts(small, ("a", "small", "09:00"))[0]
    assert too_small.params == {"room": "small", "capacity": 20, "attendance": 21}
    assert too_small.message == 'room "small" holds 20 people but "a" expects 21'

    fixed = parse_instance(week([act("a", fixed={"room": "big", "start": "2027-04-06T09:00"})]))
    moved = conflicts(fixed, ("a", "big", "10:00"))[0]
    assert moved.params == {"room": "big", "start": "2027-04-06T09:00"}
    assert moved.message == '"a" is fixed in room "big" at 2027-04-06T09:00'

    track = parse_instance(week([act("a", track="web"), act("b", track="web")]))
    same = conflicts(track, ("a", "big", "09:00"), ("b", "small", "09:30"))[0]
    assert (same.params["track"], same.params["audience"]) == ("web", "pros")
    assert same.message == (
        'same track "web" and audience "pros" at once: "a" (2027-04-06T09:00–10:00) and "b" (2027-04-06T09:30–10:30)'
    )

    data = week([act("a", days=["2027-04-06"])])
    data["days"].append({"date": "2027-04-07", "start": "09:00", "end": "12:00"})
    days = parse_instance(data)
    wrong_day = find_conflicts(days, [Placement("a", "big", at(days, "09:00", "2027-04-07"))])[0]
    assert wrong_day.params == {"day": "2027-04-07", "allowed": ["2027-04-06"]}
    assert wrong_day.message == '"a" is placed on 2027-04-07 but may only take place on 2027-04-06'
