"""B2B recommendations: for each participant, the people worth meeting and why, across French and English.

``recommend(problem, top=10)`` ranks everyone for everyone (see :mod:`.score` for how) and explains
each recommendation (see :mod:`.reasons`); ``python -m maillage recommend`` wraps it (see :mod:`.cli`).
"""

from __future__ import annotations

from maillage.engine.recommend.model import Problem, Profile, Reason, Recommendation
from maillage.engine.recommend.reasons import explain
from maillage.engine.recommend.score import Weights, top
from maillage.engine.recommend.score import score as score_pairs

__all__ = ["Problem", "Profile", "Reason", "Recommendation", "Weights", "recommend"]


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
