"""What the scheduler explains, in the reader's language and with names: why a request was left out of a run,
which hard rule a meeting placed by hand would break (:func:`rule_display`), why a run dropped the fairness
rule (:func:`infeasible_text`).

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


# The scheduler's hard rules (``engine/meetings/validate.py``), as the freed-slot page says which one a meeting
# would break: parameters ``participant``, ``slot``, ``table`` (ids, given names), ``n`` and ``limit``; the
# request ids the engine also gives are not shown (the page is about one request).
RULES = {
    "unknown_reference": _("This meeting refers to an unknown request, slot or table."),
    "scheduled_twice": _("This request already has a meeting on the agenda."),
    "outside_window": _("%(slot)s is outside the times chosen for this meeting."),
    "unavailable": _("%(participant)s is not available at %(slot)s."),
    "double_booked": _("%(participant)s already has a meeting at %(slot)s."),
    "table_taken": _("Table %(table)s is already taken at %(slot)s."),
    "two_booths": _("Both people have their own booth: they cannot meet at one table."),
    "not_at_booth": _("This meeting must take place at its booth, not at table %(table)s."),
    "table_is_booth": _("Table %(table)s is someone else's booth."),
    "locked_moved": _("A published meeting would be moved or dropped."),
}


def rule_display(item: dict, *, people: dict[str, str], tables: dict[str, str], slots: dict[str, str]) -> str:
    """A broken hard rule (``{"code", <params>}``) in the active language, with names for the ids (an id
    missing from ``people``, ``tables`` or ``slots`` stays as it is; an unknown code reads as itself)."""
    code = item["code"]
    params = {
        "participant": people.get(item.get("participant", ""), item.get("participant", "")),
        "table": tables.get(item.get("table", ""), item.get("table", "")),
        "slot": slots.get(item.get("slot", ""), item.get("slot", "")),
    }
    if code == "too_many_meetings":
        n = int(item["n"])
        return ngettext(
            "%(participant)s would have %(n)d meeting, more than the %(limit)d allowed.",
            "%(participant)s would have %(n)d meetings, more than the %(limit)d allowed.",
            n,
        ) % {**params, "n": n, "limit": int(item["limit"])}
    message = RULES.get(code)
    return str(message) % params if message is not None else code


def infeasible_text(stats: dict) -> str:
    """Why a run's schedule breaks the fairness rule it was given (``stats.infeasible``: a code, ``n`` the
    breaks allowed between people), in the active language; "" when it does not. Runs stored before the
    codes keep only the engine's English sentence, shown as it is."""
    found = stats.get("infeasible")
    if not found:
        return stats.get("infeasible_reason") or ""
    n = int(found["n"])
    if found["code"] == "spread_not_met":
        return ngettext(
            "No schedule of weight %(weight)s keeps every participant within %(n)d break of the others.",
            "No schedule of weight %(weight)s keeps every participant within %(n)d breaks of the others.",
            n,
        ) % {"n": n, "weight": found["weight"]}
    if found["code"] == "spread_not_found":
        return ngettext(
            "No schedule keeping every participant within %(n)d break of the others was found in the time "
            "limit.",
            "No schedule keeping every participant within %(n)d breaks of the others was found in the time "
            "limit.",
            n,
        ) % {"n": n}
    return found["code"]
