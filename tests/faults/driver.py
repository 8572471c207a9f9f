"""Steps the fault tests run in their own Django process against the private services (the test process's
own Django points at the test database): `python -m tests.faults.driver <step> [args]`. The last line
printed is the answer."""

import datetime as dt
import hashlib
import sys

import django


def setup(participants: str = "200") -> str:
    """A B2B session with its agenda published (big enough that a run takes seconds), a published programme."""
    from django.utils import timezone

    from maillage.matchmaking.models import MeetingRequest
    from tests.factories import OrganiserFactory
    from tests.matchmaking.factories import participant_make, schedule_and_publish, session_make
    from tests.programme.factories import ActivityFactory, EditionFactory, EventFactory

    organiser = OrganiserFactory(email="organiser@example.org")
    session = session_make(organiser=organiser, name="Forum des pannes", slots=8, tables=30)
    people = [participant_make(session, with_account=n in (0, 4)) for n in range(int(participants))]
    MeetingRequest.objects.bulk_create(
        MeetingRequest(
            session=session, sender=sender, recipient=people[(i + step) % len(people)],
            status=MeetingRequest.Status.ACCEPTED, answered=timezone.now(),
        )
        for i, sender in enumerate(people)
        for step in (1, 2, 3, 5, 7, 11)
    )  # fmt: skip
    schedule_and_publish(session, organiser)
    edition = EditionFactory(slug="semaine-pannes")
    event = EventFactory(edition=edition)
    for _ in range(5):
        ActivityFactory(event=event)
    return session.slug


def _session():
    from maillage.matchmaking.models import B2BSession

    return B2BSession.objects.get(name="Forum des pannes")


def start_run(time_limit: str = "30") -> str:
    from maillage.accounts.models import User
    from maillage.matchmaking import services

    run = services.scheduling_run_start(
        session=_session(), user=User.objects.get(email="organiser@example.org"), time_limit=float(time_limit)
    )
    return str(run.pk)


def run_status(run_id: str) -> str:
    from maillage.matchmaking.models import SchedulingRun

    run = SchedulingRun.objects.get(pk=run_id)
    return f"{run.status}|{run.error}"


def agenda_digest() -> str:
    from maillage.matchmaking.models import Meeting

    rows = Meeting.objects.filter(request__session=_session(), published=True).order_by("pk")
    values = list(rows.values_list("pk", "request_id", "slot_id", "table_id", "status"))
    return f"{len(values)}|{hashlib.sha256(repr(values).encode()).hexdigest()}"


def abandoned_fail(run_id: str) -> str:
    """What the next run's start (or anyone) finds once the dead run is well past its time limit."""
    import time_machine
    from django.utils import timezone

    from maillage.common.runs import runs_abandoned_fail
    from maillage.matchmaking.models import SchedulingRun

    runs = SchedulingRun.objects.filter(pk=run_id)
    later = timezone.now() + dt.timedelta(seconds=runs.get().time_limit) + dt.timedelta(minutes=11)
    with time_machine.travel(later, tick=False):
        runs_abandoned_fail(runs)
    return run_status(run_id)


def request_email() -> str:
    """A B2B request sent as a participant sends one: the recipient is told by e-mail (after commit)."""
    from maillage.matchmaking import services
    from maillage.matchmaking.models import Participant

    people = list(Participant.objects.filter(session=_session()).select_related("person").order_by("pk"))
    sender, recipient = people[0], people[4]  # the two with accounts, who never asked each other
    services.meeting_request_send(sender=sender, recipient=recipient, message="Pendant la panne")
    return recipient.person.email


def outbox_status(to: str) -> str:
    from maillage.common.models import OutboundEmail

    row = OutboundEmail.objects.filter(to=to).earliest("pk")  # the request's (beat may add reminders)
    return f"{row.status}|{row.attempts}"


if __name__ == "__main__":
    django.setup()
    from django.db import transaction

    step, *args = sys.argv[1:]
    with transaction.atomic():  # as a request would (e-mails leave after commit)
        answer = globals()[step](*args)
    print(answer)
