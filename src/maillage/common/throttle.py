"""Counting actions per key in the shared cache, for the few things strangers can do without an account
(a reset e-mail, a visitor's star). Log-ins have django-axes, which also records attempts; these need only a
count that expires.

The count lives in the cache: with Redis (production) it is shared by every app process; with the embedded
default each process counts on its own, which still bounds a flood. A cache that is down counts nothing and
lets the action through: being reachable matters more here than the bound."""

from django.core.cache import cache


def throttle_allow(key: str, *, limit: int, seconds: int) -> bool:
    """True while ``key`` has been counted at most ``limit`` times in the current window of ``seconds``
    (the window starts at the first count), counting this call."""
    key = f"throttle:{key}"
    cache.add(key, 0, timeout=seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: this call opens a new window
        cache.set(key, 1, timeout=seconds)
        return True
    return count is None or count <= limit
