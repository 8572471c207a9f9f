import pytest

from maillage.common.tabular import TableError, read_table, write_csv, write_xlsx
from maillage.directory.exports import organisation_rows, person_rows
from maillage.directory.imports import (
    ORGANISATION_COLUMNS,
    PERSON_COLUMNS,
    ImportRejected,
    RowError,
    organisations_import,
    people_import,
)
from maillage.directory.models import Organisation, Person, Region

pytestmark = pytest.mark.django_db

GOOD_CSV = """slug,name,kind,city,region,country,website,sectors,offers,needs,size
iot-valley,IoT Valley,cluster,Labège,Occitanie,FR,iotvalley.fr,iot;Électronique et systèmes embarqués,Accélération IoT,Distributeurs,10-49
le-camp,Le Camp,Incubateur ou accélérateur,Québec,Capitale-Nationale,CA,,Intelligence artificielle,Incubation,Investisseurs,
"""


@pytest.fixture(autouse=True)
def regions():
    Region.objects.create(slug="fr-occitanie", name="Occitanie", country="FR")
    Region.objects.create(slug="ca-capitale-nationale", name="Capitale-Nationale", country="CA")


def table(text: str, name: str = "file.csv"):
    return read_table(text.encode("utf-8"), name)


def test_import_creates_organisations_with_places_and_sectors():
    result = organisations_import(table(GOOD_CSV))
    assert (result.created, result.updated, result.unchanged) == (2, 0, 0)
    valley = Organisation.objects.get(slug="iot-valley")
    assert (valley.city.name, valley.region.name, valley.country) == ("Labège", "Occitanie", "FR")
    assert valley.website == "https://iotvalley.fr"
    assert sorted(s.slug for s in valley.sectors.all()) == ["electronics", "iot"]
    assert Organisation.objects.get(slug="le-camp").kind == "incubator"


def test_import_twice_changes_nothing():
    organisations_import(table(GOOD_CSV))
    before = list(Organisation.objects.order_by("pk").values_list("pk", "updated"))
    result = organisations_import(table(GOOD_CSV))
    assert (result.created, result.updated, result.unchanged) == (0, 0, 2)
    assert list(Organisation.objects.order_by("pk").values_list("pk", "updated")) == before


def test_import_updates_changed_rows_only():
    organisations_import(table(GOOD_CSV))
    changed = GOOD_CSV.replace("Accélération IoT", "Accélération de start-up IoT")
    result = organisations_import(table(changed))
    assert (result.created, result.updated, result.unchanged) == (0, 1, 1)
    assert Organisation.objects.get(slug="iot-valley").offers == "Accélération de start-up IoT"


def test_import_rejects_whole_file_and_names_each_bad_row_and_field():
    bad = GOOD_CSV + "bad,Mauvaise,spaceship,Lyon,,FR,not a url,martian sector,,,huge\n,,company,,,,,,,,\n"
    with pytest.raises(ImportRejected) as caught:
        organisations_import(table(bad))
    errors = {(e.row, e.column) for e in caught.value.errors}
    assert errors == {(4, "kind"), (4, "website"), (4, "sectors"), (4, "size"), (4, "region"), (5, "name")}
    assert Organisation.objects.count() == 0


def test_import_reports_duplicate_keys_in_file():
    duplicated = GOOD_CSV + "iot-valley,IoT Valley bis,cluster,,,,,,,,\n"
    with pytest.raises(ImportRejected) as caught:
        organisations_import(table(duplicated))
    assert [(e.row, e.column) for e in caught.value.errors] == [(4, "slug")]


def test_import_rejects_unknown_and_missing_columns():
    with pytest.raises(ImportRejected) as caught:
        organisations_import(table("nom,kind\nX,company\n"))
    assert {(e.row, e.column) for e in caught.value.errors} == {(1, "nom"), (1, "name")}


def test_row_error_reads_in_french():
    assert str(RowError(4, "kind", "valeur inconnue")) == "ligne 4, colonne « kind » : valeur inconnue"


def test_people_import_links_organisations_and_is_idempotent():
    organisations_import(table(GOOD_CSV))
    csv_text = (
        "email,first_name,last_name,role,organisation,languages,phone,is_listed\n"
        "Julie@Example.org,Julie,Tremblay,CEO,le-camp,fr;en,+1 418 555 0101,oui\n"
        "marc@example.org,Marc,Durand,CTO,iot-valley,fr,,non\n"
    )
    assert people_import(table(csv_text)).created == 2
    julie = Person.objects.get(email="julie@example.org")
    assert (julie.organisation.slug, julie.languages, julie.is_listed) == ("le-camp", ["fr", "en"], True)
    assert Person.objects.get(email="marc@example.org").is_listed is False
    assert people_import(table(csv_text)).unchanged == 2


def test_people_import_rejects_unknown_organisation_and_bad_email():
    csv_text = "email,first_name,last_name,organisation\nnot-an-email,A,B,\nok@example.org,C,D,nowhere\n"
    with pytest.raises(ImportRejected) as caught:
        people_import(table(csv_text))
    assert {(e.row, e.column) for e in caught.value.errors} == {(2, "email"), (3, "organisation")}
    assert Person.objects.count() == 0


def test_semicolon_csv_and_blank_lines_are_read():
    text = "slug;name;kind\n\nx;Société X;company\n"
    result = organisations_import(table(text))
    assert result.created == 1


def test_non_utf8_and_empty_files_are_refused():
    with pytest.raises(TableError):
        read_table("name\nSociété".encode("latin-1"), "f.csv")
    with pytest.raises(TableError):
        read_table(b"", "f.csv")
    with pytest.raises(TableError):
        read_table(b"PK not really a workbook", "f.xlsx")


def test_export_then_import_round_trips_in_csv_and_xlsx():
    organisations_import(table(GOOD_CSV))
    people_import(table("email,first_name,last_name,organisation\na@example.org,Ann,Roy,le-camp\n"))
    for data, name in [
        (write_csv(ORGANISATION_COLUMNS, organisation_rows()), "o.csv"),
        (write_xlsx(ORGANISATION_COLUMNS, organisation_rows(), title="organisations"), "o.xlsx"),
    ]:
        assert organisations_import(read_table(data, name)).unchanged == 2
    people_csv = write_csv(PERSON_COLUMNS, person_rows())
    assert people_import(read_table(people_csv, "p.csv")).unchanged == 1


def test_exports_neutralise_formulas_and_imports_restore_the_text():
    organisations_import(
        table('slug,name,kind,offers\nx,=HYPERLINK("http://evil"),company,+1 418 555 0101\n')
    )
    exported = write_csv(ORGANISATION_COLUMNS, organisation_rows()).decode("utf-8-sig")
    assert "'=HYPERLINK" in exported
    assert "'+1 418 555 0101" in exported
    assert organisations_import(read_table(exported.encode(), "o.csv")).unchanged == 1
    xlsx = write_xlsx(ORGANISATION_COLUMNS, organisation_rows(), title="o")
    assert organisations_import(read_table(xlsx, "o.xlsx")).unchanged == 1


def test_names_without_latin_letters_get_a_stable_key_and_do_not_collide():
    organisations_import(table("name,kind\n北京科技,company\n東京商事,company\n"))
    slugs = sorted(Organisation.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 2
    assert all(s.startswith("org-") for s in slugs)
    assert organisations_import(table("name,kind\n北京科技,company\n")).unchanged == 1


def test_damaged_files_are_refused_with_a_message():
    with pytest.raises(TableError):
        read_table(("name\n" + "x" * 200_000 + "\n").encode(), "big.csv")
    good = write_xlsx(["name"], [["Société"]], title="o")
    import io
    import zipfile

    damaged = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as source, zipfile.ZipFile(damaged, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(TableError):
        read_table(damaged.getvalue(), "damaged.xlsx")


def test_import_refuses_an_unknown_region_and_suggests_the_nearest():
    typo = GOOD_CSV.replace("Labège,Occitanie", "Labège,Ocitanie")
    with pytest.raises(ImportRejected) as caught:
        organisations_import(table(typo))
    assert [str(e) for e in caught.value.errors] == [
        "ligne 2, colonne « region » : région inconnue « Ocitanie » : vouliez-vous dire « Occitanie » ?"
    ]
    assert Organisation.objects.count() == 0


def test_import_refuses_a_new_region_unless_asked_to_create_it():
    new = GOOD_CSV.replace("Labège,Occitanie", "Labège,Atlantide")
    with pytest.raises(ImportRejected) as caught:
        organisations_import(table(new))
    assert [(e.row, e.column) for e in caught.value.errors] == [(2, "region")]
    assert not Region.objects.filter(name="Atlantide").exists()
    organisations_import(table(new), new_regions=True)
    assert Organisation.objects.get(slug="iot-valley").region.name == "Atlantide"
