"""The demo programme: the "Semaine numérique de Québec", five days across Québec City venues, from
`data/programme.toml` (events, venues, tracks, guests) and `data/activities.csv`.

Every date comes from today: the week starts on the Monday about four months ahead (Québec's day), so the
demo is true whatever day it is loaded. Speakers are people of the directory when the directory demo is
loaded (guests otherwise). Everything goes through the services; loading again the same year changes nothing
(the edition of that year is created once, in one transaction).
"""

import datetime as dt
import random
import zoneinfo
from dataclasses import dataclass

from django.db import transaction

from maillage.accounts.models import User
from maillage.directory.models import Person
from maillage.programme import services
from maillage.programme.models import Activity, Edition, Room

from .accounts import DEMO_MEMBER
from .files import demo_table, demo_toml

QUEBEC = zoneinfo.ZoneInfo("America/Toronto")  # Québec City's clock
WEEK_AHEAD = dt.timedelta(days=120)  # the week starts on the first Monday from then on


def demo_first_day(today: dt.date) -> dt.date:
    """The Monday opening the demo week: 120 to 126 days (about four months) after `today`."""
    day = today + WEEK_AHEAD
    return day + dt.timedelta(days=-day.weekday() % 7)


def demo_edition_slug(year: int) -> str:
    return f"semaine-numerique-quebec-{year}"


@dataclass(frozen=True)
class ProgrammeDemoResult:
    edition: Edition
    created: bool
    activities: int


@transaction.atomic
def programme_demo_load(*, seed: int = 2027, today: dt.date | None = None) -> ProgrammeDemoResult:
    """The demo week about four months after `today` (default: today in Québec), created once.

    A demo database loaded long ago keeps its old week, now past, and gains the new one beside it.
    """
    today = today or dt.datetime.now(QUEBEC).date()
    first_day = demo_first_day(today)
    year = first_day.year
    slug = demo_edition_slug(year)
    existing = Edition.objects.filter(slug__in=[slug, f"{slug}-{first_day:%m}"], end_date__gte=today).first()
    if existing is not None:
        return ProgrammeDemoResult(existing, False, Activity.objects.filter(event__edition=existing).count())
    if Edition.objects.filter(slug=slug).exists():  # this year's week, already past
        slug = f"{slug}-{first_day:%m}"
    data = demo_toml("programme.toml")
    rng = random.Random(seed)
    edition = services.edition_create(
        name=f"Semaine numérique de Québec {year}",
        slug=slug,
        timezone="America/Toronto",
        start_date=first_day,
        end_date=first_day + dt.timedelta(days=4),
        published=True,
        today=today,
    )
    events = {
        key: services.event_create(
            edition=edition, name=event["name"], kind=event["kind"], audience=event["audience"]
        )
        for key, event in data["events"].items()
    }
    venues, rooms = {}, {}
    for venue in data["venues"]:
        key = venue["key"]
        venues[key] = services.venue_create(
            edition=edition, name=venue["name"], slug=key, address=venue["address"], city="Québec"
        )
        for room_name, capacity, accessible in venue["rooms"]:
            rooms[key, room_name] = services.room_create(
                venue=venues[key], name=room_name, capacity=capacity, accessible=accessible
            )
    travel = {(a, b): minutes for a, b, minutes in data["travel"]["minutes"]}
    for (a, b), minutes in travel.items():
        services.venue_travel_set(origin=venues[a], destination=venues[b], minutes=minutes)
    for closed in data["room_unavailability"]:
        services.room_unavailability_add(
            room=rooms[closed["venue"], closed["room"]],
            start=_at(edition, *closed["from"]),
            end=_at(edition, *closed["to"]),
            reason=closed["reason"],
        )
    tracks = {
        track["slug"]: services.track_create(
            edition=edition,
            slug=track["slug"],
            name_fr=track["name_fr"],
            name_en=track["name_en"],
            colour=track["colour"],
        )
        for track in data["tracks"]
    }
    speakers = _speakers(edition, rng, data["speakers"])
    activities = [row for row in demo_table("activities.csv").rows if row is not None]
    placed = [row for row in activities if row["day"]]
    next_free: dict[tuple[int, Room], dt.datetime] = {}
    # Speaker pk: where ("" for nowhere) and when they are fixed, or unavailable (the first one, see _speakers).
    busy: dict[int, list[tuple[str, dt.datetime, dt.datetime]]] = {
        speakers[0].pk: [("", _at(edition, 4, "08:00"), _at(edition, 4, "23:00"))]
    }
    for row in placed:
        day, minutes, kind, start = int(row["day"]), int(row["minutes"]), row["kind"], row["start"]
        room = rooms[row["venue"], row["room"]]
        when = _at(edition, day, start) if start else next_free.get((day, room), _at(edition, day, "09:00"))
        if start:  # fixed there
            chosen = _free_speakers(
                rng,
                speakers,
                int(row["speakers"]),
                busy,
                travel,
                row["venue"],
                when,
                when + dt.timedelta(minutes=minutes),
            )
        else:
            chosen = rng.sample(speakers, int(row["speakers"]))
        title_fr, title_en = row["title_fr"].format(year=year), row["title_en"].format(year=year)
        activity = services.activity_create(
            event=events[row["event"]],
            title_fr=title_fr,
            title_en=title_en,
            description_fr=f"{title_fr}. Une activité de la Semaine numérique de Québec.",
            description_en=f"{title_en}. An activity of the Québec City digital week.",
            kind=kind,
            duration=minutes,
            language=row["language"],
            audience=row["audience"],
            track=tracks.get(row["track"]),
            expected_attendance=min(room.capacity, rng.randrange(20, 400)),
            registration_required=kind in (Activity.Kind.WORKSHOP, Activity.Kind.VISIT, Activity.Kind.B2B),
            capacity=room.capacity if kind in (Activity.Kind.WORKSHOP, Activity.Kind.VISIT) else None,
            status=Activity.Status.PUBLISHED,
            speakers=chosen,
        )
        services.activity_place(activity=activity, room=room, start=when, fixed=bool(start))
        next_free[day, room] = when + dt.timedelta(minutes=minutes + 15)
    for row in activities:
        if row["day"]:
            continue
        # Not placed yet, for the optimiser and the organiser's grid.
        services.activity_create(
            event=events[row["event"]],
            title_fr=row["title_fr"],
            title_en=row["title_en"],
            kind=row["kind"],
            duration=int(row["minutes"]),
            language=row["language"],
            audience=row["audience"],
            track=tracks[row["track"]],
            expected_attendance=rng.randrange(20, 150),
            speakers=rng.sample(speakers, int(row["speakers"])),
        )
    _member_favourites(edition)
    _attendee_favourites(edition, rng, data["favourites"]["attendees"])
    return ProgrammeDemoResult(edition, True, len(activities))


def _free_speakers(rng, speakers, count, busy, travel, venue: str, start, end) -> list:
    """`count` speakers drawn at random for a fixed activity, none fixed elsewhere at that time nor too far
    to come (the optimiser refuses a speaker fixed in two places, which happens with the six guest speakers
    when the directory demo is not loaded). Draws again only on a clash, so the demo's draws stay the same
    as long as there is none."""

    def way(a: str, b: str) -> dt.timedelta:
        if a == b or "" in (a, b):
            return dt.timedelta(0)
        return dt.timedelta(minutes=travel.get((a, b)) or travel[b, a])

    def free(speaker) -> bool:
        for other, s, e in busy.get(speaker.pk, []):
            minutes = way(venue, other)
            if not (e + minutes <= start or end + minutes <= s):
                return False
        return True

    for _attempt in range(100):
        chosen = rng.sample(speakers, count)
        if all(free(speaker) for speaker in chosen):
            break
    for speaker in chosen:
        busy.setdefault(speaker.pk, []).append((venue, start, end))
    return chosen


def _at(edition: Edition, day: int, hhmm: str) -> dt.datetime:
    hour, minute = map(int, hhmm.split(":"))
    return dt.datetime.combine(
        edition.start_date + dt.timedelta(days=day), dt.time(hour, minute), edition.tzinfo
    )


def _speakers(edition: Edition, rng: random.Random, spec: dict) -> list:
    people = list(Person.objects.filter(is_listed=True).select_related("organisation").order_by("pk")[:400])
    chosen = rng.sample(people, min(spec["from_directory"], len(people)))
    speakers = []
    for person in chosen:
        where = f", {person.organisation.name}" if person.organisation else ""
        speakers.append(
            services.speaker_create(
                edition=edition,
                person=person,
                bio_fr=f"{person.role or 'Intervenant·e'}{where}.",
                bio_en=f"{person.role or 'Speaker'}{where}.",
            )
        )
    for name in spec["guests"]:
        speakers.append(
            services.speaker_create(
                edition=edition, guest_name=name, bio_fr="Invité·e de la Semaine numérique."
            )
        )
    first = speakers[0]
    services.speaker_update_profile(
        speaker=first,
        bio_fr=first.bio_fr,
        bio_en=first.bio_en,
        unavailable=[(_at(edition, 4, "08:00"), _at(edition, 4, "23:00"))],
    )
    return speakers


def _attendee_favourites(edition: Edition, rng: random.Random, attendees: int) -> None:
    """Festival-goers with an account who starred what they came for, mostly in one or two tracks: what the
    optimiser works from (the people who starred two activities should be able to attend both)."""
    activities = list(Activity.objects.filter(event__edition=edition).select_related("track").order_by("pk"))
    by_track: dict[int | None, list[Activity]] = {}
    for activity in activities:
        by_track.setdefault(activity.track_id, []).append(activity)
    tracks = [key for key in by_track if key is not None]
    for n in range(attendees):
        user, created = User.objects.get_or_create(
            email=f"festivalier{n + 1}@demo.maillage.org", defaults={"name": f"Festivalier {n + 1}"}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        liked = rng.sample(tracks, min(len(tracks), rng.choice([1, 1, 2])))
        pool = [a for key in liked for a in by_track[key]]
        chosen = set(rng.sample(pool, min(len(pool), rng.randint(3, 7))))
        chosen |= set(rng.sample(activities, rng.randint(0, 2)))  # and something else that looked good
        for activity in chosen:
            services.favourite_star(user=user, activity=activity)


def _member_favourites(edition: Edition) -> None:
    """The demo member starred a few activities, two of which overlap (their agenda shows the clash)."""
    user = User.objects.filter(email=DEMO_MEMBER).first()
    if user is None:
        return
    day1 = Activity.objects.filter(event__edition=edition, start__isnull=False).order_by("start", "pk")
    for activity in [*day1[:3], *day1.filter(kind=Activity.Kind.PUBLIC)[:2]]:
        services.favourite_star(user=user, activity=activity)
