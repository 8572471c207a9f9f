"""Fast construction and local search on a :class:`State`: greedy placement, ejection chains, moves that
remove breaks (then holes)."""

import time
from collections.abc import Iterator

from maillage.engine.meetings.problem import NO_TABLE, POOL, Problem
from maillage.engine.meetings.state import State


def _lowest(mask: int) -> int:
    return (mask & -mask).bit_length() - 1


def _bits(mask: int) -> Iterator[int]:
    while mask:
        low = mask & -mask
        yield low.bit_length() - 1
        mask ^= low


def shape(problem: Problem, busy: int) -> tuple[int, int, int]:
    """(gaps, edges, idle sessions) of a busy mask: slots that fill a hole, extend a run, or start a session."""
    gaps = edges = idle = 0
    for mask in problem.session_masks:
        inside = busy & mask
        if not inside:
            idle |= mask
            continue
        low = inside & -inside
        high = 1 << (inside.bit_length() - 1)
        span = (high << 1) - low
        gaps |= span & ~inside
        edges |= ((low >> 1) | (high << 1)) & mask
    return gaps, edges, idle


def pick_slot(state: State, r: int, free: int) -> int:
    """The free slot that adds the fewest breaks, then holes, for both participants (earliest among equals)."""
    p = state.problem
    previous = p.previous.get(r)
    if previous is not None and free >> previous[0] & 1:
        return previous[0]
    ga, ea, ia = shape(p, state.busy[p.req_a[r]])
    gb, eb, ib = shape(p, state.busy[p.req_b[r]])
    good_a, good_b = ga | ea | ia, gb | eb | ib
    for tier in (
        free & ga & gb,
        free & (ga | gb) & good_a & good_b,
        free & good_a & good_b,
    ):
        if tier:
            return _lowest(tier)
    # every free slot adds holes to someone: take the one that adds fewest breaks, then holes
    busy_a, busy_b = state.busy[p.req_a[r]], state.busy[p.req_b[r]]
    best, best_cost = -1, (1 << 30, 1 << 30)
    for s in _bits(free):
        session = p.session_masks[p.slot_session[s]]
        bit = 1 << s
        cost = (0, 0)
        for busy in (busy_a, busy_b):
            before, after = busy & session, (busy | bit) & session
            cost = (
                cost[0] + _session_breaks(after) - _session_breaks(before),
                cost[1] + _session_holes(after) - _session_holes(before),
            )
        if cost < best_cost:
            best, best_cost = s, cost
    return best


def _session_breaks(inside: int) -> int:
    if not inside:
        return 0
    low = inside & -inside
    gaps = ((1 << inside.bit_length()) - low) & ~inside
    return (gaps & ~(gaps << 1)).bit_count()


def _session_holes(inside: int) -> int:
    if not inside:
        return 0
    low = (inside & -inside).bit_length() - 1
    return inside.bit_length() - low - inside.bit_count()


def greedy(state: State, order: list[int], deadline: float = float("inf")) -> None:
    """Place each request in turn where it adds fewest holes; stops early at the deadline."""
    for i, r in enumerate(order):
        if i % 1024 == 0 and time.monotonic() > deadline:
            return
        free = state.free_slots(r)
        if free:
            state.place(r, pick_slot(state, r, free))


def eject(state: State, r: int, *, allow_loss: bool) -> bool:
    """Place r by moving the meetings in its way elsewhere; with allow_loss, drop lighter ones if needed.

    Returns True when r got placed (the total weight never decreases).
    """
    p = state.problem
    a, b = p.req_a[r], p.req_b[r]
    if state.slot_of[r] >= 0 or state.count[a] >= p.cap[a] or state.count[b] >= p.cap[b]:
        return False
    kind = p.req_table[r]
    if kind == NO_TABLE:
        return False
    candidates = p.req_common[r]
    if kind >= 0:
        candidates &= ~state.booth_busy[kind]
    for s in _bits(candidates):
        blockers = {x for x in (state.partner_at[a].get(s), state.partner_at[b].get(s)) if x is not None}
        if any(x in p.locked for x in blockers):
            continue
        moved = [(x, state.remove(x)) for x in blockers]
        if kind == POOL and state.pool_full >> s & 1:
            victim = next((x for x in state.pool_at[s] if x not in p.locked), None)
            if victim is None:
                for x, old in moved:
                    state.place(x, old)
                continue
            moved.append((victim, state.remove(victim)))
        state.place(r, s)
        lost = 0
        dropped = []
        for x, _old in moved:
            free = state.free_slots(x)
            if free:
                state.place(x, pick_slot(state, x, free))
            else:
                lost += p.req_w[x]
                dropped.append(x)
        if not dropped or (allow_loss and lost < p.req_w[r]):
            return True
        state.remove(r)
        for x, _old in moved:
            if state.slot_of[x] >= 0:
                state.remove(x)
        for x, old in moved:
            state.place(x, old)
    return False


def improve_weight(state: State, order: list[int], deadline: float) -> None:
    """Ejection chains for every request left out, heaviest first, until nothing changes or time is up."""
    changed = True
    rounds = 0
    while changed and rounds < 3 and time.monotonic() < deadline:
        changed = False
        rounds += 1
        for i, r in enumerate(order):
            if i % 256 == 0 and time.monotonic() > deadline:
                return
            if state.slot_of[r] < 0:
                free = state.free_slots(r)
                if free:
                    state.place(r, pick_slot(state, r, free))
                    changed = True
                elif eject(state, r, allow_loss=True):
                    changed = True
        # requests dropped by an ejection get another chance
        for r in order:
            if state.slot_of[r] < 0:
                free = state.free_slots(r)
                if free:
                    state.place(r, pick_slot(state, r, free))


def _pair_cost(state: State, a: int, b: int) -> tuple[int, int]:
    p = state.problem
    return (
        p.breaks(state.busy[a]) + p.breaks(state.busy[b]),
        p.holes(state.busy[a]) + p.holes(state.busy[b]),
    )


def improve_holes(state: State, deadline: float) -> None:
    """Move single meetings to slots that leave fewer breaks, then holes, for their two participants."""
    p = state.problem
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for r, s in enumerate(state.slot_of):
            if s < 0 or r in p.locked:
                continue
            a, b = p.req_a[r], p.req_b[r]
            before = _pair_cost(state, a, b)
            if before == (0, 0):
                continue
            if r % 512 == 0 and time.monotonic() > deadline:
                return
            state.remove(r)
            ga, ea, _ = shape(p, state.busy[a])
            gb, eb, _ = shape(p, state.busy[b])
            free = state.free_slots(r) & (ga | ea | gb | eb) & ~(1 << s)
            best, best_slot = before, s
            for t in _bits(free):
                state.place(r, t)
                after = _pair_cost(state, a, b)
                state.remove(r)
                if after < best:
                    best, best_slot = after, t
            state.place(r, best_slot)
            if best_slot != s:
                improved = True
