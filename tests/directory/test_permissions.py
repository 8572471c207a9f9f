import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import OrganisationFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(db):
    return PersonFactory(email="secret.person@example.org", phone="+1 418 555 9876")


def test_public_never_sees_private_contact_data(client, person):
    for url in [
        person.organisation.get_absolute_url(),
        person.get_absolute_url(),
        reverse("directory:organisation_list"),
    ]:
        html = client.get(url).content.decode()
        assert "secret.person@example.org" not in html
        assert "555 9876" not in html


def test_another_member_does_not_see_private_contact_data(member_client, person):
    html = member_client.get(person.get_absolute_url()).content.decode()
    assert person.full_name in html
    assert "secret.person@example.org" not in html


def test_organiser_and_the_person_see_private_contact_data(client, organiser_client, person):
    assert "secret.person@example.org" in organiser_client.get(person.get_absolute_url()).content.decode()
    user = UserFactory(email="secret.person@example.org")
    person.user = user
    person.save()
    client.force_login(user)
    assert "555 9876" in client.get(person.get_absolute_url()).content.decode()


def test_unlisted_person_is_hidden_from_the_public(organiser_client):
    hidden = PersonFactory(is_listed=False, last_name="Discrète")
    client = Client()
    assert client.get(hidden.get_absolute_url()).status_code == 404
    assert "Discrète" not in client.get(hidden.organisation.get_absolute_url()).content.decode()
    assert organiser_client.get(hidden.get_absolute_url()).status_code == 200


def test_member_edits_their_own_profile(member_client, member):
    person = member.person
    response = member_client.post(
        reverse("directory:person_edit", args=[person.pk]),
        {
            "first_name": "Julie",
            "last_name": "Nouveau-Nom",
            "role": "CTO",
            "languages": ["fr"],
            "phone": "1",
            "bio": "",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.last_name, person.role, person.is_listed) == ("Nouveau-Nom", "CTO", False)


def test_member_cannot_change_their_organisation_or_email(member_client, member):
    person = member.person
    other = OrganisationFactory()
    member_client.post(
        reverse("directory:person_edit", args=[person.pk]),
        {
            "first_name": "J",
            "last_name": "T",
            "organisation": other.pk,
            "email": "hijack@example.org",
            "is_listed": "on",
        },
    )
    person.refresh_from_db()
    assert (person.organisation_id, person.email) != (other.pk, "hijack@example.org")
    assert person.email == member.email


def test_member_cannot_edit_someone_else(member_client, person):
    url = reverse("directory:person_edit", args=[person.pk])
    assert member_client.get(url).status_code == 403
    assert member_client.post(url, {"first_name": "X", "last_name": "Y"}).status_code == 403
    person.refresh_from_db()
    assert person.first_name == "Julie"


@pytest.mark.parametrize(
    "url",
    [
        reverse("directory:organisation_create"),
        reverse("directory:import"),
        reverse("directory:export", args=["people", "csv"]),
        reverse("directory:person_create"),
    ],
)
def test_organiser_pages_are_closed_to_members_and_public(client, member_client, url):
    assert member_client.get(url).status_code == 403
    member_client.logout()
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:login"))


def test_organisation_edit_is_closed_to_members(member_client):
    organisation = OrganisationFactory()
    url = reverse("directory:organisation_edit", args=[organisation.slug])
    assert member_client.post(url, {"name": "Hijacked", "kind": "company"}).status_code == 403
    organisation.refresh_from_db()
    assert organisation.name != "Hijacked"


def test_people_export_for_organisers_contains_contacts(organiser_client, person):
    response = organiser_client.get(reverse("directory:export", args=["people", "csv"]))
    assert response.status_code == 200
    assert "secret.person@example.org" in response.content.decode("utf-8-sig")


def test_people_list_is_for_organisers_and_makes_few_queries(
    organiser_client, member, django_assert_max_num_queries
):
    PersonFactory(last_name="Lavoie", email="g.lavoie@example.org")
    url = reverse("directory:person_list")
    with django_assert_max_num_queries(8):
        html = organiser_client.get(url, {"q": "lavoie"}).content.decode()
    assert "g.lavoie@example.org" in html
    other = Client()
    other.force_login(member)
    assert other.get(url).status_code == 403
