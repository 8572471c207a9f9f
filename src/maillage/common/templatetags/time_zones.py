"""Time zones on pages, in the words of :mod:`maillage.common.timezones`."""

from django import template

from maillage.common.timezones import timezone_label

register = template.Library()


@register.filter
def zone_name(value) -> str:
    """ "Québec, Montréal, Toronto" for "America/Toronto"."""
    return timezone_label(value) if value else ""
