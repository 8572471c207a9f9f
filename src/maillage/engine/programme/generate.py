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


def generate_overfull_week(
    seed: int = 0,
    *,
    days: int = 3,
    oversubscription: float = 1.25,
    others: int = 60,
    rooms: int = 10,
    venues: int = 4,
    speakers: int = 80,
    attendees: int = 1500,
    first_day: date = date(2027, 4, 5),
    timezone: str = "Europe/Paris",
    grid_minutes: int = 15,
) -> dict[str, Any]:
    """A week whose one big room is over-subscribed: not every activity can be placed, and the choice matters.

    Days of eight hours (09:00–17:00); room ``r1`` (800 seats) is the only room for the *big* talks (more
    people than the second largest room, 300, holds), and their durations add up to ``oversubscription`` times
    its free minutes once a fixed opening keynote a day is in it (so 1,800 minutes for 1,440, less the
    keynotes, at 1.25). ``others`` smaller activities fill the other rooms to about two thirds. Speakers mostly
    speak in one track, a third of them are away for half a day, and venues are 10 to 30 minutes apart;
    attendees star 3 to 10 activities, mostly of one or two tracks, the more appealing ones more often; the
    big talks are the most appealing, unequally so, which is what makes some worth more than others.
    """
    rng = random.Random(seed)
    tracks = TRACKS[:8]
    popularity = [1 / (k + 1) ** 0.7 for k in range(len(tracks))]
    dates = [first_day + timedelta(days=i) for i in range(days)]
    day_list = [{"date": d.isoformat(), "start": "09:00", "end": "17:00"} for d in dates]
    venue_list = []
    for i in range(venues):
        travel = {f"v{j + 1}": rng.choice((10, 15, 20, 30)) for j in range(i + 1, venues)}
        venue_list.append({"id": f"v{i + 1}", "travel_minutes": travel})
    small = (300, 200, 150, 120, 100, 80, 60, 40, 30, 25)
    room_list: list[dict[str, Any]] = [{"id": "r1", "venue": "v1", "capacity": 800}]
    for i in range(1, rooms):
        room: dict[str, Any] = {
            "id": f"r{i + 1}",
            "venue": f"v{i % venues + 1}",
            "capacity": small[(i - 1) % len(small)],
        }
        if i > 1 and rng.random() < 0.15:
            closed = rng.choice(dates).isoformat()
            start, end = rng.choice((("09:00", "13:00"), ("13:00", "17:00")))
            room["unavailable"] = [{"start": f"{closed}T{start}", "end": f"{closed}T{end}"}]
        room_list.append(room)

    speaker_track = [rng.choices(range(len(tracks)), weights=popularity)[0] for _ in range(speakers)]
    speaker_list: list[dict[str, Any]] = []
    for i in range(speakers):
        away = []
        if rng.random() < 0.33:
            away_day = rng.choice(dates).isoformat()
            start, end = rng.choice((("09:00", "13:00"), ("13:00", "17:00")))
            away.append({"start": f"{away_day}T{start}", "end": f"{away_day}T{end}"})
        speaker_list.append({"id": f"s{i + 1}", "unavailable": away})
    by_track: dict[int, list[int]] = {}
    for i, t in enumerate(speaker_track):
        by_track.setdefault(t, []).append(i)

    activity_list: list[dict[str, Any]] = []
    appeal: list[float] = []
    track_of: list[int] = []

    def add(duration: int, attendance: int, track: int, pull: float, count: int, **extra: Any) -> None:
        pool = by_track.get(track) or list(range(speakers))
        chosen: set[int] = set()
        while len(chosen) < count:
            chosen.add(rng.choice(pool) if rng.random() < 0.8 else rng.randrange(speakers))
        activity_list.append(
            {
                "id": f"a{len(activity_list) + 1}",
                "duration": duration,
                "attendance": attendance,
                "audience": rng.choice(("professionals", "both")),
                "track": tracks[track],
                "speakers": [f"s{s + 1}" for s in sorted(chosen)],
                **extra,
            }
        )
        appeal.append(pull)
        track_of.append(track)

    keynote_minutes = 45
    for when in dates:
        add(
            keynote_minutes,
            800,
            rng.randrange(len(tracks)),
            6.0,
            1,
            fixed={"room": "r1", "start": f"{when.isoformat()}T09:00"},
        )
    for activity in activity_list:
        for s in activity["speakers"]:
            speaker_list[int(s[1:]) - 1]["unavailable"] = []
    target = oversubscription * days * (480 - keynote_minutes)
    total = 0
    while total < target:
        duration = rng.choice((30, 45, 45, 60, 60, 90))
        track = rng.choices(range(len(tracks)), weights=popularity)[0]
        add(duration, rng.randint(320, 800), track, 1.5 * rng.lognormvariate(0.3, 0.6), rng.randint(1, 2))
        total += duration
    for _ in range(others):
        track = rng.choices(range(len(tracks)), weights=popularity)[0]
        pull = rng.lognormvariate(-0.4, 0.6)
        add(
            rng.choice((30, 45, 60, 90, 120)),
            min(300, max(10, round(60 * pull * popularity[track] + rng.uniform(0, 30)))),
            track,
            pull,
            rng.randint(1, 2),
        )

    members: dict[int, list[int]] = {}
    for i, t in enumerate(track_of):
        members.setdefault(t, []).append(i)
    everyone = list(range(len(activity_list)))
    attendee_list = []
    for i in range(attendees):
        main = rng.choices(range(len(tracks)), weights=popularity)[0]
        second = rng.choices(range(len(tracks)), weights=popularity)[0]
        wanted = rng.randint(3, 10)
        picks: set[int] = set()
        while len(picks) < wanted:
            roll = rng.random()
            pool = members.get(main if roll < 0.6 else second, everyone) if roll < 0.85 else everyone
            picks.add(rng.choices(pool, weights=[appeal[a] for a in pool])[0])
        attendee_list.append({"id": f"p{i + 1}", "favourites": [f"a{a + 1}" for a in sorted(picks)]})

    return {
        "name": f"Semaine numérique trop pleine (seed {seed})",
        "timezone": timezone,
        "grid_minutes": grid_minutes,
        "days": day_list,
        "venues": venue_list,
        "rooms": room_list,
        "speakers": speaker_list,
        "activities": activity_list,
        "attendees": attendee_list,
    }
