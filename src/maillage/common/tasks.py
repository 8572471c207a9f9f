"""E-mail sending as background tasks: requests never wait on an SMTP server, and the outbox's rows
(common.outbox) are sent by a worker, promptly after commit and periodically (beat) for what waited."""

from celery import shared_task
from django.core.mail import send_mail

from . import outbox


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(*, subject: str, body: str, to: list[str], html: str | None = None) -> int:
    """Send at once, with no row (kept for callers outside the app's transactions, such as scripts)."""
    return send_mail(subject, body, None, to, html_message=html)


@shared_task
def outbound_email_deliver(pk: int) -> bool:
    return outbox.email_deliver(pk)


@shared_task
def outbox_send_due_task() -> int:
    return outbox.emails_due_send()
