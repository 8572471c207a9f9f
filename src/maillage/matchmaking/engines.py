"""The one place that calls the engines: the recommender and the meeting scheduler.

Both take and give plain data. This module turns our JSON-shaped dicts into the engines' inputs and their
results back into plain dicts, so a change of an engine's signature touches this file only.
"""

from dataclasses import dataclass

from maillage.engine.meetings.parse import InputError as ScheduleInputError
from maillage.engine.meetings.parse import parse_instance
from maillage.engine.meetings.solve import solve
from maillage.engine.recommend import recommend
from maillage.engine.recommend.parse import InputError as ProfilesInputError
from maillage.engine.recommend.parse import parse_problem


class EngineFailure(Exception):
    """An engine refused its input or failed; the message says why (in English, from the engine)."""


@dataclass(frozen=True)
class Recommended:
    id: str
    score: float
    reasons: list[str]


def recommendations(profiles: dict, *, count: int = 10) -> dict[str, list[Recommended]]:
    """Profiles in the ``recommend`` command's input shape → for each id, its best partners, best first."""
    try:
        problem = parse_problem(profiles)
    except ProfilesInputError as error:
        raise EngineFailure(str(error)) from error
    result = recommend(problem, count)
    return {
        pid: [Recommended(rec.id, rec.score, [reason.text for reason in rec.reasons]) for rec in recs]
        for pid, recs in result.items()
    }


def schedule(instance: dict, *, time_limit: float) -> dict:
    """An instance in the issue 3 contract (``slots``, ``tables``, ``participants``, ``requests``, ``locked``)
    → ``{"meetings": [{request, slot, table}], "unscheduled": [{request, reason}], "stats": {...}}``."""
    try:
        parsed = parse_instance(instance)
    except ScheduleInputError as error:
        raise EngineFailure(str(error)) from error
    result = solve(parsed, time_limit=time_limit, workers=1)
    return {
        "meetings": [{"request": m.request, "slot": m.slot, "table": m.table} for m in result.meetings],
        "unscheduled": [{"request": u.request, "reason": u.reason} for u in result.unscheduled],
        "stats": dict(result.stats),
    }
