"""Throttled log-ins, unlocking, password rules, organisers' second factor, sessions, new-device e-mails."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from maillage.accounts.models import KnownDevice
from maillage.common.models import AuditEvent
from tests.factories import PASSWORD, OrganiserFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

FIREFOX_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"
FIREFOX_LINUX_NEWER = "Mozilla/5.0 (X11; Linux x86_64; rv:134.0) Gecko/20100101 Firefox/134.0"
CHROME_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


def post_login(client, email, password, *, ip="198.51.100.7", agent=FIREFOX_LINUX, next_url=""):
    data = {"username": email, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("accounts:login"), data, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent)


# Throttling


def test_five_wrong_passwords_lock_the_account_with_a_clear_message(client, member, settings):
    statuses = [
        post_login(client, member.email, "wrong").status_code for _ in range(settings.AXES_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = post_login(client, member.email, PASSWORD)
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Connexion bloquée pour un moment" in page or "Log-in locked for a while" in page
    assert reverse("accounts:password_reset") in page
    # Another address gets no further with this account: the lock is on the account too.
    assert post_login(client, member.email, PASSWORD, ip="203.0.113.50").status_code == 429


def test_guessing_many_accounts_from_one_address_locks_the_address(client, settings):
    users = [UserFactory() for _ in range(settings.AXES_FAILURE_LIMIT)]
    for user in users:
        post_login(client, user.email, "wrong", ip="192.0.2.66")
    fresh = UserFactory()
    assert post_login(client, fresh.email, PASSWORD, ip="192.0.2.66").status_code == 429
    assert post_login(client, fresh.email, PASSWORD, ip="192.0.2.67").status_code == 302


def test_the_lock_ends_after_the_cool_off(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, member.email, "wrong")
    with time_machine.travel(
        timezone.now() + dt.timedelta(minutes=settings.MAILLAGE_LOGIN_COOLOFF_MINUTES + 1)
    ):
        assert post_login(client, member.email, PASSWORD).status_code == 302


def test_the_capitals_of_the_address_do_not_dodge_the_lock(client, member, settings):
    for n in range(settings.AXES_FAILURE_LIMIT):
        post_login(
            client, member.email.upper() if n % 2 else member.email, "wrong", ip=f"198.51.100.{n + 10}"
        )
    assert post_login(client, member.email, PASSWORD, ip="198.51.100.99").status_code == 429


def test_choosing_a_new_password_lifts_the_lock(client, member, settings, django_capture_on_commit_callbacks):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, member.email, "wrong")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": member.email})
    path = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Une-phrase-toute-neuve-7", "new_password2": "Une-phrase-toute-neuve-7"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert post_login(client, member.email, "Une-phrase-toute-neuve-7").status_code == 302


def test_an_organiser_lifts_a_lock_and_it_is_audited(client, member, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        post_login(client, member.email, "wrong")
    organiser = OrganiserFactory()
    client.force_login(organiser)
    page = client.get(reverse("accounts:security"))
    assert [lock.username for lock in page.context["locks"]] == [member.email]
    client.post(reverse("accounts:unlock"), {"username": member.email, "ip": "198.51.100.7"})
    client.logout()
    assert post_login(client, member.email, PASSWORD).status_code == 302
    event = AuditEvent.objects.get(action="accounts.unlocked")
    assert (event.actor, event.params["account"], event.params["address"]) == (organiser, True, True)


def test_members_cannot_see_or_lift_locks(member_client):
    assert member_client.get(reverse("accounts:security")).status_code == 403
    assert member_client.post(reverse("accounts:unlock"), {"username": "x@example.org"}).status_code == 403


def test_reset_e_mails_are_limited_per_account(client, member, django_capture_on_commit_callbacks):
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("accounts:password_reset"), {"email": member.email})
        assert response.status_code == 302  # the same answer every time: nothing to learn from it
    assert len(mail.outbox) == 3


def test_short_and_common_passwords_are_refused(client, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": member.email})
    path = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    form_url = client.get(path, follow=True).redirect_chain[-1][0]
    for weak in ("Court-9", "password123", "1234567890123"):
        response = client.post(form_url, {"new_password1": weak, "new_password2": weak})
        assert response.status_code == 200
        assert response.context["form"].errors["new_password2"]


# Second factor for organisers


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, digits=device.digits, drift=0):06d}"


def test_an_organiser_sets_up_the_second_factor_at_first_log_in_then_is_asked_for_it(client, settings):
    settings.MAILLAGE_REQUIRE_TOTP = True
    organiser = OrganiserFactory()
    target = reverse("privacy:audit_log")
    response = post_login(client, organiser.email, PASSWORD, next_url=target)
    setup = client.get(response.url, follow=True)
    assert setup.redirect_chain[-1][0].startswith(reverse("accounts:second_factor_setup"))
    page = setup.content.decode()
    assert 'src="data:image/svg+xml' in page
    assert "<script" not in page.split("</head>")[1]
    device = TOTPDevice.objects.get(user=organiser, confirmed=False)
    wrong = client.post(setup.redirect_chain[-1][0], {"token": "000000", "next": target})
    assert wrong.status_code == 200
    assert client.get(target).status_code == 302
    with time_machine.travel(
        timezone.now() + dt.timedelta(seconds=5)
    ):  # past the short wait after a wrong code
        done = client.post(setup.redirect_chain[-1][0], {"token": _code(device), "next": target})
        assert done.url == target
        assert client.get(target).status_code == 200

    client.post(reverse("accounts:logout"))
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2)):
        response = post_login(client, organiser.email, PASSWORD)
        ask = client.get(response.url)
        assert ask.url.startswith(reverse("accounts:second_factor"))
        assert client.get(reverse("privacy:audit_log")).status_code == 302
        device.refresh_from_db()
        assert client.post(ask.url, {"token": "123456"}).status_code == 200
    with time_machine.travel(timezone.now() + dt.timedelta(minutes=2, seconds=5)):
        assert client.post(ask.url, {"token": _code(device)}).status_code == 302
        assert client.get(reverse("privacy:audit_log")).status_code == 200


def test_a_password_alone_cannot_replace_an_organisers_device(client, settings):
    settings.MAILLAGE_REQUIRE_TOTP = True
    organiser = OrganiserFactory()
    TOTPDevice.objects.create(user=organiser, name="phone", confirmed=True)
    post_login(client, organiser.email, PASSWORD)
    response = client.get(reverse("accounts:second_factor_setup"))
    assert response.url.startswith(reverse("accounts:second_factor"))
    assert TOTPDevice.objects.filter(user=organiser).count() == 1


def test_members_are_not_asked_for_a_second_factor(client, member, settings):
    settings.MAILLAGE_REQUIRE_TOTP = True
    post_login(client, member.email, PASSWORD)
    response = client.get(reverse("directory:my_profile"), follow=True)
    assert response.status_code == 200
    assert all("second-facteur" not in url for url, _status in response.redirect_chain)


def test_an_organiser_resets_a_colleagues_lost_device(client, settings):
    settings.MAILLAGE_REQUIRE_TOTP = False
    colleague = OrganiserFactory()
    TOTPDevice.objects.create(user=colleague, name="phone", confirmed=True)
    client.force_login(OrganiserFactory())
    client.post(reverse("accounts:second_factor_reset", args=[colleague.pk]))
    assert TOTPDevice.objects.filter(user=colleague).count() == 0
    assert AuditEvent.objects.filter(action="accounts.totp_removed", object_id=str(colleague.pk)).count() == 1


# Sessions


def test_an_organisers_session_ends_with_the_browser_and_after_its_hours(client, settings):
    organiser = OrganiserFactory()
    post_login(client, organiser.email, PASSWORD)
    assert client.session.get_expire_at_browser_close()
    assert client.get(reverse("accounts:security")).status_code == 200
    later = timezone.now() + dt.timedelta(hours=settings.MAILLAGE_ORGANISER_SESSION_HOURS + 1)
    with time_machine.travel(later):
        response = client.get(reverse("accounts:security"))
    assert response.url.startswith(reverse("accounts:login"))


def test_a_members_session_lasts_the_configured_age(client, member, settings):
    post_login(client, member.email, PASSWORD)
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE


# New devices


def test_a_log_in_from_a_new_device_is_e_mailed_in_the_persons_language(
    client, django_capture_on_commit_callbacks
):
    user = UserFactory(language="en")
    PersonFactory(user=user, email=user.email)
    with django_capture_on_commit_callbacks(execute=True):
        post_login(client, user.email, PASSWORD, agent=FIREFOX_LINUX)  # the first device: expected
        client.logout()
        post_login(client, user.email, PASSWORD, agent=FIREFOX_LINUX_NEWER, ip="198.51.100.200")  # same
        client.logout()
    assert mail.outbox == []
    with django_capture_on_commit_callbacks(execute=True):
        post_login(client, user.email, PASSWORD, agent=CHROME_WINDOWS)
    [message] = mail.outbox
    assert (message.to, message.subject) == ([user.email], "Maillage: a log-in from a new device")
    assert "Chrome · Windows" in message.body
    assert "198.51.100.0/24" in message.body
    assert reverse("accounts:password_reset") in message.body
    assert KnownDevice.objects.filter(user=user).count() == 2


def test_a_known_browser_on_another_network_is_a_new_device(
    client, member, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_login(client, member.email, PASSWORD, ip="198.51.100.7")
        client.logout()
        post_login(client, member.email, PASSWORD, ip="2001:db8:1::5")
    [message] = mail.outbox
    assert "2001:db8:1::/48" in message.body
    assert "nouvel appareil" in message.subject or "new device" in message.subject
