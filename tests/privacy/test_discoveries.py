"""Delegates' notes on people met on a mission are scouting notes about those people: in their "my data",
and cleared by their erasure (the discovery still counts for the mission)."""

import pytest

from maillage.missions import services as missions
from maillage.missions.models import Discovery
from maillage.privacy import services as privacy
from maillage.privacy.selectors import person_data

pytestmark = pytest.mark.django_db


def test_notes_on_meeting_a_person_are_theirs_to_see_and_go_with_their_erasure(world):
    found = missions.discovery_record(
        mission=world.mission, recorded_by=world.delegate, organisation_name="Capteurs Fortin",
        person_email="alice.fortin@example.org", where_met="Salon d'Alice", notes="Rappeler Alice",
    )  # fmt: skip
    assert found.person == world.a.person
    [row] = person_data(world.alice)["mission_discoveries"]
    assert (row["about_you"], row["where_met"], row["notes"]) == (True, "Salon d'Alice", "Rappeler Alice")
    privacy.person_anonymise(by=world.organiser, user=world.alice)
    kept = Discovery.objects.get(pk=found.pk)
    assert (kept.where_met, kept.notes, kept.organisation.name) == ("", "", "Capteurs Fortin")
    assert Discovery.objects.filter(mission=world.mission).count() == 1
