"""Who may open which page of a mission: a role × URL matrix, and writes refused to the wrong people."""

import datetime as dt

import pytest
from django.urls import reverse

from maillage.missions import services
from maillage.missions.models import Mission
from tests.factories import OrganiserFactory, PersonFactory, UserFactory

from .factories import PARIS, application_fields, delegate_make, mission_make, visit_make

pytestmark = pytest.mark.django_db

ROLES = ["visitor", "member", "applicant", "delegate", "other_delegate", "partner", "organiser"]
LOGIN, OK, FORBIDDEN, MISSING = 302, 200, 403, 404
PUBLIC = dict.fromkeys(ROLES, OK)
PRIVATE_SPACE = {**dict.fromkeys(ROLES, FORBIDDEN), "visitor": LOGIN, "delegate": OK, "organiser": OK}
OWN_AGENDA = {**PRIVATE_SPACE, "organiser": MISSING}  # organisers have no agenda of their own
FIGURES = {**dict.fromkeys(ROLES, FORBIDDEN), "visitor": LOGIN, "partner": OK, "organiser": OK}
ORGANISERS = {**dict.fromkeys(ROLES, FORBIDDEN), "visitor": LOGIN, "organiser": OK}
APPLICATION = {**dict.fromkeys(ROLES, MISSING), "visitor": LOGIN, "applicant": OK}
MATRIX = {
    "missions:detail": PUBLIC,
    "missions:story": PUBLIC,
    "missions:application": APPLICATION,
    "missions:space": PRIVATE_SPACE,
    "missions:outcomes": PRIVATE_SPACE,
    "missions:booklet": PRIVATE_SPACE,
    "missions:agenda": OWN_AGENDA,
    "missions:needs": OWN_AGENDA,
    "missions:figures": FIGURES,
    "missions:figures_csv": FIGURES,
    "missions:manage": ORGANISERS,
    "missions:edit": ORGANISERS,
    "missions:itinerary": ORGANISERS,
}


@pytest.fixture
def world(db):
    organiser = OrganiserFactory()
    mission = mission_make(organiser=organiser)
    visit_make(
        mission,
        start=dt.datetime(2027, 3, 26, 10, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 26, 12, tzinfo=PARIS),
    )
    applicant = UserFactory()
    services.application_submit(mission=mission, user=applicant, **application_fields(email=applicant.email))
    delegate = delegate_make(mission)
    other = delegate_make(mission_make(title_fr="Autre mission"))
    partner_user = UserFactory()
    partner_person = PersonFactory(user=partner_user, email=partner_user.email)
    partner = services.mission_partner_add(
        mission=mission, organisation=partner_person.organisation, role="funder"
    )
    services.mission_partner_viewer_add(partner=partner, person=partner_person)
    member = UserFactory()
    PersonFactory(user=member, email=member.email)
    users = {
        "visitor": None,
        "member": member,
        "applicant": applicant,
        "delegate": delegate.person.user,
        "other_delegate": other.person.user,
        "partner": partner_user,
        "organiser": organiser,
    }
    return mission, users


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_role_by_url_matrix(client, world, name):
    mission, users = world
    url = reverse(name, args=[mission.slug])
    seen = {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        response = client.get(url)
        seen[role] = response.status_code
        if response.status_code == LOGIN:
            assert "/comptes/" in response["Location"], (role, response["Location"])
    assert seen == MATRIX[name]


def test_the_dashboard_is_for_organisers(client, world):
    _mission, users = world
    url = reverse("missions:dashboard")
    seen = {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        seen[role] = client.get(url).status_code
    assert seen == ORGANISERS


def test_a_private_mission_is_hidden_from_all_but_its_people(client, world):
    mission, users = world
    Mission.objects.filter(pk=mission.pk).update(is_public=False)
    seen = {}
    for role in ROLES:
        client.logout()
        if users[role] is not None:
            client.force_login(users[role])
        seen[role] = client.get(reverse("missions:detail", args=[mission.slug])).status_code
    assert seen == {**PUBLIC, "visitor": MISSING, "member": MISSING, "other_delegate": MISSING}


def test_a_draft_is_seen_by_organisers_only(client, world):
    _mission, users = world
    draft = mission_make(title_fr="Brouillon", status=Mission.Status.DRAFT)
    client.force_login(users["member"])
    assert client.get(reverse("missions:detail", args=[draft.slug])).status_code == MISSING
    client.force_login(users["organiser"])
    assert client.get(reverse("missions:detail", args=[draft.slug])).status_code == OK
    assert client.get(reverse("missions:list")).status_code == OK


@pytest.mark.parametrize("role", ["member", "applicant", "delegate", "partner"])
def test_only_organisers_decide_edit_and_change_the_itinerary(client, world, role):
    mission, users = world
    client.force_login(users[role])
    application = mission.applications.get()
    assert (
        client.post(
            reverse("missions:decide", args=[mission.slug, application.pk]), {"decision": "selected"}
        ).status_code
        == FORBIDDEN
    )
    assert (
        client.post(reverse("missions:itinerary", args=[mission.slug]), {"kind": "free"}).status_code
        == FORBIDDEN
    )
    assert (
        client.post(reverse("missions:status", args=[mission.slug]), {"status": "finished"}).status_code
        == FORBIDDEN
    )
    assert (
        client.post(reverse("missions:item_check", args=[mission.slug]), {"kind": "free"}).status_code
        == FORBIDDEN
    )
    application.refresh_from_db()
    mission.refresh_from_db()
    assert (application.status, mission.status) == ("submitted", "call_open")


def test_a_delegate_of_another_mission_cannot_record_outcomes_here(client, world):
    mission, users = world
    client.force_login(users["other_delegate"])
    response = client.post(
        reverse("missions:lead_add", args=[mission.slug]), {"kind": "invite", "title": "X"}
    )
    assert response.status_code == FORBIDDEN
    assert mission.leads.count() == 0
