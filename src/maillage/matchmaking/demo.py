"""The demo B2B sessions, from ~40 people of the directory demo (which must be loaded first), their requests
from the recommendations, and one scheduling run each, published:
- "Mission Québec–Bordeaux 2027", to come: what participants and organisers prepare;
- "Mission Bordeaux–Québec 2026", held last October: check-ins and outcomes, so its report has figures.
Idempotent."""

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from maillage.accounts.models import User
from maillage.directory.demo import DEMO_MEMBER, DEMO_ORGANISER
from maillage.directory.models import Person

from . import selectors, services
from .models import B2BSession, LookingFor, Meeting, MeetingRequest, SchedulingRun

SESSION_SLUG = "mission-quebec-bordeaux-2027"
DAYS = [dt.date(2027, 4, 7), dt.date(2027, 4, 8)]
PAST_SLUG = "mission-bordeaux-quebec-2026"
PAST_DAYS = [dt.date(2026, 10, 14), dt.date(2026, 10, 15)]
PARTICIPANTS = 40
# How the past mission's meetings went: mostly held, and what each side said came of it.
OUTCOME_WEIGHTS = {"nothing": 30, "follow_up": 35, "lead": 20, "partnership": 10, "contract": 5}


@dataclass
class MatchmakingDemoResult:
    session: B2BSession
    created: bool
    participants: int
    requests: int
    meetings: int


def matchmaking_demo_load(*, seed: int = 2027) -> MatchmakingDemoResult:
    _past_mission_load(seed=seed + 1)
    existing = B2BSession.objects.filter(slug=SESSION_SLUG).first()
    if existing is not None:
        return _result(existing, False)
    rng = random.Random(seed)
    with transaction.atomic():
        session = _session_and_people(rng, name="Mission Québec–Bordeaux 2027", slug=SESSION_SLUG, days=DAYS)
        _requests(session, rng)
    _schedule_and_publish(session)
    return _result(session, True)


def _schedule_and_publish(session: B2BSession) -> None:
    run = SchedulingRun.objects.create(session=session, started_by=session.organiser, time_limit=3)
    run = services.scheduling_run_execute(run_id=run.pk)
    if run.status == SchedulingRun.Status.DONE:
        services.scheduling_run_publish(run=run, notify=False)


def _past_mission_load(*, seed: int) -> None:
    if B2BSession.objects.filter(slug=PAST_SLUG).exists():
        return
    rng = random.Random(seed)
    with transaction.atomic():
        session = _session_and_people(
            rng, name="Mission Bordeaux–Québec 2026", slug=PAST_SLUG, days=PAST_DAYS, with_deadline=False
        )
        _requests(session, rng)
    _schedule_and_publish(session)
    outcomes, weights = list(OUTCOME_WEIGHTS), list(OUTCOME_WEIGHTS.values())
    with transaction.atomic():
        for meeting in session.meetings.filter(published=True).select_related("request", "slot"):
            held = rng.random() < 0.88
            services.meeting_check_in(
                meeting=meeting, status=Meeting.Status.HELD if held else Meeting.Status.NO_SHOW
            )
            if not held:
                continue
            for side in (meeting.request.sender, meeting.request.recipient):
                if rng.random() < 0.8:  # not everybody fills in the form
                    outcome = rng.choices(outcomes, weights)[0]
                    services.meeting_outcome_record(meeting=meeting, participant=side, outcome=outcome)
        services.b2b_session_set_status(session=session, status=B2BSession.Status.CLOSED)


def _result(session: B2BSession, created: bool) -> MatchmakingDemoResult:
    return MatchmakingDemoResult(
        session,
        created,
        session.participants.count(),
        session.requests.count(),
        session.meetings.filter(published=True).count(),
    )


def _session_and_people(
    rng: random.Random,
    *,
    name: str,
    slug: str,
    days: list[dt.date],
    with_deadline: bool = True,
) -> B2BSession:
    organiser = User.objects.get(email=DEMO_ORGANISER)
    tz = B2BSession(timezone="America/Toronto").tzinfo
    # Requests close the week before; the past mission was loaded after its own deadline, so it has none.
    deadline = (
        dt.datetime.combine(days[0] - dt.timedelta(days=7), dt.time(23, 59), tzinfo=tz)
        if with_deadline
        else None
    )
    session = services.b2b_session_create(
        organiser=organiser,
        name=name,
        slug=slug,
        description="Rencontres B2B de la mission économique Québec–Nouvelle-Aquitaine.",
        days=days,
        parts=[
            services.DayPartSpec("am", dt.time(9), dt.time(12)),
            services.DayPartSpec("pm", dt.time(14), dt.time(17)),
        ],
        tables=12,
        timezone_name="America/Toronto",
        slot_minutes=20,
        break_minutes=5,
        max_meetings=8,
        request_deadline=deadline,
        status=B2BSession.Status.OPEN,
    )
    corridor = Q(organisation__region__slug__in=["ca-capitale-nationale", "fr-nouvelle-aquitaine"])
    people = list(
        Person.objects.filter(corridor, organisation__isnull=False)
        .exclude(email=DEMO_ORGANISER)
        .order_by("pk")
    )
    chosen = rng.sample(people, min(PARTICIPANTS - 1, len(people)))
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


def _requests(session: B2BSession, rng: random.Random) -> None:
    services.recommendations_refresh(session=session, language="fr")
    participants = list(selectors.participants_of(session))
    for participant in participants:
        for item in selectors.recommendations_for(participant)[:3]:
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
                message=item.reasons[0] if item.reasons else "",
                priority=rng.choice([1, 1, 2, 3]),
                notify=False,
            )
            if request.status == MeetingRequest.Status.PENDING and rng.random() < 0.75:
                services.meeting_request_accept(request=request, notify=False)
