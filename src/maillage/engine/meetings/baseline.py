"""First come, first served: what the tools in use today do, kept as the yardstick for the solver."""

from maillage.engine.meetings.problem import Problem
from maillage.engine.meetings.state import State


def first_come(problem: Problem) -> State:
    """Locked meetings first, then each request in input order at the earliest slot where it fits."""
    state = State(problem)
    for r in range(len(problem.req_ids)):
        free = state.free_slots(r)
        if free:
            state.place(r, (free & -free).bit_length() - 1)
    return state
