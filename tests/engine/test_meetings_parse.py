import json

import pytest

from maillage.engine.meetings.parse import InputError, load_instance, parse_instance


def _slot(i: int, session: str = "am") -> dict:
    return {
        "id": f"s{i}",
        "start": f"2026-06-09T{9 + i:02d}:00:00-04:00",
        "end": f"2026-06-09T{9 + i:02d}:30:00-04:00",
        "session": session,
    }


def _instance(**changes) -> dict:
    data = {
        "slots": [_slot(0), _slot(1), _slot(2)],
        "tables": [{"id": "t1"}, {"id": "t2"}],
        "participants": [{"id": "p1"}, {"id": "p2"}, {"id": "p3", "available": ["s0"]}],
        "requests": [
            {"id": "r1", "participants": ["p1", "p2"]},
            {"id": "r2", "participants": ["p1", "p3"], "weight": 2},
        ],
    }
    data.update(changes)
    return data


def _error(data) -> str:
    with pytest.raises(InputError) as caught:
        parse_instance(data)
    return str(caught.value)


def test_parse_valid_instance_ignores_unknown_keys():
    instance = parse_instance(_instance(colour="blue"))

    assert [r.weight for r in instance.requests] == [1, 2]
    assert instance.participants[2].available == frozenset({"s0"})


def test_parse_unknown_participant_names_the_path():
    data = _instance()
    data["requests"][1]["participants"] = ["p1", "p900"]

    assert _error(data) == 'requests[1].participants[1]: unknown participant "p900"'


def test_parse_duplicate_request_id():
    data = _instance()
    data["requests"][1]["id"] = "r1"

    assert _error(data) == 'requests[1].id: duplicate request id "r1" (first at index 0)'


def test_parse_duplicate_slot_id():
    data = _instance(slots=[_slot(0), _slot(0)])

    assert _error(data).startswith('slots[1].id: duplicate slot id "s0"')


def test_parse_request_with_themself():
    data = _instance()
    data["requests"][0]["participants"] = ["p2", "p2"]

    assert _error(data) == 'requests[0].participants: a request of "p2" with themself'


def test_parse_unknown_slot_in_availability():
    data = _instance()
    data["participants"][2]["available"] = ["s9"]

    assert _error(data) == 'participants[2].available[0]: unknown slot "s9"'


def test_parse_unknown_booth_table():
    data = _instance()
    data["participants"][0]["table"] = "t9"

    assert _error(data) == 'participants[0].table: unknown table "t9"'


def test_parse_time_without_offset():
    data = _instance()
    data["slots"][0]["start"] = "2026-06-09T09:00:00"

    assert _error(data) == 'slots[0].start: "2026-06-09T09:00:00" has no UTC offset'


def test_parse_bad_weight():
    data = _instance()
    data["requests"][0]["weight"] = 0

    assert _error(data) == "requests[0].weight: expected a whole number of at least 1"


def test_parse_split_session():
    data = _instance(slots=[_slot(0, "am"), _slot(1, "pm"), _slot(2, "am")])

    assert _error(data) == 'slots[2].session: session "am" must be one block of consecutive slots'


def test_parse_missing_section():
    data = _instance()
    del data["tables"]

    assert _error(data) == "tables: missing"


def test_parse_locked_unavailable_participant():
    data = _instance(locked=[{"request": "r2", "slot": "s1"}])

    assert _error(data) == 'locked[0].slot: p3 is not available in slot "s1"'


def test_parse_locked_double_booking():
    data = _instance(locked=[{"request": "r1", "slot": "s0"}, {"request": "r2", "slot": "s0"}])

    assert _error(data) == 'locked[1].slot: p1 is already in locked meeting "r1" in slot "s0"'


def test_parse_locked_same_table_twice():
    data = _instance()
    data["participants"].append({"id": "p4"})
    data["requests"].append({"id": "r3", "participants": ["p3", "p4"]})
    data["locked"] = [
        {"request": "r1", "slot": "s0", "table": "t1"},
        {"request": "r3", "slot": "s0", "table": "t1"},
    ]

    assert _error(data) == 'locked[1].table: table "t1" already hosts "r1" in slot "s0"'


def test_parse_locked_outside_booth():
    data = _instance()
    data["participants"][0]["table"] = "t2"
    data["locked"] = [{"request": "r1", "slot": "s0", "table": "t1"}]

    assert _error(data) == 'locked[0].table: the meeting must take place at booth "t2"'


def test_parse_locked_beyond_max_meetings():
    data = _instance()
    data["participants"][0]["max_meetings"] = 1
    data["locked"] = [{"request": "r1", "slot": "s1"}, {"request": "r2", "slot": "s0"}]

    assert _error(data) == "locked[1]: p1 would have more than 1 meeting"


def test_parse_locked_between_two_booths():
    data = _instance()
    data["participants"][0]["table"] = "t1"
    data["participants"][1]["table"] = "t2"
    data["locked"] = [{"request": "r1", "slot": "s0"}]

    assert _error(data) == "locked[0].request: both participants have their own booth"


def test_load_empty_file():
    with pytest.raises(InputError, match="the file is empty"):
        load_instance("  \n")


def test_load_not_json():
    with pytest.raises(InputError, match="not valid JSON"):
        load_instance("{slots: }")


def test_load_not_an_object():
    with pytest.raises(InputError, match="instance: expected an object"):
        load_instance(json.dumps([1, 2]))
