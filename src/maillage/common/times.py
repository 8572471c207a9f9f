"""Aware datetimes: events span Québec and Paris, so a time without its zone is a bug, and a "day" is always
the day in the event's own time zone, never the server's."""

import datetime as dt
from collections.abc import Callable, Iterable
from itertools import groupby
from typing import TypeVar
from zoneinfo import ZoneInfo

from django.utils import timezone

T = TypeVar("T")


def require_aware(*moments: dt.datetime | None) -> None:
    for moment in moments:
        if moment is not None and timezone.is_naive(moment):
            raise ValueError("Times must be aware datetimes (with their time zone).")


def by_local_day(
    items: Iterable[T], tz: ZoneInfo, *, key: Callable[[T], dt.datetime]
) -> list[tuple[dt.date, list[T]]]:
    """Items already sorted by time, grouped by their day in `tz`."""
    return [
        (day, list(group)) for day, group in groupby(items, key=lambda item: key(item).astimezone(tz).date())
    ]
