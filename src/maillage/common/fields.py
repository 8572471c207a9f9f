"""Model fields shared by the apps."""

import functools
import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


@functools.cache
def zone(name: str) -> zoneinfo.ZoneInfo:
    """The IANA zone of that name (cached: pages ask for the same few zones thousands of times)."""
    return zoneinfo.ZoneInfo(name)


def validate_timezone(value: str) -> None:
    try:
        zone(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError):
        raise ValidationError(
            _("Unknown time zone: %(value)s"), params={"value": value}, code="timezone"
        ) from None


class TimeZoneField(models.CharField):
    """An IANA time-zone name ("America/Toronto"), checked on validation.

    The model gets a property giving the `ZoneInfo`: ``tzinfo`` for a field named ``timezone``, else
    ``<name>_tzinfo`` (``arrival_timezone`` → ``arrival_timezone_tzinfo``), so that code never builds zones
    from strings by hand.
    """

    default_validators = [validate_timezone]
    description = _("Time zone")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 64)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if kwargs.get("max_length") == 64:
            del kwargs["max_length"]
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, private_only=False):
        super().contribute_to_class(cls, name, private_only=private_only)
        attribute = "tzinfo" if name == "timezone" else f"{name}_tzinfo"
        if not hasattr(cls, attribute):
            setattr(
                cls, attribute, property(lambda obj: zone(getattr(obj, name)) if getattr(obj, name) else None)
            )
