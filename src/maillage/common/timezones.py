"""The time zones our users pick from, named as they say them.

An IANA name alone reads oddly: a visitor in Québec City told "America/Toronto" thinks of the wrong city. Forms
offer these zones as "Québec, Montréal, Toronto (America/Toronto)", and pages say "Québec, Montréal, Toronto",
so that every app names a zone one way."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

ZONES = [
    ("America/Toronto", _("Québec, Montréal, Toronto")),
    ("America/Halifax", _("New Brunswick, Nova Scotia")),
    ("America/Vancouver", _("Vancouver")),
    ("Europe/Paris", _("France")),
    ("Europe/Brussels", _("Belgium")),
    ("Europe/Madrid", _("Spain")),
    ("Europe/Andorra", _("Andorra")),
    ("Europe/Zurich", _("Switzerland")),
    ("Europe/Berlin", _("Germany")),
    ("Africa/Casablanca", _("Morocco")),
    ("Africa/Dakar", _("Senegal")),
    ("Asia/Tokyo", _("Japan")),
    ("UTC", "UTC"),
]
# the forms' choices: the places, then the zone's own name
TIMEZONES = [(name, format_lazy("{} ({})", words, name) if words != name else name) for name, words in ZONES]

_WORDS = dict(ZONES)


def timezone_label(name: str) -> str:
    """The places of a zone in the reader's language ("Québec, Montréal, Toronto"), or its IANA name when we
    have no words for it."""
    return str(_WORDS.get(str(name), name))
