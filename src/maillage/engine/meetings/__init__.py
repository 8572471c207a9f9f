"""The B2B meeting scheduler (issues 3 and 11): fit wanted meetings into slots and tables, best weight first,
then fewest breaks, then fewest empty slots, then fewest moves.

Input (JSON, unknown keys ignored): ``slots`` [{id, start, end, session}] in time order, each session one
block of consecutive slots, times ISO 8601 with a UTC offset; ``tables`` [{id}]; ``participants`` [{id,
available?, max_meetings?, table?}] (``table``: their own booth; colleagues may share one); ``requests``
[{id, participants: [a, b], weight?, available?}] (weight: a whole number >= 1, default 1; available: the
meeting's window, slot ids, intersected with both participants' availability; absent: every slot);
``options`` {max_break_spread?} (a whole number >= 0: no participant with meetings has more than that many
breaks more than another; a hard rule, dropped with ``stats.infeasible_reason`` when no schedule of the
best weight meets it); ``locked`` [{request, slot,
table?}]: published meetings that must stay exactly where they are; ``previous`` [{request, slot, table?}]
(our addition): the schedule published before a re-run. Its meetings keep their slot, and their shared
table when it is free, unless moving them gains weight or removes holes; ``stats.moved`` counts those that
moved.

Output: ``meetings`` [{request, slot, table}], ``unscheduled`` [{request, code, <params>, reason}] (a code
of :mod:`.reasons` with its parameters, ids or numbers, and its English sentence beside it), ``stats`` {scheduled,
requests, weight, upper_bound, gap, weight_proven_optimal, breaks, breaks_lower_bound,
breaks_proven_optimal, proven_optimal (weight and breaks both proven), max_breaks_per_participant,
break_spread, max_break_spread, infeasible ({code, n, weight?} of :mod:`.reasons`, or null), infeasible_reason
(its English sentence), holes, moved, baseline_weight, baseline_breaks, baseline_holes, seconds, ...}. A break is a run of empty slots between two meetings of a participant within
one session (Bofill et al., JAIR 2022); ``holes`` counts the empty slots themselves. The command returns as
soon as weight and breaks are proven; the time limit is a ceiling. Entry points: :func:`maillage.engine.meetings.solve.solve` and ``python -m maillage
schedule-meetings`` (:mod:`maillage.engine.meetings.cli`). :func:`schedule_breaches` checks any schedule against the hard rules,
each broken rule a code with parameters (``validate.py``).
"""

from maillage.engine.contract import InputError
from maillage.engine.meetings.model import Instance, Meeting, Schedule, Unscheduled
from maillage.engine.meetings.parse import load_instance, parse_instance
from maillage.engine.meetings.problem import Problem
from maillage.engine.meetings.reasons import SENTENCES, SINGULAR, render
from maillage.engine.meetings.solve import solve
from maillage.engine.meetings.validate import RULES, Breach, schedule_breaches, schedule_errors

__all__ = [
    "RULES",
    "SENTENCES",
    "SINGULAR",
    "Breach",
    "InputError",
    "Instance",
    "Meeting",
    "Problem",
    "Schedule",
    "Unscheduled",
    "load_instance",
    "parse_instance",
    "render",
    "schedule_breaches",
    "schedule_errors",
    "solve",
]
