"""The programme optimiser.

1. **Aggregate** the attendees into the co-interest matrix w(a, b) (how many starred both a and b): 5,000
   attendees become one 300×300 matrix; the search never looks at an attendee again. Same-track, same-audience
   pairs add a small weight, so that the pairwise cost of a placement is
   ``FAVOURITE_WEIGHT · (attendee pairs that clash) + TRACK_WEIGHT · (same-track overlaps)``.
2. **Choose what to leave out** when the week is over-full: the knapsack of ``selection.py`` (CP-SAT) keeps
   the activities that leave out the fewest favourites, then the fewest activities, within the room-time of
   each room class and the speakers' time of each day, and packs the over-subscribed rooms exactly; its
   proven bound is the ``left_out_favourites_lower_bound``. The left-out activities wait aside; the
   over-subscribed rooms are filled as the knapsack packed them. ``remedies.py`` re-solves it on changed
   weeks (a longer day, a bigger room, shorter talks, one more day) to say what each change would recover.
3. **Construct** greedily: fixed activities first, then the hardest to place and the most starred-together
   ones, each at the start (on its static options) where it clashes least, in the smallest free large enough
   room where its speakers can be (travel included).
4. **Anneal**: pick an activity (mostly one that clashes, or an unplaced one), price every start of its
   options at once with numpy against its co-interest neighbours, sample a start by the Boltzmann rule
   (Gumbel-perturbed prices) among the feasible ones, and move it; unplaced activities may push out one
   movable blocker. The temperature falls until the deadline; the best programme seen is kept. On an
   over-full week, a **swap** local search then brings a left-out activity in where it pushes placed ones out
   (placing them again elsewhere if they fit) whenever that loses fewer favourites, counted exactly attendee
   by attendee, and a cooler anneal follows. Any left-out activity that fits as things are is placed: it
   never costs a favourite.
5. **Compact** the rooms' days: give each day's activities rooms again (same starts) so that fewer rooms are
   used, fuller; slide activities next to their room neighbours when no clash gets worse.
6. **Validate** the result against every hard rule before returning it, and say why each left-out activity
   is out (a code with parameters, ``reasons.py``).

Programmes are ranked by missed favourites (left out plus lost to overlaps, ``metrics.py``), then activities
left out, then clashing pairs, same-track overlaps and compactness.

Every hard rule holds at every step, so the best programme so far is always valid when time runs out.
"""

from __future__ import annotations

import bisect
import math
import random
import time
from collections import defaultdict
from collections.abc import Iterable

import numpy as np

from .baseline import first_fit
from .board import UNPLACED, Board
from .conflicts import co_interest
from .metrics import evaluate, fixed_overlap_bound, lower_bound
from .model import Instance, Programme, Remedy
from .remedies import find_remedies
from .selection import choose
from .validate import programme_errors

FAVOURITE_WEIGHT = 1000.0
TRACK_WEIGHT = 1.0
_FAR = 1 << 40
# Compactness: opening a room for a day weighs as much as this many idle minutes in it.
ROOM_DAY_MINUTES = 120


class _Search:
    # The annealing temperature falls from about ten attendee pairs to a fraction of a track overlap.
    hot = FAVOURITE_WEIGHT * 10.0
    cold = TRACK_WEIGHT * 0.2

    def __init__(self, instance: Instance, seed: int) -> None:
        self.board = board = Board(instance)
        self.rng = random.Random(seed)
        self.np_rng = np.random.default_rng(seed)
        self.weights = co_interest(instance)
        n = board.n
        matrix = np.zeros((n, n))
        for (x, y), w in self.weights.items():
            i, j = board.index[x], board.index[y]
            matrix[i, j] = matrix[j, i] = FAVOURITE_WEIGHT * w
        groups: dict[tuple[str, str], list[int]] = defaultdict(list)
        for i, activity in enumerate(instance.activities):
            if activity.track:
                groups[(activity.track, activity.audience)].append(i)
        for members in groups.values():
            idx = np.array(members)
            matrix[np.ix_(idx, idx)] += TRACK_WEIGHT
        np.fill_diagonal(matrix, 0.0)
        self.matrix = matrix
        self.neighbours = [np.flatnonzero(matrix[a]) for a in range(n)]
        self.neighbour_weights = [matrix[a, self.neighbours[a]] for a in range(n)]
        self.options = [np.array(s, dtype=np.int64) for s in board.starts]
        self.option_set = [set(s) for s in board.starts]
        self.duration = np.array(board.duration, dtype=np.int64)
        self.st = np.full(n, _FAR, dtype=np.int64)
        self.en = np.full(n, -_FAR, dtype=np.int64)
        for a in range(n):
            if board.room[a] != UNPLACED:
                self.st[a], self.en[a] = board.start[a], board.end[a]
        self.total = 0.0
        self.day_starts = [d.start for d in instance.days]
        # Which activities the search places (all, unless the knapsack leaves some out of a full week).
        self.active = [True] * n
        # Exact missed favourites, attendee by attendee: who starred what.
        self.fans: list[list[int]] = [[] for _ in range(n)]
        self.starred: list[list[int]] = []
        for i, attendee in enumerate(instance.attendees):
            mine = [board.index[f] for f in attendee.favourites]
            self.starred.append(mine)
            for a in mine:
                self.fans[a].append(i)
        self.fav = [len(f) for f in self.fans]

    # -- pricing ---------------------------------------------------------------------------------------------

    def prices(self, a: int, starts: np.ndarray) -> np.ndarray:
        k = self.neighbours[a]
        if not len(k):
            return np.zeros(len(starts))
        mask = (self.st[k][None, :] < (starts + self.duration[a])[:, None]) & (
            starts[:, None] < self.en[k][None, :]
        )
        return np.asarray(mask @ self.neighbour_weights[a], dtype=float)

    def price(self, a: int, s: int) -> float:
        k = self.neighbours[a]
        mask = (self.st[k] < s + self.board.duration[a]) & (s < self.en[k])
        return float(self.neighbour_weights[a][mask].sum())

    def recompute_total(self) -> float:
        st, en = self.st, self.en
        overlap = (st[:, None] < en[None, :]) & (st[None, :] < en[:, None])
        self.per_activity = (overlap * self.matrix).sum(axis=1)
        self.total = float(self.per_activity.sum() / 2)
        return self.total

    # -- moves -----------------------------------------------------------------------------------------------

    def put(self, a: int, s: int, r: int) -> None:
        if self.board.room[a] != UNPLACED:
            self.take(a)
        self.total += self.price(a, s)
        self.board.place(a, s, r)
        self.st[a], self.en[a] = s, s + self.board.duration[a]

    def take(self, a: int) -> None:
        self.total -= self.price(a, self.board.start[a])
        self.board.remove(a)
        self.st[a], self.en[a] = _FAR, -_FAR

    def place_best(self, a: int, noise: float = 0.0) -> bool:
        starts = self.options[a]
        if not len(starts):
            return False
        keys = self.prices(a, starts)
        if noise:
            keys = keys + noise * self.np_rng.random(len(starts))
        for idx in np.argsort(keys, kind="stable"):
            s = int(starts[idx])
            r = self.board.find_room(a, s)
            if r != UNPLACED:
                self.put(a, s, r)
                return True
        return False

    def construct(self) -> None:
        board = self.board
        todo = [a for a in range(board.n) if board.movable[a] and board.placeable(a) and self.active[a]]
        most = max((len(board.starts[a]) * len(board.rooms[a]) for a in todo), default=1)
        interest = self.matrix.sum(axis=1)
        todo.sort(
            key=lambda a: (
                len(board.starts[a]) * len(board.rooms[a]) > most / 10,
                -len(board.speakers[a]) - (len(board.rooms[a]) < len(board.room_gaps) / 4),
                -interest[a],
            )
        )
        for a in todo:
            self.place_best(a, noise=0.5)

    def unplaced_count(self) -> int:
        board = self.board
        return sum(
            1 for a in range(board.n) if board.room[a] == UNPLACED and board.placeable(a) and self.active[a]
        )

    def anneal(self, deadline: float, *, hot: float | None = None) -> int:
        board = self.board
        movable = [a for a in range(board.n) if board.movable[a] and board.placeable(a) and self.active[a]]
        if not movable:
            return 0
        began = time.perf_counter()
        hot, cold = hot or self.hot, self.cold
        temperature = hot
        self.recompute_total()
        best_key = (self.unplaced_count(), self.total)
        best = board.snapshot()
        rng = self.rng
        clashing: list[int] = []
        waiting: list[int] = []
        iterations = 0
        while True:
            if iterations % 256 == 0:
                now = time.perf_counter()
                if now >= deadline:
                    break
                fraction = (now - began) / max(deadline - began, 1e-9)
                temperature = hot * (cold / hot) ** fraction
                self.recompute_total()
                clashing = [a for a in movable if self.per_activity[a] > 0 and board.room[a] != UNPLACED]
                waiting = [a for a in movable if board.room[a] == UNPLACED]
            iterations += 1
            roll = rng.random()
            if waiting and roll < 0.3:
                a = rng.choice(waiting)
            elif clashing and roll < 0.85:
                a = rng.choice(clashing)
            else:
                a = rng.choice(movable)
            starts = self.options[a]
            prices = self.prices(a, starts)
            here = board.start[a]
            placed = board.room[a] != UNPLACED
            current = float(prices[bisect.bisect_left(board.starts[a], here)]) if placed else 0.0
            gumbel = -np.log(-np.log(self.np_rng.random(len(starts)) + 1e-300) + 1e-300)
            keys = prices - temperature * gumbel
            order = np.argpartition(keys, min(12, len(keys) - 1))[:12]
            order = order[np.argsort(keys[order])]
            moved = False
            for idx in order:
                s = int(starts[idx])
                if placed and s == here:
                    break
                r = board.find_room(a, s)
                if r != UNPLACED:
                    self.total += float(prices[idx]) - current
                    board.place(a, s, r)
                    self.st[a], self.en[a] = s, s + board.duration[a]
                    moved = True
                    break
            if not moved and not placed:
                moved = self.eject_for(a, int(starts[order[0]]))
            elif not moved and placed and int(starts[order[0]]) != here:
                moved = self.swap(a, int(starts[order[0]]), temperature)
            if moved:
                if not placed and a in waiting:
                    waiting.remove(a)
                key = (self.unplaced_count(), self.total)
                if key < best_key:
                    best_key = key
                    best = board.snapshot()
        self.restore(best)
        return iterations

    def eject_for(self, a: int, s: int) -> bool:
        """Place unplaced ``a`` at ``s`` by pushing out a single movable blocker, then re-place the blocker."""
        board = self.board
        choices = []
        for r in board.rooms[a]:
            if any(gs < s + board.duration[a] and s < ge for gs, ge in board.room_gaps[r]):
                continue
            blockers = board.blockers(a, s, r)
            if len(blockers) == 1 and all(board.movable[b] for b in blockers):
                choices.append((r, blockers.pop()))
        if not choices:
            return False
        r, b = self.rng.choice(choices)
        self.take(b)
        if not board.free(a, s, r):  # pragma: no cover - blockers() lists everything in the way
            raise AssertionError("ejection left a blocker")
        self.put(a, s, r)
        self.place_best(b)
        return True

    def swap(self, a: int, s: int, temperature: float) -> bool:
        """Move placed ``a`` to ``s`` by swapping with the one movable activity in the way (Metropolis rule)."""
        board = self.board
        choices = []
        for r in board.rooms[a]:
            if any(gs < s + board.duration[a] and s < ge for gs, ge in board.room_gaps[r]):
                continue
            blockers = board.blockers(a, s, r)
            if len(blockers) == 1:
                b = blockers.pop()
                if board.movable[b] and board.room[a] in board.rooms[b]:
                    choices.append((r, b))
        if not choices:
            return False
        r, b = self.rng.choice(choices)
        a_start, a_room, b_start, b_room = board.start[a], board.room[a], board.start[b], board.room[b]
        # b takes a's room, at a's start or wherever it ends where a ended (both on b's options).
        before = self.total
        self.take(a)
        self.take(b)
        if board.free(a, s, r):
            self.put(a, s, r)
            for b_new in (a_start, a_start + board.duration[a] - board.duration[b]):
                if b_new in self.option_set[b] and board.free(b, b_new, a_room):
                    self.put(b, b_new, a_room)
                    delta = self.total - before
                    if delta <= 0 or self.rng.random() < math.exp(-delta / max(temperature, 1e-9)):
                        return True
                    self.take(b)
                    break
            self.take(a)
        self.put(b, b_start, b_room)
        self.put(a, a_start, a_room)
        return False

    def restore(self, snap: tuple[list[int], list[int]]) -> None:
        self.board.restore(snap)
        for a in range(self.board.n):
            if self.board.room[a] != UNPLACED:
                self.st[a], self.en[a] = self.board.start[a], self.board.end[a]
            else:
                self.st[a], self.en[a] = _FAR, -_FAR
        self.recompute_total()

    # -- what is left out ------------------------------------------------------------------------------------

    def missed_of(self, attendees: Iterable[int]) -> int:
        """Exact missed favourites of some attendees (as ``metrics.missed_favourites`` counts them)."""
        board = self.board
        start, end, room = board.start, board.end, board.room
        missed = 0
        for i in attendees:
            spans = sorted((end[a], start[a]) for a in self.starred[i] if room[a] != UNPLACED)
            missed += len(self.starred[i]) - len(spans)
            last = None
            for e, s in spans:
                if last is None or s >= last:
                    last = e
                else:
                    missed += 1
        return missed

    def left_out(self) -> list[int]:
        board = self.board
        return [
            a for a in range(board.n) if board.room[a] == UNPLACED and board.movable[a] and board.placeable(a)
        ]

    def fill(self) -> None:
        """Place every left-out activity that fits somewhere as things are: it never costs a favourite."""
        for a in sorted(self.left_out(), key=lambda a: -self.fav[a]):
            if self.place_best(a):
                self.active[a] = True

    def swap_in(self, deadline: float, *, tries: int = 24) -> int:
        """Local search: bring a left-out activity in where it pushes out placed ones, when that loses fewer
        favourites (counted exactly). The pushed-out activities are placed again elsewhere if they fit, and
        left out otherwise. Returns how many swaps were kept."""
        board = self.board
        kept = 0
        improved = True
        while improved:
            improved = False
            for a in sorted(self.left_out(), key=lambda a: -self.fav[a]):
                moves = []
                for r in board.rooms[a]:
                    for s in board.starts[a]:
                        e = s + board.duration[a]
                        if any(gs < e and s < ge for gs, ge in board.room_gaps[r]):
                            continue
                        blockers = board.blockers(a, s, r)
                        if not all(board.movable[b] for b in blockers):
                            continue
                        moves.append((sum(self.fav[b] for b in blockers), len(blockers), s, r, blockers))
                moves.sort(key=lambda m: m[:4])
                for _, _, s, r, blockers in moves[:tries]:
                    if time.perf_counter() >= deadline:
                        return kept
                    if self.try_swap(a, s, r, blockers):
                        kept += 1
                        improved = True
                        break
        return kept

    def try_swap(self, a: int, s: int, r: int, blockers: set[int]) -> bool:
        board = self.board
        touched = {a, *blockers}
        people = {i for b in touched for i in self.fans[b]}
        before = self.missed_of(people)
        total = self.total
        saved = [(b, board.start[b], board.room[b]) for b in blockers]
        for b in blockers:
            self.take(b)
        self.put(a, s, r)
        out = [b for b in sorted(blockers, key=lambda b: -self.fav[b]) if not self.place_best(b)]
        after = self.missed_of(people)
        # Fewer favourites missed, or as many with fewer activities left out, or fewer clashing pairs.
        if (after, len(out), self.total) < (before, 1, total - 1e-6):
            self.active[a] = True
            for b in out:
                self.active[b] = False
            return True
        self.take(a)
        for b, _, _ in saved:
            if board.room[b] != UNPLACED:
                self.take(b)
        for b, start, room in saved:
            self.put(b, start, room)
        return False

    # -- compaction ------------------------------------------------------------------------------------------

    def idle(self, r: int, day: int) -> int:
        board = self.board
        spans = [
            (board.start[b], board.end[b])
            for b in board.room_acts[r]
            if bisect.bisect_right(self.day_starts, board.start[b]) - 1 == day
        ]
        if not spans:
            return 0
        return max(e for _, e in spans) - min(s for s, _ in spans) - sum(e - s for s, e in spans)

    def repack_rooms(self, deadline: float) -> None:
        """Keep every start, and give each day's activities rooms again so as to use fewer, fuller rooms.

        In start order, each activity goes to the free large enough room whose last activity ended closest
        before it, a room not yet used that day costing as much as a two-hour gap. A day is kept repacked only
        when its rooms in use (two hours each) plus its idle minutes fall; otherwise it is put back as it was.
        """
        board = self.board
        opening = ROOM_DAY_MINUTES
        for index, day in enumerate(self.board.instance.days):
            if time.perf_counter() >= deadline:
                return
            todo = [
                a
                for a in range(board.n)
                if board.room[a] != UNPLACED and board.movable[a] and day.start <= board.start[a] < day.end
            ]
            saved = [(a, board.start[a], board.room[a]) for a in todo]
            used, idle = self.day_shape(index)
            before = used * opening + idle
            for a in todo:
                board.remove(a)
            failed = False
            for a, s, _ in sorted(saved, key=lambda item: (item[1], -board.duration[item[0]], item[0])):
                best, best_cost = UNPLACED, 0
                for r in board.rooms[a]:
                    if not board.free(a, s, r):
                        continue
                    ends = [
                        board.end[b]
                        for b in board.room_acts[r]
                        if day.start <= board.start[b] < day.end and board.end[b] <= s
                    ]
                    cost = s - max(ends) if ends else opening
                    if best == UNPLACED or cost < best_cost:
                        best, best_cost = r, cost
                if best == UNPLACED:
                    failed = True
                    break
                board.place(a, s, best)
            used, idle = self.day_shape(index)
            if failed or used * opening + idle >= before:
                for a in todo:
                    board.remove(a)
                for a, s, r in saved:
                    board.place(a, s, r)

    def day_shape(self, day: int) -> tuple[int, int]:
        """(rooms in use, idle minutes) on a day."""
        used = idle = 0
        for r in range(len(self.board.room_acts)):
            if any(
                bisect.bisect_right(self.day_starts, self.board.start[b]) - 1 == day
                for b in self.board.room_acts[r]
            ):
                used += 1
                idle += self.idle(r, day)
        return used, idle

    def compact(self, deadline: float) -> None:
        board = self.board
        order = [a for a in range(board.n) if board.movable[a] and board.room[a] != UNPLACED]
        for _ in range(3):
            self.rng.shuffle(order)
            improved = False
            for a in order:
                if time.perf_counter() >= deadline:
                    return
                here, room = board.start[a], board.room[a]
                current = self.price(a, here)
                candidates = set()
                for r in board.rooms[a]:
                    for b in board.room_acts[r]:
                        if b != a:
                            candidates.add((board.end[b], r))
                            candidates.add((board.start[b] - board.duration[a], r))
                day_of = bisect.bisect_right(self.day_starts, here) - 1
                for s, r in sorted(candidates):
                    if s not in self.option_set[a] or (s, r) == (here, room):
                        continue
                    price = self.price(a, s)
                    if price > current or not board.free(a, s, r):
                        continue
                    new_day = bisect.bisect_right(self.day_starts, s) - 1
                    keys = {(room, day_of), (r, new_day)}
                    before = sum(self.idle(*key) for key in keys)
                    board.place(a, s, r)
                    after = sum(self.idle(*key) for key in keys)
                    if (price, after) < (current, before):
                        self.total += price - current
                        self.st[a], self.en[a] = s, s + board.duration[a]
                        here, room, current, day_of = s, r, price, new_day
                        improved = True
                    else:
                        board.place(a, here, room)
            if not improved:
                return


def _rank(stats: dict[str, int]) -> tuple[int, ...]:
    # Favourites first: on a full week, leaving out two activities nobody starred beats one that many did.
    return (
        stats["missed_favourites"],
        stats["unplaced"],
        stats["clashing_favourite_pairs"],
        stats["same_track_overlaps"],
        stats["room_days"],
        stats["room_idle_minutes"],
    )


def solve(instance: Instance, *, time_limit: float = 60.0, seed: int = 0) -> Programme:
    """The best programme found within ``time_limit`` seconds (always valid)."""
    began = time.perf_counter()
    # Keep a little time back to check, measure and compare the result with the baseline.
    deadline = began + max(time_limit, 0.0) - min(0.1 * time_limit, 3.0)
    search = _Search(instance, seed)
    board = search.board
    favourites = {a.id: search.fav[i] for i, a in enumerate(instance.activities)}
    # The knapsack is small: a tenth of the time (at least 0.2 s, when there is that much) is plenty.
    knapsack_limit = min(max(0.1 * time_limit, min(0.2, 0.4 * time_limit)), 10.0)
    choice = choose(instance, time_limit=knapsack_limit, seed=seed, favourites=favourites)
    for name in choice.left_out:
        search.active[board.index[name]] = False
    remedies: list[Remedy] = []
    remedies_complete = True
    if any(favourites[a] for a in choice.left_out if board.placeable(board.index[a])):
        remedies, remedies_complete = find_remedies(
            instance,
            choice,
            favourites=favourites,
            deadline=time.perf_counter() + min(max(0.1 * time_limit, min(0.5, 0.25 * time_limit)), 15.0),
            seed=seed,
        )
    # The over-subscribed rooms first, packed as the knapsack found they can be.
    for name, (room, start) in choice.places.items():
        a, r = board.index[name], board.room_index[room]
        if start in search.option_set[a] and board.free(a, start, r):
            search.put(a, start, r)
    search.construct()
    remaining = deadline - time.perf_counter()
    polish = min(0.05 * remaining, 4.0)
    search.fill()
    swaps = 0
    if search.left_out():
        # A full week: anneal the kept set, swap left-out activities in where that loses fewer favourites,
        # then anneal again (cooler) what is placed.
        iterations = search.anneal(time.perf_counter() + 0.5 * remaining)
        search.fill()
        swaps = search.swap_in(time.perf_counter() + 0.15 * remaining)
        search.fill()
        search.active = [board.room[a] != UNPLACED for a in range(board.n)]
        iterations += search.anneal(deadline - polish, hot=search.hot / 10)
    else:
        iterations = search.anneal(deadline - polish)
    search.fill()
    search.repack_rooms(deadline)
    search.compact(deadline)
    search.repack_rooms(deadline)
    placements = board.placements()
    programme = Programme(placements, board.unplaced())
    errors = programme_errors(instance, programme)
    if errors:  # pragma: no cover - a bug in the search, never a property of the input
        raise RuntimeError("the optimiser built an invalid programme: " + "; ".join(errors[:5]))
    stats = evaluate(instance, placements, search.weights)
    # The first-fit baseline is a candidate too (it is cheap), so the result is never worse than it.
    baseline = first_fit(instance)
    if _rank(baseline.stats) < _rank(stats):
        programme, stats = baseline, dict(baseline.stats)
        placements = programme.placements
    solver = "anneal" if programme is not baseline else "first-fit"
    unplaceable = [instance.activities[a].id for a in range(board.n) if not board.placeable(a)]
    possible = {
        a.id: [a.fixed.start] if a.fixed is not None else board.starts[i]
        for i, a in enumerate(instance.activities)
    }
    overlap_bound = lower_bound(instance, possible)
    fixed_bound = fixed_overlap_bound(instance)
    bound = max(overlap_bound, choice.bound + fixed_bound)
    left_out = sum(favourites[u.activity] for u in programme.unplaced)
    programme.remedies = remedies
    stats.update(
        {
            "solver": solver,
            "seed": seed,
            "iterations": iterations,
            "swaps": swaps,
            "unplaceable": len(unplaceable),
            "left_out_favourites": left_out,
            "overlap_missed_favourites": stats["missed_favourites"] - left_out,
            "left_out_favourites_lower_bound": choice.bound,
            "knapsack_left_out_favourites": choice.left_out_favourites,
            "knapsack_optimal": choice.optimal,
            "knapsack_seconds": choice.seconds,
            "overlap_lower_bound": overlap_bound,
            "missed_favourites_lower_bound": bound,
            "missed_favourites_proven_optimal": stats["missed_favourites"] == bound,
            "remedies_complete": remedies_complete,
            "seconds": round(time.perf_counter() - began, 3),
        }
    )
    programme.stats = stats
    return programme
