"""Organisers see everyone's data: their sessions are shorter, and, when MAILLAGE_REQUIRE_TOTP is on, every
page but the second-factor ones waits for their code."""

import time
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTH_AT = "maillage_auth_at"


def session_organiser_start(request) -> None:
    """Called at an organiser's log-in: the session ends with the browser, and after at most
    MAILLAGE_ORGANISER_SESSION_HOURS."""
    request.session.set_expiry(0)
    request.session[AUTH_AT] = int(time.time())


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _open_paths(self) -> tuple[str, ...]:
        return (
            reverse("accounts:second_factor"),
            reverse("accounts:second_factor_setup"),
            reverse("accounts:logout"),
            reverse("set_language"),
            reverse("health"),
            "/" + settings.STATIC_URL.lstrip("/"),
        )

    def __call__(self, request):
        user = request.user
        if user.is_authenticated and user.is_organiser:
            started = request.session.setdefault(AUTH_AT, int(time.time()))
            if time.time() - started > settings.MAILLAGE_ORGANISER_SESSION_HOURS * 3600:
                logout(request)
                return redirect(f"{reverse('accounts:login')}?{urlencode({'next': request.get_full_path()})}")
            if (
                settings.MAILLAGE_REQUIRE_TOTP
                and not user.is_verified()
                and not request.path_info.startswith(self._open_paths())
            ):
                confirmed = TOTPDevice.objects.filter(user=user, confirmed=True).exists()
                target = "accounts:second_factor" if confirmed else "accounts:second_factor_setup"
                return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
