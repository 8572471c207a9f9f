"""Why a request is not in the schedule: a code with its parameters (participant ids ``a``/``b``, table id
``t``, a number ``n``), never a sentence an app must parse back.

An app translates the code at display time, with names for the ids; the JSON command prints the English
sentence of :func:`render` beside the code, for people reading the file.
"""

from __future__ import annotations

from collections.abc import Mapping

# code -> English sentence; the parameters of each code are the names between braces.
SENTENCES: dict[str, str] = {
    "own_booths": "both have their own booth ({a} and {b})",
    "no_common_slot": "no common free slot: {a} and {b} are never available at the same time",
    "no_shared_table": "there is no shared table",
    "max_meetings": "{a} has reached {n} meetings",
    "fully_booked": "{a} is fully booked",
    "busy": "{a} is busy in every slot where both are available",
    "busy_in_window": "{a} is busy in every slot of the meeting's window where both are available",
    "busy_each_slot": "no common free slot: one of them is busy in each slot where both are available",
    "busy_each_slot_in_window": (
        "no common free slot in the meeting's window: one of them is busy in each slot where both are available"
    ),
    "no_free_table": "no table free in common slots",
    "no_free_table_in_window": "no table free in the meeting's window",
    "booth_taken": "booth {t} is taken in every common free slot",
    "booth_taken_in_window": "booth {t} is taken in every common free slot of the meeting's window",
    "time_limit": "left out when the time limit was reached",
}
# The one sentence with a singular form.
SINGULAR: dict[str, str] = {"max_meetings": "{a} has reached {n} meeting"}


def render(code: str, params: dict[str, str | int]) -> str:
    """The English sentence of a reason (an unknown code reads as itself)."""
    if code in SINGULAR and params.get("n") == 1:
        return SINGULAR[code].format(**params)
    return SENTENCES[code].format(**params) if code in SENTENCES else code


# Why the fairness rule (``options.max_break_spread``: ``n`` breaks) was dropped, ``stats.infeasible``: the
# whole schedule's reason, not a request's (kept apart from SENTENCES); singular and plural sentences.
FAIRNESS: dict[str, tuple[str, str]] = {
    "spread_not_met": (
        "no schedule of weight {weight} keeps every participant within {n} break of the others",
        "no schedule of weight {weight} keeps every participant within {n} breaks of the others",
    ),
    "spread_not_found": (
        "no schedule keeping every participant within {n} break of the others was found in the time limit",
        "no schedule keeping every participant within {n} breaks of the others was found in the time limit",
    ),
}


def render_fairness(item: Mapping[str, str | int]) -> str:
    """The English sentence of ``stats.infeasible`` (``{"code", "n", "weight"?}``)."""
    singular, plural = FAIRNESS[str(item["code"])]
    return (singular if item["n"] == 1 else plural).format(**item)
