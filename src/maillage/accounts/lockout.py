"""django-axes' hooks: how long a lock lasts, whose account a log-in names, and the page a locked visitor sees."""

import datetime as dt

from django.conf import settings
from django.shortcuts import render


def cool_off(request=None) -> dt.timedelta:
    return dt.timedelta(minutes=settings.MAILLAGE_LOGIN_COOLOFF_MINUTES)


def username_of(request, credentials=None) -> str:
    """The address typed, folded as the log-in form folds it: "A@x.org " and "a@x.org" are one account."""
    value = (credentials or {}).get("username")
    if value is None and request is not None:
        value = getattr(request, "POST", {}).get("username")
    return (value or "").strip().lower()


def lockout_response(request, original_response=None, credentials=None):
    return render(
        request,
        "accounts/locked.html",
        {"minutes": settings.MAILLAGE_LOGIN_COOLOFF_MINUTES},
        status=429,
    )
