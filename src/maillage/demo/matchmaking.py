"""The demo B2B sessions (`data/matchmaking.toml`), from ~40 people of the directory demo (which must be loaded
first), their requests from the recommendations, and one scheduling run each, published:
- "Mission Québec–Bordeaux", about two months ahead: what participants and organisers prepare;
- "Mission Bordeaux–Québec", held last month and recorded from the organisers' spreadsheet: check-ins and
  outcomes, so its report has figures.
Every date is computed from today, so the demo tells the same story on any day. Idempotent."""

import datetime as dt
import random
import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.test import override_settings
from django.utils import timezone

from maillage.accounts.models import User
from maillage.common.tabular import read_table, write_csv
from maillage.directory.models import Person
from maillage.matchmaking import recommendations, selectors, services
from maillage.matchmaking.history import HISTORY_COLUMNS, b2b_session_history_import
from maillage.matchmaking.models import B2BSession, LookingFor, MeetingRequest, SchedulingRun

from .accounts import DEMO_MEMBER, DEMO_ORGANISER
from .files import demo_toml


def demo_days(today: dt.date) -> tuple[list[dt.date], list[dt.date]]:
    """The held mission's two days (a Tuesday and Wednesday of last month) and the coming one's (a Tuesday
    and Wednesday about two months ahead), so the demo tells the same story on any day."""
    last_month = today.replace(day=1) - dt.timedelta(days=20)
    past = last_month - dt.timedelta(days=(last_month.weekday() - 1) % 7)
    ahead = today + dt.timedelta(days=60)
    coming = ahead + dt.timedelta(days=(1 - ahead.weekday()) % 7)
    return [past, past + dt.timedelta(days=1)], [coming, coming + dt.timedelta(days=1)]


@dataclass
class MatchmakingDemoResult:
    session: B2BSession
    created: bool
    participants: int
    requests: int
    meetings: int


def matchmaking_demo_load(*, seed: int = 2027, today: dt.date | None = None) -> MatchmakingDemoResult:
    today = today or timezone.localdate()
    data = demo_toml("matchmaking.toml")
    past_days, days = demo_days(today)
    _held_session_load(data, seed=seed + 1, days=past_days)
    name = data["coming"]["name"].format(year=days[0].year)
    existing = B2BSession.objects.filter(name=name).first()
    if existing is not None:
        return _result(existing, False)
    rng = random.Random(seed)
    with transaction.atomic():
        session = _session_and_people(
            rng,
            data,
            name=name,
            days=days,
            place=data["coming"]["place"],
            timezone_name=data["coming"]["timezone"],
        )
        _requests(session, rng, data["requests"]["messages"])
    _schedule_and_publish(session)
    session.refresh_from_db()
    return _result(session, True)


def _schedule_and_publish(session: B2BSession) -> None:
    """Start the run as the organiser's button does, then make sure it ran before publishing its meetings:
    in line here (without a broker the queued job runs eagerly at commit; under a test's transaction it
    never starts, so it is executed now), or, with a broker, by the worker that took it."""
    with override_settings(MAILLAGE_JOBS="eager"):
        run = services.scheduling_run_start(session=session, user=session.organiser, time_limit=3)
    run = services.scheduling_run_execute(run_id=run.pk)  # a run already taken is only read back
    give_up = time.monotonic() + run.time_limit + 60
    while (
        run.status in (SchedulingRun.Status.QUEUED, SchedulingRun.Status.RUNNING)
        and time.monotonic() < give_up
    ):
        time.sleep(0.5)
        run.refresh_from_db()
    if run.status == SchedulingRun.Status.DONE:
        services.scheduling_run_publish(run=run, notify=False)


def _held_session_load(data: dict, *, seed: int, days: list[dt.date]) -> None:
    """The mission held last month, recorded as organisers record one after the fact: its meetings,
    check-ins and outcomes imported from a spreadsheet (through the real import)."""
    name = data["held"]["name"].format(year=days[0].year)
    if B2BSession.objects.filter(name=name).exists():
        return
    rng = random.Random(seed)
    with transaction.atomic():
        session = _session_and_people(
            rng,
            data,
            name=name,
            days=days,
            place=data["held"]["place"],
            timezone_name=data["held"]["timezone"],
            with_deadline=False,
        )
        _requests(session, rng, data["requests"]["messages"])
        history_record(session, _history_rows(session, rng, data["held"]["outcomes"]))


def history_record(session: B2BSession, rows: list[list]) -> None:
    """Record a session already held as organisers do after the fact: its rows (day, start, table, the two
    people's e-mails, held or no-show, their outcomes and notes, as `HISTORY_COLUMNS`) written as the
    spreadsheet they would upload and imported through the real import, which publishes and closes it."""
    sheet = read_table(write_csv(HISTORY_COLUMNS, rows), "historique.csv")
    b2b_session_history_import(session=session, sheet=sheet, user=session.organiser)


def _history_rows(session: B2BSession, rng: random.Random, outcome_weights: dict[str, int]) -> list[list]:
    """The organisers' record of the held mission: accepted requests placed first come, first served at
    the earliest slot where both people and a table were free; mostly held; outcomes from most people."""
    tz = session.tzinfo
    slots = list(session.slots.order_by("start"))
    tables = list(session.tables.order_by("number"))
    busy, taken, rows = set(), set(), []
    outcomes, weights = list(outcome_weights), list(outcome_weights.values())
    accepted = MeetingRequest.objects.filter(session=session, status=MeetingRequest.Status.ACCEPTED)
    for request in accepted.select_related("sender__person", "recipient__person").order_by("pk"):
        a, b = request.sender, request.recipient
        for slot in slots:
            if (a.pk, slot.pk) in busy or (b.pk, slot.pk) in busy:
                continue
            table = next((t for t in tables if (slot.pk, t.pk) not in taken), None)
            if table is None:
                continue
            busy |= {(a.pk, slot.pk), (b.pk, slot.pk)}
            taken.add((slot.pk, table.pk))
            held = rng.random() < 0.88
            said = [
                rng.choices(outcomes, weights)[0] if held and rng.random() < 0.8 else "" for _side in "ab"
            ]
            local = slot.start.astimezone(tz)
            rows.append(
                [
                    f"{local:%Y-%m-%d}",
                    f"{local:%H:%M}",
                    table.number,
                    a.person.email,
                    b.person.email,
                    "held" if held else "no-show",
                    *said,
                    "",
                    "",
                ]
            )
            break
    return rows


def _result(session: B2BSession, created: bool) -> MatchmakingDemoResult:
    return MatchmakingDemoResult(
        session,
        created,
        session.participants.count(),
        session.requests.count(),
        session.meetings.filter(published=True).count(),
    )


def _time(hhmm: str) -> dt.time:
    return dt.time.fromisoformat(hhmm)


def _session_and_people(
    rng: random.Random,
    data: dict,
    *,
    name: str,
    days: list[dt.date],
    place: str,
    timezone_name: str,
    with_deadline: bool = True,
) -> B2BSession:
    spec = data["session"]
    organiser = User.objects.get(email=DEMO_ORGANISER)
    tz = B2BSession(timezone=timezone_name).tzinfo
    # Requests close the week before; the past mission was loaded after its own deadline, so it has none.
    deadline = (
        dt.datetime.combine(days[0] - dt.timedelta(days=7), dt.time(23, 59), tzinfo=tz)
        if with_deadline
        else None
    )
    session = services.b2b_session_create(
        organiser=organiser,
        name=name,
        place=place,
        description=spec["description"],
        days=days,
        parts=[services.DayPartSpec(part, _time(start), _time(end)) for part, start, end in spec["parts"]],
        tables=spec["tables"],
        timezone_name=timezone_name,
        slot_minutes=spec["slot_minutes"],
        break_minutes=spec["break_minutes"],
        max_meetings=spec["max_meetings"],
        request_deadline=deadline,
        status=B2BSession.Status.OPEN,
    )
    corridor = Q(organisation__region__slug__in=spec["regions"])
    people = list(
        Person.objects.filter(corridor, organisation__isnull=False, email__isnull=False)
        .exclude(email=DEMO_ORGANISER)
        .order_by("pk")
    )
    chosen = rng.sample(people, min(spec["participants"] - 1, len(people)))
    member = Person.objects.filter(email=DEMO_MEMBER).first()
    if member is not None and member not in chosen:
        chosen.insert(0, member)
    parts = list(session.day_parts.all())
    for index, person in enumerate(chosen):
        services.participant_register(
            session=session,
            person=person,
            looking_for=rng.sample(LookingFor.values, 2),
            unavailable=[parts[-1]] if rng.random() < 0.2 else [],
            booth=session.tables.get(number=index + 1) if index < 3 else None,
            by_organiser=True,
        )
    return session


def _requests(session: B2BSession, rng: random.Random, messages: list[str]) -> None:
    recommendations.recommendations_refresh(session=session)
    participants = list(selectors.participants_of(session))
    for participant in participants:
        for item in recommendations.recommendations_for(participant)[:3]:
            other = item.participant
            if (
                item.request is not None
                or MeetingRequest.objects.filter(
                    sender__in=[participant, other], recipient__in=[participant, other]
                ).exists()
            ):
                continue
            request = services.meeting_request_send(
                sender=participant,
                recipient=other,
                message=rng.choice(messages),
                priority=rng.choice([1, 1, 2, 3]),
                notify=False,
            )
            if request.status == MeetingRequest.Status.PENDING and rng.random() < 0.75:
                services.meeting_request_accept(request=request, notify=False)
