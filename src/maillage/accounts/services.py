import hashlib

from axes.utils import reset as axes_reset
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp.plugins.otp_totp.models import TOTPDevice

from maillage.common.audit import audit_record
from maillage.common.emails import email_send_later
from maillage.common.http import ip_network
from maillage.common.throttle import throttle_allow

from .devices import device_label
from .models import KnownDevice, User


def password_set_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:password_reset_confirm", args=[uid, token])


@transaction.atomic
def user_account(*, email: str, name: str, language: str, role: str = User.Role.MEMBER) -> tuple[User, bool]:
    """The account of this address, created without a password when there is none (never duplicated);
    returns it and whether it was created. The caller's e-mail carries the link to choose a password: this
    module's invitation (`user_invite`), or an app's own (a call for proposals' invitation to submit)."""
    user, created = User.objects.get_or_create(
        email=email.strip().lower(), defaults={"name": name, "language": language, "role": role}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user, created


@transaction.atomic
def user_invite(
    *, email: str, name: str, language: str, invited_by: User, role: str = User.Role.MEMBER
) -> User:
    """Create (or reuse) the account for email and send a link to choose a password.

    An existing account is re-invited rather than duplicated, so an organiser may click twice safely.
    """
    user, _created = user_account(email=email, name=name, language=language, role=role)
    email_send_later(
        to=user.email,
        language=user.language,
        template="accounts/email/invitation",
        context={"user": user, "invited_by": invited_by, "url": password_set_url(user)},
    )
    return user


# Devices, second factor, unlocking


def _fingerprint(label: str, network: str) -> str:
    return hashlib.sha256(f"{label}|{network}".encode()).hexdigest()


@transaction.atomic
def device_seen(*, user: User, user_agent: str, ip: str | None) -> bool:
    """Note the device of a successful log-in; e-mail the person, in their language, when it is new to an
    account that already had one (the very first log-in is expected, so it is not announced). True when
    an e-mail goes out."""
    label = device_label(user_agent or "")
    network = ip_network(ip)
    now = timezone.now()
    device, created = KnownDevice.objects.get_or_create(
        user=user,
        fingerprint=_fingerprint(label, network),
        defaults={"label": label, "network": network, "last_seen": now},
    )
    if not created:
        KnownDevice.objects.filter(pk=device.pk).update(last_seen=now)
        return False
    if not KnownDevice.objects.filter(user=user).exclude(pk=device.pk).exists():
        return False
    email_send_later(
        to=user.email,
        language=user.language,
        template="accounts/email/new_device",
        context={
            "user": user,
            "device": label,
            "network": network or "?",
            "when": now,
            "url": settings.SITE_URL + reverse("accounts:password_reset"),
        },
    )
    return True


def totp_device_pending(user: User) -> TOTPDevice:
    """The device being set up (not yet confirmed by a first code): one at a time, kept across reloads so
    the QR code scanned stays the one checked."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name="Maillage", confirmed=False)


@transaction.atomic
def totp_device_confirm(*, device: TOTPDevice, token: str, request=None) -> bool:
    """Confirm the device being set up with its first code; it then replaces any older device."""
    if not device.verify_is_allowed()[0] or not device.verify_token(token.strip().replace(" ", "")):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    audit_record(action="accounts.totp_enrolled", request=request, obj=device.user)
    return True


@transaction.atomic
def totp_devices_remove(*, user: User, by: User, request=None) -> int:
    """An organiser removes someone's second factor (a lost phone): they set up a new one at their next
    log-in."""
    count, _ = TOTPDevice.objects.filter(user=user).delete()
    audit_record(action="accounts.totp_removed", request=request, actor=by, obj=user)
    return count


def login_unlock(*, username: str = "", ip: str = "", by: User | None = None, request=None) -> int:
    """Lift the lock on an account (its e-mail) or an address before its cool-off ends. Returns how many
    attempt records were cleared."""
    cleared = 0
    if username:
        cleared += axes_reset(username=username.strip().lower())
    if ip:
        cleared += axes_reset(ip=ip)
    if by is not None:
        audit_record(
            action="accounts.unlocked",
            request=request,
            actor=by,
            object_type="accounts.login",
            params={"account": bool(username), "address": bool(ip), "cleared": cleared},
        )
    return cleared


def password_reset_allowed(user: User) -> bool:
    """At most PASSWORD_RESETS_PER_HOUR reset e-mails per account: a stranger cannot flood someone's inbox
    (the page says the same either way, so it tells nothing about the account)."""
    return throttle_allow(f"password-reset:{user.pk}", limit=PASSWORD_RESETS_PER_HOUR, seconds=3600)


PASSWORD_RESETS_PER_HOUR = 3
