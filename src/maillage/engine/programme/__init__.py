"""The programme optimiser: place a week of activities in rooms so that people can attend what they starred.

``solve(instance)`` returns a :class:`Programme`; ``find_conflicts`` explains what is wrong with any (partial)
placement; ``python -m maillage schedule-programme`` is the JSON command around them (see ``cli.py``).
"""

from .baseline import first_fit
from .conflicts import Conflict, co_interest, find_conflicts
from .model import Instance, Placement, Programme, Unplaced
from .parse import InstanceError, parse_instance
from .solve import solve

__all__ = [
    "Conflict",
    "Instance",
    "InstanceError",
    "Placement",
    "Programme",
    "Unplaced",
    "co_interest",
    "find_conflicts",
    "first_fit",
    "parse_instance",
    "solve",
]
