"""The whole demo from its data files: the same content and figures as when it was Python (counted on the
Python modules on 2026-12-01, 80 organisations and 160 people, with the call for proposals' demo), and loading
again changes nothing."""

import datetime as dt
import io
import zoneinfo

import pytest
import time_machine
from django.core.management import call_command

from maillage.accounts.models import User
from maillage.common.models import OutboundEmail
from maillage.directory.models import Corridor, Organisation, Person, Region
from maillage.matchmaking.models import B2BSession, Meeting, MeetingOutcome, MeetingRequest, Participant
from maillage.missions.models import (
    Application,
    Delegate,
    Discovery,
    FollowUpSurvey,
    ItineraryItem,
    Lead,
    Mission,
)
from maillage.programme.models import Activity, Favourite, Room, Speaker, Venue
from maillage.proposals.models import Call, Proposal, Review

pytestmark = pytest.mark.django_db

QUEBEC = zoneinfo.ZoneInfo("America/Toronto")


def _counts() -> dict[str, int]:
    held = B2BSession.objects.get(name__startswith="Mission Bordeaux–Québec")
    return {
        "regions": Region.objects.count(),
        "corridors": Corridor.objects.count(),
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "users": User.objects.count(),
        "venues": Venue.objects.count(),
        "rooms": Room.objects.count(),
        "activities": Activity.objects.count(),
        "unplaced": Activity.objects.filter(start__isnull=True).count(),
        "speakers": Speaker.objects.count(),
        "favourites": Favourite.objects.count(),
        "sessions": B2BSession.objects.count(),
        "participants": Participant.objects.count(),
        "requests": MeetingRequest.objects.count(),
        "held_meetings": Meeting.objects.filter(session=held).count(),
        "outcomes": MeetingOutcome.objects.count(),
        "missions": Mission.objects.count(),
        "delegates": Delegate.objects.count(),
        "items": ItineraryItem.objects.count(),
        "discoveries": Discovery.objects.count(),
        "leads": Lead.objects.count(),
        "surveys": FollowUpSurvey.objects.count(),
        "applications": Application.objects.count(),
        "calls": Call.objects.count(),
        "proposals": Proposal.objects.count(),
        "reviews": Review.objects.count(),
    }


BEFORE = {
    "regions": 9,
    "corridors": 5,
    "organisations": 91,
    "people": 179,
    "users": 216,
    "venues": 5,
    "rooms": 11,
    "activities": 45,
    "unplaced": 5,
    "speakers": 37,
    "favourites": 1150,
    "sessions": 3,
    "participants": 91,
    "requests": 197,
    "held_meetings": 65,
    "outcomes": 113,
    "missions": 3,
    "delegates": 36,
    "items": 24,
    "discoveries": 6,
    "leads": 5,
    "surveys": 68,
    "applications": 12,
    "calls": 1,
    "proposals": 6,
    "reviews": 8,
}


def test_demo_data_loads_the_same_demo_as_before_and_twice_changes_nothing():
    with time_machine.travel(dt.datetime(2026, 12, 1, 10, tzinfo=QUEBEC), tick=False):
        out = io.StringIO()
        call_command("demo_data", organisations=80, people=160, stdout=out)
        assert _counts() == BEFORE
        assert not OutboundEmail.objects.filter(status="pending").exists()  # none for placeholder addresses
        coming = B2BSession.objects.get(name="Mission Québec–Bordeaux 2027")
        assert coming.status == B2BSession.Status.PUBLISHED
        assert coming.runs.get().requested_by.email == "organisatrice@demo.maillage.org"
        assert Meeting.objects.filter(session=coming, published=True).exists()
        assert out.getvalue().splitlines()[:2] == [
            "Demo data: 80 organisations, 160 people.",
            "Demo programme: Semaine numérique de Québec 2027, 2027-04-05 to 2027-04-09 (45 activities, created).",
        ]
        again = io.StringIO()
        call_command("demo_data", organisations=80, people=160, stdout=again)
        assert _counts() == BEFORE
        assert again.getvalue().count("already there") == 3
        assert "(45 activities, already there)" in again.getvalue()  # the same count both times
        assert "Demo missions: 0 missions" in again.getvalue()
