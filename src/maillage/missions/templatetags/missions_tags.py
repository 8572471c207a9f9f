"""Template helpers of the missions pages: times in their own place's zone, and the organisation block."""

from django import template

from .. import presenters, selectors

register = template.Library()


@register.filter
def local(value, zone):
    """An aware time as a naive one in `zone` (so the page shows it in that place's zone, not the server's)."""
    if value is None or zone is None:
        return value
    return value.astimezone(zone).replace(tzinfo=None)


@register.filter
def zone_label(value):
    """The zone's abbreviation at that moment ("EDT", "CET"), or its name."""
    return value.tzname() if value is not None and value.tzinfo is not None else ""


@register.inclusion_tag("missions/_organisation_missions.html", takes_context=True)
def organisation_missions(context, organisation):
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None:
        return {"rows": []}
    return {
        "rows": selectors.missions_for_organisation(organisation, user=user),
        "organisation": organisation,
    }


@register.simple_tag
def flag_text(flag):
    return presenters.flag_text(flag)


@register.filter
def get_flags(flags, pk):
    return flags.get(pk, []) if flags else []
