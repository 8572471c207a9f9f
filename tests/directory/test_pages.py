import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maillage.directory import services
from maillage.directory.models import Organisation, Sector
from tests.factories import OrganisationFactory, RegionFactory

pytestmark = pytest.mark.django_db


def test_directory_list_makes_a_fixed_number_of_queries(client):
    url = reverse("directory:organisation_list")
    OrganisationFactory(sectors=Sector.objects.all()[:2])
    client.get(url)  # warm the session
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(2):
        OrganisationFactory(sectors=Sector.objects.all()[:3])
    with CaptureQueriesContext(connection) as three:
        assert client.get(url).content.decode().count('class="card"') == 3
    assert len(three.captured_queries) == len(one.captured_queries)


def test_htmx_search_returns_only_the_results(client):
    OrganisationFactory(name="Studio Pixel")
    response = client.get(reverse("directory:organisation_list"), {"q": "pixel"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Studio Pixel" in html
    assert "<html" not in html


@pytest.mark.parametrize(
    "params", [{"page": "abc"}, {"page": "999"}, {"kind": "spaceship"}, {"q": "x" * 500}]
)
def test_odd_query_parameters_never_fail(client, params):
    assert client.get(reverse("directory:organisation_list"), params).status_code == 200


def test_unknown_pages_give_a_proper_404(client):
    response = client.get("/annuaire/organisations/nobody-here/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()


def test_organisation_form_shows_field_errors_in_french(organiser_client):
    response = organiser_client.post(reverse("directory:organisation_create"), {"name": "", "kind": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ce champ est obligatoire." in html
    assert Organisation.objects.count() == 0


def test_organiser_creates_then_edits_an_organisation(organiser_client):
    region = RegionFactory(name="Occitanie", country="FR")
    response = organiser_client.post(
        reverse("directory:organisation_create"),
        {
            "name": "Drust",
            "kind": "company",
            "city_name": "Marseille",
            "region": region.pk,
            "offers": "Boîtier connecté",
        },
    )
    drust = Organisation.objects.get(name="Drust")
    assert response.url == drust.get_absolute_url()
    assert (drust.city.name, drust.country) == ("Marseille", "FR")
    organiser_client.post(
        reverse("directory:organisation_edit", args=[drust.slug]),
        {"name": "Drust SAS", "kind": "company", "needs": "Assureurs partenaires"},
    )
    drust.refresh_from_db()
    assert (drust.name, drust.needs, drust.slug) == ("Drust SAS", "Assureurs partenaires", "drust")
    assert "assureur" in drust.search_text


def test_import_page_reports_bad_rows_and_writes_nothing(organiser_client):
    upload = io.BytesIO(b"name,kind\nGood,company\n,company\nBad,spaceship\n")
    upload.name = "orgs.csv"
    response = organiser_client.post(reverse("directory:import"), {"kind": "organisations", "file": upload})
    html = response.content.decode()
    assert "2 erreurs" in html
    assert Organisation.objects.count() == 0


def test_import_page_imports_a_good_file(organiser_client):
    upload = io.BytesIO("name,kind\nSociété Une,company\n".encode())
    upload.name = "orgs.csv"
    response = organiser_client.post(
        reverse("directory:import"), {"kind": "organisations", "file": upload}, follow=True
    )
    assert "1 créée" in response.content.decode()
    assert Organisation.objects.get().name == "Société Une"


def test_language_switch_serves_english(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert "Directory" in client.get("/").content.decode()
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    assert "Annuaire" in client.get("/").content.decode()


def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_french_is_the_default_even_for_an_english_browser(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert "Annuaire" in html
    assert '<html lang="fr">' in html


def test_person_email_is_unique_whatever_its_case(organiser_client):
    from tests.factories import PersonFactory

    PersonFactory(email="julie@example.org")
    other = PersonFactory(email="other@example.org")
    response = organiser_client.post(
        reverse("directory:person_edit", args=[other.pk]),
        {"first_name": "O", "last_name": "T", "email": "JULIE@example.org", "is_listed": "on"},
    )
    assert response.status_code == 200
    assert "Une autre personne a déjà cette adresse électronique." in response.content.decode()


def test_names_with_line_breaks_are_refused(member_client, member):
    response = member_client.post(
        reverse("directory:person_edit", args=[member.person.pk]),
        {"first_name": "Eve\r\nBcc: x", "last_name": "T"},
    )
    assert response.status_code == 200
    member.person.refresh_from_db()
    assert "\n" not in member.person.first_name


def test_inviting_a_person_whose_email_belongs_to_another_persons_account(organiser_client):
    from tests.factories import PersonFactory, UserFactory

    user = UserFactory(email="a@example.org")
    PersonFactory(email="a2@example.org", user=user)
    newcomer = PersonFactory(email="a@example.org")
    response = organiser_client.post(reverse("directory:person_invite", args=[newcomer.pk]), follow=True)
    assert response.status_code == 200
    newcomer.refresh_from_db()
    assert newcomer.user is None


def test_a_new_organisations_key_is_numbered_after_a_namesake_and_cut_at_100_characters():
    first = services.organisation_create(name="Forum Québec–Bordeaux")
    second = services.organisation_create(name="Forum Québec-Bordeaux")
    assert (first.slug, second.slug) == ("forum-quebec-bordeaux", "forum-quebec-bordeaux-2")
    long = services.organisation_create(name="Coopérative " * 12)
    assert len(long.slug) == 100
    assert services.organisation_create(name="北京科技").slug.startswith("org-")
