"""B2B recommendations: for each participant, the people worth meeting and why, across French and English.

``recommend(problem, top=10)`` ranks everyone for everyone (see :mod:`.score` for how) and explains
each recommendation with reasons as codes and parameters (see :mod:`.reasons`; ``render`` words them in French
or English); ``parse_problem`` reads the command's JSON input, raising the engines' shared ``InputError``;
``python -m maillage recommend`` wraps them (see :mod:`.cli`). Apps import from here only.
"""

from __future__ import annotations

from maillage.engine.contract import InputError
from maillage.engine.recommend.model import ROLES, Problem, Profile, Reason, Recommendation
from maillage.engine.recommend.parse import parse_problem
from maillage.engine.recommend.reasons import explain, render
from maillage.engine.recommend.score import Weights, top
from maillage.engine.recommend.score import score as score_pairs

__all__ = [
    "ROLES",
    "InputError",
    "Problem",
    "Profile",
    "Reason",
    "Recommendation",
    "Weights",
    "parse_problem",
    "recommend",
    "render",
]


def recommend(
    problem: Problem, count: int = 10, weights: Weights | None = None
) -> dict[str, list[Recommendation]]:
    """For each profile id, its ``count`` best partners, best first, never itself."""
    analysis, scores = score_pairs(problem, weights)
    result: dict[str, list[Recommendation]] = {}
    for i, columns in enumerate(top(scores.total, count)):
        result[problem.profiles[i].id] = [
            Recommendation(
                id=problem.profiles[j].id,
                score=round(float(scores.total[i, j]), 4),
                reasons=explain(analysis, scores, i, j, problem.language),
            )
            for j in columns
        ]
    return result
