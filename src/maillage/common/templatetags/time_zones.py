"""Time zones on pages and in e-mails, by their places (:mod:`maillage.common.timezones`)."""

from django import template

from maillage.common.timezones import timezone_places

register = template.Library()


@register.filter
def zone_places(value) -> str:
    """A reader knows the places they live in, not IANA's names."""
    return timezone_places(value) if value else ""
