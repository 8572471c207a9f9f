"""E-mail sending as a background task: requests never wait on an SMTP server."""

from celery import shared_task
from django.core.mail import send_mail


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_email(*, subject: str, body: str, to: list[str], html: str | None = None) -> int:
    return send_mail(subject, body, None, to, html_message=html)
