"""The session engine (common/sessions.py) reads Django's session table with its own select: the same
sessions must open, and expired, unknown or logged-out ones must not."""

import datetime as dt

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone

from maillage.common.sessions import SessionStore
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_project_uses_it():
    assert settings.SESSION_ENGINE == "maillage.common.sessions"


def test_a_saved_session_is_read_back():
    store = SessionStore()
    store["answer"] = 42
    store.create()
    again = SessionStore(store.session_key)
    assert again["answer"] == 42
    assert again.session_key == store.session_key


def test_an_expired_or_unknown_session_is_empty_and_replaced():
    store = SessionStore()
    store["answer"] = 42
    store.create()
    Session.objects.filter(session_key=store.session_key).update(
        expire_date=timezone.now() - dt.timedelta(seconds=1)
    )
    expired = SessionStore(store.session_key)
    assert dict(expired.items()) == {}
    assert expired.session_key is None
    unknown = SessionStore("x" * 32)
    assert dict(unknown.items()) == {}
    assert unknown.session_key is None


def test_a_logged_out_cookie_no_longer_logs_in(client):
    user = UserFactory()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    assert client.get(reverse("privacy:my_data")).status_code == 200
    client.post(reverse("accounts:logout"))
    client.cookies[settings.SESSION_COOKIE_NAME] = cookie  # the old cookie, kept by someone
    response = client.get(reverse("privacy:my_data"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
