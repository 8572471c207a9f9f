"""The programme app's adapter to the optimiser reads the engine's conflict fields, never its sentences."""

import pytest

from maillage.programme import engines
from tests.engine.test_programme_parse import act, week


def test_found_conflicts_carry_the_speaker_and_parameters_from_the_engines_fields() -> None:
    data = week([act("a", speakers=["s1"]), act("b", speakers=["s1"])])
    placements = [
        {"activity": "a", "room": "big", "start": "2027-04-06T09:00"},
        {"activity": "b", "room": "small", "start": "2027-04-06T10:00"},
    ]
    [found] = engines.find_conflicts(data, placements)
    assert (found.kind, found.activities, found.hard, found.speaker) == (
        "speaker_double_booked",
        ("a", "b"),
        True,
        "s1",
    )
    assert found.params["travel_minutes"] == 30
    assert found.params["venues"] == ["v1", "v2"]
    assert found.message.endswith("30 minutes of travel needed")


def test_found_conflicts_bad_placement_names_its_place() -> None:
    data = week([act("a")])
    with pytest.raises(engines.EngineInputError) as caught:
        engines.find_conflicts(data, [{"activity": "a", "room": "big"}])
    assert caught.value.path == "placements[0].start"
