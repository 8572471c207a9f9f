"""Recording a B2B session that already took place: its meetings and what came of them, from a spreadsheet.

The scheduler plans only what is still to come, so a network's history (a mission held before it used
Maillage, a forum run on paper) would otherwise be lost. The organisers' own record is checked row by row
first, like the directory's import: a file with any bad row is rejected whole with a report naming each row
and column, a good one is written in one transaction as a published, checked-in agenda with its outcomes.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.common.tabular import Table as Sheet
from maillage.common.text import fold
from maillage.directory.imports import ImportRejected, RowError
from maillage.directory.models import Person

from . import services
from .models import (
    B2BSession,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    Participant,
    SchedulingRun,
    Slot,
    Table,
)

HISTORY_COLUMNS = [
    "day",
    "start",
    "table",
    "participant_a",
    "participant_b",
    "status",
    "outcome_a",
    "outcome_b",
    "notes_a",
    "notes_b",
]
REQUIRED = ("day", "start", "table", "participant_a", "participant_b")
# What people write in the status column, folded, in French or English.
STATUS_WORDS = {
    "": Meeting.Status.HELD,
    "held": Meeting.Status.HELD,
    "tenue": Meeting.Status.HELD,
    "tenu": Meeting.Status.HELD,
    "oui": Meeting.Status.HELD,
    "yes": Meeting.Status.HELD,
    "no_show": Meeting.Status.NO_SHOW,
    "no-show": Meeting.Status.NO_SHOW,
    "no show": Meeting.Status.NO_SHOW,
    "absent": Meeting.Status.NO_SHOW,
    "absence": Meeting.Status.NO_SHOW,
    "non": Meeting.Status.NO_SHOW,
    "no": Meeting.Status.NO_SHOW,
}


@dataclass(frozen=True)
class HistoryRow:
    row: int
    slot: Slot
    table: Table
    a: Person
    b: Person
    status: str
    outcome_a: str
    outcome_b: str
    notes_a: str
    notes_b: str


@dataclass(frozen=True)
class HistoryResult:
    meetings: int
    held: int
    participants_added: int
    outcomes: int


def _outcome_lookup() -> dict[str, str]:
    """Outcome codes and their labels in French and English, folded, whatever the reader's language."""
    lookup = {}
    for language in ("fr", "en"):
        with translation.override(language):
            for value, label in MeetingOutcome.Result.choices:
                lookup[fold(value)] = value
                lookup[fold(str(label))] = value
    return lookup


def _parse_day(text: str) -> dt.date | None:
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()  # noqa: DTZ007 (a date, no time)
        except ValueError:
            continue
    return None


def _parse_time(text: str) -> dt.time | None:
    for pattern in ("%H:%M", "%H:%M:%S", "%Hh%M", "%Hh"):
        try:
            return dt.datetime.strptime(text.lower(), pattern).time()  # noqa: DTZ007 (a time of day)
        except ValueError:
            continue
    return None


def history_rows_check(
    *, session: B2BSession, sheet: Sheet, now: dt.datetime | None = None
) -> list[HistoryRow]:
    """Every row turned into a meeting to record, or :class:`ImportRejected` listing every problem."""
    now = now or timezone.now()
    missing = [c for c in REQUIRED if c not in sheet.header]
    if missing:
        raise ImportRejected(
            [
                RowError(
                    1, c, _("this column is missing (expected: %(c)s)") % {"c": ", ".join(HISTORY_COLUMNS)}
                )
                for c in missing
            ]
        )
    tz = session.tzinfo
    slots = {slot.start.astimezone(tz).replace(tzinfo=None): slot for slot in session.slots.all()}
    tables = {table.number: table for table in session.tables.all()}
    emails = {
        value.strip().lower()
        for raw in sheet.rows
        if raw
        for value in (raw.get("participant_a", ""), raw.get("participant_b", ""))
    }
    people = {p.email.lower(): p for p in Person.objects.filter(email__in=emails)}
    outcomes = _outcome_lookup()
    errors: list[RowError] = []
    rows: list[HistoryRow] = []
    busy: dict[tuple[int, int], int] = {}  # (person pk, slot pk) → row
    taken: dict[tuple[int, int], int] = {}  # (slot pk, table pk) → row
    pairs: dict[frozenset[int], int] = {}
    for index, raw in enumerate(sheet.rows, start=2):
        if raw is None:
            continue
        before = len(errors)

        def error(column: str, message: str, row: int = index) -> None:
            errors.append(RowError(row, column, message))

        day, start = _parse_day(raw.get("day", "")), _parse_time(raw.get("start", ""))
        if day is None:
            error("day", _("expected a date such as 2026-10-14"))
        if start is None:
            error("start", _("expected a time such as 09:20"))
        slot = slots.get(dt.datetime.combine(day, start)) if day and start else None
        if day and start and slot is None:
            # the zone's IANA name, not its places: the organiser's file must be written in exactly that zone
            error(
                "start", _("no slot of this session starts then (times in %(tz)s)") % {"tz": session.timezone}
            )
        if slot is not None and slot.start > now:
            error("start", _("this slot is still to come: plan it with the scheduler instead"))
        number = raw.get("table", "")
        table = tables.get(int(number)) if number.isdigit() else None
        if table is None:
            error("table", _("no table %(n)s in this session") % {"n": number or "—"})
        found = []
        for column in ("participant_a", "participant_b"):
            person = people.get(raw.get(column, "").strip().lower())
            if person is None:
                error(
                    column,
                    _("no person of the directory has the e-mail “%(e)s”") % {"e": raw.get(column, "")},
                )
            found.append(person)
        a, b = found
        if a is not None and a == b:
            error("participant_b", _("a person cannot meet themselves"))
        status = STATUS_WORDS.get(fold(raw.get("status", "")))
        if status is None:
            error("status", _("expected held or no-show"))
        chosen = {}
        for side in ("a", "b"):
            text = raw.get(f"outcome_{side}", "")
            value = outcomes.get(fold(text), "") if text else ""
            if text and not value:
                labels = ", ".join(str(label) for label in MeetingOutcome.Result.labels)
                error(
                    f"outcome_{side}", _("unknown outcome (expected one of: %(labels)s)") % {"labels": labels}
                )
            if value and status == Meeting.Status.NO_SHOW:
                error(f"outcome_{side}", _("a meeting that did not take place has no outcome"))
            chosen[side] = value
        if len(errors) > before:
            continue
        for person in (a, b):
            other = busy.setdefault((person.pk, slot.pk), index)
            if other != index:
                error(
                    "start",
                    _("%(name)s already meets someone then (row %(row)d)")
                    % {"name": person.full_name, "row": other},
                )
        other = taken.setdefault((slot.pk, table.pk), index)
        if other != index:
            error("table", _("this table already hosts a meeting then (row %(row)d)") % {"row": other})
        other = pairs.setdefault(frozenset((a.pk, b.pk)), index)
        if other != index:
            error("participant_b", _("these two people already met (row %(row)d)") % {"row": other})
        if len(errors) == before:
            rows.append(
                HistoryRow(
                    index,
                    slot,
                    table,
                    a,
                    b,
                    status,
                    chosen["a"],
                    chosen["b"],
                    raw.get("notes_a", "")[:2000],
                    raw.get("notes_b", "")[:2000],
                )
            )
    if errors:
        raise ImportRejected(errors)
    if not rows:
        raise ImportRejected([RowError(2, "day", _("the file has no meeting"))])
    return rows


@transaction.atomic
def b2b_session_history_import(*, session: B2BSession, sheet: Sheet, user: User | None) -> HistoryResult:
    """Record a past session's meetings, check-ins and outcomes as its published agenda, then close it.
    Only for a session that has no published meeting yet (history is imported once)."""
    session = B2BSession.objects.select_for_update().get(pk=session.pk)
    if Meeting.objects.filter(session=session, published=True).exists():
        raise ValidationError(
            _("This session already has published meetings: its history cannot be imported.")
        )
    rows = history_rows_check(session=session, sheet=sheet)
    participants = {p.person_id: p for p in Participant.objects.filter(session=session)}
    added = 0
    for person in {p.pk: p for row in rows for p in (row.a, row.b)}.values():
        if person.pk not in participants:
            participants[person.pk] = services.participant_register(
                session=session, person=person, by_organiser=True
            )
            added += 1
    now = timezone.now()
    run = SchedulingRun.objects.create(
        session=session,
        requested_by=user,
        status=SchedulingRun.Status.DONE,
        time_limit=0,
        started=now,
        finished=now,
        published=now,
        stats={"imported": True, "scheduled": len(rows), "requests": len(rows)},
    )
    existing = {
        frozenset((r.sender_id, r.recipient_id)): r for r in MeetingRequest.objects.filter(session=session)
    }
    meetings, outcomes = [], 0
    for row in rows:
        a, b = participants[row.a.pk], participants[row.b.pk]
        request = existing.get(frozenset((a.pk, b.pk)))
        if request is None:
            request = MeetingRequest.objects.create(
                session=session,
                sender=a,
                recipient=b,
                by_organiser=True,
                status=MeetingRequest.Status.ACCEPTED,
                answered=row.slot.start,
            )
        elif request.status != MeetingRequest.Status.ACCEPTED:
            request.status, request.answered = MeetingRequest.Status.ACCEPTED, row.slot.start
            request.save(update_fields=["status", "answered"])
        meeting = Meeting.objects.create(
            session=session,
            request=request,
            run=run,
            slot=row.slot,
            table=row.table,
            status=row.status,
            published=True,
            version=1,
        )
        meetings.append(meeting)
        for participant, outcome, notes in ((a, row.outcome_a, row.notes_a), (b, row.outcome_b, row.notes_b)):
            if outcome:
                MeetingOutcome.objects.create(
                    meeting=meeting, participant=participant, outcome=outcome, notes=notes.strip()
                )
                outcomes += 1
    session.status = B2BSession.Status.CLOSED
    session.save(update_fields=["status", "updated"])
    held = sum(1 for row in rows if row.status == Meeting.Status.HELD)
    return HistoryResult(meetings=len(meetings), held=held, participants_added=added, outcomes=outcomes)
