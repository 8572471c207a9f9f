"""Zones are named one way across the apps: by their places in the reader's language, the IANA name beside
them in forms."""

import os
import subprocess
import sys

from django.template import Context, Template
from django.utils import translation

from maillage.common.timezones import TIMEZONE_CHOICES, timezone_places
from maillage.matchmaking.forms import SessionForm
from maillage.missions.forms import CityForm


def test_a_zone_is_named_by_its_places_in_the_readers_language_and_an_unknown_one_by_its_name():
    with translation.override("fr"):
        assert timezone_places("America/Toronto") == "Est (Québec, Ontario)"
        assert timezone_places("Europe/Berlin") == "Allemagne"
    with translation.override("en"):
        assert timezone_places("Europe/Berlin") == "Germany"
    assert timezone_places("UTC") == "UTC"
    assert timezone_places("Pacific/Auckland") == "Pacific/Auckland"


def test_forms_offer_the_places_then_the_zones_own_name_and_every_app_the_same_list():
    with translation.override("fr"):
        choices = {name: str(label) for name, label in TIMEZONE_CHOICES}
        assert choices["Europe/Brussels"] == "Belgique — Europe/Brussels"
        assert choices["UTC"] == "UTC"
        assert SessionForm().fields["timezone"].choices == CityForm().fields["timezone"].choices


def test_the_list_translates_nothing_when_imported_before_django_is_set_up():
    """A model field may take these choices one day: importing them must not need the translations yet."""
    code = "import maillage.common.timezones as t; print(len(t.TIMEZONE_CHOICES))"
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "maillage.settings"}  # settings, but no django.setup()
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env)
    assert (done.returncode, done.stderr) == (0, "")


def test_pages_say_the_places_with_the_filter():
    page = Template("{% load time_zones %}{{ zone|zone_places }}|{{ empty|zone_places }}")
    with translation.override("fr"):
        assert page.render(Context({"zone": "Europe/Paris", "empty": ""})) == "France|"
