"""The one place that calls the engines: the recommender and the meeting scheduler.

Both take and give plain data. This module turns our JSON-shaped dicts into the engines' inputs and their
results back into plain dicts, so a change of an engine's signature touches this file only.
"""

from dataclasses import dataclass

from maillage.engine.meetings import InputError as ScheduleInputError
from maillage.engine.meetings import Meeting as _Meeting
from maillage.engine.meetings import Problem as _Problem
from maillage.engine.meetings import parse_instance, solve
from maillage.engine.meetings import schedule_breaches as _schedule_breaches
from maillage.engine.recommend import InputError as ProfilesInputError
from maillage.engine.recommend import parse_problem, recommend


class EngineFailure(Exception):
    """An engine refused its input or failed; the message says why (in English, from the engine)."""


@dataclass(frozen=True)
class Recommended:
    """One partner worth meeting; ``reasons``: ``[{"code", "params"}]``, strongest first (codes of
    ``engine/recommend/reasons.py``, translated at display time by ``recommendations.reason_text``)."""

    id: str
    score: float
    reasons: list[dict]


def recommendations(profiles: dict, *, count: int = 10) -> dict[str, list[Recommended]]:
    """Profiles in the ``recommend`` command's input shape → for each id, its best partners, best first.
    One ranking whatever the readers' languages: the reasons are codes, not sentences."""
    try:
        problem = parse_problem(profiles)
    except ProfilesInputError as error:
        raise EngineFailure(str(error)) from error
    result = recommend(problem, count)
    return {
        pid: [
            Recommended(rec.id, rec.score, [{"code": r.code, "params": r.params} for r in rec.reasons])
            for rec in recs
        ]
        for pid, recs in result.items()
    }


def schedule(instance: dict, *, time_limit: float) -> dict:
    """An instance in the issue 3 contract (``slots``, ``tables``, ``participants``, ``requests``, ``locked``)
    → ``{"meetings": [{request, slot, table}], "unscheduled": [{request, code, <params>, reason}],
    "stats": {...}}``: each unscheduled request with the engine's code and parameters (ids, numbers), which the
    run report translates with names (see ``reasons.py``), and its English sentence."""
    try:
        parsed = parse_instance(instance)
    except ScheduleInputError as error:
        raise EngineFailure(str(error)) from error
    # Two workers: the break search runs its large-neighbourhood search beside the proof.
    result = solve(parsed, time_limit=time_limit, workers=2)
    return {
        "meetings": [{"request": m.request, "slot": m.slot, "table": m.table} for m in result.meetings],
        "unscheduled": [u.to_json() for u in result.unscheduled],
        "stats": dict(result.stats),
    }


class PlacementCheck:
    """The scheduler's validator asked about one more meeting on a schedule: the hard rules come from the
    engine (``engine/meetings/validate.py``), so the freed-slot page and the scheduler never disagree.

    ``instance``: the scheduler's input shape (``slots``, ``tables``, ``participants``, ``requests``; no
    ``locked``); ``meetings``: the schedule, ``[{request, slot, table}]``."""

    def __init__(self, instance: dict, meetings: list[dict]) -> None:
        try:
            self._problem = _Problem.build(parse_instance(instance))
        except ScheduleInputError as error:
            raise EngineFailure(str(error)) from error
        self._people = {r["id"]: tuple(r["participants"]) for r in instance["requests"]}
        self._by_person: dict[str, list[_Meeting]] = {}
        self._by_place: dict[tuple[str, str], list[_Meeting]] = {}
        for item in meetings:
            meeting = _Meeting(item["request"], item["slot"], item["table"])
            for person in self._people[meeting.request]:
                self._by_person.setdefault(person, []).append(meeting)
            self._by_place.setdefault((meeting.slot, meeting.table), []).append(meeting)

    def errors(self, *, request: str, slot: str, table: str) -> list[dict]:
        """The hard rules that `request` at `table` in `slot` would break, each ``{"code", <params>}`` (codes
        of ``engine/meetings/validate.py``, translated by ``reasons.rule_display``); none when the schedule
        stays valid. Only the meetings it can clash with are checked: those of its two people and those at
        that table then."""
        near = {
            id(m): m
            for m in [
                *(m for person in self._people[request] for m in self._by_person.get(person, [])),
                *self._by_place.get((slot, table), []),
            ]
        }
        around = list(near.values())
        before = _schedule_breaches(self._problem, around)
        after = _schedule_breaches(self._problem, [*around, _Meeting(request, slot, table)])
        return [{"code": breach.code, **breach.params} for breach in after if breach not in before]
