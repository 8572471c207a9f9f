"""The one place the programme app calls the optimiser engine (``maillage.engine.programme``).

Callers hand over the engine's JSON contract (the instance as a dict: ids are strings, times ISO 8601) and get
back plain values of this module, never the engine's own dataclasses; a change of the engine's signatures
touches this file only.
"""

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from maillage.engine import programme as _engine


class EngineInputError(ValueError):
    """The instance breaks the engine's contract (e.g. two fixed activities in one room at once)."""

    def __init__(self, path: str, message: str) -> None:
        self.path, self.message = path, message
        super().__init__(f"{path}: {message}" if path else message)


@dataclass(frozen=True)
class FoundConflict:
    kind: str  # the engine's code: room_double_booked, room_too_small, speaker_double_booked, ...
    activities: tuple[str, ...]  # activity ids of the instance
    hard: bool
    count: int = 1  # attendees concerned, for missed_favourites
    speaker: str = ""  # the speaker id the engine names, for the speaker kinds
    message: str = ""  # the engine's own (English) sentence, for a kind the app has no words for
    # The engine's parameters (ids of the instance, numbers, local ISO times; see engine/programme/conflicts.py).
    params: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class Placement:
    activity: str
    room: str
    start: dt.datetime  # aware, UTC


@dataclass(frozen=True)
class Proposal:
    placements: list[Placement]
    unplaced: list[tuple[str, str]]  # (activity id, reason)
    stats: dict


def _instance(data: dict):
    try:
        return _engine.parse_instance(data)
    except _engine.InstanceError as error:
        raise EngineInputError(error.path, error.message) from None


def find_conflicts(data: dict, placements: list[dict]) -> list[FoundConflict]:
    """Every conflict of ``placements`` (``{"activity", "room", "start"}``, start ISO 8601) in the instance."""
    instance = _instance(data)
    try:
        placed = _engine.parse_placements(instance, {"placements": placements})
    except _engine.InstanceError as error:
        raise EngineInputError(error.path, error.message) from None
    return [
        FoundConflict(
            kind=conflict.kind,
            activities=tuple(conflict.activities),
            hard=conflict.hard,
            count=conflict.count,
            speaker=conflict.params.get("speaker", ""),
            message=conflict.message,
            params=conflict.params,
        )
        for conflict in _engine.find_conflicts(instance, placed)
    ]


# The parameters of the reason and remedy codes that hold the engine's ids ("r12", ["s3", "s4"]).
_ID_PARAMETERS = frozenset({"activity", "activities", "room", "rooms", "speaker", "speakers", "venue"})


def _pk(engine_id: str) -> int:
    return int(engine_id[1:])


def _with_pks(item: Mapping[str, Any]) -> dict:
    """A reason or change code with the database pk for each engine id (``"r12"`` becomes ``12``)."""
    result = {}
    for key, value in item.items():
        if key in _ID_PARAMETERS:
            value = [_pk(v) for v in value] if isinstance(value, list | tuple) else _pk(value)
        result[key] = value
    return result


def optimise(data: dict, *, time_limit: float, seed: int = 0) -> Proposal:
    """The optimiser's programme for the instance, with its statistics and the first-fit baseline's misses.

    ``stats["left_out"]`` says why each activity is left out (``{"activity": pk, "why": code with pks,
    "favourites": n}``) and ``stats["remedies"]`` lists the changes that would bring some back
    (``{"change": code with pks, "gain": n, "recovers": [pk], "displaces": [pk]}``).
    """
    instance = _instance(data)
    programme = _engine.solve(instance, time_limit=time_limit, seed=seed)
    stats = dict(programme.stats)
    stats["baseline_missed_favourites"] = _engine.first_fit(instance).stats["missed_favourites"]
    # Why each activity is left out and the remedies, with database pks for the engine's ids: handed over in
    # the statistics; the run's service moves each "why" beside its unplaced item (services._programme_run_work).
    stats["left_out"] = [
        {"activity": _pk(u.activity), "why": _with_pks(u.why), "favourites": u.favourites}
        for u in programme.unplaced
    ]
    stats["remedies"] = [
        {
            "change": _with_pks(r.change),
            "gain": r.gain,
            "recovers": [_pk(a) for a in r.recovers],
            "displaces": [_pk(a) for a in r.displaces],
        }
        for r in programme.remedies
    ]
    return Proposal(
        placements=[
            Placement(p.activity, p.room, _engine.from_minutes(p.start, dt.UTC)) for p in programme.placements
        ],
        unplaced=[(u.activity, u.reason) for u in programme.unplaced],
        stats=stats,
    )
