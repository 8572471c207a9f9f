import datetime as dt

import pytest

from maillage.common.models import OutboundEmail
from maillage.demo.accounts import DEMO_MEMBER
from maillage.demo.directory import directory_demo_load
from maillage.demo.load import demo_load
from maillage.demo.missions import missions_demo_load
from maillage.matchmaking.models import B2BSession, Meeting, MeetingOutcome, MeetingRequest
from maillage.missions import selectors
from maillage.missions.models import Delegate, ItineraryItem, Mission

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_dated_from_today_with_a_finished_mission_and_an_open_call():
    directory_demo_load(organisations=40, people=120)
    today = dt.date(2026, 12, 1)
    first = missions_demo_load(today=today)
    again = missions_demo_load(today=today)
    assert (first.missions, again.missions) == (3, 0)
    finished = Mission.objects.get(slug="marseille-toulouse-labege")
    assert finished.end_date < today - dt.timedelta(days=90)
    figures = selectors.mission_figures(finished)
    assert figures.discoveries == 5
    # People met, offered to the call for proposals' scouting: the delegation's favourite, then the latest.
    assert [(d.person.full_name, d.origin_country) for d in selectors.people_met()] == [
        ("Aiko Tanaka", "Japon"),
        ("Jordi Pons", "Andorre"),
        ("Marta Puig", "Espagne"),
    ]
    assert figures.results_total > 0
    coming = Mission.objects.get(slug="french-tech-web-a-quebec")
    assert coming.status == Mission.Status.CALL_OPEN
    assert coming.start_date > today
    for mission in Mission.objects.all():
        assert selectors.itinerary_flags(mission, selectors.items_of(mission)) == {}


def test_the_whole_demo_leaves_no_email_waiting_for_its_placeholder_addresses():
    # Follow-up surveys and application receipts are written to the outbox by the services; a worker would
    # send them later, so the demo removes its own before it commits.
    demo_load(organisations=40, people=120, today=dt.date(2026, 12, 1))
    assert OutboundEmail.objects.filter(status="pending").count() == 0


def test_the_finished_mission_had_a_b2b_session_with_the_hosts_whose_meetings_show_in_its_report():
    directory_demo_load(organisations=40, people=120)
    missions_demo_load(today=dt.date(2026, 12, 1))
    finished = Mission.objects.get(slug="marseille-toulouse-labege")
    item = ItineraryItem.objects.get(mission=finished, kind=ItineraryItem.Kind.B2B)
    session = item.b2b_session
    assert session.status == B2BSession.Status.CLOSED
    assert session.runs.filter(published__isnull=False).count() == 1
    travellers = finished.delegates.exclude(role=Delegate.Role.STAFF)
    # Six delegates ask three hosts each; every seventh request is declined, the others are scheduled.
    assert MeetingRequest.objects.filter(session=session).count() == 18
    assert MeetingRequest.objects.filter(session=session, status="declined").count() == 2
    live = Meeting.objects.filter(session=session, published=True)
    assert sorted(live.values_list("status", flat=True)) == ["held"] * 13 + ["no_show"] * 3
    assert MeetingOutcome.objects.filter(meeting__session=session).count() == 13
    assert all(
        m.table == m.request.recipient.booth for m in live.select_related("table", "request__recipient")
    )
    assert {p.person_id for p in session.participants.exclude(booth__isnull=False)} == {
        d.person_id for d in travellers
    }

    figures = selectors.mission_figures(finished)
    assert (figures.meetings_requested, figures.meetings_scheduled, figures.meetings_held) == (18, 16, 13)
    assert sum(figures.meeting_outcomes.values()) == 13

    member = travellers.get(person__email=DEMO_MEMBER)
    meetings = [e for e in selectors.agenda_for(member) if e.kind == "meeting"]
    assert len(meetings) == 3
    assert all(item.start <= e.start and e.end <= item.end for e in meetings)
