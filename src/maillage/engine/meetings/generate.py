"""Seeded, realistic instances: a trade mission (two delegations) or a business forum.

A few participants are sought after (request targets follow a Zipf-like law), some arrive late, leave
early or come for one day only, some exhibitors have their own booth (two colleagues may share one), some
people cap their number of meetings. A request asked by both sides is "mutual" and weighs 3; the others
weigh 1, or 2 when flagged as a priority.
"""

import itertools
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
