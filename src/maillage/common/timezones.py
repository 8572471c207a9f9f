"""The time zones our users pick from, named by the places that keep them.

An IANA name alone reads oddly: a visitor in Québec City told "America/Toronto" thinks of the wrong city. Forms
offer these zones as "Est (Québec, Ontario) — America/Toronto", and pages and e-mails say "Est (Québec,
Ontario)", so that every app names a zone one way."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

ZONE_PLACES = [
    ("America/Toronto", _("Eastern (Québec, Ontario)")),
    ("America/Halifax", _("Atlantic (New Brunswick, Nova Scotia, Magdalen Islands)")),
    ("America/Vancouver", _("Pacific (British Columbia)")),
    ("Europe/Paris", _("France")),
    ("Europe/Brussels", _("Belgium")),
    ("Europe/Madrid", _("Spain")),
    ("Europe/Andorra", _("Andorra")),
    ("Europe/Zurich", _("Switzerland")),
    ("Europe/Berlin", _("Germany")),
    ("Africa/Casablanca", _("Morocco")),
    ("Africa/Dakar", _("Senegal")),
    ("Asia/Tokyo", _("Japan")),
    ("UTC", None),
]
# the forms' choices: the places, then the zone's own name (lazy: nothing is translated at import)
TIMEZONE_CHOICES = [
    (name, format_lazy("{} — {}", places, name) if places is not None else name)
    for name, places in ZONE_PLACES
]

_PLACES = dict(ZONE_PLACES)


def timezone_places(name: str) -> str:
    """The places of a zone in the reader's language, or its IANA name when we have no words for it."""
    return str(_PLACES.get(str(name)) or name)
