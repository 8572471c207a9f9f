"""The programme optimiser: place a week of activities in rooms so that people can attend what they starred.

``solve(instance)`` returns a :class:`Programme`; ``find_conflicts`` lists what is wrong with any (partial)
placement, each conflict a code with parameters (``describe`` gives its English sentence); ``python -m
maillage schedule-programme`` is the JSON command around them (see ``cli.py``). Apps import only these names.
"""

from ..contract import InputError
from .baseline import first_fit
from .conflicts import HARD_KINDS, SOFT_KINDS, Conflict, co_interest, describe, find_conflicts
from .model import Instance, Placement, Programme, Unplaced, from_minutes
from .parse import InstanceError, parse_instance, parse_placements
from .solve import solve

__all__ = [
    "HARD_KINDS",
    "SOFT_KINDS",
    "Conflict",
    "InputError",
    "Instance",
    "InstanceError",
    "Placement",
    "Programme",
    "Unplaced",
    "co_interest",
    "describe",
    "find_conflicts",
    "first_fit",
    "from_minutes",
    "parse_instance",
    "parse_placements",
    "solve",
]
