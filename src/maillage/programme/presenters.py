"""What the programme's organiser pages show, shaped from what the selectors read: the conflicts put into
sentences (in the reader's language, with names and local times) and the grid's CSS geometry."""

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from . import engines, selectors
from .models import Activity, Edition, ProgrammeRun, Room, Speaker, Venue
from .selectors import EditionConflict, EditionState, edition_state


@dataclass(frozen=True)
class GridConflict:
    kind: str
    activities: tuple[Activity, ...]
    message: str
    hard: bool


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
        speaker = state.speakers.get(int(found.speaker[1:])) if found.speaker else None
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
        speaker = state.speakers.get(int(found.speaker[1:])) if found.speaker else None
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


def conflicts_explained(state: EditionState, conflicts: list[EditionConflict]) -> list[GridConflict]:
    """The conflicts as the organiser reads them: one sentence each, in the active language."""
    return [
        GridConflict(c.kind, c.activities, _explain(state, c.found, list(c.activities)), c.hard)
        for c in conflicts
    ]


def edition_conflicts(edition: Edition, state: EditionState | None = None) -> list[GridConflict]:
    """Every conflict of the placed activities of an edition, as the engine's rules find them, explained."""
    state = state or edition_state(edition)
    return conflicts_explained(state, selectors.edition_conflicts(edition, state))


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


# The optimiser's run: why each activity is left out and the remedies, in the reader's language with names.


@dataclass(frozen=True)
class LeftOut:
    pk: int
    activity: Activity | None  # None once deleted
    why: str
    favourites: int


@dataclass(frozen=True)
class RunRemedy:
    change: str
    gain: int
    gain_text: str
    recovers: list[Activity]


@dataclass
class RunReport:
    left_out: list[LeftOut]
    remedies: list[RunRemedy]
    left_out_favourites: int | None
    lower_bound: int | None  # the knapsack's bound on the favourites any programme must leave out
    knapsack_optimal: bool
    remedies_complete: bool


def _day(value: str) -> str:
    try:
        return date_format(dt.date.fromisoformat(value), "l j F Y")
    except (TypeError, ValueError):
        return str(value)


class _Names:
    """The names of the rooms, speakers, venues and activities that a run's codes name by pk (one query per
    kind); a pk whose row is gone reads as ``#pk``."""

    def __init__(self, edition: Edition, items: list[dict], activities: dict[int, Activity]) -> None:
        wanted: dict[str, set[int]] = {"room": set(), "speaker": set(), "venue": set(), "activity": set()}
        for item in items:
            for key, value in item.items():
                kind = {"rooms": "room", "speakers": "speaker", "activities": "activity"}.get(key, key)
                if kind in wanted:
                    wanted[kind].update(value if isinstance(value, list) else [value])
        self.rooms = {
            r.pk: r
            for r in Room.objects.filter(pk__in=wanted["room"], venue__edition=edition).select_related(
                "venue"
            )
        }
        self.speakers = {
            s.pk: s.name
            for s in Speaker.objects.filter(pk__in=wanted["speaker"], edition=edition).select_related(
                "person"
            )
        }
        self.venues = dict(
            Venue.objects.filter(pk__in=wanted["venue"], edition=edition).values_list("pk", "name")
        )
        self.activities = dict(activities)
        missing = wanted["activity"] - set(self.activities)
        if missing:
            self.activities.update(
                (a.pk, a) for a in Activity.objects.filter(pk__in=missing, event__edition=edition)
            )

    def room(self, pk: int) -> str:
        room = self.rooms.get(pk)
        return str(room) if room else f"#{pk}"

    def speaker(self, pk: int) -> str:
        return self.speakers.get(pk, f"#{pk}")

    def venue(self, pk: int) -> str:
        return self.venues.get(pk, f"#{pk}")

    def activity(self, pk: int) -> str:
        activity = self.activities.get(pk)
        return f"“{activity.title}”" if activity else f"#{pk}"

    def listed(self, kind: str, pks: list[int]) -> str:
        return ", ".join(getattr(self, kind)(pk) for pk in pks)


def _why(names: _Names, why: dict) -> str:
    """The organiser's sentence for why the optimiser left an activity out (the engine's code, described)."""
    code = why.get("code")
    if code == "room_full":
        values = {"rooms": names.listed("room", why["rooms"]), "needed": why["needed_minutes"],
                  "free": why["free_minutes"]}  # fmt: skip
        if not why["free_minutes"]:
            return (
                ngettext(
                    "The only room large enough, %(rooms)s, is full whenever it could take place "
                    "(it needs %(needed)s minutes).",
                    "The rooms large enough (%(rooms)s) are full whenever it could take place "
                    "(it needs %(needed)s minutes).",
                    len(why["rooms"]),
                )
                % values
            )
        return (
            ngettext(
                "The only room large enough, %(rooms)s, is full: it needs %(needed)s minutes, and the longest free "
                "time left there while its speakers are present is %(free)s minutes.",
                "The rooms large enough (%(rooms)s) are full: it needs %(needed)s minutes, and the longest free "
                "time left in one of them while its speakers are present is %(free)s minutes.",
                len(why["rooms"]),
            )
            % values
        )
    if code == "speaker_busy":
        return _(
            "%(speaker)s is busy with %(activities)s whenever a room large enough is free."
        ) % {"speaker": names.speaker(why["speaker"]), "activities": names.listed("activity", why["activities"])}  # fmt: skip
    if code == "speaker_unavailable":
        return _("%(speaker)s is away whenever it could take place.") % {
            "speaker": names.speaker(why["speaker"])
        }
    if code == "speakers_unavailable":
        return _("Its speakers (%(speakers)s) are never all present at once when it could take place.") % {
            "speakers": names.listed("speaker", why["speakers"])
        }
    if code == "rooms_unavailable":
        return _("The rooms large enough (%(rooms)s) are closed whenever its speakers are present.") % {
            "rooms": names.listed("room", why["rooms"])
        }
    if code == "no_room_large_enough":
        return _("No room holds the %(attendance)s people it expects (the largest holds %(largest)s).") % {
            "attendance": why["attendance"], "largest": why["largest"],
        }  # fmt: skip
    if code == "too_long":
        return _(
            "It lasts %(needed)s minutes, longer than any day it may take place (%(longest)s minutes)."
        ) % {"needed": why["needed_minutes"], "longest": why["longest_day_minutes"]}  # fmt: skip
    return _("No place found (%(code)s).") % {"code": code or "?"}


def _change(names: _Names, change: dict) -> str:
    """The organiser's words for a change to the week that the optimiser proposes."""
    code = change.get("code")
    if code == "extend_day":
        return ngettext(
            "End %(day)s %(minutes)s minute later.",
            "End %(day)s %(minutes)s minutes later.",
            change["minutes"],
        ) % {"day": _day(change["day"]), "minutes": change["minutes"]}
    if code == "bigger_room":
        return _(
            "A room for %(needed)s people instead of %(room)s (%(capacity)s seats), at %(venue)s."
        ) % {"needed": change["needed_capacity"], "room": names.room(change["room"]),
             "capacity": change["capacity"], "venue": names.venue(change["venue"])}  # fmt: skip
    if code == "shorter_format":
        return _("%(activities)s in %(to)s minutes instead of %(from)s.") % {
            "activities": names.listed("activity", change["activities"]),
            "to": change["to_minutes"], "from": change["from_minutes"],
        }  # fmt: skip
    if code == "extra_day":
        return _("One more day, %(day)s, from %(start)s to %(end)s.") % {
            "day": _day(change["day"]), "start": change["start"], "end": change["end"],
        }  # fmt: skip
    if code == "allow_day":
        return _("Allow %(activity)s on %(day)s too.") % {
            "activity": names.activity(change["activity"]), "day": _day(change["day"]),
        }  # fmt: skip
    return _("Another change (%(code)s).") % {"code": code or "?"}


def run_report(edition: Edition, run: ProgrammeRun, activities: dict[int, Activity]) -> RunReport:
    """What a finished run leaves out and why, and what would bring it back, as the organiser reads it.

    ``activities`` are the run's unplaced activities by pk (``selectors.run_activities``). Why an activity is
    left out is read from its unplaced item, or from the run's statistics for runs that keep it there.
    """
    stats = run.stats or {}
    kept = {item["activity"]: item for item in stats.get("left_out", [])}
    items = []
    for item in run.unplaced:
        known = kept.get(item["activity"], {})
        items.append(
            (
                item["activity"],
                item.get("why", known.get("why")),
                item.get("favourites", known.get("favourites", 0)),
            )
        )
    remedies = stats.get("remedies", [])
    names = _Names(
        edition,
        [why for _pk, why, _f in items if why] + [r["change"] for r in remedies]
        + [{"activities": r.get("recovers", [])} for r in remedies],
        activities,
    )  # fmt: skip
    left_out = [
        LeftOut(pk, names.activities.get(pk), _why(names, why) if why else "", favourites or 0)
        for pk, why, favourites in items
    ]
    return RunReport(
        left_out=left_out,
        remedies=[
            RunRemedy(
                change=_change(names, r["change"]),
                gain=r["gain"],
                gain_text=ngettext(
                    "+%(count)s favourite recovered", "+%(count)s favourites recovered", r["gain"]
                )
                % {"count": r["gain"]},
                recovers=[names.activities[pk] for pk in r.get("recovers", []) if pk in names.activities],
            )
            for r in remedies
        ],
        left_out_favourites=stats.get("left_out_favourites"),
        lower_bound=stats.get("left_out_favourites_lower_bound"),
        knapsack_optimal=bool(stats.get("knapsack_optimal")),
        remedies_complete=bool(stats.get("remedies_complete")),
    )
