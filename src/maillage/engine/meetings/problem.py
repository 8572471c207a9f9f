"""The instance compiled for the solver: everything numbered, availability as bit masks.

Slot ``s`` is bit ``1 << s``; a participant's busy slots, a request's common free slots and a session's slots
are all Python integers used as bit sets, which keeps the heuristics fast at a hundred thousand requests.
"""

from dataclasses import dataclass
from functools import cached_property

from maillage.engine.meetings.model import Instance

POOL = -1  # the meeting needs one of the shared tables
NO_TABLE = -2  # both participants have their own (different) booth: the meeting cannot take place


@dataclass
class Problem:
    instance: Instance
    n_slots: int
    slot_ids: list[str]
    slot_session: list[int]  # session number of each slot
    session_masks: list[int]  # the slots of each session
    table_ids: list[str]
    shared_tables: list[int]  # tables that are nobody's booth, in input order
    booth_of: list[int]  # per participant: table index or -1
    participant_ids: list[str]
    avail: list[int]  # per participant: mask of available slots
    cap: list[int]  # per participant: max meetings (at most their number of available slots)
    max_meetings: list[int | None]
    req_ids: list[str]
    req_a: list[int]
    req_b: list[int]
    req_w: list[int]
    req_table: list[int]  # POOL, NO_TABLE or the booth table index
    req_common: list[int]  # slots where both are available, within the meeting's window
    req_pair: list[int]  # slots where both are available, whatever the window
    req_window: list[int]  # the meeting's window (every slot when it has none)
    slot_index: dict[str, int]
    table_index: dict[str, int]
    participant_index: dict[str, int]
    request_index: dict[str, int]
    locked: dict[int, tuple[int, int | None]]  # request -> (slot, table or None)
    previous: dict[int, tuple[int, int | None]]
    max_break_spread: int | None

    @property
    def n_shared(self) -> int:
        return len(self.shared_tables)

    @cached_property
    def shared_set(self) -> frozenset[int]:
        return frozenset(self.shared_tables)

    @classmethod
    def build(cls, instance: Instance) -> "Problem":
        slot_ids = [s.id for s in instance.slots]
        slot_index = {sid: i for i, sid in enumerate(slot_ids)}
        session_number: dict[str, int] = {}
        slot_session = [session_number.setdefault(s.session, len(session_number)) for s in instance.slots]
        session_masks = [0] * len(session_number)
        for i, k in enumerate(slot_session):
            session_masks[k] |= 1 << i
        all_slots = (1 << len(slot_ids)) - 1
        table_ids = [t.id for t in instance.tables]
        table_index = {tid: i for i, tid in enumerate(table_ids)}
        booths = {p.table for p in instance.participants if p.table is not None}
        shared_tables = [i for i, tid in enumerate(table_ids) if tid not in booths]
        participant_ids = [p.id for p in instance.participants]
        participant_index = {pid: i for i, pid in enumerate(participant_ids)}
        avail = []
        for p in instance.participants:
            mask = all_slots
            if p.available is not None:
                mask = 0
                for sid in p.available:
                    mask |= 1 << slot_index[sid]
            avail.append(mask)
        max_meetings = [p.max_meetings for p in instance.participants]
        cap = [
            a.bit_count() if m is None else min(m, a.bit_count())
            for a, m in zip(avail, max_meetings, strict=True)
        ]
        booth_of = [-1 if p.table is None else table_index[p.table] for p in instance.participants]
        req_a, req_b, req_w, req_table, req_common = [], [], [], [], []
        req_pair, req_window = [], []
        for r in instance.requests:
            a, b = participant_index[r.participants[0]], participant_index[r.participants[1]]
            req_a.append(a)
            req_b.append(b)
            req_w.append(r.weight)
            ta, tb = booth_of[a], booth_of[b]
            if ta >= 0 and tb >= 0 and ta != tb:
                req_table.append(NO_TABLE)
            else:
                req_table.append(max(ta, tb) if max(ta, tb) >= 0 else POOL)
            window = all_slots
            if r.available is not None:
                window = 0
                for sid in r.available:
                    window |= 1 << slot_index[sid]
            req_pair.append(avail[a] & avail[b])
            req_window.append(window)
            req_common.append(avail[a] & avail[b] & window)
        request_index = {r.id: i for i, r in enumerate(instance.requests)}

        def placements(items: list) -> dict[int, tuple[int, int | None]]:
            return {
                request_index[p.request]: (
                    slot_index[p.slot],
                    None if p.table is None else table_index[p.table],
                )
                for p in items
            }

        return cls(
            instance=instance,
            n_slots=len(slot_ids),
            slot_ids=slot_ids,
            slot_session=slot_session,
            session_masks=session_masks,
            table_ids=table_ids,
            shared_tables=shared_tables,
            booth_of=booth_of,
            participant_ids=participant_ids,
            avail=avail,
            cap=cap,
            max_meetings=max_meetings,
            req_ids=[r.id for r in instance.requests],
            req_a=req_a,
            req_b=req_b,
            req_w=req_w,
            req_table=req_table,
            req_common=req_common,
            req_pair=req_pair,
            req_window=req_window,
            slot_index=slot_index,
            table_index=table_index,
            participant_index=participant_index,
            request_index=request_index,
            locked=placements(instance.locked),
            previous=placements(instance.previous),
            max_break_spread=instance.options.max_break_spread,
        )

    def breaks(self, busy: int) -> int:
        """Breaks as the research counts them: runs of idle slots between two meetings within a session."""
        total = 0
        for mask in self.session_masks:
            inside = busy & mask
            if inside:
                low = inside & -inside
                span = (1 << inside.bit_length()) - low
                gaps = span & ~inside
                total += (gaps & ~(gaps << 1)).bit_count()
        return total

    def holes(self, busy: int) -> int:
        """Idle slots between two meetings of one participant within a session, for a busy-slot mask."""
        total = 0
        for mask in self.session_masks:
            inside = busy & mask
            if inside:
                low = (inside & -inside).bit_length() - 1
                span = inside.bit_length() - low
                total += span - inside.bit_count()
        return total
