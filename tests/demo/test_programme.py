import datetime as dt
import json
import zoneinfo

import pytest
import time_machine
from django.urls import reverse

from maillage.demo.accounts import DEMO_MEMBER
from maillage.demo.directory import directory_demo_load
from maillage.demo.programme import programme_demo_load
from maillage.programme import presenters, selectors, services
from maillage.programme.models import Activity, Edition, Favourite, ProgrammeRun, Speaker
from tests.factories import UserFactory
from tests.programme.schemas import c3voc_validator, frab_schema

pytestmark = pytest.mark.django_db

QUEBEC = zoneinfo.ZoneInfo("America/Toronto")


def test_demo_programme_is_realistic_idempotent_and_exports_validly(client):
    directory_demo_load(organisations=40, people=60)
    assert programme_demo_load().created
    edition = Edition.objects.get()
    slug = edition.slug
    activities = Activity.objects.filter(event__edition=edition)
    assert activities.count() == 44
    assert activities.filter(start__isnull=True).count() == 4
    assert edition.venues.count() == 5
    assert Speaker.objects.filter(edition=edition, person__isnull=False).count() == 30
    assert Favourite.objects.filter(user__email=DEMO_MEMBER).count() == 5
    user = Favourite.objects.filter(user__email=DEMO_MEMBER).first().user
    assert selectors.favourite_clashes(edition, selectors.agenda_for_user(user, edition))
    snapshot = list(activities.order_by("pk").values_list("pk", "updated"))
    result = programme_demo_load()
    assert not result.created
    assert list(activities.order_by("pk").values_list("pk", "updated")) == snapshot
    frab_schema().validate(client.get(reverse("programme:export_frab", args=[slug])).content)
    c3voc_validator().validate(json.loads(client.get(reverse("programme:export_c3voc", args=[slug])).content))
    assert client.get(reverse("programme:agenda", args=[slug])).content.decode().count('class="card"') == 40


@pytest.mark.parametrize(
    "now",
    [
        dt.datetime(2026, 12, 1, 9, tzinfo=QUEBEC),
        dt.datetime(2029, 3, 30, 23, 30, tzinfo=QUEBEC),  # around a clock change, late in the evening
        dt.datetime(2031, 10, 27, 21, tzinfo=QUEBEC),  # already the 28th in UTC: Québec's day counts
    ],
    ids=str,
)
def test_demo_week_is_ahead_whatever_the_day(now, client, organiser, django_capture_on_commit_callbacks):
    member = UserFactory(email=DEMO_MEMBER)
    with time_machine.travel(now, tick=False):
        result = programme_demo_load()
        today = now.date()
        edition = result.edition
        # The week is ahead: its first day a Monday three to five months from today, Québec's day.
        assert edition.start_date.weekday() == 0
        assert 90 <= (edition.start_date - today).days <= 155
        assert (edition.end_date - edition.start_date).days == 4
        assert str(edition.start_date.year) in edition.name
        assert str(edition.start_date.year) in edition.slug
        # The content is kept; the grid and the agenda have their activities.
        grid = presenters.organiser_grid(edition, edition.start_date)
        assert len(grid.items) >= 6
        agenda = client.get(reverse("programme:agenda", args=[edition.slug])).content.decode()
        assert agenda.count('class="card"') == 40
        client.force_login(organiser)  # in the frozen time: a session from today would have expired
        manage = client.get(
            reverse("programme:manage_grid", args=[edition.slug, edition.start_date.isoformat()])
        )
        assert manage.status_code == 200
        # The member's favourites, one of them clashing; the festival-goers' stars.
        agenda = selectors.agenda_for_user(member, edition)
        assert len(agenda) == 5
        assert selectors.favourite_clashes(edition, agenda)
        assert Favourite.objects.filter(activity__event__edition=edition).count() > 1000
        # Loading again the same day changes nothing.
        assert not programme_demo_load().created
        # The optimiser still has work and does it.
        with django_capture_on_commit_callbacks(execute=True):
            run = services.programme_run_start(edition=edition, user=None, time_limit=2, seed=0)
        run.refresh_from_db()
    assert run.status == ProgrammeRun.Status.DONE, run.error
    assert run.stats["missed_favourites"] < run.stats["baseline_missed_favourites"]


def test_demo_takes_today_as_a_parameter():
    result = programme_demo_load(today=dt.date(2030, 6, 14))  # a Friday
    assert (result.edition.start_date, result.edition.end_date) == (
        dt.date(2030, 10, 14),
        dt.date(2030, 10, 18),
    )
