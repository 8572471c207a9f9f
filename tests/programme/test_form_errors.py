"""Organisers' forms: every rule the database keeps is explained on the field to correct, in words, and the
browser's inputs carry the server's limits."""

import datetime as dt
import re

import pytest
import time_machine
from django.apps import apps
from django.urls import reverse

from maillage.programme import services
from maillage.programme.models import Edition

from .factories import EditionFactory, EventFactory, RoomFactory, SpeakerFactory, TrackFactory, VenueFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser_client(organiser_client, settings):
    """In English: the sentences are the source strings (the French catalogue is checked on its own)."""
    organiser_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return organiser_client


TODAY = dt.datetime(2026, 12, 1, 10, tzinfo=dt.UTC)


def _edition_data(**changes) -> dict:
    data = {
        "name": "Semaine numérique 2027",
        "slug": "",
        "timezone": "America/Toronto",
        "start_date": "2027-04-05",
        "end_date": "2027-04-09",
        "day_start": "08:00",
        "day_end": "23:00",
        "grid_minutes": "15",
    }
    return {**data, **changes}


def _errors(response) -> dict:
    form = response.context["form"]
    return {field: [str(e) for e in errors] for field, errors in form.errors.items()}


def _no_technical_words(response) -> None:
    html = response.content.decode()
    assert "constraint" not in html
    assert "_" not in " ".join(re.findall(r'class="errorlist[^>]*>(.*?)</ul>', html, re.S))


@time_machine.travel(TODAY)
def test_edition_ending_before_it_starts_is_explained_on_the_last_day(organiser_client):
    response = organiser_client.post(
        reverse("programme:manage_edition_new"), _edition_data(end_date="2027-04-01")
    )
    assert response.status_code == 200
    assert _errors(response) == {"end_date": ["The last day cannot be before the first day."]}
    _no_technical_words(response)
    assert not Edition.objects.exists()


@time_machine.travel(TODAY)
def test_edition_days_ending_before_they_start_are_explained_on_the_end_hour(organiser_client):
    response = organiser_client.post(
        reverse("programme:manage_edition_new"), _edition_data(day_start="18:00", day_end="09:00")
    )
    assert _errors(response) == {"day_end": ["Days must end after they start."]}
    _no_technical_words(response)


@time_machine.travel(TODAY)
def test_edition_grid_inputs_carry_the_server_limits(organiser_client):
    html = organiser_client.get(reverse("programme:manage_edition_new")).content.decode()
    grid = re.search(r'<input[^>]*name="grid_minutes"[^>]*>', html).group(0)
    assert ('min="5"' in grid, 'max="120"' in grid, 'step="5"' in grid) == (True, True, True)
    for minutes in ("0", "4", "7", "125"):
        response = organiser_client.post(
            reverse("programme:manage_edition_new"), _edition_data(grid_minutes=minutes)
        )
        assert list(_errors(response)) == ["grid_minutes"], minutes
    assert not Edition.objects.exists()


def test_activity_inputs_carry_the_server_limits(organiser_client, edition):
    html = organiser_client.get(
        reverse("programme:manage_activity_new", args=[edition.slug])
    ).content.decode()
    duration = re.search(r'<input[^>]*name="duration"[^>]*>', html).group(0)
    assert ('min="5"' in duration, 'max="720"' in duration) == (True, True)


def test_activity_without_a_title_is_explained_on_the_french_title(organiser_client, edition, event):
    data = {
        "event": event.pk, "title_fr": "", "title_en": "", "kind": "talk", "duration": "45", "language": "fr",
        "audience": "both", "expected_attendance": "0", "status": "draft",
    }  # fmt: skip
    response = organiser_client.post(reverse("programme:manage_activity_new", args=[edition.slug]), data)
    assert _errors(response) == {"title_fr": ["Give the activity a title, in French or in English."]}
    _no_technical_words(response)


def test_duplicates_in_an_edition_are_explained_on_their_field(organiser_client, edition):
    base = f"/programme/{edition.slug}/gestion"
    EventFactory(edition=edition, name="Jour B2B")
    response = organiser_client.post(
        f"{base}/evenements/nouveau/", {"name": "Jour B2B", "kind": "b2b_day", "audience": "both"}
    )
    assert _errors(response) == {"name": ["This edition already has an event with this name."]}
    _no_technical_words(response)

    venue = VenueFactory(edition=edition, name="Le Diamant", slug="diamant")
    response = organiser_client.post(f"{base}/lieux/nouveau/", {"name": "Autre", "slug": "diamant"})
    assert _errors(response) == {"slug": ["Another venue of this edition already has this key."]}

    RoomFactory(venue=venue, name="Studio")
    response = organiser_client.post(
        f"{base}/lieux/{venue.pk}/salles/nouvelle/", {"name": "Studio", "capacity": "30"}
    )
    assert _errors(response) == {"name": ["This venue already has a room with this name."]}

    TrackFactory(edition=edition, slug="ia")
    response = organiser_client.post(
        f"{base}/themes/nouveau/", {"slug": "ia", "name_fr": "IA", "colour": "#2a9d8f"}
    )
    assert _errors(response) == {"slug": ["Another track of this edition already has this key."]}

    speaker = SpeakerFactory(edition=edition)
    response = organiser_client.post(f"{base}/intervenants/nouveau/", {"person": speaker.person.pk})
    assert _errors(response) == {"person": ["This person is already a speaker of this edition."]}
    response = organiser_client.post(f"{base}/intervenants/nouveau/", {"guest_name": ""})
    assert _errors(response) == {"guest_name": ["Choose a person of the directory or give a guest's name."]}
    _no_technical_words(response)


def test_every_programme_constraint_has_a_sentence_on_a_field():
    """A new constraint without its sentence would reach people by its technical name."""
    for model in apps.get_app_config("programme").get_models():
        for constraint in model._meta.constraints:
            field, message = model.constraint_errors[constraint.name]
            assert field in {f.name for f in model._meta.get_fields()}, constraint.name
            assert "_" not in str(message), constraint.name


@time_machine.travel(TODAY)
def test_edition_years_ago_needs_a_confirmation(organiser_client):
    url = reverse("programme:manage_edition_new")
    response = organiser_client.post(url, _edition_data(start_date="2024-04-01", end_date="2024-04-05"))
    assert _errors(response) == {
        "start_date": [
            "This edition starts on 1 April 2024, more than a year ago. Check the year, or tick “This "
            "edition already took place” to record a past edition."
        ]
    }
    assert not Edition.objects.exists()
    data = _edition_data(start_date="2024-04-01", end_date="2024-04-05", already_held="on")
    assert organiser_client.post(url, data).status_code == 302
    assert Edition.objects.get().start_date == dt.date(2024, 4, 1)
    # Last month's edition needs no confirmation.
    response = organiser_client.post(
        url, _edition_data(name="Novembre", start_date="2026-11-02", end_date="2026-11-06")
    )
    assert response.status_code == 302


@time_machine.travel(TODAY)
def test_edition_absurdly_far_or_long_is_refused(organiser_client):
    url = reverse("programme:manage_edition_new")
    response = organiser_client.post(url, _edition_data(start_date="2207-04-05", end_date="2207-04-09"))
    assert _errors(response) == {
        "start_date": ["This edition starts on 5 April 2207, more than five years from now: check the year."]
    }
    response = organiser_client.post(url, _edition_data(end_date="2028-04-09"))
    assert _errors(response) == {
        "end_date": ["An edition lasts at most 31 days: check the year and month of the last day."]
    }
    assert not Edition.objects.exists()


@time_machine.travel(TODAY)
def test_editing_an_old_edition_keeps_working_but_moving_it_years_back_needs_a_confirmation():
    old = EditionFactory(start_date=dt.date(2023, 4, 3), end_date=dt.date(2023, 4, 7))
    services.edition_update(edition=old, name="Semaine numérique 2023")
    assert Edition.objects.get(pk=old.pk).name == "Semaine numérique 2023"
    with pytest.raises(services.ValidationError) as error:
        services.edition_update(edition=old, start_date=dt.date(2022, 4, 4), end_date=dt.date(2022, 4, 8))
    assert list(error.value.message_dict) == ["start_date"]
    services.edition_update(
        edition=old, start_date=dt.date(2022, 4, 4), end_date=dt.date(2022, 4, 8), already_held=True
    )
