"""Render an e-mail in its recipient's language and hand it to the background task after commit."""

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import send_email
from .text import single_line


def email_send_later(*, to: str, language: str, template: str, context: dict) -> None:
    with translation.override(language or "fr"):
        subject = single_line(render_to_string(f"{template}_subject.txt", context))
        body = render_to_string(f"{template}_body.txt", context)
    transaction.on_commit(lambda: send_email.delay(subject=subject, body=body, to=[to]), robust=True)
