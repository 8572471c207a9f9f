"""The organisers' people search folds accents and case in every direction, on SQLite and PostgreSQL alike."""

import pytest
from django.urls import reverse

from maillage.directory.models import Person
from maillage.directory.selectors import people_search
from maillage.directory.services import organisation_update, person_update
from tests.factories import OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def found(query: str) -> list[str]:
    return [p.full_name for p in people_search(query).object_list]


@pytest.fixture
def people(db):
    numerique = OrganisationFactory(name="Québec numérique")
    camp = OrganisationFactory(name="Le Camp")
    PersonFactory(
        first_name="Marie",
        last_name="Côté",
        role="Directrice",
        organisation=numerique,
        email="mc@exemple.org",
    )
    PersonFactory(first_name="Jean", last_name="Cote", role="Analyste", organisation=camp, is_listed=False)
    PersonFactory(
        first_name="Étienne", last_name="Bélanger", role="Chargé de l'innovation", organisation=camp
    )
    PersonFactory(first_name="Zoé", last_name="Lœwen", role="Cœur de métier", organisation=None, email=None)


def test_accents_and_case_fold_every_way(people):
    both = ["Jean Cote", "Marie Côté"]
    assert found("côté") == found("CÔTÉ") == found("Cote") == found("cote") == both
    assert (
        found("Étienne") == found("étienne") == found("ETIENNE") == found("etienne") == ["Étienne Bélanger"]
    )
    assert found("BÉLANGER") == found("belanger") == ["Étienne Bélanger"]
    assert found("cœur") == found("coeur") == found("LOEWEN") == ["Zoé Lœwen"]


def test_every_word_must_start_a_word_of_name_role_email_or_organisation(people):
    assert found("marie cote") == ["Marie Côté"]
    assert found("innovation") == ["Étienne Bélanger"]
    assert found("quebec numerique") == ["Marie Côté"]
    assert found("le camp") == ["Étienne Bélanger", "Jean Cote"]
    assert found("exemple") == ["Marie Côté"]
    assert found("ote") == []
    assert found("côté camp") == ["Jean Cote"]


def test_unlisted_people_stay_in_the_organisers_list(people):
    assert Person.objects.get(last_name="Cote").is_listed is False
    assert "Jean Cote" in found("cote")


def test_the_index_follows_people_and_organisation_changes(people):
    marie = Person.objects.get(last_name="Côté")
    person_update(person=marie, last_name="Gagné-Côté")
    assert found("gagne") == ["Marie Gagné-Côté"]
    organisation_update(organisation=marie.organisation, name="Numérique Capitale")
    assert found("capitale") == ["Marie Gagné-Côté"]
    assert found("quebec numerique") == []
    marie.delete()
    assert found("gagne") == []


@pytest.mark.parametrize("query", ['"', "a\x00b", "côté OR *", "NEAR(x y)", "🚀", "x" * 2000, "'; --"])
def test_any_text_gives_a_page(organiser_client, people, query):
    response = organiser_client.get(reverse("directory:person_list"), {"q": query})
    assert response.status_code == 200


def test_the_people_list_is_for_organisers_only(member_client, people):
    response = member_client.get(reverse("directory:person_list"), {"q": "cote"})
    assert response.status_code in (302, 403)
