"""The e-mail outbox: written with the change, sent after commit, retried with growing delays."""

import datetime as dt
import io
import smtplib
import threading

import pytest
import time_machine
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from maillage.common import outbox
from maillage.common.models import OutboundEmail

pytestmark = pytest.mark.django_db


class DownBackend(BaseEmailBackend):
    """A mail server that refuses every message, as one that is down does."""

    def send_messages(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


class HungBackend(BaseEmailBackend):
    """A mail server that answers only when the test lets it (`release`), as a hung one does."""

    started, release = threading.Event(), threading.Event()
    in_transaction: list[bool] = []

    def send_messages(self, messages):
        HungBackend.in_transaction.append(connection.in_atomic_block)
        HungBackend.started.set()
        assert HungBackend.release.wait(timeout=30)
        return len(messages)


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


def test_a_sent_email_keeps_its_record_but_not_its_texts():
    """A password-reset or invitation link must not stay readable in the outbox (or in backups)."""
    row = OutboundEmail.objects.create(
        to="a@example.org", subject="Mot de passe", body="https://x/reset/abc", html="<a>reset</a>"
    )
    assert outbox.email_deliver(row.pk) is True
    row.refresh_from_db()
    assert (row.to, row.subject, row.status, row.sent is not None) == (
        "a@example.org",
        "Mot de passe",
        "sent",
        True,
    )
    assert (row.body, row.html) == ("", "")
    assert mail.outbox[0].body == "https://x/reset/abc"


@pytest.mark.django_db(transaction=True)
def test_the_database_stays_writable_while_the_mail_server_hangs(settings):
    settings.EMAIL_BACKEND = "tests.common.test_outbox.HungBackend"
    HungBackend.started.clear(), HungBackend.release.clear(), HungBackend.in_transaction.clear()
    row = OutboundEmail.objects.create(to="a@example.org", subject="Lent", body="Corps")
    results: list[bool] = []

    def deliver():
        try:
            results.append(outbox.email_deliver(row.pk))
        finally:
            connection.close()

    sender = threading.Thread(target=deliver)
    sender.start()
    try:
        assert HungBackend.started.wait(timeout=30)
        assert OutboundEmail.objects.get(pk=row.pk).status == "sending"  # claimed, and committed
        with transaction.atomic():  # another write, while the send goes on
            other = OutboundEmail.objects.create(to="b@example.org", subject="Autre", body="Corps")
        assert outbox.email_deliver(row.pk) is False  # never two workers on one row
    finally:
        HungBackend.release.set()
        sender.join(timeout=30)
    assert (results, HungBackend.in_transaction) == ([True], [False])
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 1)
    assert OutboundEmail.objects.get(pk=other.pk).status == "pending"


def test_an_email_whose_worker_died_while_sending_is_sent_once_its_lease_runs_out():
    now = timezone.now()
    row = OutboundEmail.objects.create(
        to="a@example.org", subject="Repris", body="Corps", status="sending", attempts=1,
        next_attempt=now + dt.timedelta(minutes=5),
    )  # fmt: skip
    assert outbox.emails_due_send() == 0  # its worker may still be at it
    assert mail.outbox == []
    with time_machine.travel(now + dt.timedelta(minutes=6)):
        assert outbox.emails_due_send() == 1
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 2)
    assert [m.subject for m in mail.outbox] == ["Repris"]


def test_a_hung_mail_server_costs_an_attempt_not_a_worker():
    """Django's SMTP connection waits for ever unless told otherwise."""
    from django.core.mail import get_connection

    assert get_connection("django.core.mail.backends.smtp.EmailBackend").timeout == 20
