"""Consent to be listed is dated whichever path lists a person: the directory's services (profile forms,
imports), a registration, the privacy page; withdrawing it clears the date."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from maillage.directory import services as directory
from maillage.directory.models import Person
from maillage.privacy.selectors import person_data

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def test_a_person_created_listed_is_dated_and_an_unlisted_one_is_not():
    with time_machine.travel(T0, tick=False):
        listed = directory.person_create(first_name="Ana", last_name="Listée", email="ana@example.org")
        hidden = directory.person_create(first_name="Bo", last_name="Cachée", is_listed=False)
    assert (listed.listed_since, hidden.listed_since) == (T0, None)
    assert Person.objects.get(pk=listed.pk).listed_since == T0


def test_listing_again_gives_a_new_date_and_saving_unchanged_keeps_it():
    with time_machine.travel(T0, tick=False):
        person = directory.person_create(first_name="Ana", last_name="Listée")
    later = T0 + dt.timedelta(days=30)
    with time_machine.travel(later, tick=False):
        person = directory.person_update(person=Person.objects.get(pk=person.pk), role="Directrice")
        assert person.listed_since == T0  # still the consent given at creation
        directory.person_update(person=Person.objects.get(pk=person.pk), is_listed=False)
        assert Person.objects.get(pk=person.pk).listed_since is None
        person = Person.objects.get(pk=person.pk)
        person.is_listed = True
        person.save(update_fields=["is_listed"])  # a caller naming only the flag still dates it
    assert Person.objects.get(pk=person.pk).listed_since == later


def test_the_privacy_page_dates_the_choice_and_my_data_shows_it(client, member):
    client.force_login(member)
    client.post(reverse("privacy:my_data"), {})
    assert Person.objects.get(user=member).listed_since is None
    client.post(reverse("privacy:my_data"), {"listed": "on"})
    since = Person.objects.get(user=member).listed_since
    assert abs(since - timezone.now()) < dt.timedelta(minutes=1)
    assert person_data(member)["person"][0]["listed_since"] == since.isoformat()
    page = client.get(reverse("privacy:my_data")).content.decode()
    assert "Visible publiquement depuis le" in page  # French first: the header's language is not followed
