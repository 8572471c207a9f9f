"""Read and check an instance: every problem is reported with the path of the faulty value.

``parse_instance`` turns decoded JSON into an :class:`Instance`, or raises the engines' one
:class:`~maillage.engine.contract.InputError` whose message reads like ``requests[41].participants[1]: unknown participant "p900"``. Unknown keys are ignored. Locked
meetings are checked against every hard rule here, so the solver can take them as given.
"""

import json
from collections import Counter
from datetime import datetime
from typing import Any

from maillage.engine.contract import InputError, expect_list, join, kind
from maillage.engine.contract import expect_object as _object
from maillage.engine.meetings.model import (
    Instance,
    Options,
    Participant,
    Placement,
    Request,
    Slot,
    Table,
)
from maillage.engine.meetings.problem import NO_TABLE, POOL, Problem


def load_instance(text: str) -> Instance:
    if not text.strip():
        raise InputError("", "the file is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError("", f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    return parse_instance(data)


def _list(container: dict[str, Any], key: str, path: str, *, required: bool = True) -> list[Any]:
    if key not in container:
        if required:
            raise InputError(path or key, f'missing "{key}"' if path else "missing")
        return []
    return expect_list(container[key], join(path, key))


def _id(item: dict[str, Any], path: str, seen: dict[str, int], what: str) -> str:
    if "id" not in item:
        raise InputError(path, 'missing "id"')
    value = item["id"]
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f"{path}.id", f"expected a string, got {kind(value)}")
    ident = str(value)
    if ident in seen:
        raise InputError(f"{path}.id", f'duplicate {what} id "{ident}" (first at index {seen[ident]})')
    seen[ident] = len(seen)
    return ident


def _ref(value: Any, path: str, known: dict[str, int], what: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(path, f"expected a {what} id")
    ident = str(value)
    if ident not in known:
        raise InputError(path, f'unknown {what} "{ident}"')
    return ident


def _time(value: Any, path: str) -> datetime:
    if not isinstance(value, str):
        raise InputError(path, "expected an ISO 8601 date-time string")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InputError(path, f'"{value}" is not an ISO 8601 date-time') from None
    if moment.tzinfo is None:
        raise InputError(path, f'"{value}" has no UTC offset')
    return moment


def _count(value: Any, path: str, *, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise InputError(path, f"expected a whole number of at least {minimum}")
    return value


def parse_instance(data: Any) -> Instance:
    root = _object(data, "instance")

    slot_seen: dict[str, int] = {}
    slots: list[Slot] = []
    sessions_closed: set[str] = set()
    for i, raw in enumerate(_list(root, "slots", "")):
        path = f"slots[{i}]"
        item = _object(raw, path)
        ident = _id(item, path, slot_seen, "slot")
        for key in ("start", "end", "session"):
            if key not in item:
                raise InputError(path, f'missing "{key}"')
        start, end = _time(item["start"], f"{path}.start"), _time(item["end"], f"{path}.end")
        if end <= start:
            raise InputError(f"{path}.end", "the slot ends before it starts")
        session = item["session"]
        if isinstance(session, bool) or not isinstance(session, str | int):
            raise InputError(f"{path}.session", "expected a session id")
        session = str(session)
        if slots:
            before = slots[-1]
            if start < before.start:
                raise InputError(f"{path}.start", "slots must be listed in order of start time")
            if session != before.session:
                if session in sessions_closed:
                    raise InputError(
                        f"{path}.session", f'session "{session}" must be one block of consecutive slots'
                    )
                sessions_closed.add(before.session)
            elif start < before.end:
                raise InputError(f"{path}.start", f'overlaps slot "{before.id}" of the same session')
        slots.append(Slot(ident, start, end, session))

    table_seen: dict[str, int] = {}
    tables = [
        Table(_id(_object(raw, f"tables[{i}]"), f"tables[{i}]", table_seen, "table"))
        for i, raw in enumerate(_list(root, "tables", ""))
    ]

    participant_seen: dict[str, int] = {}
    participants = []
    for i, raw in enumerate(_list(root, "participants", "")):
        path = f"participants[{i}]"
        item = _object(raw, path)
        ident = _id(item, path, participant_seen, "participant")
        available = None
        if item.get("available") is not None:
            available = frozenset(
                _ref(value, f"{path}.available[{j}]", slot_seen, "slot")
                for j, value in enumerate(_list(item, "available", path))
            )
        max_meetings = None
        if item.get("max_meetings") is not None:
            max_meetings = _count(item["max_meetings"], f"{path}.max_meetings", minimum=0)
        table = None
        if item.get("table") is not None:
            table = _ref(item["table"], f"{path}.table", table_seen, "table")
        participants.append(Participant(ident, available, max_meetings, table))

    request_seen: dict[str, int] = {}
    requests = []
    for i, raw in enumerate(_list(root, "requests", "")):
        path = f"requests[{i}]"
        item = _object(raw, path)
        ident = _id(item, path, request_seen, "request")
        pair = _list(item, "participants", path)
        if len(pair) != 2:
            raise InputError(f"{path}.participants", f"expected two participants, got {len(pair)}")
        a = _ref(pair[0], f"{path}.participants[0]", participant_seen, "participant")
        b = _ref(pair[1], f"{path}.participants[1]", participant_seen, "participant")
        if a == b:
            raise InputError(f"{path}.participants", f'a request of "{a}" with themself')
        weight = _count(item.get("weight", 1), f"{path}.weight", minimum=1)
        window = None
        if item.get("available") is not None:
            window = frozenset(
                _ref(value, f"{path}.available[{j}]", slot_seen, "slot")
                for j, value in enumerate(_list(item, "available", path))
            )
            _check_window(
                window, path, (participants[participant_seen[a]], participants[participant_seen[b]])
            )
        requests.append(Request(ident, (a, b), weight, window))

    def placements(key: str) -> list[Placement]:
        result = []
        seen: dict[str, int] = {}
        for i, raw in enumerate(_list(root, key, "", required=False)):
            path = f"{key}[{i}]"
            item = _object(raw, path)
            for needed in ("request", "slot"):
                if needed not in item:
                    raise InputError(path, f'missing "{needed}"')
            request = _ref(item["request"], f"{path}.request", request_seen, "request")
            if request in seen:
                raise InputError(
                    f"{path}.request", f'request "{request}" appears twice (first at {key}[{seen[request]}])'
                )
            seen[request] = i
            slot = _ref(item["slot"], f"{path}.slot", slot_seen, "slot")
            table = None
            if item.get("table") is not None:
                table = _ref(item["table"], f"{path}.table", table_seen, "table")
            result.append(Placement(request, slot, table))
        return result

    options = Options()
    if root.get("options") is not None:
        raw_options = _object(root["options"], "options")
        spread = raw_options.get("max_break_spread")
        if spread is not None:
            options = Options(max_break_spread=_count(spread, "options.max_break_spread", minimum=0))

    instance = Instance(
        slots, tables, participants, requests, placements("locked"), placements("previous"), options
    )
    check_locked(Problem.build(instance))
    return instance


def _check_window(window: frozenset[str], path: str, pair: tuple[Participant, Participant]) -> None:
    """A window must leave a slot where both can meet; when they never can, the window is not the cause."""
    if not window:
        raise InputError(f"{path}.available", "the window holds no slot")
    common: frozenset[str] | None = None  # None: every slot
    for person in pair:
        if person.available is not None:
            common = person.available if common is None else common & person.available
    if common and not window & common:
        names = f"{pair[0].id} and {pair[1].id}"
        raise InputError(f"{path}.available", f"the window leaves no slot where {names} are both available")


def check_locked(problem: Problem) -> None:
    """Raise InputError when the locked meetings, taken together, break a hard rule."""
    instance = problem.instance
    busy: dict[tuple[int, int], int] = {}
    table_use: dict[tuple[int, int], int] = {}
    pool_use: Counter[int] = Counter()
    meetings: Counter[int] = Counter()
    shared = set(problem.shared_tables)
    for i, lock in enumerate(instance.locked):
        path = f"locked[{i}]"
        r = problem.request_index[lock.request]
        s = problem.slot_index[lock.slot]
        kind = problem.req_table[r]
        if not problem.req_window[r] >> s & 1:
            raise InputError(
                f"{path}.slot", f'slot "{lock.slot}" is outside the window of request "{lock.request}"'
            )
        for p in (problem.req_a[r], problem.req_b[r]):
            pid = problem.participant_ids[p]
            if not problem.avail[p] >> s & 1:
                raise InputError(f"{path}.slot", f'{pid} is not available in slot "{lock.slot}"')
            if (p, s) in busy:
                other = instance.locked[busy[p, s]].request
                raise InputError(
                    f"{path}.slot", f'{pid} is already in locked meeting "{other}" in slot "{lock.slot}"'
                )
            busy[p, s] = i
            meetings[p] += 1
            limit = problem.max_meetings[p]
            if limit is not None and meetings[p] > limit:
                raise InputError(
                    path, f"{pid} would have more than {limit} meeting{'' if limit == 1 else 's'}"
                )
        if kind == NO_TABLE:
            raise InputError(f"{path}.request", "both participants have their own booth")
        if lock.table is not None:
            t = problem.table_index[lock.table]
            if kind >= 0 and t != kind:
                raise InputError(
                    f"{path}.table", f'the meeting must take place at booth "{problem.table_ids[kind]}"'
                )
            if kind == POOL and t not in shared:
                raise InputError(f"{path}.table", f'table "{lock.table}" is a booth of someone else')
            if (t, s) in table_use:
                other = instance.locked[table_use[t, s]].request
                raise InputError(
                    f"{path}.table", f'table "{lock.table}" already hosts "{other}" in slot "{lock.slot}"'
                )
            table_use[t, s] = i
        elif kind >= 0:
            if (kind, s) in table_use:
                other = instance.locked[table_use[kind, s]].request
                raise InputError(
                    path, f'booth "{problem.table_ids[kind]}" already hosts "{other}" in slot "{lock.slot}"'
                )
            table_use[kind, s] = i
        if kind == POOL:
            pool_use[s] += 1
            if pool_use[s] > problem.n_shared:
                raise InputError(path, f'no shared table left in slot "{lock.slot}"')
