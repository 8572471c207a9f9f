"""The B2B meeting scheduler (issue 3): fit wanted meetings into slots and tables, best weight first.

Input (JSON, unknown keys ignored): ``slots`` [{id, start, end, session}] in time order, each session one
block of consecutive slots, times ISO 8601 with a UTC offset; ``tables`` [{id}]; ``participants`` [{id,
available?, max_meetings?, table?}] (``table``: their own booth; colleagues may share one); ``requests``
[{id, participants: [a, b], weight?}] (weight: a whole number >= 1, default 1); ``locked`` [{request, slot,
table?}]: published meetings that must stay exactly where they are; ``previous`` [{request, slot, table?}]
(our addition): the schedule published before a re-run. Its meetings keep their slot, and their shared
table when it is free, unless moving them gains weight or removes holes; ``stats.moved`` counts those that
moved.

Output: ``meetings`` [{request, slot, table}], ``unscheduled`` [{request, reason}], ``stats`` {scheduled,
requests, weight, upper_bound, gap, proven_optimal, holes, moved, baseline_weight, baseline_holes, seconds,
...}. Entry points: :func:`maillage.engine.meetings.solve.solve` and ``python -m maillage
schedule-meetings`` (:mod:`maillage.engine.meetings.cli`).
"""
