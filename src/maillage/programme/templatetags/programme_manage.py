from django import template
from django.utils.translation import gettext_lazy as _

register = template.Library()

CONFLICT_LABELS = {
    "room_double_booked": _("Room double-booked."),
    "room_too_small": _("Room too small."),
    "speaker_double_booked": _("Speaker in two places."),
    "speaker_unavailable": _("Speaker unavailable."),
    "room_unavailable": _("Room unavailable."),
    "same_track_audience": _("Same track and audience at once."),
    "off_grid": _("Outside the edition's days and hours."),
    "day_not_allowed": _("Day not allowed."),
    "fixed_moved": _("Fixed activity moved."),
    "missed_favourites": _("Starred together."),
}


@register.simple_tag
def get_item(mapping, key):
    return mapping.get(key)


@register.filter
def conflict_label(conflict) -> str:
    return CONFLICT_LABELS.get(conflict.kind, conflict.kind)


@register.filter
def conflict_kind_label(kind: str) -> str:
    return CONFLICT_LABELS.get(kind, kind)
