"""The scheduler's reasons, in the organiser's language.

The engine (pure, no Django) explains an unscheduled request in fixed English sentences with participant and
table ids; here each sentence becomes a translatable message with the same ids, which the run report then
replaces by names.
"""

import re

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

_ID = r"(?P<{}>[pt]\d+)"
PATTERNS = [
    (
        re.compile(rf"^both have their own booth \({_ID.format('a')} and {_ID.format('b')}\)$"),
        _("both have their own booth (%(a)s and %(b)s)"),
    ),
    (
        re.compile(
            rf"^no common free slot: {_ID.format('a')} and {_ID.format('b')} are never available at the same time$"
        ),
        _("no common free slot: %(a)s and %(b)s are never available at the same time"),
    ),
    (re.compile(r"^there is no shared table$"), _("there is no shared table")),
    (re.compile(rf"^{_ID.format('a')} is fully booked$"), _("%(a)s is fully booked")),
    (
        re.compile(rf"^{_ID.format('a')} is busy in every slot where both are available$"),
        _("%(a)s is busy in every slot where both are available"),
    ),
    (
        re.compile(r"^no common free slot: one of them is busy in each slot where both are available$"),
        _("no common free slot: one of them is busy in each slot where both are available"),
    ),
    (re.compile(r"^no table free in common slots$"), _("no table free in common slots")),
    (
        re.compile(rf"^booth {_ID.format('t')} is taken in every common free slot$"),
        _("booth %(t)s is taken in every common free slot"),
    ),
    (
        re.compile(
            rf"^{_ID.format('a')} is busy in every slot of the meeting's window where both are available$"
        ),
        _("%(a)s is busy in every slot of the meeting's window where both are available"),
    ),
    (
        re.compile(
            r"^no common free slot in the meeting's window: one of them is busy in each slot where both are "
            r"available$"
        ),
        _(
            "no common free slot in the meeting's window: one of them is busy in each slot where both are available"
        ),
    ),
    (re.compile(r"^no table free in the meeting's window$"), _("no table free in the meeting's window")),
    (
        re.compile(rf"^booth {_ID.format('t')} is taken in every common free slot of the meeting's window$"),
        _("booth %(t)s is taken in every common free slot of the meeting's window"),
    ),
    (
        re.compile(r"^the chosen parts of days leave no slot where both are available$"),
        _("the chosen parts of days leave no slot where both are available"),
    ),
    (
        re.compile(r"^left out when the time limit was reached$"),
        _("left out when the time limit was reached"),
    ),
]
_CAP = re.compile(rf"^{_ID.format('a')} has reached (?P<n>\d+) meetings?$")


def reason_translate(text: str) -> str:
    """The reason in the active language; a sentence this module does not know is left as it is."""
    match = _CAP.match(text)
    if match:
        n = int(match["n"])
        return ngettext("%(a)s has reached %(n)d meeting", "%(a)s has reached %(n)d meetings", n) % {
            "a": match["a"],
            "n": n,
        }
    for pattern, message in PATTERNS:
        match = pattern.match(text)
        if match:
            return str(message) % match.groupdict() if match.groupdict() else str(message)
    return text
