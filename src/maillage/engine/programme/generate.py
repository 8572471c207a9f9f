"""A seeded generator of realistic digital weeks, as JSON instances of ``schedule-programme``.

A week of several events (a professional conference, workshops, a B2B day, visits, a festival for the general
public) in venues spread over a city; tracks of unequal popularity; speakers who mostly speak in one track, some
of them away part of the week; attendees who star 3 to 12 activities, mostly in one or two tracks, favouring the
popular activities. One keynote a day is fixed at opening time in the largest room.
"""

from __future__ import annotations

import math
import random
from datetime import date, timedelta
from typing import Any

TRACKS = (
    "web",
    "data",
    "ia",
    "design",
    "security",
    "cloud",
    "mobile",
    "open-source",
    "e-commerce",
    "industry",
    "education",
    "culture",
)
AUDIENCES = ("professionals", "general public", "both")
# kind: (durations, share, audience weights (professionals, general public, both), speakers (min, max))
KINDS: dict[str, tuple[tuple[int, ...], float, tuple[float, float, float], tuple[int, int]]] = {
    "talk": ((30, 45, 45, 60), 0.45, (0.7, 0.1, 0.2), (1, 2)),
    "panel": ((60, 75), 0.1, (0.6, 0.1, 0.3), (3, 4)),
    "workshop": ((90, 120, 180), 0.15, (0.6, 0.3, 0.1), (1, 2)),
    "visit": ((90, 120), 0.05, (0.4, 0.4, 0.2), (1, 1)),
    "b2b": ((60, 90), 0.08, (1.0, 0.0, 0.0), (1, 2)),
    "networking": ((60, 90), 0.05, (0.8, 0.0, 0.2), (0, 1)),
    "public": ((45, 60, 90), 0.12, (0.0, 0.8, 0.2), (1, 2)),
}
CAPACITIES = (20, 25, 30, 40, 50, 60, 80, 100, 120, 150, 200, 300)


def generate_week(
    seed: int = 0,
    *,
    activities: int = 300,
    rooms: int = 40,
    venues: int = 8,
    days: int = 5,
    speakers: int = 250,
    attendees: int = 5000,
    first_day: date = date(2027, 4, 5),
    timezone: str = "Europe/Paris",
    grid_minutes: int = 15,
    fixed_keynotes: bool = True,
) -> dict[str, Any]:
    """A JSON instance (a ``dict``) of a week; the same seed gives the same week."""
    rng = random.Random(seed)
    dates = [first_day + timedelta(days=i) for i in range(days)]
    day_list = [{"date": d.isoformat(), "start": "09:00", "end": "18:30"} for d in dates]

    points = [(rng.uniform(0, 8), rng.uniform(0, 8)) for _ in range(venues)]
    venue_list = []
    for i, (x, y) in enumerate(points):
        travel = {}
        for j, (u, v) in enumerate(points):
            if j != i:
                travel[f"v{j + 1}"] = 5 * round((8 + 3 * math.hypot(x - u, y - v)) / 5)
        venue_list.append({"id": f"v{i + 1}", "travel_minutes": travel})

    room_list: list[dict[str, Any]] = []
    for i in range(rooms):
        venue = i % venues if i < venues else rng.randrange(venues)
        capacity = rng.choice(CAPACITIES)
        if i == 0:
            capacity = 800
        elif i < max(2, rooms // 10):
            capacity = rng.choice((300, 400, 500))
        room: dict[str, Any] = {"id": f"r{i + 1}", "venue": f"v{venue + 1}", "capacity": capacity}
        if i and rng.random() < 0.15:
            closed = rng.choice(dates).isoformat()
            start, end = rng.choice((("09:00", "13:30"), ("13:30", "18:30")))
            room["unavailable"] = [{"start": f"{closed}T{start}", "end": f"{closed}T{end}"}]
        room_list.append(room)

    popularity = [1 / (k + 1) ** 0.8 for k in range(len(TRACKS))]
    speaker_track = [rng.choices(range(len(TRACKS)), weights=popularity)[0] for _ in range(speakers)]
    speaker_list: list[dict[str, Any]] = []
    for i in range(speakers):
        away = []
        if rng.random() < 0.3:
            for when in rng.sample(dates, rng.randint(1, 2)):
                start, end = rng.choice((("09:00", "13:00"), ("13:00", "18:30"), ("09:00", "18:30")))
                away.append({"start": f"{when.isoformat()}T{start}", "end": f"{when.isoformat()}T{end}"})
        speaker_list.append({"id": f"s{i + 1}", "unavailable": away})
    by_track: dict[int, list[int]] = {}
    for i, t in enumerate(speaker_track):
        by_track.setdefault(t, []).append(i)

    kinds = list(KINDS)
    activity_list: list[dict[str, Any]] = []
    appeal: list[float] = []
    tracks: list[int] = []
    big = max(r["capacity"] for r in room_list)
    for i in range(activities):
        kind = rng.choices(kinds, weights=[KINDS[k][1] for k in kinds])[0]
        durations, _, audience_weights, (low, high) = KINDS[kind]
        track = rng.choices(range(len(TRACKS)), weights=popularity)[0]
        audience = rng.choices(AUDIENCES, weights=audience_weights)[0]
        pull = rng.lognormvariate(0, 0.7) * popularity[track]
        attendance = min(big, max(10, round(60 * pull + rng.uniform(0, 20))))
        if kind in ("workshop", "visit", "b2b"):
            attendance = min(attendance, 40)
        pool = by_track.get(track) or list(range(speakers))
        count = min(rng.randint(low, high), speakers)
        chosen: set[int] = set()
        while len(chosen) < count:
            chosen.add(rng.choice(pool) if rng.random() < 0.8 else rng.randrange(speakers))
        activity: dict[str, Any] = {
            "id": f"a{i + 1}",
            "kind": kind,
            "duration": rng.choice(durations),
            "attendance": attendance,
            "audience": audience,
            "track": TRACKS[track],
            "speakers": [f"s{s + 1}" for s in sorted(chosen)],
        }
        if kind == "b2b":
            activity["days"] = [dates[min(3, days - 1)].isoformat()]
        elif rng.random() < 0.12:
            activity["days"] = sorted(d.isoformat() for d in rng.sample(dates, min(days, rng.randint(1, 2))))
        activity_list.append(activity)
        appeal.append(pull * (3 if kind == "talk" else 1))
        tracks.append(track)
    if fixed_keynotes:
        for k, (when, activity) in enumerate(zip(dates, activity_list, strict=False)):
            activity.update(
                kind="keynote",
                duration=60,
                attendance=big,
                audience="both",
                fixed={"room": room_list[0]["id"], "start": f"{when.isoformat()}T09:00"},
            )
            activity.pop("days", None)
            for s in activity["speakers"]:
                speaker_list[int(s[1:]) - 1]["unavailable"] = []
            appeal[k] *= 4

    members: dict[int, list[int]] = {}
    for i, t in enumerate(tracks):
        members.setdefault(t, []).append(i)
    attendee_list = []
    for i in range(attendees):
        main = rng.choices(range(len(TRACKS)), weights=popularity)[0]
        second = rng.choices(range(len(TRACKS)), weights=popularity)[0]
        wanted = rng.randint(3, min(12, activities))
        picks: set[int] = set()
        while len(picks) < wanted:
            roll = rng.random()
            found = members.get(main if roll < 0.7 else second) if roll < 0.9 else None
            pool = found or list(range(activities))
            picks.add(rng.choices(pool, weights=[appeal[a] for a in pool])[0])
        attendee_list.append({"id": f"p{i + 1}", "favourites": [f"a{a + 1}" for a in sorted(picks)]})

    return {
        "name": f"Semaine numérique (seed {seed})",
        "timezone": timezone,
        "grid_minutes": grid_minutes,
        "days": day_list,
        "venues": venue_list,
        "rooms": room_list,
        "speakers": speaker_list,
        "activities": activity_list,
        "attendees": attendee_list,
    }
