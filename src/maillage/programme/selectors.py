"""Reads of the programme, with who-may-see-what applied where the data is fetched.

The public sees published editions and, in them, published activities that have a room and a time.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

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
    starred activities, each with their stars among these activities.
    """
    edition = state.edition
    wanted = {a.pk for a in activities}
    attendees = []
    for stars in state.favourites.values():
        kept = [f"a{pk}" for pk in stars if pk in wanted]
        if len(kept) > 1:  # a single star can never be missed: it would only slow the engine down
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
class GridConflict:
    kind: str
    activities: tuple[Activity, ...]
    message: str
    hard: bool


def _pk(engine_id: str) -> int:
    return int(engine_id[1:])


def _when(edition: Edition, moment: dt.datetime) -> str:
    return date_format(moment.astimezone(edition.tzinfo), "l j F H:i")


def _hour(edition: Edition, moment: dt.datetime) -> str:
    return moment.astimezone(edition.tzinfo).strftime("%H:%M")


def _explain(state: EditionState, found: engines.FoundConflict, involved: list[Activity]) -> str:
    """The organiser's sentence for one conflict the engine found (the engine decides; we only describe)."""
    edition = state.edition
    a = involved[0]
    b = involved[1] if len(involved) > 1 else None
    if found.kind == "room_double_booked" and b:
        return _("%(room)s holds “%(first)s” (%(first_start)s–%(first_end)s) and “%(second)s” "
                 "(%(second_start)s–%(second_end)s) at the same time.") % {
            "room": a.room, "first": a.title, "second": b.title,
            "first_start": _hour(edition, a.start), "first_end": _hour(edition, a.end),
            "second_start": _hour(edition, b.start), "second_end": _hour(edition, b.end),
        }  # fmt: skip
    if found.kind == "room_too_small":
        return _("“%(activity)s” expects %(expected)s people but %(room)s holds %(capacity)s.") % {
            "activity": a.title, "expected": a.expected_attendance, "room": a.room,
            "capacity": a.room.capacity,
        }  # fmt: skip
    if found.kind == "speaker_double_booked" and b:
        speaker = state.speakers.get(_pk(found.speaker)) if found.speaker else None
        name = speaker.name if speaker else _("A speaker")
        first, second = sorted((a, b), key=lambda x: (x.start, x.pk))
        if second.start < first.end:
            return _("%(speaker)s would be in two places at once: “%(first)s” and “%(second)s” overlap.") % {
                "speaker": name, "first": first.title, "second": second.title,
            }  # fmt: skip
        minutes = state.travel.get((first.room.venue_id, second.room.venue_id), 0)
        return _(
            "%(speaker)s cannot get from %(origin)s to %(destination)s in time: “%(first)s” ends at "
            "%(end)s, “%(second)s” starts at %(start)s, and the trip takes %(minutes)s minutes."
        ) % {
            "speaker": name, "origin": first.room.venue.name, "destination": second.room.venue.name,
            "first": first.title, "second": second.title, "end": _hour(edition, first.end),
            "start": _hour(edition, second.start), "minutes": minutes,
        }  # fmt: skip
    if found.kind == "speaker_unavailable":
        speaker = state.speakers.get(_pk(found.speaker)) if found.speaker else None
        gaps = [g for g in state.speaker_gaps.get(speaker.pk, []) if g.start < a.end and a.start < g.end]
        gap = gaps[0] if gaps else None
        return _("%(speaker)s, speaker of “%(activity)s”, is unavailable from %(start)s to %(end)s.") % {
            "speaker": speaker.name if speaker else _("A speaker"), "activity": a.title,
            "start": _when(edition, gap.start) if gap else "?", "end": _when(edition, gap.end) if gap else "?",
        }  # fmt: skip
    if found.kind == "room_unavailable":
        gaps = [g for g in state.room_gaps.get(a.room_id, []) if g.start < a.end and a.start < g.end]
        gap = gaps[0] if gaps else None
        text = _("%(room)s is unavailable from %(start)s to %(end)s, during “%(activity)s”.") % {
            "room": a.room, "activity": a.title,
            "start": _when(edition, gap.start) if gap else "?", "end": _when(edition, gap.end) if gap else "?",
        }  # fmt: skip
        if gap and gap.reason:
            text = f"{text} ({gap.reason})"
        return text
    if found.kind == "same_track_audience" and b:
        return _(
            "“%(first)s” and “%(second)s” overlap, and both are in the track %(track)s for the same "
            "audience (%(audience)s): the same people would have to choose."
        ) % {
            "first": a.title, "second": b.title, "track": a.track.name if a.track else "",
            "audience": a.get_audience_display(),
        }  # fmt: skip
    if found.kind == "missed_favourites" and b:
        return ngettext(
            "%(count)s person starred both “%(first)s” and “%(second)s”, which overlap.",
            "%(count)s people starred both “%(first)s” and “%(second)s”, which overlap.",
            found.count,
        ) % {"count": found.count, "first": a.title, "second": b.title}
    if found.kind == "off_grid":
        local = a.start.astimezone(edition.tzinfo)
        end = a.end.astimezone(edition.tzinfo)
        inside = (
            edition.start_date <= local.date() <= edition.end_date
            and local.time() >= edition.day_start
            and end.date() == local.date()
            and end.time() <= edition.day_end
        )
        if inside:
            return _("“%(activity)s” starts at %(start)s, off the %(grid)s-minute grid of the day.") % {
                "activity": a.title, "start": _hour(edition, a.start), "grid": edition.grid_minutes,
            }  # fmt: skip
        return _(
            "“%(activity)s” (%(start)s–%(end)s) is outside the edition's days and hours: "
            "%(first_day)s to %(last_day)s, from %(day_start)s to %(day_end)s."
        ) % {
            "activity": a.title, "start": _when(edition, a.start), "end": _hour(edition, a.end),
            "first_day": date_format(edition.start_date, "j F"), "last_day": date_format(edition.end_date, "j F"),
            "day_start": edition.day_start.strftime("%H:%M"), "day_end": edition.day_end.strftime("%H:%M"),
        }  # fmt: skip
    return found.message


def edition_conflicts(edition: Edition, state: EditionState | None = None) -> list[GridConflict]:
    """Every conflict of the placed activities of an edition, as the engine's rules find them, explained."""
    state = state or edition_state(edition)
    placed = [a for a in state.activities if a.start is not None]
    if not placed:
        return []
    data = engine_instance(state, activities=placed, fixed=False)
    placements = [{"activity": f"a{a.pk}", "room": f"r{a.room_id}", "start": _iso(a.start)} for a in placed]
    by_pk = state.activity_by_pk
    result = []
    for found in engines.find_conflicts(data, placements):
        involved = [by_pk[_pk(ident)] for ident in found.activities]
        result.append(GridConflict(found.kind, tuple(involved), _explain(state, found, involved), found.hard))
    return result


# The organiser's grid is a CSS grid placed by classes (no inline style: the Content-Security-Policy forbids
# them): static/programme/grid-positions.css holds `gc-N` (column), `gw-N` (columns spanned), `gr-N` (row) and
# `gs-N` (rows spanned) up to these numbers.
GRID_MAX_COLUMNS = 200
GRID_MAX_LANES = 12
GRID_MAX_ROWS = 291


@dataclass(frozen=True)
class GridItem:
    activity: Activity
    column: int  # CSS grid column (1 holds the times)
    row: int  # CSS grid row (1 holds the rooms)
    span: int  # rows
    conflicted: bool
    width: int = 1  # columns: a room with overlapping activities has a column (a lane) for each
    conflict_kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class GridColumn:
    room: Room
    column: int
    width: int  # the room's lanes


@dataclass(frozen=True)
class GridSlot:
    row: int
    label: str
    full_hour: bool


@dataclass
class Grid:
    edition: Edition
    day: dt.date
    rooms: list[Room]
    columns: list[GridColumn]
    slots: list[GridSlot]
    items: list[GridItem]
    outside: list[Activity]  # placed this day but outside the day's hours
    unplaced: list[Activity]
    conflicts: list[GridConflict]  # those touching this day's activities
    conflicts_elsewhere: int


def grid_lanes(spans: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    """Lanes for the activities of one room: (lane, lanes of its group of overlapping activities) for each
    (first row, rows) given, and the room's number of lanes.

    Overlapping activities sit side by side, each in its own lane, so none hides another; an activity that
    overlaps nothing keeps the whole width. More than GRID_MAX_LANES at once share the last lane.
    """
    order = sorted(range(len(spans)), key=lambda n: (spans[n][0], -spans[n][1], n))
    result: list[tuple[int, int]] = [(0, 1)] * len(spans)
    group: list[int] = []
    ends: list[int] = []  # the row where each lane of the current group is free again
    widest = 1

    def close() -> None:
        for n in group:
            result[n] = (result[n][0], len(ends))

    for n in order:
        first, rows = spans[n]
        if group and first >= max(ends):
            close()
            group, ends = [], []
        lane = next((k for k, end in enumerate(ends) if end <= first), len(ends))
        lane = min(lane, GRID_MAX_LANES - 1)
        if lane == len(ends):
            ends.append(first + rows)
        else:
            ends[lane] = max(ends[lane], first + rows)
        result[n] = (lane, 0)
        group.append(n)
        widest = max(widest, len(ends))
    close()
    return result, widest


def organiser_grid(edition: Edition, day: dt.date) -> Grid:
    """The rooms × time grid of one day of an edition, with every conflict of the edition's programme.

    Activities overlapping in one room are laid side by side in lanes of the room's column (see `grid_lanes`).
    """
    state = edition_state(edition)
    conflicts = edition_conflicts(edition, state)
    tz = edition.tzinfo
    day_start = dt.datetime.combine(day, edition.day_start, tzinfo=tz)
    day_end = dt.datetime.combine(day, edition.day_end, tzinfo=tz)
    step = edition.grid_minutes
    # Minutes counted in UTC: on a clock-change day the wall-clock difference is an hour off.
    first = day_start.astimezone(dt.UTC)
    count = max(1, int((day_end - first).total_seconds() // 60) // step)
    slots = []
    for n in range(count):
        moment = (first + dt.timedelta(minutes=n * step)).astimezone(tz)
        slots.append(GridSlot(n + 2, moment.strftime("%H:%M"), moment.minute == 0))
    todays = [a for a in state.activities if a.start and a.start.astimezone(tz).date() == day]
    today_pks = {a.pk for a in todays}
    kinds: dict[int, list[str]] = {}
    for conflict in conflicts:
        for a in conflict.activities:
            if conflict.kind not in kinds.setdefault(a.pk, []):
                kinds[a.pk].append(conflict.kind)
    room_pks = {room.pk for room in state.rooms}
    placed: dict[int, list[tuple[Activity, int, int]]] = {}  # room pk: (activity, row, rows)
    outside = []
    for activity in todays:
        offset = int((activity.start - day_start).total_seconds() // 60)
        if offset < 0 or activity.end > day_end or activity.room_id not in room_pks:
            outside.append(activity)
            continue
        row = offset // step + 2
        span = max(1, min(-(-activity.duration // step), count + 2 - row))
        placed.setdefault(activity.room_id, []).append((activity, row, span))
    columns, items = [], []
    column = 2
    for room in state.rooms:
        here = placed.get(room.pk, [])
        lanes, width = grid_lanes([(row, span) for _a, row, span in here])
        columns.append(GridColumn(room, column, width))
        for (activity, row, span), (lane, group) in zip(here, lanes, strict=True):
            items.append(
                GridItem(
                    activity,
                    column + lane,
                    row,
                    span,
                    activity.pk in kinds,
                    # The last lane of a group fills the room's width.
                    width=width - lane if lane == group - 1 else 1,
                    conflict_kinds=tuple(kinds.get(activity.pk, ())),
                )
            )
        column += width
    items.sort(key=lambda item: (item.row, item.column))
    mine = [c for c in conflicts if any(a.pk in today_pks for a in c.activities)]
    return Grid(
        edition=edition,
        day=day,
        rooms=state.rooms,
        columns=columns,
        slots=slots,
        items=items,
        outside=outside,
        unplaced=[a for a in state.activities if a.start is None],
        conflicts=mine,
        conflicts_elsewhere=len(conflicts) - len(mine),
    )


def runs_for_edition(edition: Edition) -> QuerySet[ProgrammeRun]:
    return ProgrammeRun.objects.filter(edition=edition).select_related("requested_by")


def run_activities(run: ProgrammeRun) -> dict[int, Activity]:
    """The activities a run's result names, by pk (one query)."""
    pks = {item["activity"] for item in run.unplaced}
    return {a.pk: a for a in Activity.objects.filter(pk__in=pks, event__edition=run.edition_id)}
