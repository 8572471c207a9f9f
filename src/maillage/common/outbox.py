"""The e-mail outbox: every e-mail is a row written in the caller's transaction, then sent from it.

Handing an e-mail to Celery after commit loses it when the broker is down (the hand-over fails after the
change is saved). A row written with the change cannot be lost that way: after commit the row's delivery
task is queued for a prompt send (run in line in the embedded set-up, where there is no broker), and the
periodic `emails_due_send` (Celery beat, or the `outbox_send` command) sends whatever is still waiting, so an
e-mail written while the broker or the mail server was down goes out once they are back.

No transaction is open while the mail server is talked to (a slow or hung one would otherwise hold, on
SQLite, the one write lock of the whole site): a short transaction claims the row ("sending", with a lease
of SEND_LEASE, the attempt counted), the e-mail is sent, and a second short one marks it sent or failed. Two
workers never send a row at once; a worker that dies while sending leaves its row "sending" until the lease
runs out, then the periodic send takes it again (a crash between the SMTP server's answer and the second
transaction may send it twice, which is the lesser harm). A sent e-mail keeps only its record (address,
subject, date): its texts, which may hold a password-reset or invitation link, are blanked at once."""

import datetime as dt
import logging
from collections.abc import Iterable

from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import OutboundEmail

logger = logging.getLogger(__name__)

# Attempts before an e-mail is given up (logged as an error); the delays between them double from one
# minute up to six hours, so about a day and a half of outage is waited out.
MAX_ATTEMPTS = 10
MAX_DELAY = dt.timedelta(hours=6)
# How long a row being sent is left to its worker before another may take it: well beyond a send that
# settings.EMAIL_TIMEOUT bounds (each of the SMTP exchanges gives up after it).
SEND_LEASE = dt.timedelta(minutes=10)


def email_queue(*, subject: str, body: str, to: Iterable[str], html: str = "") -> list[OutboundEmail]:
    """Write the e-mail (one row per recipient) in the current transaction; it is sent after commit."""
    rows = [OutboundEmail.objects.create(to=a, subject=subject, body=body, html=html or "") for a in to]
    ids = [row.pk for row in rows]
    # robust: a broker that is down must not undo the caller's page; the periodic send picks the rows up.
    transaction.on_commit(lambda: _deliver_soon(ids), robust=True)
    return rows


def _deliver_soon(ids: list[int]) -> None:
    from .tasks import outbound_email_deliver  # the tasks module imports this one

    for pk in ids:
        outbound_email_deliver.delay(pk)


def retry_delay(attempts: int) -> dt.timedelta:
    return min(dt.timedelta(minutes=2 ** max(attempts - 1, 0)), MAX_DELAY)


def email_deliver(pk: int) -> bool:
    """Send one waiting e-mail and mark it sent; on failure count the attempt and set the next one (or give
    up after MAX_ATTEMPTS). False when it was not sent now (already sent, given up, being sent elsewhere,
    or the attempt failed)."""
    row = _claim(pk)
    if row is None:
        return False
    try:
        send_mail(row.subject, row.body, None, [row.to], html_message=row.html or None)
    except Exception as error:  # the mail server's or the message's: recorded, retried later
        row.error = f"{error.__class__.__name__}: {error}"[:2000]
        if row.attempts >= MAX_ATTEMPTS:
            row.status = OutboundEmail.Status.FAILED
            logger.error("E-mail %s given up after %s attempts: %s", pk, row.attempts, row.error)
        else:
            row.status = OutboundEmail.Status.PENDING
            row.next_attempt = timezone.now() + retry_delay(row.attempts)
            logger.warning("E-mail %s not sent (attempt %s): %s", pk, row.attempts, row.error)
        _settle(row, status=row.status, error=row.error, next_attempt=row.next_attempt)
        return False
    _settle(row, status=OutboundEmail.Status.SENT, sent=timezone.now(), error="", body="", html="")
    return True


def _claim(pk: int) -> OutboundEmail | None:
    """Take the row for this worker, in a transaction of its own: waiting, or being sent by a worker whose
    lease ran out (it died). None when there is nothing to send."""
    now = timezone.now()
    sending = OutboundEmail.Status.SENDING
    with transaction.atomic():
        row = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(Q(status=OutboundEmail.Status.PENDING) | Q(status=sending, next_attempt__lte=now), pk=pk)
            .first()
        )
        if row is None:
            return None
        if row.attempts >= MAX_ATTEMPTS:  # its last worker died while sending it
            row.status = OutboundEmail.Status.FAILED
            row.save(update_fields=["status"])
            logger.error("E-mail %s given up after %s attempts", pk, row.attempts)
            return None
        row.status, row.attempts, row.next_attempt = sending, row.attempts + 1, now + SEND_LEASE
        row.save(update_fields=["status", "attempts", "next_attempt"])
    return row


def _settle(row: OutboundEmail, **fields) -> None:
    """Record the attempt's end, unless the lease ran out and another worker took the row meanwhile."""
    with transaction.atomic():
        OutboundEmail.objects.filter(
            pk=row.pk, status=OutboundEmail.Status.SENDING, attempts=row.attempts
        ).update(**fields)


def emails_due_send(*, limit: int = 500) -> int:
    """Send the waiting e-mails whose attempt is due, and those whose worker died while sending them (their
    lease ran out), oldest first; returns how many went out."""
    due = OutboundEmail.objects.filter(
        status__in=[OutboundEmail.Status.PENDING, OutboundEmail.Status.SENDING],
        next_attempt__lte=timezone.now(),
    ).order_by("next_attempt", "pk")
    return sum(email_deliver(pk) for pk in list(due.values_list("pk", flat=True)[:limit]))
