"""Reads of B2B sessions, with who-may-see-what applied where the data is fetched.

A participant sees the other participants' public profiles (name, organisation, offers, needs, sectors) and
only their own requests and meetings; e-mail and phone of someone appear once a meeting with them is accepted.
Organisers see everything.

Recommendations (stored rankings, their refresh and their wording) are in `recommendations.py`, which builds
on these reads.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Max, Min, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.common.times import by_local_day as group_by_local_day

from . import engines
from .models import (
    LIVE,
    B2BSession,
    DayPart,
    Meeting,
    MeetingOutcome,
    MeetingRequest,
    Participant,
    SchedulingRun,
    Slot,
)
from .reasons import OUT_OF_WINDOW, OUT_OF_WINDOW_SENTENCE, reason_display, rule_display


def is_organiser(user) -> bool:
    return bool(user.is_authenticated and user.is_organiser)


def sessions_visible(user) -> QuerySet[B2BSession]:
    """Sessions the user may see, each with its first and last day (`first_day`, `last_day`)."""
    sessions = B2BSession.objects.annotate(first_day=Min("day_parts__date"), last_day=Max("day_parts__date"))
    if not is_organiser(user):
        sessions = sessions.exclude(status=B2BSession.Status.DRAFT)
    return sessions


def session_days(session: B2BSession) -> list[tuple[dt.date, list[DayPart]]]:
    """Each day of the session with its parts (morning, afternoon), in order."""
    days: dict[dt.date, list[DayPart]] = defaultdict(list)
    for part in session.day_parts.order_by("start"):
        days[part.date].append(part)
    return list(days.items())


def session_get(slug: str, *, user) -> B2BSession:
    return sessions_visible(user).get(slug=slug)


def participant_for_user(session: B2BSession, user) -> Participant | None:
    if not user.is_authenticated:
        return None
    return (
        Participant.objects.select_related("person__user", "organisation", "session", "booth")
        .filter(session=session, person__user=user)
        .first()
    )


def participants_of(session: B2BSession) -> QuerySet[Participant]:
    return (
        Participant.objects.filter(session=session)
        .select_related("person", "organisation__region", "booth")
        .prefetch_related("sectors")
    )


def participants_shown_to(viewer: Participant) -> QuerySet[Participant]:
    """The other participants `viewer` may find in lists and recommendations: only people who agreed to be
    listed in the directory (someone unlisted still sends requests, and is named to whoever they contact)."""
    return participants_of(viewer.session).filter(person__is_listed=True).exclude(pk=viewer.pk)


def participant_get(session: B2BSession, pk: int) -> Participant:
    return participants_of(session).get(pk=pk)


def contacts_among(viewer_pk: int, requests: Iterable[MeetingRequest]) -> set[int]:
    """The rule for contact details, in one place: a participant sees their own and those of whoever they
    have an accepted request with, among ``requests`` (theirs)."""
    visible = {viewer_pk}
    for request in requests:
        if request.status == MeetingRequest.Status.ACCEPTED:
            visible |= {request.sender_id, request.recipient_id}
    return visible


def contacts_visible_ids(viewer: Participant) -> set[int]:
    """The participants whose contact details `viewer` may see, from all their accepted requests."""
    accepted = MeetingRequest.objects.filter(
        Q(sender=viewer) | Q(recipient=viewer), status=MeetingRequest.Status.ACCEPTED
    ).only("sender", "recipient", "status")
    return contacts_among(viewer.pk, accepted)


def requests_between(participant: Participant) -> dict[int, MeetingRequest]:
    """Each other participant's pk → the request between them and `participant`, either way."""
    result = {}
    for request in MeetingRequest.objects.filter(Q(sender=participant) | Q(recipient=participant)):
        result[request.recipient_id if request.sender_id == participant.pk else request.sender_id] = request
    return result


# Requests


@dataclass
class RequestsOf:
    """What a participant's requests page shows: received and sent (pending first, newest first), and the
    people whose contact details they may see (as `contacts_visible_ids`)."""

    received: list[MeetingRequest]
    sent: list[MeetingRequest]
    contacts: set[int]


# What the deadline pages read of a person: their name, the contact details an accepted request shows, what
# `person_language` needs to write to them (their account's language, else the languages they speak).
_PERSON_FIELDS = ("first_name", "last_name", "email", "phone", "languages", "user")
# Of a participant: the keys, the person as above, the organisation's name. Not their profile's texts, nor the
# organisation's descriptions and search columns (most of the bytes): the request pages never show them.
_PARTICIPANT_FIELDS = (
    "session", "person", "organisation", *(f"person__{f}" for f in _PERSON_FIELDS), "organisation__name",
)  # fmt: skip

# The columns a request's row (matchmaking/_request_row.html) reads, the two people's included.
REQUEST_ROW_FIELDS = [
    "session", "sender", "recipient", "message", "priority", "status", "mutual", "created",
    *(f"{side}__{field}" for side in ("sender", "recipient") for field in _PARTICIPANT_FIELDS),
]  # fmt: skip


def requests_of(participant: Participant) -> RequestsOf:
    """One query for the whole page (it is the page everyone reloads before the deadline): both lists and
    the contacts come from the participant's requests, either way."""
    requests = list(
        MeetingRequest.objects.filter(Q(sender=participant) | Q(recipient=participant))
        .select_related(
            "sender__person", "sender__organisation", "recipient__person", "recipient__organisation"
        )
        # Only what the rows show: the people's every column cost more CPU than the rest of the page.
        .only(*REQUEST_ROW_FIELDS)
        .order_by("status", "-created", "pk")
    )
    return RequestsOf(
        received=[r for r in requests if r.recipient_id == participant.pk],
        sent=[r for r in requests if r.sender_id == participant.pk],
        contacts=contacts_among(participant.pk, requests),
    )


def request_for_participant(participant: Participant, pk: int) -> MeetingRequest:
    """A request `participant` is a side of (DoesNotExist for anyone else's), with what its answer's
    e-mail and row need (names, contact details, the other side's account language). Its session is the
    participant's (a participant belongs to one session): not read again."""
    request = (
        MeetingRequest.objects.select_related(
            "sender__person__user",
            "sender__organisation",
            "recipient__person__user",
            "recipient__organisation",
        )
        .only(
            *(f.name for f in MeetingRequest._meta.concrete_fields),
            *(f"{side}__{f}" for side in ("sender", "recipient") for f in _PARTICIPANT_FIELDS),
            *(f"{side}__person__user__language" for side in ("sender", "recipient")),
        )
        .get(Q(sender=participant) | Q(recipient=participant), pk=pk)
    )
    request.session = participant.session
    return request


def recipient_get(pk: int) -> Participant:
    """The person a request is being sent to, with what the request's e-mail needs (their name, address and
    account language); the service checks they take part in the sender's session."""
    return (
        Participant.objects.select_related("person__user", "organisation")
        .only(*_PARTICIPANT_FIELDS, "person__user__language")
        .get(pk=pk)
    )


def participation_get(slug: str, *, user) -> Participant:
    """The user's participation in the session of this address, with its session, in one query
    (DoesNotExist when the session is hidden from them or they do not take part): the request pages,
    which every participant loads again and again in the last minutes before the deadline, start here.
    Only the columns those pages and their e-mails read (the services read the session again, locked)."""
    participants = Participant.objects.select_related("person", "organisation", "session").only(
        *_PARTICIPANT_FIELDS,
        *(f"session__{f.name}" for f in B2BSession._meta.concrete_fields if f.name != "description"),
    )
    if not is_organiser(user):
        participants = participants.exclude(session__status=B2BSession.Status.DRAFT)
    participant = participants.get(session__slug=slug, person__user=user)
    # The account is the one asked for: joining its row again cost a third of this query's CPU.
    participant.person.user = user
    return participant


def requests_of_session(session: B2BSession) -> QuerySet[MeetingRequest]:
    return (
        MeetingRequest.objects.filter(session=session)
        .select_related(
            "sender__person", "sender__organisation", "recipient__person", "recipient__organisation"
        )
        .prefetch_related("window")
    )


# Scheduling


def scheduling_instance(session: B2BSession) -> dict:
    """The scheduler's input (issue 3's contract) for the session's accepted requests. Published meetings
    still to come or held are locked; requests whose meeting was a no-show are not scheduled again."""
    slots = list(session.slots.select_related("day_part").order_by("start"))
    tables = list(session.tables.order_by("number"))
    participants = list(
        Participant.objects.filter(session=session).prefetch_related("unavailable").order_by("pk")
    )
    published = {
        m.request_id: m
        for m in Meeting.objects.filter(LIVE, session=session).only("request", "slot", "table", "status")
    }
    requests = [
        r
        for r in MeetingRequest.objects.filter(session=session, status=MeetingRequest.Status.ACCEPTED)
        .prefetch_related("window")
        .order_by("pk")
        if not (r.pk in published and published[r.pk].status == Meeting.Status.NO_SHOW)
    ]
    wanted = {r.pk for r in requests}
    locked = [
        m
        for m in published.values()
        if m.status in (Meeting.Status.SCHEDULED, Meeting.Status.HELD) and m.request_id in wanted
    ]
    # A re-run on the day must not put a meeting in a slot that has already begun; the meetings held or
    # locked there stay where they are.
    now = timezone.now()
    begun = {s.pk for s in slots if s.start <= now}
    people_of = {r.pk: (r.sender_id, r.recipient_id) for r in requests}
    own_locked_slots: dict[int, set[int]] = {}
    for meeting in locked:
        for person in people_of[meeting.request_id]:
            own_locked_slots.setdefault(person, set()).add(meeting.slot_id)
    items = []
    free: dict[int, set[int]] = {}
    for participant in participants:
        away = {part.pk for part in participant.unavailable.all()}
        closed = begun - own_locked_slots.get(participant.pk, set())
        open_slots = [s for s in slots if s.day_part_id not in away and s.pk not in closed]
        free[participant.pk] = {s.pk for s in open_slots}
        items.append(_participant_item(session, participant, open_slots if away or closed else None))
    # Each request's window as slots; one that leaves no slot where both people are free is left out.
    part_slots: dict[int, set[int]] = defaultdict(set)
    for slot in slots:
        part_slots[slot.day_part_id].add(slot.pk)
    windows: dict[int, set[int]] = {}
    for request in requests:
        parts = [part.pk for part in request.window.all()]
        if parts:
            windows[request.pk] = set().union(*(part_slots[pk] for pk in parts))
    locked_slot = {m.request_id: m.slot_id for m in locked}
    out_of_window = set()
    for request in requests:
        if request.pk not in windows:
            continue
        both = free[request.sender_id] & free[request.recipient_id]
        if request.pk in locked_slot:
            windows[request.pk].add(locked_slot[request.pk])  # a published meeting stays where it is
        elif both and not both & windows[request.pk]:
            out_of_window.add(request.pk)
    return {
        "slots": _slot_items(slots),
        "tables": [{"id": f"t{t.pk}"} for t in tables],
        "participants": items,
        "requests": [_request_item(r, windows, free) for r in requests if r.pk not in out_of_window],
        "locked": [
            {"request": f"r{m.request_id}", "slot": f"s{m.slot_id}", "table": f"t{m.table_id}"}
            for m in locked
            if m.request_id not in out_of_window
        ],
        # Not the engine's: requests whose half-days leave no slot where both people are free (the engine
        # would refuse the whole instance); the run reports them as unscheduled with this reason.
        "out_of_window": [
            {"request": f"r{pk}", "code": OUT_OF_WINDOW, "reason": OUT_OF_WINDOW_SENTENCE}
            for pk in sorted(out_of_window)
        ],
    }


def _slot_items(slots: list[Slot]) -> list[dict]:
    return [
        {
            "id": f"s{s.pk}",
            "start": s.start.isoformat(),
            "end": s.end.isoformat(),
            "session": s.day_part.label,
        }
        for s in slots
    ]


def _participant_item(session: B2BSession, participant: Participant, available: list[Slot] | None) -> dict:
    """A participant as the scheduler reads them: the slots they are available in (None: every slot),
    the session's cap, their booth."""
    item: dict = {"id": f"p{participant.pk}"}
    if available is not None:
        item["available"] = [f"s{s.pk}" for s in available]
    if session.max_meetings is not None:
        item["max_meetings"] = session.max_meetings
    if participant.booth_id:
        item["table"] = f"t{participant.booth_id}"
    return item


def _request_item(request: MeetingRequest, windows: dict[int, set[int]], free: dict[int, set[int]]) -> dict:
    item = {
        "id": f"r{request.pk}",
        "participants": [f"p{request.sender_id}", f"p{request.recipient_id}"],
        "weight": request.weight,
    }
    if request.pk in windows:
        item["available"] = [f"s{pk}" for pk in sorted(windows[request.pk])]
    return item


def runs_of(session: B2BSession) -> QuerySet[SchedulingRun]:
    return session.runs.select_related("requested_by")


@dataclass
class RunReport:
    run: SchedulingRun
    stats: dict
    unscheduled: list[tuple[MeetingRequest | None, str]]
    people_without_meeting: list[Participant]
    meetings: int


def run_report(run: SchedulingRun) -> RunReport:
    """A run's figures, each unscheduled request with its reason in the reader's language, names for ids."""
    session = run.session
    names = {f"p{p.pk}": p.name for p in Participant.objects.filter(session=session).select_related("person")}
    tables = {f"t{t.pk}": t.label for t in session.tables.all()}
    requests = {f"r{r.pk}": r for r in requests_of_session(session)}
    unscheduled = [
        (requests.get(item["request"]), reason_display(item, people=names, tables=tables))
        for item in run.unscheduled
    ]
    lonely_ids = run.stats.get("people_without_meeting", [])
    lonely = list(Participant.objects.filter(pk__in=lonely_ids).select_related("person", "organisation"))
    return RunReport(run, run.stats, unscheduled, lonely, run.meetings.count())


# Agendas


def _meetings(session: B2BSession) -> QuerySet[Meeting]:
    return Meeting.objects.filter(session=session).select_related(
        "slot",
        "table",
        "request__sender__person",
        "request__sender__organisation",
        "request__recipient__person",
        "request__recipient__organisation",
    )


@dataclass
class AgendaItem:
    meeting: Meeting
    other: Participant
    reasons: list[str] = field(default_factory=list)
    outcome: MeetingOutcome | None = None
    # The request's free text, kept apart from the computed reasons: it is one side's words, not ours.
    message: str = ""
    message_by_other: bool = False
    window: list[str] = field(default_factory=list)  # the half-days the meeting was asked for


def common_ground(one: Participant, other: Participant) -> list[str]:
    """Short reasons why two people meet, shown on agendas: their shared sectors and languages."""
    reasons = []
    shared = sorted({s.name for s in one.sectors.all()} & {s.name for s in other.sectors.all()})
    if shared:
        reasons.append(_("Sectors in common: %(sectors)s") % {"sectors": ", ".join(shared)})
    languages = [code.upper() for code in one.languages if code in other.languages]
    if languages:
        reasons.append(_("Languages in common: %(languages)s") % {"languages": ", ".join(languages)})
    return reasons


def agenda_for(participant: Participant) -> list[AgendaItem]:
    """The participant's meetings on the published agenda, in time order, each with why they meet: the
    recommender's reasons for the pair when it ranked them, else their sectors and languages in common;
    the request's message beside them, labelled with who wrote it."""
    meetings = (
        _meetings(participant.session)
        .filter(LIVE)
        .filter(Q(request__sender=participant) | Q(request__recipient=participant))
        .prefetch_related(
            "request__sender__sectors",
            "request__recipient__sectors",
            "request__window",
            Prefetch("outcomes", queryset=MeetingOutcome.objects.filter(participant=participant)),
        )
        .order_by("slot__start")
    )
    participant = Participant.objects.prefetch_related("sectors").get(pk=participant.pk)
    # recommendations.py reads through this module: imported here, where it is needed, not in a cycle
    from .recommendations import recommended_reasons

    recommended = recommended_reasons(participant)
    items = []
    for meeting in meetings:
        other = meeting.request.other(participant)
        reasons = list(dict.fromkeys(recommended.get(other.pk) or common_ground(participant, other)))
        outcomes = list(meeting.outcomes.all())
        items.append(
            AgendaItem(
                meeting,
                other,
                reasons,
                outcomes[0] if outcomes else None,
                message=meeting.request.message,
                message_by_other=meeting.request.sender_id == other.pk,
                window=[part.local_label for part in meeting.request.window.all()],
            )
        )
    return items


def by_local_day(session: B2BSession, items: list, *, key=lambda item: item.meeting.slot.start):
    return group_by_local_day(items, session.tzinfo, key=key)


@dataclass
class PlanRow:
    slot: Slot
    meetings: list[Meeting]


def table_plan(
    session: B2BSession, *, published: bool = True, run: SchedulingRun | None = None
) -> list[PlanRow]:
    """Every slot with its meetings by table number: the published agenda, or a run's proposal."""
    meetings = _meetings(session)
    meetings = meetings.filter(run=run) if run is not None else meetings.filter(LIVE)
    by_slot = defaultdict(list)
    for meeting in meetings.order_by("slot__start", "table__number"):
        by_slot[meeting.slot_id].append(meeting)
    return [PlanRow(slot, by_slot.get(slot.pk, [])) for slot in session.slots.order_by("start")]


# Freed slots on the day

# Published meetings that occupy their table and their two people in their slot.
OCCUPYING = [Meeting.Status.SCHEDULED, Meeting.Status.HELD]


@dataclass
class Placement:
    """What `services.meeting_place` needs to know about a session's published agenda at one moment."""

    placed: set[int]  # requests with a meeting on the agenda (no-shows included)
    taken: set[tuple[int, int]]  # (slot pk, table pk) with a meeting
    check: engines.PlacementCheck  # the scheduler's hard rules on the meetings that occupy their table


def placement_state(session: B2BSession, requests: list[MeetingRequest]) -> Placement:
    """The published agenda as the scheduler's validator reads it, ready to be asked about `requests`:
    the session's slots, tables, participants (when they are available, their cap, their booth) and the
    meetings that occupy a table then (scheduled or held). Requests' half-days are not the validator's
    business here: an organiser placing one on the day may go outside them."""
    slots = list(session.slots.select_related("day_part").order_by("start"))
    participants = list(Participant.objects.filter(session=session).prefetch_related("unavailable"))
    rows = list(
        Meeting.objects.filter(LIVE, session=session).values_list(
            "request_id", "request__sender_id", "request__recipient_id", "slot_id", "table_id", "status"
        )
    )
    placed = {row[0] for row in rows}
    occupying = [row for row in rows if row[5] in OCCUPYING]
    people = {pk: (sender, recipient) for pk, sender, recipient, *_rest in occupying}
    people.update({r.pk: (r.sender_id, r.recipient_id) for r in requests})
    items = []
    for participant in participants:
        away = {part.pk for part in participant.unavailable.all()}
        available = [s for s in slots if s.day_part_id not in away] if away else None
        items.append(_participant_item(session, participant, available))
    instance = {
        "slots": _slot_items(slots),
        "tables": [{"id": f"t{pk}"} for pk in session.tables.values_list("pk", flat=True)],
        "participants": items,
        "requests": [
            {"id": f"r{pk}", "participants": [f"p{a}", f"p{b}"]} for pk, (a, b) in sorted(people.items())
        ],
    }
    meetings = [
        {"request": f"r{pk}", "slot": f"s{slot}", "table": f"t{table}"}
        for pk, _a, _b, slot, table, _status in occupying
    ]
    taken = {(slot, table) for _pk, _a, _b, slot, table, _status in occupying}
    return Placement(placed, taken, engines.PlacementCheck(instance, meetings))


def placement_problem(request: MeetingRequest, slot: Slot, table, state: Placement) -> str | None:
    """Why `request` cannot meet at `table` in `slot`, or None: the request must still be wanted and not
    on the agenda, and the scheduler's validator must find the schedule still valid with it there."""
    if request.status not in (MeetingRequest.Status.PENDING, MeetingRequest.Status.ACCEPTED):
        return _("This request was declined or cancelled.")
    if request.pk in state.placed:
        return _("This request already has a meeting on the agenda.")
    broken = state.check.errors(request=f"r{request.pk}", slot=f"s{slot.pk}", table=f"t{table.pk}")
    if broken:  # the first rule it breaks, named
        people = {f"p{p.pk}": p.name for p in (request.sender, request.recipient)}
        return rule_display(
            broken[0], people=people, tables={f"t{table.pk}": table.label}, slots={f"s{slot.pk}": str(slot)}
        )
    return None


@dataclass
class FreedSlot:
    meeting: Meeting  # the cancelled meeting or the no-show that freed the table
    candidates: list[MeetingRequest]


def freed_slots(session: B2BSession, *, now: dt.datetime) -> list[FreedSlot]:
    """Tables freed by a cancellation or a no-show in a slot not over yet, each with the requests of the
    two people involved, waiting or accepted and not on the agenda, that could meet there then."""
    freed = list(
        _meetings(session)
        .filter(
            published=True,
            status__in=[Meeting.Status.CANCELLED, Meeting.Status.NO_SHOW],
            slot__end__gt=now,
        )
        .select_related("slot__day_part")
        .order_by("slot__start", "table__number")
    )
    if not freed:
        return []
    people = {p for m in freed for p in (m.request.sender_id, m.request.recipient_id)}
    requests = list(
        requests_of_session(session)
        .filter(
            Q(sender__in=people) | Q(recipient__in=people),
            status__in=[MeetingRequest.Status.PENDING, MeetingRequest.Status.ACCEPTED],
        )
        .exclude(pk__in=Meeting.objects.filter(LIVE, session=session).values("request_id"))
        .order_by("status", "-mutual", "-priority", "pk")  # accepted first, then the most wanted
    )
    state = placement_state(session, requests)
    result, seen = [], set()
    for meeting in freed:
        if (meeting.slot_id, meeting.table_id) in seen | state.taken:
            continue
        seen.add((meeting.slot_id, meeting.table_id))
        involved = {meeting.request.sender_id, meeting.request.recipient_id}
        candidates = [
            r
            for r in requests
            if {r.sender_id, r.recipient_id} & involved
            and placement_problem(r, meeting.slot, meeting.table, state) is None
        ]
        result.append(FreedSlot(meeting, candidates))
    return result


def check_in_counts(session: B2BSession) -> dict[str, int]:
    counts = Counter(Meeting.objects.filter(session=session, published=True).values_list("status", flat=True))
    return {status: counts.get(status, 0) for status in Meeting.Status.values}


def meeting_get(session: B2BSession, pk: int) -> Meeting:
    return _meetings(session).get(pk=pk)


# Report


@dataclass
class SessionReport:
    requested: int
    accepted: int
    scheduled: int
    held: int
    no_show: int
    # (what, meetings held), most first: outcome codes (the better of the two sides'), pairs of countries,
    # sectors (the 15 most frequent); `presenters.report_charts` draws them.
    outcomes: list[tuple[str, int]]
    country_pairs: list[tuple[str, int]]
    sectors: list[tuple[str, int]]
    rows: list[dict]


def session_report(session: B2BSession) -> SessionReport:
    """What came of the session: requests, meetings, check-ins, outcomes (the better of the two sides'),
    by pair of countries and by sector."""
    requests = MeetingRequest.objects.filter(session=session)
    meetings = list(
        _meetings(session)
        .filter(LIVE)
        .prefetch_related("request__sender__sectors", "request__recipient__sectors", "outcomes")
    )
    ranks = {value: n for n, value in enumerate(MeetingOutcome.Result.values)}
    labels = dict(MeetingOutcome.Result.choices)
    outcomes, pairs, sectors = Counter(), Counter(), Counter()
    rows = []
    for meeting in meetings:
        a, b = meeting.request.sender, meeting.request.recipient
        countries = sorted(
            (p.organisation.get_country_display() if p.organisation and p.organisation.country else "—")
            for p in (a, b)
        )
        pair = " – ".join(countries)
        best = max((o.outcome for o in meeting.outcomes.all()), key=ranks.get, default="")
        if meeting.status == Meeting.Status.HELD:
            pairs[pair] += 1
            for name in {s.name for s in a.sectors.all()} | {s.name for s in b.sectors.all()}:
                sectors[name] += 1
            if best:
                outcomes[best] += 1
        rows.append(
            {
                "start": meeting.slot.start.astimezone(session.tzinfo),
                "table": meeting.table.label,
                "a": a.name,
                "a_organisation": a.organisation_name,
                "b": b.name,
                "b_organisation": b.organisation_name,
                "countries": pair,
                "status": meeting.get_status_display(),
                "outcome": str(labels[best]) if best else "",
            }
        )
    return SessionReport(
        requested=requests.count(),
        accepted=requests.filter(status=MeetingRequest.Status.ACCEPTED).count(),
        scheduled=len(meetings),
        held=sum(m.status == Meeting.Status.HELD for m in meetings),
        no_show=sum(m.status == Meeting.Status.NO_SHOW for m in meetings),
        outcomes=outcomes.most_common(),
        country_pairs=pairs.most_common(),
        sectors=sectors.most_common(15),
        rows=rows,
    )
