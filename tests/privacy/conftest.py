import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import pytest
import time_machine

from maillage.accounts.models import User
from maillage.matchmaking import services as b2b
from maillage.matchmaking.models import B2BSession, Meeting, MeetingOutcome, Participant
from maillage.missions import services as missions
from maillage.missions.models import Application, Delegate, Mission
from maillage.programme import services as programme
from maillage.programme.models import Activity
from tests.factories import OrganiserFactory, UserFactory
from tests.matchmaking.factories import DAY, participant_make, schedule_and_publish, session_make
from tests.missions.factories import application_fields, mission_make
from tests.programme.factories import ActivityFactory, EditionFactory, EventFactory, SpeakerFactory


@dataclass
class World:
    organiser: User
    alice: User
    session: B2BSession
    a: Participant
    b: Participant
    c: Participant
    activities: list[Activity]
    mission: Mission
    application: Application
    delegate: Delegate


@pytest.fixture
def world(db) -> World:
    """Alice everywhere: a B2B session (a held meeting with her notes, a no-show), a programme where she
    speaks and stars, a mission she applied to and travels with."""
    organiser = OrganiserFactory()
    alice = UserFactory(name="Alice Fortin", email="alice.fortin@example.org", language="fr")
    session = session_make(organiser=organiser)
    a = participant_make(session, user=alice, offers="Capteurs d'Alice", needs="Distributeurs d'Alice")
    b, c = participant_make(session), participant_make(session)
    Participant.objects.filter(pk=a.pk).update()  # same rows as the app writes
    a.person.last_name, a.person.phone = "Fortin", "+1 418 555 0199"
    a.person.save()
    ab = b2b.meeting_request_send(sender=a, recipient=b, message="Message privé d'Alice")
    b2b.meeting_request_accept(request=ab, notify=False)
    bc = b2b.meeting_request_send(sender=b, recipient=c, message="Bonjour")
    b2b.meeting_request_accept(request=bc, notify=False)
    schedule_and_publish(session, organiser)
    with time_machine.travel(dt.datetime.combine(DAY, dt.time(13), tzinfo=ZoneInfo("America/Toronto"))):
        held = Meeting.objects.get(request=ab, published=True)
        b2b.meeting_check_in(meeting=held, status=Meeting.Status.HELD)
        b2b.meeting_check_in(
            meeting=Meeting.objects.get(request=bc, published=True), status=Meeting.Status.NO_SHOW
        )
        b2b.meeting_outcome_record(
            meeting=held, participant=a, outcome=MeetingOutcome.Result.LEAD, notes="Notes privées d'Alice"
        )
        b2b.meeting_outcome_record(meeting=held, participant=b, outcome=MeetingOutcome.Result.FOLLOW_UP)

    edition = EditionFactory()
    event = EventFactory(edition=edition)
    speaker = SpeakerFactory(edition=edition, person=a.person, bio_fr="Biographie d'Alice")
    activities = [ActivityFactory(event=event, speakers=[speaker]), ActivityFactory(event=event)]
    for activity in activities:
        programme.favourite_star(user=alice, activity=activity)
    programme.favourite_star(user=UserFactory(), activity=activities[1])

    mission = mission_make(organiser=organiser)
    application = missions.application_submit(
        mission=mission, user=alice, **application_fields(email=alice.email, phone="+33 6 00 00 00 00")
    )
    delegate = missions.delegate_add(mission=mission, person=a.person, diet="Végétarienne")
    missions.testimonial_add(delegate=delegate, text="Témoignage d'Alice")
    return World(organiser, alice, session, a, b, c, activities, mission, application, delegate)
