"""Check a programme against its instance: every hard rule, and every activity accounted for once."""

from __future__ import annotations

from collections import Counter

from .conflicts import hard_conflicts
from .model import Instance, Programme


def programme_errors(instance: Instance, programme: Programme) -> list[str]:
    """What is wrong with ``programme`` (an empty list when it is valid)."""
    errors = []
    placed = Counter(p.activity for p in programme.placements)
    unplaced = Counter(u.activity for u in programme.unplaced)
    for activity in instance.activities:
        times = placed[activity.id] + unplaced[activity.id]
        if times != 1:
            errors.append(
                f'activity "{activity.id}" appears {times} times (placed or unplaced) instead of once'
            )
        elif activity.fixed is not None and unplaced[activity.id]:
            errors.append(f'fixed activity "{activity.id}" is not placed')
    for name in (placed + unplaced).keys() - instance.activity_by_id.keys():
        errors.append(f'unknown activity "{name}"')
    errors.extend(c.message for c in hard_conflicts(instance, programme.placements))
    return errors
