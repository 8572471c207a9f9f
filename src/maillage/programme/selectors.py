"""Reads of the programme, with who-may-see-what applied where the data is fetched.

The public sees published editions and, in them, published activities that have a room and a time.
"""

import datetime as dt
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Prefetch, QuerySet

from maillage.common.text import words

from .models import Activity, ActivitySpeaker, Audience, Edition, Language, Speaker, Track, VenueTravel


@dataclass(frozen=True)
class ProgrammeFilters:
    day: dt.date | None = None
    venue: str = ""  # venue key
    track: str = ""  # track key
    audience: str = ""  # professionals, public: also matches activities for both
    language: str = ""  # fr, en: also matches bilingual activities
    query: str = ""


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
    for word in words(filters.query)[:8]:
        activities = activities.filter(search_text__contains=word)
    return list(activities)


def by_local_day(edition: Edition, activities: list[Activity]) -> list[tuple[dt.date, list[Activity]]]:
    """Activities (sorted by start) grouped by their day in the edition's time zone."""
    tz = edition.tzinfo
    return [
        (day, list(group)) for day, group in groupby(activities, key=lambda a: a.start.astimezone(tz).date())
    ]


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
