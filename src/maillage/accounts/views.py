"""Log-in with its checks (devices, organisers' second factor), the second factor's pages, and the
organisers' page to lift a lock or reset someone's second factor."""

import base64

import django_otp
import segno
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from maillage.common.http import client_ip

from . import services
from .forms import LoginForm, TokenForm
from .lockout import cool_off
from .middleware import session_organiser_start
from .models import User
from .permissions import organiser_required


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        services.device_seen(
            user=user, user_agent=self.request.headers.get("User-Agent", ""), ip=client_ip(self.request)
        )
        if user.is_organiser:
            session_organiser_start(self.request)
        return response


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Choosing a new password through the e-mailed link proves the account is one's own: it also lifts a
    log-in lock on the account and on the address it was chosen from."""

    def form_valid(self, form):
        response = super().form_valid(form)
        services.login_unlock(username=self.user.email, ip=client_ip(self.request) or "")
        return response


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


@login_required
def second_factor(request):
    """The code from the authenticator app, asked once per session."""
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    if device is None:
        return redirect(f"{reverse('accounts:second_factor_setup')}?{request.GET.urlencode()}")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            form.add_error("token", _("Too many wrong codes: wait a moment, then try again."))
        elif device.verify_token(form.cleaned_data["token"]):
            django_otp.login(request, device)
            return HttpResponseRedirect(_next_url(request))  # a URL, never a view name
        else:
            form.add_error("token", _("This code is not the right one, or it has expired."))
    return render(request, "accounts/second_factor.html", {"form": form, "next": _next_url(request)})


@login_required
def second_factor_setup(request):
    """Set up the authenticator app: scan the QR code (or type the key), then give the first code.

    A person who already has a device must have used it in this session first, so that a stolen password
    alone cannot replace it."""
    has_device = TOTPDevice.objects.filter(user=request.user, confirmed=True).exists()
    if has_device and not request.user.is_verified():
        return redirect(f"{reverse('accounts:second_factor')}?{request.GET.urlencode()}")
    device = services.totp_device_pending(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not device.verify_is_allowed()[0]:
            form.add_error("token", _("Too many wrong codes: wait a moment, then try again."))
        elif services.totp_device_confirm(device=device, token=form.cleaned_data["token"], request=request):
            django_otp.login(request, device)
            messages.success(request, _("Your second factor is set up."))
            return HttpResponseRedirect(_next_url(request))  # a URL, never a view name
        else:
            form.add_error(
                "token", _("This code is not the right one: check the time of your phone and try again.")
            )
    qr = segno.make(device.config_url, error="m")
    return render(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "next": _next_url(request),
            "qr_data_uri": qr.svg_data_uri(scale=5, dark="#111", border=2),
            "secret": base64.b32encode(device.bin_key).decode(),
        },
    )


def _locks() -> list[AccessAttempt]:
    since = timezone.now() - cool_off()
    return list(
        AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT, attempt_time__gte=since
        ).order_by("-attempt_time")
    )


@organiser_required
def security(request):
    """Locked log-ins (to lift early) and organisers' second factors (to reset after a lost phone)."""
    organisers = (
        User.objects.filter(is_active=True)
        .filter(role=User.Role.ORGANISER)
        .order_by("email")
        .only("pk", "email", "name")
    )
    with_device = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    return render(
        request,
        "accounts/security.html",
        {
            "locks": _locks(),
            "organisers": [(user, user.pk in with_device) for user in organisers],
            "minutes": settings.MAILLAGE_LOGIN_COOLOFF_MINUTES,
        },
    )


@organiser_required
@require_POST
def unlock(request):
    cleared = services.login_unlock(
        username=request.POST.get("username", ""),
        ip=request.POST.get("ip", ""),
        by=request.user,
        request=request,
    )
    if cleared:
        messages.success(request, _("The lock is lifted."))
    return redirect("accounts:security")


@organiser_required
@require_POST
def second_factor_reset(request, pk):
    user = get_object_or_404(User, pk=pk)
    services.totp_devices_remove(user=user, by=request.user, request=request)
    messages.success(
        request, _("%(name)s will set up a new second factor at their next log-in.") % {"name": user}
    )
    return redirect("accounts:security")
