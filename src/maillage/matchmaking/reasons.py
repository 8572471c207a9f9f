"""Why a request was left out of a run, in the reader's language and with names.

The scheduler (pure, no Django) returns each reason as a code with its parameters (participant ids ``a``/``b``,
table id ``t``, a number ``n``; see ``engine/meetings/reasons.py``); here each code has its translatable
message, and the run report passes names for the ids. ``out_of_window`` is ours: a request the app leaves out
before the engine sees it (``selectors.scheduling_instance``).

Runs stored before the codes hold only the engine's English sentence: :func:`reason_of` reads the code and
parameters back from it, with patterns made from the engine's own sentences, so old runs still display.
"""

import re

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from maillage.engine.meetings import SENTENCES, SINGULAR

OUT_OF_WINDOW = "out_of_window"
OUT_OF_WINDOW_SENTENCE = "the chosen parts of days leave no slot where both are available"

MESSAGES = {
    "own_booths": _("both have their own booth (%(a)s and %(b)s)"),
    "no_common_slot": _("no common free slot: %(a)s and %(b)s are never available at the same time"),
    "no_shared_table": _("there is no shared table"),
    "fully_booked": _("%(a)s is fully booked"),
    "busy": _("%(a)s is busy in every slot where both are available"),
    "busy_in_window": _("%(a)s is busy in every slot of the meeting's window where both are available"),
    "busy_each_slot": _("no common free slot: one of them is busy in each slot where both are available"),
    "busy_each_slot_in_window": _(
        "no common free slot in the meeting's window: one of them is busy in each slot where both are available"
    ),
    "no_free_table": _("no table free in common slots"),
    "no_free_table_in_window": _("no table free in the meeting's window"),
    "booth_taken": _("booth %(t)s is taken in every common free slot"),
    "booth_taken_in_window": _("booth %(t)s is taken in every common free slot of the meeting's window"),
    "time_limit": _("left out when the time limit was reached"),
    OUT_OF_WINDOW: _("the chosen parts of days leave no slot where both are available"),
}
# Keys of a stored item that are not parameters of its code.
_NOT_PARAMS = {"request", "code", "reason"}


def reason_text(code: str, params: dict) -> str:
    """The message of ``code`` in the active language; an unknown code reads as itself."""
    if code == "max_meetings":
        n = int(params["n"])
        return ngettext("%(a)s has reached %(n)d meeting", "%(a)s has reached %(n)d meetings", n) % {
            "a": params["a"],
            "n": n,
        }
    message = MESSAGES.get(code)
    return str(message) % params if message is not None else code


def _pattern(sentence: str) -> re.Pattern[str]:
    """A pattern that reads an engine sentence back: ``{a}`` becomes a group named ``a``."""

    def group(match: re.Match[str]) -> str:
        name = match[1]
        return rf"(?P<{name}>\d+)" if name == "n" else rf"(?P<{name}>\S+)"

    return re.compile("^" + re.sub(r"\\\{(\w+)\\\}", group, re.escape(sentence)) + "$")


_LEGACY = [
    *((code, _pattern(sentence)) for code, sentence in SINGULAR.items()),
    *((code, _pattern(sentence)) for code, sentence in SENTENCES.items()),
    (OUT_OF_WINDOW, _pattern(OUT_OF_WINDOW_SENTENCE)),
]


def reason_of(item: dict) -> tuple[str, dict] | None:
    """The code and parameters of a stored unscheduled item; None for an old sentence no code matches."""
    if "code" in item:
        return item["code"], {key: value for key, value in item.items() if key not in _NOT_PARAMS}
    text = item.get("reason", "")
    for code, pattern in _LEGACY:
        match = pattern.match(text)
        if match:
            return code, {
                key: int(value) if key == "n" else value for key, value in match.groupdict().items()
            }
    return None


def reason_display(item: dict, *, people: dict[str, str], tables: dict[str, str]) -> str:
    """A stored unscheduled item's reason in the active language, with names for the ids (``people``:
    participant id → name, ``tables``: table id → label; an id missing from them stays as it is)."""
    found = reason_of(item)
    if found is None:
        return item.get("reason", "")
    code, params = found
    named = {
        key: people.get(value, value)
        if key in ("a", "b")
        else tables.get(value, value)
        if key == "t"
        else value
        for key, value in params.items()
    }
    return reason_text(code, named)


def reason_translate(text: str) -> str:
    """An engine sentence (as stored before the codes) in the active language, ids kept; a sentence no code
    matches is left as it is."""
    return reason_display({"reason": text}, people={}, tables={})
