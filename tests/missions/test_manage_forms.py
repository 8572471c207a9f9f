"""The management page's small forms (delegates, partners, cities): what was done, or why not, is said in a
message on that page, and a refused or invalid form changes nothing."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from maillage.missions import services
from maillage.missions.models import Application, Delegate, MissionCity, MissionPartner
from tests.factories import OrganisationFactory, OrganiserFactory, PersonFactory, UserFactory

from .factories import application_fields, mission_make

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_client(client):
    organiser = OrganiserFactory()
    client.force_login(organiser)
    return client, mission_make(organiser=organiser)


def _post(client, mission, name, data):
    """The messages the management page shows after the post (following its redirect shows and uses them)."""
    response = client.post(reverse(f"missions:{name}", args=[mission.slug]), data, follow=True)
    assert response.redirect_chain == [(reverse("missions:manage", args=[mission.slug]), 302)]
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def test_a_delegate_is_added_once_then_refused_with_the_services_words(organiser_client):
    client, mission = organiser_client
    person = PersonFactory()
    data = {"person": person.pk, "role": Delegate.Role.DELEGATE}
    assert _post(client, mission, "delegate_add", data) == [("success", "Délégué ajouté.")]
    again = _post(client, mission, "delegate_add", data)
    assert again == [("error", f"{person.full_name} fait déjà partie de la délégation.")]
    assert Delegate.objects.filter(mission=mission, person=person).count() == 1


def test_an_invalid_delegate_form_says_what_to_choose_and_adds_nobody(organiser_client):
    client, mission = organiser_client
    assert _post(client, mission, "delegate_add", {"person": "", "role": "boss"}) == [
        ("error", "Choisissez une personne et un rôle.")
    ]
    assert not Delegate.objects.filter(mission=mission).exists()


def test_a_partner_is_added_and_a_second_same_role_refused(organiser_client):
    client, mission = organiser_client
    organisation = OrganisationFactory()
    data = {"organisation": organisation.pk, "role": MissionPartner.Role.FUNDER}
    assert _post(client, mission, "partner_add", data) == [("success", "Partenaire ajouté.")]
    assert _post(client, mission, "partner_add", data) == [
        ("error", "Cette organisation a déjà ce rôle dans la mission.")
    ]
    assert MissionPartner.objects.filter(mission=mission, organisation=organisation).count() == 1


def test_a_city_is_added_with_its_time_zone_and_a_bad_zone_is_refused(organiser_client):
    client, mission = organiser_client
    good = {"name": "Nantes", "country": "FR", "timezone": "Europe/Paris"}
    assert _post(client, mission, "city_add", good) == [("success", "Ville ajoutée.")]
    bad = {"name": "Lyon", "country": "FR", "timezone": "Mars/Olympus"}
    assert _post(client, mission, "city_add", bad) == [
        ("error", "Vérifiez la ville, son pays et son fuseau horaire.")
    ]
    added = MissionCity.objects.filter(mission=mission, name__in=["Nantes", "Lyon"])
    assert list(added.values_list("name", "timezone")) == [("Nantes", "Europe/Paris")]


def test_an_application_is_decided_and_an_unknown_decision_changes_nothing(organiser_client):
    client, mission = organiser_client
    applicant = UserFactory()
    record = services.application_submit(
        mission=mission, user=applicant, **application_fields(email=applicant.email)
    )
    url_name, args = "missions:decide", [mission.slug, record.pk]
    response = client.post(reverse(url_name, args=args), {"decision": "boss"}, follow=True)
    assert [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)] == [
        ("error", "Décision inconnue.")
    ]
    record.refresh_from_db()
    assert record.status == Application.Status.SUBMITTED
    response = client.post(reverse(url_name, args=args), {"decision": "waitlisted"}, follow=True)
    assert response.redirect_chain == [(reverse("missions:manage", args=[mission.slug]), 302)]
    assert [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)] == [
        ("success", "Décision enregistrée ; la personne candidate en est avisée par courriel.")
    ]
    record.refresh_from_db()
    assert record.status == Application.Status.WAITLISTED
