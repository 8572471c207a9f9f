"""The codes the optimiser gives for what it leaves out and for the changes that would bring it back.

A reason or a change is a code with parameters (ids and numbers), ``{"code": "room_full", "rooms": ["r1"],
"needed_minutes": 90, "free_minutes": 30}``, for the app to translate in the reader's language with names for
the ids; :func:`describe` renders it in English for the JSON command and the logs.

Why an activity is left out:

- ``no_room_large_enough`` ``attendance``, ``largest``: no room holds the people it expects;
- ``too_long`` ``needed_minutes``, ``longest_day_minutes``: longer than every day it may take place;
- ``speaker_unavailable`` ``speaker``: that speaker is away whenever it could take place;
- ``speakers_unavailable`` ``speakers``: its speakers are never all there at once when it could take place;
- ``rooms_unavailable`` ``rooms``: the rooms large enough are closed whenever its speakers are there;
- ``room_full`` ``rooms``, ``needed_minutes``, ``free_minutes``: every room large enough is taken whenever it
  could take place; ``free_minutes`` is the longest time one of them is still free while its speakers are
  there (shorter than it needs, or off the grid);
- ``speaker_busy`` ``speaker``, ``activities``: whenever a room large enough is free, that speaker is giving
  (or travelling from) the placed ``activities``.

Changes (remedies), each with the favourites it recovers:

- ``extend_day`` ``day``, ``minutes``: the day ends that many minutes later;
- ``bigger_room`` ``room``, ``venue``, ``capacity``, ``needed_capacity``: that room (in another venue than
  the full ones) replaced by one holding ``needed_capacity`` people;
- ``shorter_format`` ``activities``, ``from_minutes``, ``to_minutes``: those activities made shorter;
- ``extra_day`` ``day``, ``start``, ``end``: one more day, with these hours (local times);
- ``allow_day`` ``activity``, ``day``: an activity kept to some days allowed on another one too.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def _names(ids: Any) -> str:
    return ", ".join(f'"{i}"' for i in ids)


def describe(item: Mapping[str, Any]) -> str:
    """The English sentence of a reason or change code (an unknown code is shown as it is)."""
    code = item.get("code")
    p = item
    if code == "no_room_large_enough":
        return f"no room holds {p['attendance']} people (the largest holds {p['largest']})"
    if code == "too_long":
        return (
            f"it lasts {p['needed_minutes']} minutes, longer than any day it may take place "
            f"({p['longest_day_minutes']} minutes)"
        )
    if code == "speaker_unavailable":
        return f'speaker "{p["speaker"]}" is away whenever it could take place'
    if code == "speakers_unavailable":
        return f"its speakers ({_names(p['speakers'])}) are never all there when it could take place"
    if code == "rooms_unavailable":
        return f"the rooms large enough ({_names(p['rooms'])}) are closed whenever its speakers are there"
    if code == "room_full":
        return (
            f"the rooms large enough ({_names(p['rooms'])}) are full: it needs {p['needed_minutes']} minutes, "
            f"the longest free time left there is {p['free_minutes']} minutes"
        )
    if code == "speaker_busy":
        return (
            f'speaker "{p["speaker"]}" is busy with {_names(p["activities"])} whenever a room large enough '
            "is free"
        )
    if code == "extend_day":
        return f"end {p['day']} {p['minutes']} minutes later"
    if code == "bigger_room":
        return (
            f'a room for {p["needed_capacity"]} people instead of "{p["room"]}" ({p["capacity"]} seats) '
            f'in venue "{p["venue"]}"'
        )
    if code == "shorter_format":
        return f"{_names(p['activities'])} in {p['to_minutes']} minutes instead of {p['from_minutes']}"
    if code == "extra_day":
        return f"one more day, {p['day']} from {p['start']} to {p['end']}"
    if code == "allow_day":
        return f'allow "{p["activity"]}" on {p["day"]} too'
    return str(dict(item))
