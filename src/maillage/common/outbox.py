"""The e-mail outbox: every e-mail is a row written in the caller's transaction, then sent from it.

Handing an e-mail to Celery after commit loses it when the broker is down (the hand-over fails after the
change is saved). A row written with the change cannot be lost that way: after commit the row's delivery
task is queued for a prompt send (run in line in the embedded set-up, where there is no broker), and the
periodic `emails_due_send` (Celery beat, or the `outbox_send` command) sends whatever is still waiting, so an
e-mail written while the broker or the mail server was down goes out once they are back. A row is locked
while it is sent and marked sent in the same transaction: two workers never send it twice (a crash between
the SMTP server's answer and the commit may, which is the lesser harm)."""

import datetime as dt
import logging
from collections.abc import Iterable

from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone

from .models import OutboundEmail

logger = logging.getLogger(__name__)

# Attempts before an e-mail is given up (logged as an error); the delays between them double from one
# minute up to six hours, so about a day and a half of outage is waited out.
MAX_ATTEMPTS = 10
MAX_DELAY = dt.timedelta(hours=6)


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
    with transaction.atomic():
        row = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(pk=pk, status=OutboundEmail.Status.PENDING)
            .first()
        )
        if row is None:
            return False
        row.attempts += 1
        try:
            send_mail(row.subject, row.body, None, [row.to], html_message=row.html or None)
        except Exception as error:  # the mail server's or the message's: recorded, retried later
            row.error = f"{error.__class__.__name__}: {error}"[:2000]
            if row.attempts >= MAX_ATTEMPTS:
                row.status = OutboundEmail.Status.FAILED
                logger.error("E-mail %s given up after %s attempts: %s", pk, row.attempts, row.error)
            else:
                row.next_attempt = timezone.now() + retry_delay(row.attempts)
                logger.warning("E-mail %s not sent (attempt %s): %s", pk, row.attempts, row.error)
            row.save(update_fields=["attempts", "error", "status", "next_attempt"])
            return False
        row.status, row.sent, row.error = OutboundEmail.Status.SENT, timezone.now(), ""
        row.save(update_fields=["attempts", "error", "status", "sent"])
    return True


def emails_due_send(*, limit: int = 500) -> int:
    """Send the waiting e-mails whose attempt is due, oldest first; returns how many went out."""
    due = OutboundEmail.objects.filter(
        status=OutboundEmail.Status.PENDING, next_attempt__lte=timezone.now()
    ).order_by("next_attempt", "pk")
    return sum(email_deliver(pk) for pk in list(due.values_list("pk", flat=True)[:limit]))
