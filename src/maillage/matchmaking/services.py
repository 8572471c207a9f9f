"""Changes to B2B sessions. Each function is one transaction (the scheduling run: one per step, so a failure
never touches the published agenda). E-mails go out through background tasks after commit."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.common.emails import email_send_later
from maillage.common.runs import run_done, run_execute, run_start
from maillage.common.services import model_update, unique_slug
from maillage.common.times import require_aware
from maillage.directory.models import Person, Sector
from maillage.directory.selectors import person_language

from . import engines, selectors
from .models import (
    LIVE,
    RESERVED_SLUGS,
    B2BSession,
    DayPart,
    LookingFor,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    Participant,
    SchedulingRun,
    Slot,
    Table,
)
from .recommendations import recommendations_refresh_later

# What participants change in their profile; organisers may also place someone at their booth.
PARTICIPANT_FIELDS = ["organisation", "offers", "needs", "languages", "looking_for"]
ORGANISER_FIELDS = [*PARTICIPANT_FIELDS, "booth"]


def _lock(session: B2BSession) -> B2BSession:
    """Lock the session's row until the end of the transaction: the checks-then-writes on its participants
    and runs then happen one at a time (double submits, two organisers at once), and none of them while
    a request is being sent or answered (those hold the row shared: `_lock_shared`)."""
    return B2BSession.objects.select_for_update().get(pk=session.pk)


def _lock_shared(session: B2BSession) -> B2BSession:
    """Read the session's row and keep it from changing until the end of the transaction, without making
    other requests wait: hundreds of people send and answer requests in the last minutes before the
    deadline, and one exclusive lock on the session made every one of them queue behind the others. A
    status change, a new deadline or a publication (which lock the row or write it) waits for them, so
    the deadline and status read here hold until commit. SQLite runs one write transaction at a time:
    a plain read is enough there."""
    if not connection.features.has_select_for_update:
        return B2BSession.objects.get(pk=session.pk)
    table = connection.ops.quote_name(B2BSession._meta.db_table)
    sql = f"SELECT * FROM {table} WHERE id = %s FOR SHARE"  # noqa: S608 - our own table's name
    found = list(B2BSession.objects.raw(sql, [session.pk]))
    if not found:
        raise B2BSession.DoesNotExist
    return found[0]


def _lock_pair(one_pk: int, other_pk: int) -> None:
    """Lock two participants' rows, in the order of their ids (no deadlock between two people writing to
    each other at the same moment): what happens between two people (a request, theirs crossing ours, an
    answer, a withdrawal) then happens one at a time, while everyone else goes on."""
    list(
        Participant.objects.select_for_update(no_key=True)
        .filter(pk__in=[one_pk, other_pk])
        .order_by("pk")
        .values_list("pk", flat=True)
    )


@dataclass(frozen=True)
class DayPartSpec:
    """A part of a day in local time: ("am", 09:00, 12:00)."""

    part: str
    start: dt.time
    end: dt.time


@transaction.atomic
def b2b_session_create(
    *,
    organiser: User,
    name: str,
    days: Iterable[dt.date],
    parts: Iterable[DayPartSpec],
    tables: int,
    timezone_name: str = "America/Toronto",
    slot_minutes: int = 20,
    break_minutes: int = 5,
    slug: str = "",
    **fields,
) -> B2BSession:
    """A session with its parts of days, their slots (slot length plus a break, as many as fit) and tables."""
    require_aware(*(fields.get(k) for k in ("registration_opens", "registration_closes", "request_deadline")))
    session = B2BSession(
        organiser=organiser,
        name=name,
        slug=slug or unique_slug(B2BSession, name, fallback="b2b", reserved=RESERVED_SLUGS),
        timezone=timezone_name,
        slot_minutes=slot_minutes,
        break_minutes=break_minutes,
        **fields,
    )
    session.full_clean()
    session.save()
    parts = list(parts)
    if not parts:
        raise ValidationError(_("A B2B session needs at least one part of a day."))
    tz = session.tzinfo
    step = dt.timedelta(minutes=slot_minutes + break_minutes)
    length = dt.timedelta(minutes=slot_minutes)
    for day in sorted(set(days)):
        for spec in parts:
            start = dt.datetime.combine(day, spec.start, tzinfo=tz)
            end = dt.datetime.combine(day, spec.end, tzinfo=tz)
            if end <= start:
                raise ValidationError(_("A part of a day must end after it starts."))
            day_part = DayPart.objects.create(session=session, date=day, part=spec.part, start=start, end=end)
            moment, slots = start, []
            while moment + length <= end:
                slots.append(Slot(session=session, day_part=day_part, start=moment, end=moment + length))
                moment += step
            Slot.objects.bulk_create(slots)
    Table.objects.bulk_create(Table(session=session, number=n) for n in range(1, tables + 1))
    return session


@transaction.atomic
def b2b_session_set_status(*, session: B2BSession, status: str) -> B2BSession:
    if status not in B2BSession.Status.values:
        raise ValueError(f"Unknown status: {status}")
    session.status = status
    session.save(update_fields=["status", "updated"])
    return session


# Participants


def _check_profile(
    session: B2BSession,
    looking_for: list[str],
    unavailable: list[DayPart],
    booth: Table | None,
    *,
    participant: Participant | None = None,
) -> None:
    unknown = set(looking_for) - set(LookingFor.values)
    if unknown:
        raise ValidationError(
            {"looking_for": _("Unknown kind of partner: %(kind)s") % {"kind": sorted(unknown)[0]}}
        )
    if any(part.session_id != session.pk for part in unavailable):
        raise ValidationError({"unavailable": _("This part of a day belongs to another session.")})
    if booth is not None and booth.session_id != session.pk:
        raise ValidationError({"booth": _("This table belongs to another session.")})
    if booth is not None:
        others = Participant.objects.filter(session=session, booth=booth)
        if participant is not None:
            others = others.exclude(pk=participant.pk)
        owner = others.select_related("person").first()
        if owner is not None and (
            participant is None
            or participant.organisation_id is None
            or owner.organisation_id != participant.organisation_id
        ):
            message = _("This table is the booth of %(name)s.") % {"name": owner.name}
            raise ValidationError({"booth": ValidationError(message, code="booth_taken")})
        guests = Meeting.objects.filter(LIVE, table=booth, status__in=selectors.OCCUPYING).exclude(
            Q(request__sender__booth=booth) | Q(request__recipient__booth=booth)
        )
        if participant is not None:
            guests = guests.exclude(Q(request__sender=participant) | Q(request__recipient=participant))
        if guests.exists():
            message = _("Other people have published meetings at this table: move them first.")
            raise ValidationError({"booth": ValidationError(message, code="table_in_use")})
    if participant is not None:
        _check_published_meetings(participant, unavailable, booth)


def _check_published_meetings(
    participant: Participant, unavailable: list[DayPart], booth: Table | None
) -> None:
    """A profile change must leave the published meetings possible (the next re-run keeps them where they
    are): no meeting in a part of a day now unavailable, none at another table than a new booth."""
    live = Meeting.objects.filter(
        LIVE,
        Q(request__sender=participant) | Q(request__recipient=participant),
        status__in=[Meeting.Status.SCHEDULED, Meeting.Status.HELD],
    ).select_related("slot__day_part")
    away = {part.pk for part in unavailable}
    clashes = sorted({m.slot.day_part for m in live if m.slot.day_part_id in away}, key=lambda p: p.start)
    if clashes:
        tz = participant.session.tzinfo
        parts = ", ".join(f"{p.start.astimezone(tz):%Y-%m-%d} {p.get_part_display()}" for p in clashes)
        message = _(
            "You have meetings on the published agenda then (%(parts)s): cancel them, or ask the organisers, "
            "before saying you are not available."
        ) % {"parts": parts}
        raise ValidationError({"unavailable": ValidationError(message, code="meetings_then")})
    if booth is not None and any(m.table_id != booth.pk for m in live):
        message = _("This person has published meetings at other tables: cancel them first.")
        raise ValidationError({"booth": ValidationError(message, code="meetings_elsewhere")})


@transaction.atomic
def participant_register(
    *,
    session: B2BSession,
    person: Person,
    offers: str = "",
    needs: str = "",
    sectors: Iterable[Sector] | None = None,
    languages: list[str] | None = None,
    looking_for: list[str] = (),
    unavailable: Iterable[DayPart] = (),
    booth: Table | None = None,
    by_organiser: bool = False,
) -> Participant:
    """Register someone of the directory (themselves, or by an organiser at any time). Empty fields are
    taken from their organisation: its offers, needs and sectors; their languages. Only organisers give
    someone a booth."""
    session = _lock(session)
    if booth is not None and not by_organiser:
        raise ValueError("Only organisers give someone a booth.")
    if not by_organiser:
        now = timezone.now()
        if session.status != B2BSession.Status.OPEN:
            raise ValidationError(_("Registration for this B2B session is not open."))
        if session.registration_opens and now < session.registration_opens:
            raise ValidationError(_("Registration for this B2B session has not opened yet."))
        if session.registration_closes and now >= session.registration_closes:
            raise ValidationError(_("Registration for this B2B session is closed."))
    if Participant.objects.filter(session=session, person=person).exists():
        raise ValidationError(_("%(name)s is already registered.") % {"name": person.full_name})
    unavailable, looking_for = list(unavailable), list(looking_for)
    _check_profile(session, looking_for, unavailable, booth)
    organisation = person.organisation
    try:
        with transaction.atomic():
            participant = Participant.objects.create(
                session=session,
                person=person,
                organisation=organisation,
                offers=offers or (organisation.offers if organisation else ""),
                needs=needs or (organisation.needs if organisation else ""),
                languages=languages or list(person.languages) or ["fr"],
                looking_for=looking_for,
                booth=booth,
            )
    except IntegrityError:  # registered at the same moment by another request
        raise ValidationError(_("%(name)s is already registered.") % {"name": person.full_name}) from None
    if sectors is None:
        sectors = organisation.sectors.all() if organisation else []
    participant.sectors.set(sectors)
    participant.unavailable.set(unavailable)
    recommendations_refresh_later(session=session)
    return participant


@transaction.atomic
def participant_update(
    *,
    participant: Participant,
    sectors: Iterable[Sector] | None = None,
    unavailable: Iterable[DayPart] | None = None,
    by_organiser: bool = False,
    **fields,
) -> Participant:
    """Change a profile (the participant, or an organiser who may also set the booth). Changes that would
    make a published meeting impossible are refused, so the next re-run of the scheduler keeps working."""
    allowed = ORGANISER_FIELDS if by_organiser else PARTICIPANT_FIELDS
    model_update(participant, fields, allowed=allowed)
    unavailable = list(unavailable) if unavailable is not None else None
    _check_profile(
        participant.session,
        participant.looking_for,
        unavailable or [],
        participant.booth if "booth" in fields else None,
        participant=participant,
    )
    participant.save()
    if sectors is not None:
        participant.sectors.set(sectors)
    if unavailable is not None:
        participant.unavailable.set(unavailable)
    recommendations_refresh_later(session=participant.session)
    return participant


# Requests


def _notify(participant: Participant, template: str, context: dict) -> None:
    person = participant.person
    if person.email:
        email_send_later(
            to=person.email,
            language=person_language(person),
            template=f"matchmaking/email/{template}",
            context={
                "participant": participant,
                "session": participant.session,
                "site_url": settings.SITE_URL,
                **context,
            },
        )


def _check_can_request(sender: Participant, recipient: Participant, *, by_organiser: bool) -> None:
    session = sender.session
    if recipient.session_id != sender.session_id:
        raise ValidationError(_("This person does not take part in this B2B session."))
    if sender.pk == recipient.pk:
        raise ValidationError(_("You cannot ask to meet yourself."))
    if by_organiser:
        return
    _check_takes_requests(session)


def _check_takes_requests(session: B2BSession) -> None:
    """Members send and answer requests while the session is running and before its deadline."""
    if session.status not in (
        B2BSession.Status.OPEN,
        B2BSession.Status.SCHEDULED,
        B2BSession.Status.PUBLISHED,
    ):
        raise ValidationError(_("This B2B session does not take requests."), code="session_closed")
    if session.request_deadline and timezone.now() >= session.request_deadline:
        raise ValidationError(_("The deadline for requests has passed."), code="deadline")


def _check_window(sender: Participant, recipient: Participant, window: list[DayPart]) -> None:
    """A meeting's half-days must belong to the session and leave one both people are available in."""
    if any(part.session_id != sender.session_id for part in window):
        raise ValidationError({"window": _("This part of a day belongs to another session.")})
    if not window:
        return
    away = set(sender.unavailable.values_list("pk", flat=True)) | set(
        recipient.unavailable.values_list("pk", flat=True)
    )
    if all(part.pk in away for part in window):
        message = _("%(name)s or you are not available in the chosen parts of days.") % {
            "name": recipient.name
        }
        raise ValidationError({"window": ValidationError(message, code="window_unavailable")})


@transaction.atomic
def meeting_request_send(
    *,
    sender: Participant,
    recipient: Participant,
    message: str = "",
    priority: int = MeetingRequest.Priority.NORMAL,
    window: Iterable[DayPart] = (),
    notify: bool = True,
) -> MeetingRequest:
    """Ask to meet someone. When they had already asked us, that is a mutual request: theirs is accepted
    (and marked mutual) instead of a second one being made. Only the two people's rows are locked (and
    the session's shared), so that everyone else's requests go on at the same time."""
    sender.session = _lock_shared(sender.session)
    _check_can_request(sender, recipient, by_organiser=False)
    recipient.session = sender.session
    if priority not in MeetingRequest.Priority.values:
        raise ValidationError(_("Unknown priority."))
    window = list(window)
    _check_window(sender, recipient, window)
    _lock_pair(sender.pk, recipient.pk)
    between = {
        r.sender_id: r
        for r in MeetingRequest.objects.filter(
            Q(sender=sender, recipient=recipient) | Q(sender=recipient, recipient=sender)
        )
    }
    if sender.pk in between:
        raise ValidationError(_("You have already asked to meet %(name)s.") % {"name": recipient.name})
    theirs = between.get(recipient.pk)
    if theirs is not None:
        if theirs.status != MeetingRequest.Status.PENDING:
            raise ValidationError(
                _("%(name)s has already asked to meet you: see your requests.") % {"name": recipient.name}
            )
        theirs.sender, theirs.recipient, theirs.session = recipient, sender, sender.session
        theirs.mutual = True
        theirs.priority = max(theirs.priority, priority)
        theirs.status = MeetingRequest.Status.ACCEPTED
        theirs.answered = timezone.now()
        theirs.save(update_fields=["mutual", "priority", "status", "answered"])
        if notify:
            _notify(theirs.sender, "request_accepted", {"request": theirs, "other": theirs.recipient})
        return theirs
    try:
        with transaction.atomic():
            request = MeetingRequest.objects.create(
                session=sender.session,
                sender=sender,
                recipient=recipient,
                message=message.strip(),
                priority=priority,
            )
            if window:
                request.window.set(window)
    except IntegrityError:  # the same request, sent at the same moment (a double click)
        raise ValidationError(
            _("You have already asked to meet %(name)s.") % {"name": recipient.name}
        ) from None
    if notify:
        _notify(recipient, "request_received", {"request": request, "other": sender})
    return request


def _accept(request: MeetingRequest, *, notify: bool = True) -> MeetingRequest:
    request.status = MeetingRequest.Status.ACCEPTED
    request.answered = timezone.now()
    request.save(update_fields=["status", "answered"])
    if notify:
        request.sender.session = request.session
        _notify(request.sender, "request_accepted", {"request": request, "other": request.recipient})
    return request


def _lock_request(request: MeetingRequest, *, by_organiser: bool) -> MeetingRequest:
    """The session held shared and the two people locked (see `meeting_request_send`), then the request as
    it is now: answering is refused once it is answered or withdrawn."""
    request.session = _lock_shared(request.session)
    _lock_pair(request.sender_id, request.recipient_id)
    request.refresh_from_db(fields=["status", "answered", "mutual", "priority"])
    if not by_organiser:
        _check_takes_requests(request.session)
    if request.status != MeetingRequest.Status.PENDING:
        raise ValidationError(_("This request has already been answered."))
    return request


@transaction.atomic
def meeting_request_accept(
    *, request: MeetingRequest, notify: bool = True, by_organiser: bool = False
) -> MeetingRequest:
    """The recipient accepts (while the session takes requests; an organiser at any time)."""
    _lock_request(request, by_organiser=by_organiser)
    return _accept(request, notify=notify)


@transaction.atomic
def meeting_request_decline(*, request: MeetingRequest, by_organiser: bool = False) -> MeetingRequest:
    _lock_request(request, by_organiser=by_organiser)
    request.status = MeetingRequest.Status.DECLINED
    request.answered = timezone.now()
    request.save(update_fields=["status", "answered"])
    return request


@transaction.atomic
def meeting_request_organiser_add(
    *,
    sender: Participant,
    recipient: Participant,
    priority: int = MeetingRequest.Priority.NORMAL,
    message: str = "",
    window: Iterable[DayPart] = (),
) -> MeetingRequest:
    """An organiser adds an accepted request for people who do not use the site (no deadline applies),
    possibly restricted to some half-days."""
    _lock(sender.session)
    _check_can_request(sender, recipient, by_organiser=True)
    window = list(window)
    _check_window(sender, recipient, window)
    existing = MeetingRequest.objects.filter(
        sender__in=[sender, recipient], recipient__in=[sender, recipient]
    ).first()
    if existing is not None:
        raise ValidationError(
            _("%(a)s and %(b)s already have a request.") % {"a": sender.name, "b": recipient.name}
        )
    now = timezone.now()
    request = MeetingRequest.objects.create(
        session=sender.session,
        sender=sender,
        recipient=recipient,
        priority=priority,
        message=message,
        status=MeetingRequest.Status.ACCEPTED,
        by_organiser=True,
        answered=now,
    )
    request.window.set(window)
    return request


@transaction.atomic
def meeting_request_cancel(*, request: MeetingRequest) -> MeetingRequest:
    """Withdraw a request (the sender, or an organiser for anyone); its published meeting is cancelled."""
    request.session = _lock_shared(request.session)  # not while a schedule is being published
    _lock_pair(request.sender_id, request.recipient_id)
    request.status = MeetingRequest.Status.CANCELLED
    request.save(update_fields=["status"])
    request.meetings.filter(published=True, status=Meeting.Status.SCHEDULED).update(
        status=Meeting.Status.CANCELLED, updated=timezone.now()
    )
    request.meetings.filter(published=False).delete()
    return request


# Scheduling


def scheduling_run_start(*, session: B2BSession, user: User, time_limit: float = 10) -> SchedulingRun:
    """Queue a run of the scheduler; the background task starts after commit. One run at a time per
    session (the database says so too)."""
    return run_start(SchedulingRun, scope=session, user=user, time_limit=time_limit)


def scheduling_run_execute(*, run_id: int) -> SchedulingRun:
    """Run the scheduler for a queued run: mark it running, solve outside any transaction, then store the
    proposed meetings (unpublished) in one transaction. Any failure marks the run failed and changes
    nothing else: the published agenda stays as it was."""
    return run_execute(SchedulingRun, run_id, work=_scheduling_run_work)


def _scheduling_run_work(run: SchedulingRun) -> None:
    instance = selectors.scheduling_instance(run.session)
    result = engines.schedule(instance, time_limit=run.time_limit)
    _store_run_result(run, instance, result)


@transaction.atomic
def _store_run_result(run: SchedulingRun, instance: dict, result: dict) -> None:
    session = run.session
    requests = {f"r{r.pk}": r for r in MeetingRequest.objects.filter(session=session)}
    slots = {f"s{s.pk}": s for s in session.slots.all()}
    tables = {f"t{t.pk}": t for t in session.tables.all()}
    Meeting.objects.filter(session=session, published=False).delete()  # older proposals
    Meeting.objects.bulk_create(
        Meeting(
            session=session,
            run=run,
            request=requests[m["request"]],
            slot=slots[m["slot"]],
            table=tables[m["table"]],
        )
        for m in result["meetings"]
    )
    pairs = {r["id"]: r["participants"] for r in instance["requests"]}
    met = {p for m in result["meetings"] for p in pairs[m["request"]]}
    met |= {p for lock in instance["locked"] for p in pairs[lock["request"]]}
    for item in instance["out_of_window"]:
        request = requests[item["request"]]
        pairs[item["request"]] = [f"p{request.sender_id}", f"p{request.recipient_id}"]
    wanted = {p for pair in pairs.values() for p in pair}
    stats = dict(result["stats"])
    stats["requests"] = stats.get("requests", 0) + len(instance["out_of_window"])
    stats["people_without_meeting"] = sorted(int(p.removeprefix("p")) for p in wanted - met)
    run.stats = stats
    run.unscheduled = [*result["unscheduled"], *instance["out_of_window"]]
    run_done(run, fields=["unscheduled"])
    if session.status in (B2BSession.Status.DRAFT, B2BSession.Status.OPEN):
        session.status = B2BSession.Status.SCHEDULED
        session.save(update_fields=["status", "updated"])


@transaction.atomic
def scheduling_run_publish(*, run: SchedulingRun, notify: bool = True) -> list[Participant]:
    """Put a finished run's meetings on the agendas. Meetings that did not change stay as they were (with
    their check-in); the people whose meetings changed (everyone, the first time) are told by e-mail.
    Returns those people."""
    _lock(run.session)
    run = SchedulingRun.objects.select_for_update().select_related("session").get(pk=run.pk)
    if run.status != SchedulingRun.Status.DONE:
        raise ValidationError(_("Only a finished run can be published."))
    if run.published:
        raise ValidationError(_("This run is already published."))
    session = run.session
    newer = session.runs.filter(status=SchedulingRun.Status.DONE, created__gt=run.created).exists()
    if newer:
        raise ValidationError(_("A newer run exists: publish that one."))
    first = not session.runs.filter(published__isnull=False).exists()
    old = {m.request_id: m for m in Meeting.objects.filter(LIVE, session=session).select_related("request")}
    proposed = list(run.meetings.filter(published=False).select_related("request"))
    changed: set[int] = set()
    keep: set[int] = set()
    for meeting in proposed:
        before = old.get(meeting.request_id)
        if before and (before.slot_id, before.table_id) == (meeting.slot_id, meeting.table_id):
            keep.add(meeting.request_id)
        else:
            changed.update((meeting.request.sender_id, meeting.request.recipient_id))
    # Held meetings were locked (so kept); no-shows are left as they are.
    dropped = [m for rid, m in old.items() if rid not in keep and m.status == Meeting.Status.SCHEDULED]
    for meeting in dropped:
        changed.update((meeting.request.sender_id, meeting.request.recipient_id))
    Meeting.objects.filter(pk__in=[m.pk for m in dropped]).delete()
    run.meetings.filter(request_id__in=keep).delete()
    version = session.runs.filter(published__isnull=False).count() + 1
    run.meetings.all().update(published=True, version=version, updated=timezone.now())
    run.published = timezone.now()
    run.save(update_fields=["published"])
    session.status = B2BSession.Status.PUBLISHED
    session.save(update_fields=["status", "updated"])
    told = list(
        Participant.objects.filter(pk__in=changed).select_related("person__user", "session").order_by("pk")
    )
    for participant in told if notify else []:
        _notify(participant, "agenda_published" if first else "agenda_changed", {})
    return told


# On the day and after


@transaction.atomic
def meeting_check_in(*, meeting: Meeting, status: str) -> Meeting:
    if status not in (Meeting.Status.HELD, Meeting.Status.NO_SHOW, Meeting.Status.SCHEDULED):
        raise ValidationError(_("Unknown check-in status."))
    if not meeting.published or meeting.status == Meeting.Status.CANCELLED:
        raise ValidationError(_("Only meetings on the published agenda can be checked in."))
    if status != Meeting.Status.SCHEDULED and meeting.slot.start > timezone.now():
        raise ValidationError(
            _("This meeting has not started yet: it can be marked held or no-show from its start."),
            code="future",
        )
    if meeting.status == Meeting.Status.NO_SHOW and status != Meeting.Status.NO_SHOW:
        state = selectors.placement_state(_lock(meeting.session), [meeting.request])
        if state.check.errors(
            request=f"r{meeting.request_id}", slot=f"s{meeting.slot_id}", table=f"t{meeting.table_id}"
        ):
            raise ValidationError(
                _("The table or one of them was given another meeting then."), code="reused"
            )
    meeting.status = status
    meeting.save(update_fields=["status", "updated"])
    return meeting


@transaction.atomic
def meeting_outcome_record(
    *, meeting: Meeting, participant: Participant, outcome: str, notes: str = ""
) -> MeetingOutcome:
    if participant.pk not in (meeting.request.sender_id, meeting.request.recipient_id):
        raise ValidationError(_("Only the two people who met can record the outcome."))
    if not meeting.published or meeting.status in (Meeting.Status.CANCELLED, Meeting.Status.NO_SHOW):
        raise ValidationError(_("This meeting did not take place."))
    if meeting.slot.start > timezone.now():
        raise ValidationError(
            _("The outcome of a meeting can be recorded once it has started."), code="future"
        )
    if outcome not in MeetingOutcome.Result.values:
        raise ValidationError(_("Unknown outcome."))
    record, _created = MeetingOutcome.objects.update_or_create(
        meeting=meeting, participant=participant, defaults={"outcome": outcome, "notes": notes.strip()}
    )
    return record


# Freed slots on the day


@transaction.atomic
def meeting_place(*, request: MeetingRequest, slot: Slot, table: Table, notify: bool = True) -> Meeting:
    """An organiser places a request in a freed (slot, table) on the published agenda, on the day: the
    scheduler's validator checks every hard rule (both free then, available, under the cap, at their booth,
    the table free). A waiting request is accepted on its recipient's behalf. Both people are told."""
    session = _lock(request.session)
    if slot.session_id != session.pk or table.session_id != session.pk:
        raise ValidationError(_("This slot or table belongs to another session."))
    if slot.end <= timezone.now():
        raise ValidationError(_("This slot is over."), code="over")
    run = session.runs.filter(published__isnull=False).order_by("-published", "-pk").first()
    if run is None:
        raise ValidationError(_("The agenda is not published yet."), code="unpublished")
    request = MeetingRequest.objects.select_related("sender", "recipient").get(pk=request.pk)
    problem = selectors.placement_problem(request, slot, table, selectors.placement_state(session, [request]))
    if problem:
        raise ValidationError(problem, code="hard_rule")
    if request.status == MeetingRequest.Status.PENDING:
        _accept(request, notify=False)
    version = session.runs.filter(published__isnull=False).count()
    meeting = Meeting.objects.create(
        session=session, request=request, run=run, slot=slot, table=table, published=True, version=version
    )
    for participant in (request.sender, request.recipient) if notify else ():
        participant.session = session
        _notify(participant, "agenda_changed", {})
    return meeting


# Reminders


def reminders_send(*, session: B2BSession, now: dt.datetime | None = None) -> list[Participant]:
    """E-mail each participant their meetings the day before their first one (in their language), once:
    the ``reminded`` mark is set in the same statement that claims the participant, so two runs at once
    (a cron and a retry) never send it twice. Someone missed the day before still gets it on the day,
    before their first meeting. Returns the people reminded."""
    now = now or timezone.now()
    if session.status != B2BSession.Status.PUBLISHED:
        return []
    tz = session.tzinfo
    tomorrow = now.astimezone(tz).date() + dt.timedelta(days=1)
    horizon = dt.datetime.combine(tomorrow + dt.timedelta(days=1), dt.time(0), tzinfo=tz)
    firsts: dict[int, dt.datetime] = {}
    live = Meeting.objects.filter(LIVE, session=session, status=Meeting.Status.SCHEDULED)
    for sender, recipient, start in live.values_list("request__sender", "request__recipient", "slot__start"):
        for pk in (sender, recipient):
            firsts[pk] = min(start, firsts.get(pk, start))
    due = [pk for pk, start in firsts.items() if now < start < horizon]
    reminded = []
    for participant in (
        Participant.objects.filter(pk__in=due, reminded__isnull=True)
        .select_related("person__user", "session", "organisation")
        .order_by("pk")
    ):
        with transaction.atomic():
            claimed = Participant.objects.filter(pk=participant.pk, reminded__isnull=True).update(
                reminded=now
            )
            if not claimed:
                continue
            items = [item for item in selectors.agenda_for(participant) if item.meeting.slot.start > now]
            _notify(participant, "reminder", {"items": items})
        reminded.append(participant)
    return reminded
