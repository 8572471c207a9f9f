"""The demo missions, read from `data/missions.toml` and written through the missions' and the directory's
services, every date computed from today: one finished more than three months ago with its B2B session (the
delegates' meetings with the hosts, held or not, and what came of them), outcomes and survey results, one
finished earlier, one to come with its call open. Loading twice changes nothing.

Needs the directory demo first (`directory.py`): it reuses its organisations, people and accounts.
"""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from maillage.accounts.models import User
from maillage.common.fields import zone
from maillage.directory import services as directory_services
from maillage.directory.models import Corridor, Organisation, Person
from maillage.matchmaking import services as matchmaking_services
from maillage.matchmaking.models import B2BSession, Meeting, MeetingRequest, Participant
from maillage.missions import services
from maillage.missions.models import Delegate, FollowUpSurvey, ItineraryItem, Mission

from .accounts import DEMO_MEMBER, DEMO_ORGANISER
from .files import demo_toml
from .matchmaking import history_record


@dataclass
class MissionsDemoResult:
    missions: int
    delegates: int
    items: int


def _organisation(key: str) -> Organisation:
    """A directory organisation by key or name; an unknown name is created (someone met on the way)."""
    found = Organisation.objects.filter(slug=key).first() or Organisation.objects.filter(name=key).first()
    return found or directory_services.organisation_create(name=key)


def _moment(first_day: dt.date, day: int, time: str, zone_name: str) -> dt.datetime:
    hours, minutes = (int(part) for part in time.split(":"))
    return dt.datetime.combine(
        first_day + dt.timedelta(days=day), dt.time(hours, minutes), tzinfo=zone(zone_name)
    )


def _people(country: str, count: int, *, skip: set[str]) -> list[Person]:
    """The first people of the directory's organisations of a country, one per organisation first."""
    people = list(
        Person.objects.filter(organisation__country=country, email__isnull=False)
        .exclude(email__in=skip)
        .order_by("organisation__name", "pk")
    )
    chosen, seen = [], set()
    for person in people:
        if person.organisation_id not in seen:
            seen.add(person.organisation_id)
            chosen.append(person)
    chosen += [p for p in people if p not in chosen]
    return chosen[:count]


def _mission(spec: dict, today: dt.date, organiser: User | None) -> Mission:
    first_day = today + dt.timedelta(days=spec["start"])
    deadline = None
    if "call_deadline" in spec:
        deadline = _moment(today, spec["call_deadline"], "23:59", spec["timezone"])
    mission = services.mission_create(
        created_by=organiser,
        slug=spec["slug"],
        direction=spec["direction"],
        title_fr=spec["title_fr"],
        title_en=spec["title_en"],
        summary_fr=spec["summary_fr"],
        summary_en=spec["summary_en"],
        objectives_fr=spec["objectives_fr"],
        objectives_en=spec["objectives_en"],
        story_fr=spec.get("story_fr", ""),
        story_en=spec.get("story_en", ""),
        start_date=first_day,
        end_date=first_day + dt.timedelta(days=spec["days"] - 1),
        timezone=spec["timezone"],
        corridor=Corridor.objects.filter(name=spec["corridor"]).first(),
        capacity=spec.get("capacity"),
        call_deadline=deadline,
        is_public=True,
        cities=[tuple(city) for city in spec["cities"]],
    )
    for key, role in spec["partners"]:
        organisation = _organisation(key)
        contact = organisation.people.order_by("pk").first()
        services.mission_partner_add(mission=mission, organisation=organisation, role=role, contact=contact)
    if spec["status"] == Mission.Status.CALL_OPEN:
        services.mission_set_status(mission=mission, status=Mission.Status.CALL_OPEN)
    return mission


def _items(mission: Mission, spec: dict) -> int:
    for item in spec.get("items", []):
        organisation = _organisation(item["organisation"]) if "organisation" in item else None
        services.item_save(
            mission=mission,
            notify=False,
            kind=item["kind"],
            title_fr=item.get("title_fr", ""),
            title_en=item.get("title_en", ""),
            description=item.get("description", ""),
            start=_moment(mission.start_date, item["day"], item["start"], item["zone"]),
            end=_moment(
                mission.start_date,
                item.get("arrival_day", item["day"]),
                item["end"],
                item.get("arrival_zone", item["zone"]),
            ),
            timezone=item["zone"],
            city=item.get("city", ""),
            place=item.get("place", ""),
            arrival_city=item.get("arrival_city", ""),
            arrival_place=item.get("arrival_place", ""),
            arrival_timezone=item.get("arrival_zone", ""),
            transport=item.get("transport", ""),
            organisation=organisation,
            contact=organisation.people.order_by("pk").first() if organisation else None,
            outside_event=item.get("outside_event", ""),
        )
    return len(spec.get("items", []))


def _delegation(mission: Mission, spec: dict, organiser: User | None) -> list[Delegate]:
    member = Person.objects.filter(email=DEMO_MEMBER).first()
    staff = Person.objects.filter(email=DEMO_ORGANISER).first()
    delegates = []
    if staff is not None:
        services.delegate_add(mission=mission, person=staff, role=Delegate.Role.STAFF)
    people = _people(
        spec["delegates_from"], spec["delegates"] - (1 if member else 0), skip={DEMO_MEMBER, DEMO_ORGANISER}
    )
    if member is not None:
        people.insert(0, member)
    for n, person in enumerate(people):
        role = Delegate.Role.LEAD if n == 1 else Delegate.Role.DELEGATE
        delegates.append(services.delegate_add(mission=mission, person=person, role=role))
    return delegates


def _b2b(mission: Mission, spec: dict, delegates: list[Delegate], organiser: User | None) -> None:
    """The mission's B2B session as it went: set up with the hosts at their booths, the delegates registered
    by their itinerary item, their requests and the hosts' answers through matchmaking's services; then
    its meetings, check-ins and outcomes recorded after the fact as organisers do (`history_record`), since
    the scheduler plans only what is still to come."""
    b2b = spec.get("b2b")
    if b2b is None or organiser is None or not delegates:
        return
    session = _b2b_requests(mission, b2b, delegates, organiser)
    rows = _b2b_history(session, b2b)
    if rows:
        history_record(session, rows)


def _b2b_requests(mission: Mission, b2b: dict, delegates: list[Delegate], organiser: User) -> B2BSession:
    """The session with the hosts at their booths, the item that registers the delegates, their requests
    and the hosts' answers."""
    part, start, end = b2b["part"]
    hosts = [_organisation(key) for key in b2b["hosts"]]
    session = matchmaking_services.b2b_session_create(
        organiser=organiser,
        name=b2b["name"],
        place=b2b["place"],
        days=[mission.start_date + dt.timedelta(days=b2b["day"])],
        parts=[
            matchmaking_services.DayPartSpec(part, dt.time.fromisoformat(start), dt.time.fromisoformat(end))
        ],
        tables=len(hosts),
        timezone_name=b2b["zone"],
        slot_minutes=b2b["slot_minutes"],
        break_minutes=b2b["break_minutes"],
        status=B2BSession.Status.OPEN,
    )
    host_participants = [
        matchmaking_services.participant_register(
            session=session, person=person, booth=booth, by_organiser=True
        )
        for organisation, booth in zip(hosts, session.tables.order_by("number"), strict=True)
        if (person := organisation.people.filter(email__isnull=False).order_by("pk").first()) is not None
    ]
    # The item registers the delegates who attend it in the session (see `missions.services.item_save`).
    services.item_save(
        mission=mission,
        notify=False,
        kind=ItineraryItem.Kind.B2B,
        b2b_session=session,
        title_fr=b2b["title_fr"],
        title_en=b2b["title_en"],
        start=_moment(mission.start_date, b2b["day"], start, b2b["zone"]),
        end=_moment(mission.start_date, b2b["day"], end, b2b["zone"]),
        timezone=b2b["zone"],
        city=b2b["city"],
        place=b2b["place"],
        everyone=False,
        attendees=delegates,
    )
    asked = 0
    for n, delegate in enumerate(delegates if host_participants else []):
        sender = Participant.objects.get(session=session, person=delegate.person)
        for k in range(min(b2b["asks"], len(host_participants))):
            request = matchmaking_services.meeting_request_send(
                sender=sender, recipient=host_participants[(n + k) % len(host_participants)], notify=False
            )
            asked += 1
            if asked % b2b["declined_every"] == 0:
                matchmaking_services.meeting_request_decline(request=request, by_organiser=True)
            else:
                matchmaking_services.meeting_request_accept(request=request, notify=False, by_organiser=True)
    return session


def _b2b_history(session: B2BSession, b2b: dict) -> list[list]:
    """The day as the organisers recorded it, rows of the history sheet (`HISTORY_COLUMNS`): each accepted
    request at the host's booth in the first slot where both people were free; in the order of the day,
    every `no_show_every`-th meeting a no-show, and for the others the delegate's (the sender's) outcome
    and notes, in turn."""
    tz = session.tzinfo
    slots = list(session.slots.order_by("start"))
    busy: set[tuple[int, int]] = set()
    placed = []
    accepted = MeetingRequest.objects.filter(session=session, status=MeetingRequest.Status.ACCEPTED)
    for request in accepted.select_related(
        "sender__person", "recipient__person", "recipient__booth"
    ).order_by("pk"):
        a, b, table = request.sender, request.recipient, request.recipient.booth
        slot = next((s for s in slots if (a.pk, s.pk) not in busy and (b.pk, s.pk) not in busy), None)
        if table is None or slot is None:
            continue
        busy |= {(a.pk, slot.pk), (b.pk, slot.pk)}
        placed.append((slot.start.astimezone(tz), table.number, a.person.email, b.person.email))
    rows, held = [], 0
    for n, (start, table_number, a_email, b_email) in enumerate(sorted(placed), start=1):
        meeting = [f"{start:%Y-%m-%d}", f"{start:%H:%M}", table_number, a_email, b_email]
        if n % b2b["no_show_every"] == 0:
            rows.append([*meeting, Meeting.Status.NO_SHOW, "", "", "", ""])
            continue
        outcome = b2b["outcomes"][held % len(b2b["outcomes"])]
        notes = b2b["notes"][held % len(b2b["notes"])]
        rows.append([*meeting, Meeting.Status.HELD, outcome, "", notes, ""])
        held += 1
    return rows


def _outcomes(mission: Mission, spec: dict, delegates: list[Delegate]) -> None:
    items = {i.title: i for i in mission.items.all()}
    for n, found in enumerate(spec.get("discoveries", [])):
        first_name, last_name, email = found.get("person", ("", "", ""))
        services.discovery_record(
            mission=mission,
            recorded_by=delegates[n % len(delegates)],
            organisation=_organisation(found["organisation"]),
            person_first_name=first_name,
            person_last_name=last_name,
            person_email=email,
            where_met=found["where"],
            item=items.get(found["where"]),
            origin_country=found.get("country", ""),
            favourite=found.get("favourite", False),
            notes=found.get("notes", ""),
        )
    for n, lead in enumerate(spec.get("leads", [])):
        record = services.lead_record(
            mission=mission,
            recorded_by=delegates[n % len(delegates)],
            kind=lead["kind"],
            title=lead["title"],
            organisation=_organisation(lead["organisation"]) if "organisation" in lead else None,
        )
        if "status" in lead:
            services.lead_set_status(lead=record, status=lead["status"])
    for n, text in enumerate(spec.get("testimonials", {}).get("texts", [])):
        testimonial = services.testimonial_add(delegate=delegates[n % len(delegates)], text=text)
        services.testimonial_publish(testimonial=testimonial, published=True)


def _surveys(mission: Mission, spec: dict, delegates: list[Delegate]) -> None:
    """Send the surveys due (as the scheduled task would have), then record the demo's answers."""
    services.mission_set_status(mission=mission, status=Mission.Status.FINISHED)
    services.followups_send()
    for n, answer in enumerate(spec.get("surveys", [])):
        delegate = delegates[n % len(delegates)]
        survey = FollowUpSurvey.objects.filter(
            delegate=delegate, wave=answer["wave"], sent__isnull=False
        ).first()
        if survey is None:
            continue
        services.survey_answer(
            survey=survey,
            contract=answer.get("contract"),
            hire=answer.get("hire"),
            office_abroad=answer.get("office_abroad"),
            hosted_startup=answer.get("hosted_startup"),
            with_organisation=_organisation(answer["with"]) if "with" in answer else None,
        )


def _applications(mission: Mission, spec: dict) -> None:
    for person in _people(spec["applications_from"], spec["applications"], skip=set()):
        organisation = person.organisation
        services.application_submit(
            mission=mission,
            user=None,
            by_organiser=False,
            first_name=person.first_name,
            last_name=person.last_name,
            email=person.email,
            phone=person.phone,
            organisation_name=organisation.name,
            organisation_country=organisation.country or "FR",
            objectives="Rencontrer l'écosystème de Québec et préparer une implantation.",
            offers=organisation.offers,
            needs=organisation.needs,
            sectors=list(organisation.sectors.all()),
        )


# The demo's placeholder addresses must not receive the e-mails the services send.
@override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend")
@transaction.atomic
def missions_demo_load(*, today: dt.date | None = None) -> MissionsDemoResult:
    today = today or timezone.localdate()
    data = demo_toml("missions.toml")
    for org in data["organisations"]:
        if not Organisation.objects.filter(slug=org["slug"]).exists():
            directory_services.organisation_create(**org)
    organiser = User.objects.filter(email=DEMO_ORGANISER).first()
    missions = delegates = items = 0
    for spec in data["mission"]:
        if Mission.objects.filter(slug=spec["slug"]).exists():
            continue
        mission = _mission(spec, today, organiser)
        items += _items(mission, spec)
        if spec.get("delegates"):
            team = _delegation(mission, spec, organiser)
            delegates += len(team)
            travellers = [d for d in team if d.role != Delegate.Role.STAFF]
            _b2b(mission, spec, travellers, organiser)
            _outcomes(mission, spec, travellers)
        if spec["status"] == Mission.Status.FINISHED:
            _surveys(mission, spec, list(mission.delegates.exclude(role=Delegate.Role.STAFF).order_by("pk")))
        if spec.get("applications"):
            _applications(mission, spec)
        missions += 1
    return MissionsDemoResult(missions=missions, delegates=delegates, items=items)
