"""Render an e-mail in its recipient's language and write it to the outbox (common.outbox), which sends it
after commit, or later if the broker or the mail server is down."""

from django.template.loader import render_to_string
from django.utils import translation

from .outbox import email_queue
from .text import single_line


def email_send_later(*, to: str, language: str, template: str, context: dict) -> None:
    with translation.override(language or "fr"):
        subject = single_line(render_to_string(f"{template}_subject.txt", context))
        body = render_to_string(f"{template}_body.txt", context)
    email_queue(subject=subject, body=body, to=[to])
