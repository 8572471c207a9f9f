"""Filters for the app's plain-text e-mails."""

from django import template

register = template.Library()


@register.filter(is_safe=True)
def oneline(value: str) -> str:
    """All whitespace (line breaks included) as single spaces: an e-mail subject is one line."""
    return " ".join(str(value).split())
