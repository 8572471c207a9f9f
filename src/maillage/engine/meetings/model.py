"""Plain data for the meeting scheduler: what comes in (an instance) and what goes out (a schedule).

Ids are kept as the strings the organiser gave; slots, tables and participants are also numbered by their
position, which the solver uses internally.
"""

from dataclasses import dataclass, field
from datetime import datetime

from maillage.engine.meetings.reasons import render


@dataclass(frozen=True)
class Slot:
    id: str
    start: datetime
    end: datetime
    session: str


@dataclass(frozen=True)
class Table:
    id: str


@dataclass(frozen=True)
class Participant:
    id: str
    available: frozenset[str] | None = None  # slot ids; None means every slot
    max_meetings: int | None = None
    table: str | None = None  # their own booth


@dataclass(frozen=True)
class Request:
    id: str
    participants: tuple[str, str]
    weight: int = 1
    available: frozenset[str] | None = None  # the meeting's window (slot ids); None means every slot


@dataclass(frozen=True)
class Options:
    # The research's fairness rule, made hard: no participant has more than this many breaks more than
    # another (among the participants who have meetings). None: no such rule.
    max_break_spread: int | None = None


@dataclass(frozen=True)
class Placement:
    """A meeting placed in a slot, at a table (None: any suitable table)."""

    request: str
    slot: str
    table: str | None = None


@dataclass
class Instance:
    slots: list[Slot]
    tables: list[Table]
    participants: list[Participant]
    requests: list[Request]
    locked: list[Placement] = field(default_factory=list)
    # The schedule published before: its meetings should stay where they are unless moving gains something.
    previous: list[Placement] = field(default_factory=list)
    options: Options = field(default_factory=Options)


@dataclass(frozen=True)
class Meeting:
    request: str
    slot: str
    table: str


@dataclass(frozen=True)
class Unscheduled:
    """A request left out, and why: a code of :mod:`.reasons` with its parameters (ids, numbers)."""

    request: str
    code: str
    params: dict[str, str | int] = field(default_factory=dict)

    @property
    def reason(self) -> str:
        """The English sentence of the code, for people reading the JSON."""
        return render(self.code, self.params)

    def to_json(self) -> dict[str, object]:
        return {"request": self.request, "code": self.code, **self.params, "reason": self.reason}


@dataclass
class Schedule:
    meetings: list[Meeting]
    unscheduled: list[Unscheduled]
    stats: dict[str, object]

    def to_json(self) -> dict[str, object]:
        return {
            "meetings": [{"request": m.request, "slot": m.slot, "table": m.table} for m in self.meetings],
            "unscheduled": [u.to_json() for u in self.unscheduled],
            "stats": self.stats,
        }
