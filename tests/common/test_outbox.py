"""The e-mail outbox: written with the change, sent after commit, retried with growing delays."""

import datetime as dt
import io
import smtplib

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from maillage.common import outbox
from maillage.common.models import OutboundEmail

pytestmark = pytest.mark.django_db


class DownBackend(BaseEmailBackend):
    """A mail server that refuses every message, as one that is down does."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_an_email_is_written_with_the_change_and_sent_after_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        outbox.email_queue(subject="Bonjour", body="Corps", to=["a@example.org", "b@example.org"])
        assert mail.outbox == []  # nothing leaves before the change is committed
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    rows = OutboundEmail.objects.all()
    assert {(r.status, r.attempts, r.sent is not None) for r in rows} == {("sent", 1, True)}


def test_a_change_rolled_back_sends_nothing(django_capture_on_commit_callbacks):
    def change_that_fails():
        with transaction.atomic():
            outbox.email_queue(subject="Jamais", body="Corps", to=["a@example.org"])
            raise RuntimeError("the change fails")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        change_that_fails()
    assert (mail.outbox, OutboundEmail.objects.count()) == ([], 0)


def test_an_email_the_server_refuses_waits_and_is_retried_later(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.common.test_outbox.DownBackend"
    with django_capture_on_commit_callbacks(execute=True):
        (row,) = outbox.email_queue(subject="Patience", body="Corps", to=["a@example.org"])
    row.refresh_from_db()
    assert (row.status, row.attempts, "SMTPServerDisconnected" in row.error) == ("pending", 1, True)
    assert row.next_attempt > timezone.now() + dt.timedelta(seconds=50)
    assert outbox.emails_due_send() == 0  # not due yet: nothing tried
    row.refresh_from_db()
    assert row.attempts == 1

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with time_machine.travel(row.next_attempt + dt.timedelta(seconds=1)):
        assert outbox.emails_due_send() == 1
    row.refresh_from_db()
    assert (row.status, row.attempts, row.error) == ("sent", 2, "")
    assert [m.subject for m in mail.outbox] == ["Patience"]
    assert outbox.emails_due_send() == 0  # never twice
    assert outbox.email_deliver(row.pk) is False
    assert len(mail.outbox) == 1


def test_delays_double_up_to_a_ceiling_and_an_email_is_given_up_at_last(settings):
    assert [outbox.retry_delay(n).total_seconds() / 60 for n in (1, 2, 3, 4)] == [1, 2, 4, 8]
    assert outbox.retry_delay(30) == outbox.MAX_DELAY
    settings.EMAIL_BACKEND = "tests.common.test_outbox.DownBackend"
    row = OutboundEmail.objects.create(to="a@example.org", subject="Perdu", body="Corps")
    for _ in range(outbox.MAX_ATTEMPTS):
        OutboundEmail.objects.filter(pk=row.pk).update(next_attempt=timezone.now())
        outbox.emails_due_send()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("failed", outbox.MAX_ATTEMPTS)
    assert outbox.email_deliver(row.pk) is False


def test_the_command_sends_what_waits():
    OutboundEmail.objects.create(to="a@example.org", subject="En attente", body="Corps")
    out = io.StringIO()
    call_command("outbox_send", stdout=out)
    assert out.getvalue().strip() == "1"
    assert [m.subject for m in mail.outbox] == ["En attente"]
    assert OutboundEmail.objects.get().status == "sent"
