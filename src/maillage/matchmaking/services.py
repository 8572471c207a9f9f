"""Changes to B2B sessions. Each function is one transaction (the scheduling run: one per step, so a failure
never touches the published agenda). E-mails go out through background tasks after commit."""

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.common.emails import email_send_later
from maillage.directory.models import Person, Sector

from . import engines, selectors
from .models import (
    LIVE,
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

logger = logging.getLogger(__name__)

PARTICIPANT_FIELDS = ["organisation", "offers", "needs", "languages", "looking_for", "booth"]


def _require_aware(*moments: dt.datetime | None) -> None:
    for moment in moments:
        if moment is not None and timezone.is_naive(moment):
            raise ValueError("B2B session times must be aware datetimes.")


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
    _require_aware(
        *(fields.get(k) for k in ("registration_opens", "registration_closes", "request_deadline"))
    )
    session = B2BSession(
        organiser=organiser,
        name=name,
        slug=slug or slugify(name)[:80],
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


def _check_profile(session: B2BSession, looking_for: list[str], unavailable: list[DayPart], booth) -> None:
    unknown = set(looking_for) - set(LookingFor.values)
    if unknown:
        raise ValidationError(
            {"looking_for": _("Unknown kind of partner: %(kind)s") % {"kind": sorted(unknown)[0]}}
        )
    if any(part.session_id != session.pk for part in unavailable):
        raise ValidationError({"unavailable": _("This part of a day belongs to another session.")})
    if booth is not None and booth.session_id != session.pk:
        raise ValidationError({"booth": _("This table belongs to another session.")})


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
    taken from their organisation: its offers, needs and sectors; their languages."""
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
    if sectors is None:
        sectors = organisation.sectors.all() if organisation else []
    participant.sectors.set(sectors)
    participant.unavailable.set(unavailable)
    return participant


@transaction.atomic
def participant_update(
    *,
    participant: Participant,
    sectors: Iterable[Sector] | None = None,
    unavailable: Iterable[DayPart] | None = None,
    **fields,
) -> Participant:
    for name, value in fields.items():
        if name not in PARTICIPANT_FIELDS:
            raise ValueError(f"Unknown participant field: {name}")
        setattr(participant, name, value)
    unavailable = list(unavailable) if unavailable is not None else None
    _check_profile(participant.session, participant.looking_for, unavailable or [], participant.booth)
    participant.save()
    if sectors is not None:
        participant.sectors.set(sectors)
    if unavailable is not None:
        participant.unavailable.set(unavailable)
    return participant


# Requests


def person_language(person: Person) -> str:
    """The language of e-mails to someone: their account's, else French when they speak it."""
    if person.user_id:
        return person.user.language
    return "fr" if "fr" in (person.languages or ["fr"]) else "en"


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
    if session.status not in (
        B2BSession.Status.OPEN,
        B2BSession.Status.SCHEDULED,
        B2BSession.Status.PUBLISHED,
    ):
        raise ValidationError(_("This B2B session does not take requests."))
    if session.request_deadline and timezone.now() >= session.request_deadline:
        raise ValidationError(_("The deadline for requests has passed."))


@transaction.atomic
def meeting_request_send(
    *,
    sender: Participant,
    recipient: Participant,
    message: str = "",
    priority: int = MeetingRequest.Priority.NORMAL,
    notify: bool = True,
) -> MeetingRequest:
    """Ask to meet someone. When they had already asked us, that is a mutual request: theirs is accepted
    (and marked mutual) instead of a second one being made."""
    _check_can_request(sender, recipient, by_organiser=False)
    if priority not in MeetingRequest.Priority.values:
        raise ValidationError(_("Unknown priority."))
    if MeetingRequest.objects.filter(sender=sender, recipient=recipient).exists():
        raise ValidationError(_("You have already asked to meet %(name)s.") % {"name": recipient.name})
    theirs = MeetingRequest.objects.filter(sender=recipient, recipient=sender).first()
    if theirs is not None:
        if theirs.status != MeetingRequest.Status.PENDING:
            raise ValidationError(
                _("%(name)s has already asked to meet you: see your requests.") % {"name": recipient.name}
            )
        theirs.mutual = True
        theirs.priority = max(theirs.priority, priority)
        theirs.save(update_fields=["mutual", "priority"])
        return _accept(theirs, notify=notify)
    request = MeetingRequest.objects.create(
        session=sender.session, sender=sender, recipient=recipient, message=message.strip(), priority=priority
    )
    if notify:
        _notify(recipient, "request_received", {"request": request, "other": sender})
    return request


def _accept(request: MeetingRequest, *, notify: bool = True) -> MeetingRequest:
    request.status = MeetingRequest.Status.ACCEPTED
    request.answered = timezone.now()
    request.save(update_fields=["status", "answered"])
    if notify:
        _notify(request.sender, "request_accepted", {"request": request, "other": request.recipient})
    return request


@transaction.atomic
def meeting_request_accept(*, request: MeetingRequest, notify: bool = True) -> MeetingRequest:
    if request.status != MeetingRequest.Status.PENDING:
        raise ValidationError(_("This request has already been answered."))
    return _accept(request, notify=notify)


@transaction.atomic
def meeting_request_decline(*, request: MeetingRequest) -> MeetingRequest:
    if request.status != MeetingRequest.Status.PENDING:
        raise ValidationError(_("This request has already been answered."))
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
) -> MeetingRequest:
    """An organiser adds an accepted request for people who do not use the site (no deadline applies)."""
    _check_can_request(sender, recipient, by_organiser=True)
    existing = MeetingRequest.objects.filter(
        sender__in=[sender, recipient], recipient__in=[sender, recipient]
    ).first()
    if existing is not None:
        raise ValidationError(
            _("%(a)s and %(b)s already have a request.") % {"a": sender.name, "b": recipient.name}
        )
    now = timezone.now()
    return MeetingRequest.objects.create(
        session=sender.session,
        sender=sender,
        recipient=recipient,
        priority=priority,
        message=message,
        status=MeetingRequest.Status.ACCEPTED,
        by_organiser=True,
        answered=now,
    )


@transaction.atomic
def meeting_request_cancel(*, request: MeetingRequest) -> MeetingRequest:
    """Withdraw a request (the sender, or an organiser for anyone); its published meeting is cancelled."""
    request.status = MeetingRequest.Status.CANCELLED
    request.save(update_fields=["status"])
    request.meetings.filter(published=True, status=Meeting.Status.SCHEDULED).update(
        status=Meeting.Status.CANCELLED, updated=timezone.now()
    )
    request.meetings.filter(published=False).delete()
    return request


# Scheduling


@transaction.atomic
def scheduling_run_start(*, session: B2BSession, user: User, time_limit: int = 10) -> SchedulingRun:
    """Queue a run of the scheduler; the background task starts after commit."""
    if session.runs.filter(status__in=[SchedulingRun.Status.QUEUED, SchedulingRun.Status.RUNNING]).exists():
        raise ValidationError(_("The scheduler is already running for this session."))
    run = SchedulingRun.objects.create(session=session, started_by=user, time_limit=time_limit)
    from .tasks import scheduling_run_execute_task

    transaction.on_commit(lambda: scheduling_run_execute_task.delay(run.pk))
    return run


def scheduling_run_execute(*, run_id: int) -> SchedulingRun:
    """Run the scheduler for a queued run: mark it running, solve outside any transaction, then store the
    proposed meetings (unpublished) in one transaction. Any failure marks the run failed and changes
    nothing else: the published agenda stays as it was."""
    with transaction.atomic():
        run = SchedulingRun.objects.select_for_update().select_related("session").get(pk=run_id)
        if run.status != SchedulingRun.Status.QUEUED:
            return run
        run.status, run.started = SchedulingRun.Status.RUNNING, timezone.now()
        run.save(update_fields=["status", "started"])
    try:
        instance = selectors.scheduling_instance(run.session)
        result = engines.schedule(instance, time_limit=run.time_limit)
        _store_run_result(run, instance, result)
    except Exception as error:  # whatever went wrong, the run says so and nothing else changes
        logger.warning("Scheduling run %s failed: %s", run_id, error)
        SchedulingRun.objects.filter(pk=run.pk).update(
            status=SchedulingRun.Status.FAILED, finished=timezone.now(), error=str(error)[:2000]
        )
    run.refresh_from_db()
    return run


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
    wanted = {p for pair in pairs.values() for p in pair}
    stats = dict(result["stats"])
    stats["people_without_meeting"] = sorted(int(p.removeprefix("p")) for p in wanted - met)
    run.stats = stats
    run.unscheduled = result["unscheduled"]
    run.status = SchedulingRun.Status.DONE
    run.finished = timezone.now()
    run.save(update_fields=["stats", "unscheduled", "status", "finished"])
    if session.status in (B2BSession.Status.DRAFT, B2BSession.Status.OPEN):
        session.status = B2BSession.Status.SCHEDULED
        session.save(update_fields=["status", "updated"])


@transaction.atomic
def scheduling_run_publish(*, run: SchedulingRun, notify: bool = True) -> list[Participant]:
    """Put a finished run's meetings on the agendas. Meetings that did not change stay as they were (with
    their check-in); the people whose meetings changed (everyone, the first time) are told by e-mail.
    Returns those people."""
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
    if outcome not in MeetingOutcome.Result.values:
        raise ValidationError(_("Unknown outcome."))
    record, _created = MeetingOutcome.objects.update_or_create(
        meeting=meeting, participant=participant, defaults={"outcome": outcome, "notes": notes.strip()}
    )
    return record
