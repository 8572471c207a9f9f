"""The demo B2B session: "Mission Québec–Bordeaux 2027", ~40 people of the directory demo (which must be
loaded first), their requests from the recommendations, and one scheduling run, published. Idempotent."""

import datetime as dt
import random
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q

from maillage.accounts.models import User
from maillage.directory.demo import DEMO_MEMBER, DEMO_ORGANISER
from maillage.directory.models import Person

from . import selectors, services
from .models import B2BSession, LookingFor, MeetingRequest, SchedulingRun

SESSION_SLUG = "mission-quebec-bordeaux-2027"
DAYS = [dt.date(2027, 4, 7), dt.date(2027, 4, 8)]
PARTICIPANTS = 40


@dataclass
class MatchmakingDemoResult:
    session: B2BSession
    created: bool
    participants: int
    requests: int
    meetings: int


def matchmaking_demo_load(*, seed: int = 2027) -> MatchmakingDemoResult:
    existing = B2BSession.objects.filter(slug=SESSION_SLUG).first()
    if existing is not None:
        return _result(existing, False)
    rng = random.Random(seed)
    with transaction.atomic():
        session = _session_and_people(rng)
        _requests(session, rng)
    run = SchedulingRun.objects.create(session=session, started_by=session.organiser, time_limit=3)
    run = services.scheduling_run_execute(run_id=run.pk)
    if run.status == SchedulingRun.Status.DONE:
        services.scheduling_run_publish(run=run, notify=False)
    return _result(session, True)


def _result(session: B2BSession, created: bool) -> MatchmakingDemoResult:
    return MatchmakingDemoResult(
        session,
        created,
        session.participants.count(),
        session.requests.count(),
        session.meetings.filter(published=True).count(),
    )


def _session_and_people(rng: random.Random) -> B2BSession:
    organiser = User.objects.get(email=DEMO_ORGANISER)
    tz = B2BSession(timezone="America/Toronto").tzinfo
    session = services.b2b_session_create(
        organiser=organiser,
        name="Mission Québec–Bordeaux 2027",
        slug=SESSION_SLUG,
        description="Rencontres B2B de la mission économique Québec–Nouvelle-Aquitaine.",
        days=DAYS,
        parts=[
            services.DayPartSpec("am", dt.time(9), dt.time(12)),
            services.DayPartSpec("pm", dt.time(14), dt.time(17)),
        ],
        tables=12,
        timezone_name="America/Toronto",
        slot_minutes=20,
        break_minutes=5,
        max_meetings=8,
        request_deadline=dt.datetime(2027, 3, 31, 23, 59, tzinfo=tz),
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
