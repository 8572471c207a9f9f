import pytest

from maillage.directory.selectors import OrganisationFilters, organisations_search
from tests.factories import CityFactory, OrganisationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def names(filters: OrganisationFilters) -> set[str]:
    return {o.name for o in organisations_search(filters, per_page=100)}


@pytest.fixture
def ecosystem(db):
    quebec = CityFactory(name="Québec", region=RegionFactory(name="Capitale-Nationale", country="CA"))
    bordeaux = CityFactory(name="Bordeaux", region=RegionFactory(name="Nouvelle-Aquitaine", country="FR"))
    OrganisationFactory(
        name="Québec numérique",
        kind="cluster",
        city=quebec,
        description_fr="Organisme qui fédère l'écosystème numérique.",
    )
    OrganisationFactory(
        name="Le Camp",
        kind="incubator",
        city=quebec,
        description_fr="Incubateur d'entreprises technologiques.",
    )
    OrganisationFactory(
        name="Capteurs Boréal", city=bordeaux, offers="Conception de capteurs pour objets connectés"
    )
    OrganisationFactory(name="Sensorly", city=bordeaux, offers="IoT sensor design for connected devices")


def test_search_folds_accents_and_case(ecosystem):
    assert names(OrganisationFilters(query="NUMERIQUE")) == {"Québec numérique"}
    assert names(OrganisationFilters(query="québec numérique")) == {"Québec numérique"}


def test_search_matches_plural_and_stems(ecosystem):
    assert names(OrganisationFilters(query="incubateurs")) == {"Le Camp"}
    assert names(OrganisationFilters(query="objet connecte")) == {"Capteurs Boréal"}


def test_search_reads_english_text(ecosystem):
    assert names(OrganisationFilters(query="sensors")) == {"Sensorly"}


def test_search_requires_every_word(ecosystem):
    assert names(OrganisationFilters(query="capteurs bordeaux")) == {"Capteurs Boréal"}
    assert names(OrganisationFilters(query="capteurs quebec")) == set()


def test_search_filters_by_kind_and_region(ecosystem):
    assert names(OrganisationFilters(kind="incubator")) == {"Le Camp"}
    assert names(OrganisationFilters(region="nouvelle-aquitaine")) == {"Capteurs Boréal", "Sensorly"}
    assert names(OrganisationFilters(query="capteurs", region="capitale-nationale")) == set()


def test_search_ignores_punctuation_only_queries(ecosystem):
    assert len(names(OrganisationFilters(query="%_'\"()&|!:*"))) == 4


def test_search_ranks_name_matches_first(ecosystem):
    OrganisationFactory(name="Agence Web", description_fr="Partenaire de Québec numérique depuis 2015")
    results = [o.name for o in organisations_search(OrganisationFilters(query="numerique"))]
    assert results == ["Québec numérique", "Agence Web"]


def test_search_pages_results(ecosystem):
    for n in range(30):
        OrganisationFactory(name=f"Studio {n:02d}", description_fr="Studio de jeux vidéo")
    page = organisations_search(OrganisationFilters(query="jeux video"), page=2, per_page=24)
    assert page.paginator.count == 30
    assert len(page.object_list) == 6
