"""Delegates' notes on people met on a mission are scouting notes about those people: in their "my data",
and cleared by their erasure (the discovery still counts for the mission)."""

import pytest

from maillage.missions import services as missions
from maillage.missions.models import Discovery
from maillage.privacy import services as privacy
from maillage.privacy.selectors import person_data
from tests.missions.factories import application_fields

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


def test_erasing_someone_met_on_a_mission_without_an_account_clears_the_notes_about_them(world):
    """Those met on the way are exactly the people with no account: their erasure must reach the missions."""
    found = missions.discovery_record(
        mission=world.mission, recorded_by=world.delegate, organisation_name="Robotique Tanaka",
        person_first_name="Aiko", person_last_name="Tanaka", person_email="aiko.tanaka@example.jp",
        where_met="Stand d'Aiko", notes="Rappeler Aiko Tanaka",
    )  # fmt: skip
    assert found.person is not None
    assert found.person.user is None
    applied = missions.application_submit(
        mission=world.mission, user=None, by_organiser=True,
        **application_fields(first_name="Aiko", last_name="Tanaka", email="Aiko.Tanaka@example.jp"),
    )  # fmt: skip
    privacy.person_anonymise(by=world.organiser, person=found.person)
    kept = Discovery.objects.get(pk=found.pk)
    assert (kept.where_met, kept.notes, kept.organisation.name) == ("", "", "Robotique Tanaka")
    applied.refresh_from_db()
    assert (applied.first_name, applied.last_name, applied.email, applied.objectives) == (
        privacy.ANONYMOUS_FIRST_NAME, privacy.ANONYMOUS_LAST_NAME, f"anonymised-{applied.pk}@invalid", "",
    )  # fmt: skip
