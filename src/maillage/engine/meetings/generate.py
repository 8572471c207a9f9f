"""Seeded, realistic instances: a trade mission (two delegations), a business forum, or a dense forum.

A few participants are sought after (request targets follow a Zipf-like law), some arrive late, leave
early or come for one day only, some exhibitors have their own booth (two colleagues may share one), some
people cap their number of meetings. A request asked by both sides is "mutual" and weighs 3; the others
weigh 1, or 2 when flagged as a priority.

Dense forums (:func:`generate_dense`) are shaped like the real forums of Bofill et al. (JAIR 2022): the
organiser has accepted every meeting, so all of them must take place (40-80 participants, 120-300 meetings,
8-22 slots in a morning and an afternoon, 12-27 tables, a few participants with nearly as many meetings as
slots, a third of the meetings morning-only or afternoon-only, a few forbidden slots). They are built around
a hidden schedule, so every meeting fits.
"""

import itertools
import math
import random
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

SIZES: dict[str, dict[str, Any]] = {
    "mission": {"participants": 120, "requests": 300, "days": 1, "tables": 30, "kind": "mission"},
    "forum": {"participants": 800, "requests": 5_000, "days": 2, "tables": 120, "kind": "forum"},
    "large": {"participants": 3_000, "requests": 24_000, "days": 2, "tables": 400, "kind": "forum"},
    "stress": {"participants": 15_000, "requests": 120_000, "days": 3, "tables": 1_500, "kind": "forum"},
}

QUEBEC = timezone(timedelta(hours=-4))


def _day_sessions(kind: str) -> list[tuple[str, int, int, int]]:
    """(name, start hour, start minute, number of slots) per session; missions use longer slots."""
    if kind == "mission":
        return [("am", 9, 0, 7), ("pm", 14, 0, 7)]
    return [("am", 9, 0, 10), ("pm", 14, 0, 12)]


def generate(
    *,
    participants: int,
    requests: int,
    days: int,
    tables: int,
    kind: str = "forum",
    seed: int = 0,
) -> dict[str, Any]:
    rng = random.Random(seed)
    minutes = 30 if kind == "mission" else 20
    slots: list[dict[str, str]] = []
    first_day = datetime(2026, 6, 9, tzinfo=UTC).astimezone(QUEBEC).replace(hour=0)
    for day in range(days):
        for name, hour, minute, count in _day_sessions(kind):
            start = first_day + timedelta(days=day, hours=hour, minutes=minute)
            for k in range(count):
                begin = start + timedelta(minutes=minutes * k)
                slots.append(
                    {
                        "id": f"s{len(slots) + 1}",
                        "start": begin.isoformat(),
                        "end": (begin + timedelta(minutes=minutes)).isoformat(),
                        "session": f"d{day + 1}-{name}",
                    }
                )
    per_day = len(slots) // days
    table_list = [{"id": f"t{k + 1}"} for k in range(tables)]

    people: list[dict[str, Any]] = [{"id": f"p{k + 1}"} for k in range(participants)]
    for person in people:
        draw = rng.random()
        if draw < 0.12 and days > 1:  # one day only
            day = rng.randrange(days)
            person["available"] = [s["id"] for s in slots[day * per_day : (day + 1) * per_day]]
        elif draw < 0.3:  # arrives late or leaves early
            keep = rng.randint(len(slots) // 2, len(slots) - 1)
            first = rng.randint(0, len(slots) - keep)
            person["available"] = [s["id"] for s in slots[first : first + keep]]
        if rng.random() < 0.15:
            person["max_meetings"] = rng.randint(3, 10)
    n_booths = max(1, tables // 12) if kind == "forum" else min(3, tables // 10)
    exhibitors = rng.sample(range(participants), min(participants, n_booths + n_booths // 4))
    for k, who in enumerate(exhibitors):
        people[who]["table"] = table_list[k % n_booths]["id"] if n_booths else None

    popularity = list(range(participants))
    rng.shuffle(popularity)
    appeal = [0.0] * participants
    for rank, who in enumerate(popularity):
        appeal[who] = 1.0 / (rank + 1) ** 0.7
    if kind == "mission":  # visitors meet locals, in both directions
        visitors = list(range(participants // 3))
        locals_ = list(range(participants // 3, participants))
        groups = [(visitors, locals_), (locals_, visitors)]
    else:
        everyone = list(range(participants))
        groups = [(everyone, everyone)]
    sides = [
        (askers, targets, list(itertools.accumulate(appeal[t] for t in targets)))
        for askers, targets in groups
    ]

    pairs: dict[tuple[int, int], dict[str, Any]] = {}
    result: list[dict[str, Any]] = []
    for attempt in itertools.count():
        if len(result) >= requests or attempt > 50 * requests:
            break
        askers, targets, cumulative = sides[attempt % len(sides)]
        asker = rng.choice(askers)
        target = rng.choices(targets, cum_weights=cumulative)[0]
        if asker == target:
            continue
        key = (min(asker, target), max(asker, target))
        if key in pairs:
            if pairs[key]["participants"][0] == f"p{target + 1}":
                pairs[key]["weight"] = 3  # asked by both sides
            continue
        request = {
            "id": f"r{len(result) + 1}",
            "participants": [f"p{asker + 1}", f"p{target + 1}"],
            "weight": 2 if rng.random() < 0.2 else 1,
        }
        pairs[key] = request
        result.append(request)
    return {"slots": slots, "tables": table_list, "participants": people, "requests": result}


def generate_size(size: str, seed: int = 0) -> dict[str, Any]:
    return generate(**SIZES[size], seed=seed)


def generate_dense(seed: int = 0) -> dict[str, Any]:
    """A dense forum in which every meeting can take place (see the module's docstring)."""
    rng = random.Random(seed)
    meetings = rng.randint(120, 300)
    people = rng.randint(40, 80)
    tables = rng.randint(12, 27)
    # enough room: at most ~70 % of the tables and ~50 % of the people busy in an average slot
    fewest = max(8, math.ceil(meetings / (0.7 * tables)), math.ceil(meetings / (0.25 * people)))
    if fewest > 22:
        tables = min(27, max(tables, math.ceil(meetings / (0.7 * 22))))
        people = min(80, max(people, math.ceil(meetings / (0.35 * 22))))
        fewest = max(8, math.ceil(meetings / (0.7 * tables)), math.ceil(meetings / (0.25 * people)))
        meetings = min(meetings, int(0.7 * tables * 22), int(0.25 * people * 22))
        fewest = min(fewest, 22)
    n_slots = rng.randint(fewest, 22)
    morning = n_slots // 2 + rng.randint(0, n_slots % 2)
    start = datetime(2026, 6, 9, 9, 0, tzinfo=QUEBEC)
    slots = []
    for k in range(n_slots):
        begin = start + timedelta(minutes=20 * k + (150 if k >= morning else 0))
        slots.append(
            {
                "id": f"s{k + 1}",
                "start": begin.isoformat(),
                "end": (begin + timedelta(minutes=20)).isoformat(),
                "session": "am" if k < morning else "pm",
            }
        )

    appeal = [1.0 / (rank + 1) ** 0.6 for rank in range(people)]
    rng.shuffle(appeal)
    busy: list[set[int]] = [set() for _ in range(people)]
    met: set[tuple[int, int]] = set()
    planted: list[tuple[int, int, int]] = []  # (a, b, slot)

    def partner(of: int, s: int) -> int | None:
        choices = [
            q for q in range(people) if q != of and s not in busy[q] and (min(of, q), max(of, q)) not in met
        ]
        if not choices:
            return None
        return rng.choices(choices, weights=[appeal[q] for q in choices])[0]

    def meet(a: int, b: int, s: int) -> None:
        busy[a].add(s)
        busy[b].add(s)
        met.add((min(a, b), max(a, b)))
        planted.append((a, b, s))

    per_slot = [meetings // n_slots + (1 if k < meetings % n_slots else 0) for k in range(n_slots)]
    heavy = rng.sample(range(people), rng.randint(2, 4))
    for h in heavy:  # nearly as many meetings as slots
        for s in rng.sample(range(n_slots), n_slots - rng.randint(1, 2)):
            if s not in busy[h] and sum(1 for m in planted if m[2] == s) < per_slot[s]:
                other = partner(h, s)
                if other is not None:
                    meet(h, other, s)
    for s in range(n_slots):
        held = sum(1 for m in planted if m[2] == s)
        for _attempt in range(20 * per_slot[s]):
            if held >= per_slot[s]:
                break
            free = [q for q in range(people) if s not in busy[q]]
            a = rng.choice(free)
            b = partner(a, s)
            if b is not None:
                meet(a, b, s)
                held += 1
    rng.shuffle(planted)

    slot_ids = [slot["id"] for slot in slots]
    requests = []
    for k, (a, b, s) in enumerate(planted):
        request: dict[str, Any] = {"id": f"r{k + 1}", "participants": [f"p{a + 1}", f"p{b + 1}"]}
        if rng.random() < 1 / 3:  # morning-only or afternoon-only, as the hidden schedule has it
            request["available"] = slot_ids[:morning] if s < morning else slot_ids[morning:]
        requests.append(request)
    participants: list[dict[str, Any]] = [{"id": f"p{q + 1}"} for q in range(people)]
    for q in rng.sample(range(people), max(1, people // 10)):  # a few forbidden slots
        idle = [s for s in range(n_slots) if s not in busy[q]]
        forbidden = set(rng.sample(idle, min(len(idle), rng.randint(1, 3))))
        participants[q]["available"] = [sid for s, sid in enumerate(slot_ids) if s not in forbidden]
    return {
        "slots": slots,
        "tables": [{"id": f"t{k + 1}"} for k in range(tables)],
        "participants": participants,
        "requests": requests,
    }
