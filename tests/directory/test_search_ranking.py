"""The directory search ranks alike on SQLite and PostgreSQL: the same tests run on both (run-tests.sh)."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.common.tabular import Table
from maillage.directory import search
from maillage.directory.imports import organisations_import
from maillage.directory.models import Organisation, Sector
from maillage.directory.selectors import OrganisationFilters, organisations_search, organisations_suggestion
from maillage.directory.services import organisation_update
from tests.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def ranked(query: str, **filters) -> list[str]:
    return [o.name for o in organisations_search(OrganisationFilters(query=query, **filters), per_page=100)]


@pytest.fixture
def ecosystem(db):
    OrganisationFactory(name="Agence Web", description_fr="Partenaire de Québec numérique depuis 2015.")
    OrganisationFactory(name="Pixel Québec", description_fr="Studio de création numérique à Québec.")
    OrganisationFactory(
        name="Web à Québec (WAQ)", description_fr="Le grand rendez-vous du numérique à Québec."
    )
    OrganisationFactory(name="Nordik Numérique", description_fr="Services numériques pour les PME.")
    OrganisationFactory(name="Québec International", description_fr="Développement économique de la région.")
    OrganisationFactory(
        name="Québec numérique", kind="cluster", description_fr="Organisme qui fédère l'écosystème numérique."
    )
    OrganisationFactory(name="Le Camp", kind="incubator", description_fr="Incubateur d'entreprises techno.")
    OrganisationFactory(name="Salon des mines", description_fr="Rencontres de l'industrie minière.")


def test_exact_name_comes_first(ecosystem):
    assert ranked("quebec numerique")[0] == "Québec numérique"
    assert ranked("QUÉBEC NUMÉRIQUE")[0] == "Québec numérique"
    assert ranked("web a quebec waq")[0] == "Web à Québec (WAQ)"
    assert ranked("Le Camp") == ["Le Camp"]


def test_names_come_before_descriptions(ecosystem):
    results = ranked("numerique")
    assert set(results[:2]) == {"Québec numérique", "Nordik Numérique"}
    assert set(results[2:]) == {"Agence Web", "Pixel Québec", "Web à Québec (WAQ)"}
    quebec = ranked("quebec")
    assert set(quebec[:4]) == {
        "Pixel Québec",
        "Web à Québec (WAQ)",
        "Québec International",
        "Québec numérique",
    }
    assert quebec[4:] == ["Agence Web"]


def test_one_letter_typos_of_long_words_are_corrected(ecosystem):
    assert ranked("quebek numerique")[0] == "Québec numérique"
    assert ranked("Quebec numerik")[0] == "Québec numérique"
    assert set(ranked("numerik")[:2]) == {"Québec numérique", "Nordik Numérique"}
    assert ranked("slaon des mines")[0] == "Salon des mines"  # two letters swapped
    assert ranked("salons des mnes") == ["Salon des mines"]  # a letter missing, in a 5-letter word


def test_a_typo_that_is_another_word_is_corrected_when_nothing_matches(ecosystem):
    OrganisationFactory(name="Mines Boréales", description_fr="Exploitation de mines de fer.")
    assert ranked("salin des mines")[0] == "Salon des mines"


def test_corrections_are_the_words_or_word_beginnings_one_edit_away():
    vocab = search.Vocabulary(terms=["numer", "numeriqu", "numerique", "quebec", "salon"])
    vocab.docs = dict.fromkeys(vocab.terms, 1)
    assert search.corrections("quebek", vocab) == ("quebec",)
    assert search.corrections("slaon", vocab) == ("salon",)
    assert "numeriq" in search.corrections("numerik", vocab)
    assert search.corrections("zzzzzz", vocab) == ()


def test_did_you_mean_when_nothing_matches(ecosystem):
    assert ranked("quebec numerique pizzeria") == []
    assert (
        organisations_suggestion(OrganisationFilters(query="quebec numerique pizzeria")) == "quebec numerique"
    )
    assert organisations_suggestion(OrganisationFilters(query="cmp")) == "camp"
    assert organisations_suggestion(OrganisationFilters(query="zzzyxw")) == ""


def test_did_you_mean_is_shown_with_a_link(client, ecosystem):
    response = client.get(reverse("directory:organisation_list"), {"q": "le cmp", "kind": "incubator"})
    assert response.status_code == 200
    assert response.context["suggestion"] == "le camp"
    assert 'href="?q=le+camp&amp;kind=incubator"' in response.content.decode()


def test_filters_apply_to_ranked_results(ecosystem):
    iot = Sector.objects.create(slug="iot-test", name_fr="Objets connectés", name_en="Internet of things")
    organisation_update(organisation=Organisation.objects.get(name="Pixel Québec"), sectors=[iot])
    assert ranked("quebec", kind="cluster") == ["Québec numérique"]
    assert ranked("quebec", sector="iot-test") == ["Pixel Québec"]
    assert ranked("objets connectes") == ["Pixel Québec"]


def test_pages_run_across_names_and_texts(db):
    for n in range(5):
        OrganisationFactory(name=f"Studio Jeux {n}", description_fr="Jeux vidéo")
    for n in range(25):
        OrganisationFactory(name=f"Agence {n}", description_fr="Des jeux pour apprendre")
    first = organisations_search(OrganisationFilters(query="jeux"), page=1, per_page=24)
    second = organisations_search(OrganisationFilters(query="jeux"), page=2, per_page=24)
    assert first.paginator.count == 30
    assert {o.name for o in first.object_list[:5]} == {f"Studio Jeux {n}" for n in range(5)}
    names = [o.name for o in first.object_list] + [o.name for o in second.object_list]
    assert len(names) == len(set(names)) == 30


def test_the_index_follows_edits_deletions_and_imports(ecosystem):
    camp = Organisation.objects.get(name="Le Camp")
    organisation_update(organisation=camp, name="Le Camp Zéphyr")
    assert ranked("zephyr") == ["Le Camp Zéphyr"]
    assert ranked("zephir") == ["Le Camp Zéphyr"]  # the vocabulary is reread after the change
    Organisation.objects.filter(name="Le Camp Zéphyr").delete()
    assert ranked("zephyr") == []
    row = {"name": "Borealis Analytique", "kind": "company", "description_fr": "Données et IA"}
    organisations_import(Table(header=list(row), rows=[row]))
    assert ranked("borealis analytique") == ["Borealis Analytique"]


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "'; DROP TABLE directory_organisation; --",
        "quebec AND OR NOT NEAR(numerique, 2)",
        "numer* ^quebec {search_name}: numerique",
        "search_name : quebec",
        "a\x00b numérique",
        "🚀 numérique 🇨🇦",
        "北京科技",
        "%_\\",
        "numérique " * 250,
        "x" * 2000,
    ],
)
def test_any_text_gives_a_page(client, ecosystem, query):
    response = client.get(reverse("directory:organisation_list"), {"q": query})
    assert response.status_code == 200
    response = client.get(
        reverse("directory:organisation_list"), {"q": query}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=60))
def test_any_text_searches_without_error(ecosystem, query):
    page = organisations_search(OrganisationFilters(query=query))
    assert page.paginator.count >= 0
    assert organisations_suggestion(OrganisationFilters(query=query)) is not None


def test_a_typo_corrected_to_a_stem_still_finds_the_exact_name(db):
    # "digitl" is one edit from "digital" and from "digit" (its English stem, held by more organisations).
    for n in range(3):
        OrganisationFactory(name=f"Iris Digital {n}", description_fr="Agence digitale")
    OrganisationFactory(name="Iris Digital", description_fr="Agence")
    assert ranked("iris digitl")[0] == "Iris Digital"
