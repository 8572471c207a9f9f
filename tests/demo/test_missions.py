import datetime as dt

import pytest

from maillage.demo.directory import directory_demo_load
from maillage.demo.missions import missions_demo_load
from maillage.missions import selectors
from maillage.missions.models import Mission

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_dated_from_today_with_a_finished_mission_and_an_open_call():
    directory_demo_load(organisations=40, people=120)
    today = dt.date(2026, 12, 1)
    first = missions_demo_load(today=today)
    again = missions_demo_load(today=today)
    assert (first.missions, again.missions) == (3, 0)
    finished = Mission.objects.get(slug="marseille-toulouse-labege")
    assert finished.end_date < today - dt.timedelta(days=90)
    figures = selectors.mission_figures(finished)
    assert figures.discoveries == 5
    assert figures.results_total > 0
    coming = Mission.objects.get(slug="french-tech-web-a-quebec")
    assert coming.status == Mission.Status.CALL_OPEN
    assert coming.start_date > today
    for mission in Mission.objects.all():
        assert selectors.itinerary_flags(mission, selectors.items_of(mission)) == {}
