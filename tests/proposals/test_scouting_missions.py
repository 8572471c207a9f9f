"""People met on missions reach the call's scouting: listed with where they were met and why, added to the
list of people to invite in one action, through proposals' own service."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maillage.missions import services as missions_services
from maillage.proposals import services
from maillage.proposals.models import Prospect
from tests.factories import OrganiserFactory, UserFactory
from tests.missions.factories import delegate_make, mission_make

from .factories import call_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def met(db):
    organiser = OrganiserFactory()
    mission = mission_make(organiser=organiser, title_fr="Mission Labège")
    delegate = delegate_make(mission)
    aiko = missions_services.discovery_record(
        mission=mission,
        recorded_by=delegate,
        organisation_name="Tokyo IoT Lab",
        person_first_name="Aiko",
        person_last_name="Tanaka",
        person_email="aiko@tokyo-iot.example",
        where_met="Innovation Day, Labège",
        origin_country="Japon",
        favourite=True,
        notes="Une démonstration de capteurs agricoles qui a rempli la salle.",
    )
    missions_services.discovery_record(
        mission=mission, recorded_by=delegate, organisation_name="Sans personne", where_met="Festival"
    )
    return organiser, call_make(), aiko


def test_the_scouting_page_shows_people_met_on_missions_with_where_and_why(client, met):
    organiser, call, _aiko = met
    client.force_login(organiser)
    url = reverse("scouting_missions", args=[call.edition.slug])
    page = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert page.count('<tr id="met-') == 1  # the organisation met without a person is not offered
    assert "Aiko Tanaka" in page
    assert "Mission Labège" in page
    assert "Mission Labège — Innovation Day, Labège (Japon)" in page  # `MetOnMission.where`
    assert "rempli la salle" in page
    scouting = client.get(reverse("proposals:scouting", args=[call.edition.slug])).content.decode()
    assert f'hx-get="{url}"' in scouting


def test_one_action_puts_them_on_the_list_with_the_mission_as_where_and_the_notes_as_why(client, met):
    organiser, call, aiko = met
    client.force_login(organiser)
    add = reverse("scouting_missions_add", args=[call.edition.slug, aiko.pk])
    response = client.post(add)
    assert response.status_code == 302
    assert response["Location"] == reverse("proposals:scouting", args=[call.edition.slug]) + "#prospects"
    prospect = Prospect.objects.get(call=call)
    assert (prospect.person, prospect.name, prospect.email) == (
        aiko.person,
        "Aiko Tanaka",
        "aiko@tokyo-iot.example",
    )
    assert prospect.where_met == "Mission Labège — Innovation Day, Labège (Japon)"
    assert prospect.why == "Une démonstration de capteurs agricoles qui a rempli la salle."
    assert prospect.added_by == organiser

    again = client.post(add, follow=True).content.decode()
    assert "Cette personne est déjà sur la liste." in again
    assert Prospect.objects.filter(call=call).count() == 1
    listed = client.get(reverse("scouting_missions", args=[call.edition.slug])).content.decode()
    assert listed.count('class="badge state-accepted"') == 1
    assert reverse("scouting_missions_add", args=[call.edition.slug, aiko.pk]) not in listed
    services.prospect_invite(prospect=prospect, by=organiser)  # the usual invitation follows
    prospect.refresh_from_db()
    assert prospect.invited is not None


def test_only_organisers_see_people_met_or_add_them(client, met):
    _organiser, call, aiko = met
    page = reverse("scouting_missions", args=[call.edition.slug])
    add = reverse("scouting_missions_add", args=[call.edition.slug, aiko.pk])
    assert client.get(page).status_code == 302
    client.force_login(UserFactory())
    assert client.get(page).status_code == 403
    assert client.post(add).status_code == 403
    assert Prospect.objects.count() == 0


def _met(mission, delegate, n):
    return missions_services.discovery_record(
        mission=mission,
        recorded_by=delegate,
        organisation_name=f"Rencontre {n}",
        person_first_name="Personne",
        person_last_name=f"Numéro {n}",
        person_email=f"personne{n}@example.org",
        where_met="Salon",
    )


def test_the_list_of_people_met_reads_the_same_queries_for_one_or_three(client, met):
    organiser, call, aiko = met
    client.force_login(organiser)
    url = reverse("scouting_missions", args=[call.edition.slug])
    client.get(url)  # the first page after log-in also records the device
    with CaptureQueriesContext(connection) as one:
        client.get(url, HTTP_HX_REQUEST="true")
    delegate = aiko.recorded_by
    for n in (1, 2):
        _met(aiko.mission, delegate, n)
    with CaptureQueriesContext(connection) as three:
        page = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert page.count('<tr id="met-') == 3
    assert len(three.captured_queries) == len(one.captured_queries)


def test_the_invitation_language_is_the_one_every_app_writes_to_that_person_in(client, met):
    """One rule (``directory.selectors.person_language``): the account's language first, then French when the
    person speaks it."""
    organiser, call, aiko = met
    client.force_login(organiser)
    aiko.person.languages = ["ja", "en"]
    aiko.person.save(update_fields=["languages"])
    client.post(reverse("scouting_missions_add", args=[call.edition.slug, aiko.pk]))
    assert Prospect.objects.get(call=call).language == "en"

    Prospect.objects.filter(call=call).delete()
    aiko.person.user = UserFactory(email="aiko@account.example", language="fr")
    aiko.person.save(update_fields=["user"])
    client.post(reverse("scouting_missions_add", args=[call.edition.slug, aiko.pk]))
    assert Prospect.objects.get(call=call).language == "fr"
