"""Zones are named one way across the apps: the places in the reader's language, the IANA name in forms."""

from django.template import Context, Template
from django.utils import translation

from maillage.common.timezones import TIMEZONES, timezone_label
from maillage.matchmaking.forms import SessionForm
from maillage.missions.forms import CityForm


def test_a_zone_is_named_by_its_places_in_the_readers_language_and_an_unknown_one_by_its_name():
    with translation.override("fr"):
        assert timezone_label("America/Toronto") == "Québec, Montréal, Toronto"
        assert timezone_label("Europe/Berlin") == "Allemagne"
        assert timezone_label("America/Halifax") == "Nouveau-Brunswick, Nouvelle-Écosse"
    with translation.override("en"):
        assert timezone_label("Europe/Berlin") == "Germany"
    assert timezone_label("Pacific/Auckland") == "Pacific/Auckland"


def test_forms_offer_the_places_then_the_zones_own_name_and_every_app_the_same_list():
    with translation.override("fr"):
        choices = {name: str(label) for name, label in TIMEZONES}
        assert choices["Europe/Brussels"] == "Belgique (Europe/Brussels)"
        assert choices["UTC"] == "UTC"
        assert SessionForm().fields["timezone"].choices == CityForm().fields["timezone"].choices


def test_pages_say_the_places_with_the_filter():
    page = Template("{% load time_zones %}{{ zone|zone_name }}|{{ empty|zone_name }}")
    with translation.override("fr"):
        assert page.render(Context({"zone": "Europe/Paris", "empty": ""})) == "France|"
