"""Reads of the programme, with who-may-see-what applied where the data is fetched.

The public sees published editions and, in them, published activities that have a room and a time.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, QuerySet

from maillage.common.text import words
from maillage.common.times import by_local_day as group_by_local_day

from . import engines
from .models import (
    Activity,
    ActivitySpeaker,
    Audience,
    Edition,
    Favourite,
    Language,
    ProgrammeRun,
    Room,
    RoomUnavailability,
    Speaker,
    SpeakerUnavailability,
    Track,
    Venue,
    VenueTravel,
)


@dataclass(frozen=True)
class ProgrammeFilters:
    day: dt.date | None = None
    venue: str = ""  # venue key
    track: str = ""  # track key
    audience: str = ""  # professionals, public: also matches activities for both
    language: str = ""  # fr, en: also matches bilingual activities
    query: str = ""
    ids: tuple[int, ...] | None = None  # a visitor's selection (stars kept in their browser)


def editions_public() -> QuerySet[Edition]:
    return Edition.objects.filter(published=True)


def edition_get(slug: str, *, user) -> Edition:
    """The edition, if this user may see it (organisers also see unpublished ones)."""
    editions = Edition.objects.all()
    if not (user.is_authenticated and user.is_organiser):
        editions = editions.filter(published=True)
    return editions.get(slug=slug)


def _speakers_prefetch() -> Prefetch:
    return Prefetch(
        "activity_speakers",
        queryset=ActivitySpeaker.objects.select_related("speaker__person", "speaker__edition"),
    )


def activities_public(edition: Edition) -> QuerySet[Activity]:
    """Published, placed activities of an edition, with everything a list or an export shows."""
    return (
        Activity.objects.filter(event__edition=edition, status=Activity.Status.PUBLISHED, start__isnull=False)
        .select_related("event__edition", "track", "room__venue")
        .prefetch_related(_speakers_prefetch())
        .order_by("start", "room__venue__name", "room__name", "pk")
    )


def local_day_bounds(edition: Edition, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    """The aware start and end of a day of the edition, in its time zone (23 or 25 hours on a DST change)."""
    tz = edition.tzinfo
    start = dt.datetime.combine(day, dt.time(0), tzinfo=tz)
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0), tzinfo=tz)
    return start, end


def programme_for_edition(edition: Edition, filters: ProgrammeFilters | None = None) -> list[Activity]:
    filters = filters or ProgrammeFilters()
    activities = activities_public(edition)
    if filters.day:
        start, end = local_day_bounds(edition, filters.day)
        activities = activities.filter(start__gte=start, start__lt=end)
    if filters.venue:
        activities = activities.filter(room__venue__slug=filters.venue)
    if filters.track:
        activities = activities.filter(track__slug=filters.track)
    if filters.audience in (Audience.PROFESSIONALS, Audience.PUBLIC):
        activities = activities.filter(audience__in=[filters.audience, Audience.BOTH])
    elif filters.audience == Audience.BOTH:
        activities = activities.filter(audience=Audience.BOTH)
    if filters.language in (Language.FR, Language.EN):
        activities = activities.filter(language__in=[filters.language, Language.BILINGUAL])
    elif filters.language == Language.BILINGUAL:
        activities = activities.filter(language=Language.BILINGUAL)
    if filters.ids is not None:
        activities = activities.filter(pk__in=filters.ids)
    for word in words(filters.query)[:8]:
        activities = activities.filter(search_text__contains=word)
    return list(activities)


def programme_version(edition: Edition) -> tuple:
    """Changes whenever an activity of the edition is created, changed, placed or deleted (one query)."""
    return tuple(
        Activity.objects.filter(event__edition=edition)
        .aggregate(latest=Max("updated"), count=Count("pk"))
        .values()
    )


def by_local_day(edition: Edition, activities: list[Activity]) -> list[tuple[dt.date, list[Activity]]]:
    """Activities (sorted by start) grouped by their day in the edition's time zone."""
    return group_by_local_day(activities, edition.tzinfo, key=lambda activity: activity.start)


def activity_public_get(edition: Edition, pk: int) -> Activity:
    return activities_public(edition).get(pk=pk)


def speaker_get(edition: Edition, pk: int) -> Speaker:
    return Speaker.objects.select_related("person__organisation", "edition").get(edition=edition, pk=pk)


def speaker_activities(speaker: Speaker) -> list[Activity]:
    return list(activities_public(speaker.edition).filter(activity_speakers__speaker=speaker))


def speaker_can_edit(speaker: Speaker, *, user) -> bool:
    """Organisers, and the speaker themselves through the account linked to their directory person."""
    if not user.is_authenticated:
        return False
    return bool(user.is_organiser or (speaker.person_id and speaker.person.user_id == user.pk))


def track_get(edition: Edition, slug: str) -> Track:
    return Track.objects.get(edition=edition, slug=slug)


def agenda_for_user(user, edition: Edition) -> list[Activity]:
    """The published, placed activities this user starred in an edition, in time order."""
    if not user.is_authenticated:
        return []
    return list(activities_public(edition).filter(favourites__user=user))


def starred_ids(user, edition: Edition) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.favourites.filter(activity__event__edition=edition).values_list("activity_id", flat=True))


@dataclass(frozen=True)
class Clash:
    first: Activity
    second: Activity
    travel_minutes: int  # 0 when the two overlap in time; else the travel time the gap does not cover


def travel_minutes(edition: Edition) -> dict[tuple[int, int], int]:
    return {
        (t.origin_id, t.destination_id): t.minutes
        for t in VenueTravel.objects.filter(origin__edition=edition).only("origin", "destination", "minutes")
    }


def favourite_clashes(edition: Edition, activities: list[Activity]) -> list[Clash]:
    """Pairs of these (placed) activities one cannot both attend: they overlap, or the gap between
    them is shorter than the travel time between their venues."""
    travel = travel_minutes(edition) if len({a.room.venue_id for a in activities}) > 1 else {}
    longest = dt.timedelta(minutes=max(travel.values(), default=0))
    ordered = sorted(activities, key=lambda a: (a.start, a.pk))
    clashes = []
    for i, first in enumerate(ordered):
        for second in ordered[i + 1 :]:
            if second.start >= first.end + longest:
                break
            if second.start < first.end:
                clashes.append(Clash(first, second, 0))
                continue
            needed = travel.get((first.room.venue_id, second.room.venue_id), 0)
            if second.start < first.end + dt.timedelta(minutes=needed):
                clashes.append(Clash(first, second, needed))
    return clashes


# The organisers' side: the whole edition as the optimiser engine sees it, and its conflicts explained.


def editions_all() -> QuerySet[Edition]:
    return Edition.objects.all()


def activities_for_organisers(edition: Edition) -> QuerySet[Activity]:
    """Every activity of an edition (drafts and unplaced ones too), with what the grid and lists show."""
    return (
        Activity.objects.filter(event__edition=edition)
        .select_related("event", "track", "room__venue")
        .prefetch_related(_speakers_prefetch())
        .order_by("start", "title_fr", "title_en", "pk")
    )


@dataclass
class EditionState:
    """An edition's rooms, speakers, activities and stars, loaded once (a fixed number of queries)."""

    edition: Edition
    venues: list[Venue]
    travel: dict[tuple[int, int], int]
    rooms: list[Room]
    room_gaps: dict[int, list[RoomUnavailability]]
    speakers: dict[int, Speaker]
    speaker_gaps: dict[int, list[SpeakerUnavailability]]
    activities: list[Activity]
    favourites: dict[int, list[int]]  # user pk -> activity pks

    @property
    def activity_by_pk(self) -> dict[int, Activity]:
        return {a.pk: a for a in self.activities}


def edition_state(edition: Edition) -> EditionState:
    room_gaps: dict[int, list[RoomUnavailability]] = {}
    for gap in RoomUnavailability.objects.filter(room__venue__edition=edition).order_by("start"):
        room_gaps.setdefault(gap.room_id, []).append(gap)
    speaker_gaps: dict[int, list[SpeakerUnavailability]] = {}
    for gap in SpeakerUnavailability.objects.filter(speaker__edition=edition).order_by("start"):
        speaker_gaps.setdefault(gap.speaker_id, []).append(gap)
    favourites: dict[int, list[int]] = {}
    for user_id, activity_id in Favourite.objects.filter(activity__event__edition=edition).values_list(
        "user_id", "activity_id"
    ):
        favourites.setdefault(user_id, []).append(activity_id)
    return EditionState(
        edition=edition,
        venues=list(edition.venues.all()),
        travel=travel_minutes(edition),
        rooms=list(Room.objects.filter(venue__edition=edition).select_related("venue")),
        room_gaps=room_gaps,
        speakers={s.pk: s for s in Speaker.objects.filter(edition=edition).select_related("person")},
        speaker_gaps=speaker_gaps,
        activities=list(activities_for_organisers(edition)),
        favourites=favourites,
    )


def _iso(moment: dt.datetime) -> str:
    """An aware time on the whole minute, as the engine reads it."""
    return moment.astimezone(dt.UTC).replace(second=0, microsecond=0).isoformat()


def _gaps(gaps) -> list[dict]:
    return [{"start": _iso(g.start), "end": _iso(g.end)} for g in gaps]


def engine_instance(state: EditionState, *, activities: list[Activity], fixed: bool) -> dict:
    """The engine's instance (the JSON contract of `schedule-programme`) for these activities of the edition.

    With ``fixed``, activities marked fixed keep their room and start; the attendees are the users who
    starred activities, each with their stars among these activities. Someone who starred a single one is
    kept: no overlap can make them miss it, but leaving it out of a full week can, so their star counts in
    what each activity is worth.
    """
    edition = state.edition
    wanted = {a.pk for a in activities}
    attendees = []
    for stars in state.favourites.values():
        kept = [f"a{pk}" for pk in stars if pk in wanted]
        if kept:
            attendees.append({"favourites": kept})
    return {
        "timezone": edition.timezone,
        "grid_minutes": edition.grid_minutes,
        "days": [
            {
                "date": day.isoformat(),
                "start": edition.day_start.strftime("%H:%M"),
                "end": edition.day_end.strftime("%H:%M"),
            }
            for day in edition.days
        ],
        "venues": [
            {
                "id": f"v{venue.pk}",
                "travel_minutes": {
                    f"v{destination}": minutes
                    for (origin, destination), minutes in state.travel.items()
                    if origin == venue.pk
                },
            }
            for venue in state.venues
        ],
        "rooms": [
            {
                "id": f"r{room.pk}",
                "venue": f"v{room.venue_id}",
                "capacity": room.capacity,
                "unavailable": _gaps(state.room_gaps.get(room.pk, [])),
            }
            for room in state.rooms
        ],
        "speakers": [
            {"id": f"s{pk}", "unavailable": _gaps(state.speaker_gaps.get(pk, []))} for pk in state.speakers
        ],
        "activities": [
            {
                "id": f"a{activity.pk}",
                "duration": activity.duration,
                "attendance": activity.expected_attendance,
                "audience": activity.audience,
                "track": f"t{activity.track_id}" if activity.track_id else "",
                "speakers": [f"s{link.speaker_id}" for link in activity.activity_speakers.all()],
                **(
                    {"fixed": {"room": f"r{activity.room_id}", "start": _iso(activity.start)}}
                    if fixed and activity.fixed and activity.start
                    else {}
                ),
            }
            for activity in activities
        ],
        "attendees": attendees,
    }


@dataclass(frozen=True)
class EditionConflict:
    """A conflict the engine found, with the activities it involves (`presenters` puts it into words)."""

    found: engines.FoundConflict
    activities: tuple[Activity, ...]

    @property
    def kind(self) -> str:
        return self.found.kind

    @property
    def hard(self) -> bool:
        return self.found.hard


def _pk(engine_id: str) -> int:
    return int(engine_id[1:])


def edition_conflicts(edition: Edition, state: EditionState | None = None) -> list[EditionConflict]:
    """Every conflict of the placed activities of an edition, as the engine's rules find them."""
    state = state or edition_state(edition)
    placed = [a for a in state.activities if a.start is not None]
    if not placed:
        return []
    data = engine_instance(state, activities=placed, fixed=False)
    placements = [{"activity": f"a{a.pk}", "room": f"r{a.room_id}", "start": _iso(a.start)} for a in placed]
    by_pk = state.activity_by_pk
    return [
        EditionConflict(found, tuple(by_pk[_pk(ident)] for ident in found.activities))
        for found in engines.find_conflicts(data, placements)
    ]


def runs_for_edition(edition: Edition) -> QuerySet[ProgrammeRun]:
    return ProgrammeRun.objects.filter(edition=edition).select_related("requested_by")


def run_activities(run: ProgrammeRun) -> dict[int, Activity]:
    """The activities a run's result names, by pk (one query)."""
    pks = {item["activity"] for item in run.unplaced}
    return {a.pk: a for a in Activity.objects.filter(pk__in=pks, event__edition=run.edition_id)}
