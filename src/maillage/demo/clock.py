"""Replaying the past: the demo's finished mission went through steps that the services allow only before
they happen (a scheduling run takes the slots that have not begun yet). `as_of` sets the clock every service
reads (`django.utils.timezone.now`, the one `auto_now` fields read too) to a past moment for the steps of
that day, so they run through the real services, dated as they would have been.

Only for loading the demo, from its command, on one thread: the clock is the process's.
"""

import datetime as dt
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import timezone


@contextmanager
def as_of(moment: dt.datetime) -> Iterator[None]:
    """The clock at `moment` (aware) and running from there while the block runs, then back to the real one."""
    if timezone.is_naive(moment):
        raise ValueError("as_of needs an aware moment.")
    real_now, started = timezone.now, time.monotonic()

    def now() -> dt.datetime:
        return moment + dt.timedelta(seconds=time.monotonic() - started)

    timezone.now = now
    try:
        yield
    finally:
        timezone.now = real_now
