"""A partial schedule that can be grown and changed one meeting at a time, with bit-mask bookkeeping."""

from maillage.engine.meetings.model import Meeting
from maillage.engine.meetings.problem import NO_TABLE, POOL, Problem


class State:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        n_people = len(problem.participant_ids)
        self.busy = [0] * n_people
        self.count = [0] * n_people
        self.partner_at: list[dict[int, int]] = [{} for _ in range(n_people)]  # slot -> request
        self.pool_used = [0] * problem.n_slots
        self.pool_full = 0 if problem.n_shared else (1 << problem.n_slots) - 1
        self.booth_busy = [0] * len(problem.table_ids)
        self.slot_of = [-1] * len(problem.req_ids)
        self.pool_at: list[set[int]] = [set() for _ in range(problem.n_slots)]
        self.at: list[set[int]] = [set() for _ in range(problem.n_slots)]  # every meeting held in each slot
        self.weight = 0
        for r, (s, _t) in problem.locked.items():
            self.place(r, s)

    def free_slots(self, r: int) -> int:
        """Slots where request r could be added now without breaking a rule (0 if none)."""
        p = self.problem
        a, b = p.req_a[r], p.req_b[r]
        if self.slot_of[r] >= 0 or self.count[a] >= p.cap[a] or self.count[b] >= p.cap[b]:
            return 0
        kind = p.req_table[r]
        if kind == NO_TABLE:
            return 0
        blocked = self.busy[a] | self.busy[b] | (self.pool_full if kind == POOL else self.booth_busy[kind])
        return p.req_common[r] & ~blocked

    def place(self, r: int, s: int) -> None:
        p = self.problem
        bit = 1 << s
        for q in (p.req_a[r], p.req_b[r]):
            self.busy[q] |= bit
            self.count[q] += 1
            self.partner_at[q][s] = r
        kind = p.req_table[r]
        if kind == POOL:
            self.pool_used[s] += 1
            self.pool_at[s].add(r)
            if self.pool_used[s] >= p.n_shared:
                self.pool_full |= bit
        else:
            self.booth_busy[kind] |= bit
        self.slot_of[r] = s
        self.at[s].add(r)
        self.weight += p.req_w[r]

    def remove(self, r: int) -> int:
        p = self.problem
        s = self.slot_of[r]
        bit = 1 << s
        for q in (p.req_a[r], p.req_b[r]):
            self.busy[q] &= ~bit
            self.count[q] -= 1
            del self.partner_at[q][s]
        kind = p.req_table[r]
        if kind == POOL:
            self.pool_used[s] -= 1
            self.pool_at[s].discard(r)
            self.pool_full &= ~bit
        else:
            self.booth_busy[kind] &= ~bit
        self.slot_of[r] = -1
        self.at[s].discard(r)
        self.weight -= p.req_w[r]
        return s

    def breaks(self) -> int:
        return sum(self.problem.breaks(mask) for mask in self.busy if mask)

    def breaks_of(self) -> list[int]:
        """Breaks of each participant."""
        return [self.problem.breaks(mask) for mask in self.busy]

    def spread(self) -> int:
        """Most breaks of a participant less fewest, among the participants who have meetings."""
        counts = [self.problem.breaks(mask) for mask in self.busy if mask]
        return max(counts) - min(counts) if counts else 0

    def holes(self) -> int:
        return sum(self.problem.holes(mask) for mask in self.busy if mask)

    def moves(self) -> int:
        """Meetings of the previous schedule that are no longer in their slot."""
        return sum(1 for r, (s, _t) in self.problem.previous.items() if self.slot_of[r] != s)

    def meetings(self) -> list[Meeting]:
        """The placed requests with their tables: booth meetings at the booth, the rest at shared tables.

        Locked tables are kept; a meeting that was at a shared table in the previous schedule keeps it when free.
        """
        p = self.problem
        taken: set[tuple[int, int]] = set()
        table: dict[int, int] = {}
        for r, (s, t) in p.locked.items():
            if t is not None:
                table[r] = t
                taken.add((t, s))
        for r, s in enumerate(self.slot_of):
            if s < 0 or r in table:
                continue
            kind = p.req_table[r]
            if kind >= 0:
                table[r] = kind
                taken.add((kind, s))
        for r, s in enumerate(self.slot_of):
            if s >= 0 and r not in table and r in p.previous:
                ps, pt = p.previous[r]
                if ps == s and pt is not None and pt in p.shared_set and (pt, s) not in taken:
                    table[r] = pt
                    taken.add((pt, s))
        cursor = [0] * p.n_slots
        for r, s in enumerate(self.slot_of):
            if s < 0 or r in table:
                continue
            while (p.shared_tables[cursor[s]], s) in taken:
                cursor[s] += 1
            t = p.shared_tables[cursor[s]]
            table[r] = t
            taken.add((t, s))
        return [
            Meeting(p.req_ids[r], p.slot_ids[s], p.table_ids[table[r]])
            for r, s in enumerate(self.slot_of)
            if s >= 0
        ]
