"""An indexed instance plus a mutable placement: the fast hard-rule checks shared by the solvers.

Activities, rooms, venues and speakers are numbered; an activity's *static* options are computed once (the
starts on the grid of its allowed days when all its speakers are available and some large enough room is open,
and the large enough rooms), so that only the rules that depend on other activities (room taken, speaker
elsewhere, travel between venues) are checked while searching.
"""

from __future__ import annotations

from typing import Any

from .model import Activity, Instance, Placement, Unplaced
from .reasons import describe

UNPLACED = -1


class Board:
    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        acts = instance.activities
        self.n = len(acts)
        self.index = {a.id: i for i, a in enumerate(acts)}
        self.room_index = {r.id: i for i, r in enumerate(instance.rooms)}
        venue_index = {v.id: i for i, v in enumerate(instance.venues)}
        self.room_venue = [venue_index[r.venue] for r in instance.rooms]
        self.travel = [[instance.travel(v.id, w.id) for w in instance.venues] for v in instance.venues]
        self.room_gaps = [[(g.start, g.end) for g in r.unavailable] for r in instance.rooms]
        speaker_index = {s.id: i for i, s in enumerate(instance.speakers)}
        self.speakers = [[speaker_index[s] for s in a.speakers] for a in acts]
        self.duration = [a.duration for a in acts]
        self.movable = [a.fixed is None for a in acts]
        self.rooms: list[list[int]] = []
        self.starts: list[list[int]] = []
        # Why an activity cannot be placed in any programme (a code with parameters), None when it can.
        self.why: list[dict[str, Any] | None] = []
        biggest = max((r.capacity for r in instance.rooms), default=0)
        for a in acts:
            fits = sorted(
                (i for i, r in enumerate(instance.rooms) if r.capacity >= a.attendance),
                key=lambda i: (instance.rooms[i].capacity, i),
            )
            self.rooms.append(fits)
            speaker_gaps = [
                (g.start, g.end) for s in a.speakers for g in instance.speaker_by_id[s].unavailable
            ]
            starts = self._starts(a, fits, speaker_gaps)
            self.starts.append(starts if fits else [])
            if not fits:
                self.why.append(
                    {"code": "no_room_large_enough", "attendance": a.attendance, "largest": biggest}
                )
            elif not starts:
                self.why.append(self._why_no_start(a, fits))
            else:
                self.why.append(None)
        self.start = [UNPLACED] * self.n
        self.end = [UNPLACED] * self.n
        self.room = [UNPLACED] * self.n
        self.room_acts: list[set[int]] = [set() for _ in instance.rooms]
        self.speaker_acts: list[set[int]] = [set() for _ in instance.speakers]
        for i, a in enumerate(acts):
            if a.fixed is not None:
                self.place(i, a.fixed.start, self.room_index[a.fixed.room])

    def _starts(self, a: Activity, fits: list[int], speaker_gaps: list[tuple[int, int]]) -> list[int]:
        """The starts on the grid of ``a``'s days when its speakers and one of the rooms ``fits`` are there."""
        starts: list[int] = []
        instance = self.instance
        for day in instance.days:
            if a.days is not None and day.date not in a.days:
                continue
            for s in range(day.start, day.end - a.duration + 1, instance.grid_minutes):
                e = s + a.duration
                if any(gs < e and s < ge for gs, ge in speaker_gaps):
                    continue
                if any(all(not (gs < e and s < ge) for gs, ge in self.room_gaps[r]) for r in fits):
                    starts.append(s)
        return starts

    def _why_no_start(self, a: Activity, fits: list[int]) -> dict[str, Any]:
        """Which of the days, the speakers or the rooms leaves ``a`` (with large enough rooms) no start."""
        instance = self.instance
        days = [d for d in instance.days if a.days is None or d.date in a.days]
        longest = max((d.end - d.start for d in days), default=0)
        if a.duration > longest:
            return {"code": "too_long", "needed_minutes": a.duration, "longest_day_minutes": longest}
        gaps = {s: [(g.start, g.end) for g in instance.speaker_by_id[s].unavailable] for s in a.speakers}
        for name in a.speakers:
            if gaps[name] and not self._starts(a, fits, gaps[name]):
                return {"code": "speaker_unavailable", "speaker": name}
        if gaps and self._starts(a, fits, []):
            return {"code": "speakers_unavailable", "speakers": list(a.speakers)}
        return {"code": "rooms_unavailable", "rooms": [instance.rooms[r].id for r in fits]}

    def placeable(self, a: int) -> bool:
        return bool(self.starts[a])

    def free(self, a: int, s: int, r: int) -> bool:
        """Can activity ``a`` start at ``s`` in room ``r`` given everything else placed (``a`` ignored)?"""
        e = s + self.duration[a]
        for gs, ge in self.room_gaps[r]:
            if gs < e and s < ge:
                return False
        start, end = self.start, self.end
        for b in self.room_acts[r]:
            if b != a and start[b] < e and s < end[b]:
                return False
        v = self.room_venue[r]
        travel = self.travel
        for sp in self.speakers[a]:
            for b in self.speaker_acts[sp]:
                if b == a:
                    continue
                vb = self.room_venue[self.room[b]]
                if not (end[b] + travel[vb][v] <= s or e + travel[v][vb] <= start[b]):
                    return False
        return True

    def speakers_free(self, a: int, s: int, v: int) -> bool:
        e = s + self.duration[a]
        start, end, travel = self.start, self.end, self.travel
        for sp in self.speakers[a]:
            for b in self.speaker_acts[sp]:
                if b == a:
                    continue
                vb = self.room_venue[self.room[b]]
                if not (end[b] + travel[vb][v] <= s or e + travel[v][vb] <= start[b]):
                    return False
        return True

    def find_room(self, a: int, s: int) -> int:
        """The smallest large enough room where ``a`` can start at ``s``, or ``UNPLACED``."""
        e = s + self.duration[a]
        start, end = self.start, self.end
        checked: dict[int, bool] = {}
        for r in self.rooms[a]:
            if any(gs < e and s < ge for gs, ge in self.room_gaps[r]):
                continue
            if any(b != a and start[b] < e and s < end[b] for b in self.room_acts[r]):
                continue
            v = self.room_venue[r]
            ok = checked.get(v)
            if ok is None:
                ok = checked[v] = self.speakers_free(a, s, v)
            if ok:
                return r
        return UNPLACED

    def blockers(self, a: int, s: int, r: int) -> set[int]:
        """The placed activities that stop ``a`` from starting at ``s`` in room ``r``."""
        e = s + self.duration[a]
        start, end = self.start, self.end
        found = {b for b in self.room_acts[r] if b != a and start[b] < e and s < end[b]}
        v = self.room_venue[r]
        for sp in self.speakers[a]:
            for b in self.speaker_acts[sp]:
                vb = self.room_venue[self.room[b]]
                if b != a and not (end[b] + self.travel[vb][v] <= s or e + self.travel[v][vb] <= start[b]):
                    found.add(b)
        return found

    def place(self, a: int, s: int, r: int) -> None:
        if self.room[a] != UNPLACED:
            self.remove(a)
        self.start[a] = s
        self.end[a] = s + self.duration[a]
        self.room[a] = r
        self.room_acts[r].add(a)
        for sp in self.speakers[a]:
            self.speaker_acts[sp].add(a)

    def remove(self, a: int) -> None:
        r = self.room[a]
        if r == UNPLACED:
            return
        self.room_acts[r].discard(a)
        for sp in self.speakers[a]:
            self.speaker_acts[sp].discard(a)
        self.start[a] = self.end[a] = self.room[a] = UNPLACED

    def snapshot(self) -> tuple[list[int], list[int]]:
        return list(self.start), list(self.room)

    def restore(self, snap: tuple[list[int], list[int]]) -> None:
        starts, rooms = snap
        for a in range(self.n):
            self.remove(a)
        for a in range(self.n):
            if rooms[a] != UNPLACED:
                self.place(a, starts[a], rooms[a])

    def placements(self) -> list[Placement]:
        acts, rooms = self.instance.activities, self.instance.rooms
        return [
            Placement(acts[a].id, rooms[self.room[a]].id, self.start[a])
            for a in sorted(range(self.n), key=lambda a: (self.start[a], self.room[a]))
            if self.room[a] != UNPLACED
        ]

    def unplaced(self) -> list[Unplaced]:
        acts = self.instance.activities
        starred: dict[str, int] = {}
        for attendee in self.instance.attendees:
            for name in attendee.favourites:
                starred[name] = starred.get(name, 0) + 1
        result = []
        for a in range(self.n):
            if self.room[a] != UNPLACED:
                continue
            why = self.why[a] or self.why_left_out(a)
            result.append(Unplaced(acts[a].id, describe(why), why, starred.get(acts[a].id, 0)))
        return result

    def why_left_out(self, a: int) -> dict[str, Any]:
        """Why placeable ``a`` is not placed as things are: the rooms it fits are full, or a speaker is busy.

        Every start and room of its options is looked at: when a room is free at some of them, the speaker in
        the way most often is named with what they are doing then; otherwise the rooms are full, and the
        longest time one of them is still free while its speakers are there is given.
        """
        instance = self.instance
        e_of = self.duration[a]
        busy: dict[int, set[int]] = {}
        for r in self.rooms[a]:
            for s in self.starts[a]:
                e = s + e_of
                if any(gs < e and s < ge for gs, ge in self.room_gaps[r]):
                    continue
                if any(self.start[b] < e and s < self.end[b] for b in self.room_acts[r] if b != a):
                    continue
                v = self.room_venue[r]
                for sp in self.speakers[a]:
                    for b in self.speaker_acts[sp]:
                        vb = self.room_venue[self.room[b]]
                        if b != a and not (
                            self.end[b] + self.travel[vb][v] <= s or e + self.travel[v][vb] <= self.start[b]
                        ):
                            busy.setdefault(sp, set()).add(b)
        if busy:
            sp = max(busy, key=lambda k: (len(busy[k]), -k))
            return {
                "code": "speaker_busy",
                "speaker": instance.speakers[sp].id,
                "activities": sorted(instance.activities[b].id for b in busy[sp]),
            }
        away = [(g.start, g.end) for s in self.speakers[a] for g in instance.speakers[s].unavailable]
        longest = 0
        for r in self.rooms[a]:
            taken = [(self.start[b], self.end[b]) for b in self.room_acts[r] if b != a]
            allowed = instance.activities[a].days
            for day in instance.days:
                if allowed is not None and day.date not in allowed:
                    continue
                cursor = day.start
                for s, e in sorted([*taken, *self.room_gaps[r], *away]):
                    if e <= cursor or s >= day.end:
                        continue
                    longest = max(longest, min(s, day.end) - cursor)
                    cursor = max(cursor, e)
                longest = max(longest, day.end - cursor)
        return {
            "code": "room_full",
            "rooms": [
                instance.rooms[r].id
                for r in sorted(self.rooms[a], key=lambda r: (-instance.rooms[r].capacity, r))
            ],
            "needed_minutes": e_of,
            "free_minutes": longest,
        }
