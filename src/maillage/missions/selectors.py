"""Reads of missions, with who-may-see-what applied where the data is fetched.

Visitors see public missions (not drafts). Applicants see their own application; delegates their mission's
private space (itinerary, delegation, outcomes) and their own data; people of a partner organisation given
access read the mission's figures; organisers see and change everything.

Itinerary flags and figures are returned as codes with parameters and numbers; `presenters` turns them into
sentences and chart data in the reader's language.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import groupby, pairwise

from django.db.models import Case, Count, F, IntegerField, Q, QuerySet, Sum, Value, When
from django.db.models.functions import ExtractYear

from maillage.common.text import fold
from maillage.directory.models import Corridor, Organisation
from maillage.matchmaking import selectors as matchmaking_selectors
from maillage.matchmaking.models import LIVE, Meeting, MeetingOutcome, MeetingRequest, Participant

from .models import (
    Application,
    Delegate,
    Discovery,
    FollowUpSurvey,
    ItineraryItem,
    Lead,
    Mission,
    MissionPartner,
    Photo,
    Testimonial,
)


def is_organiser(user) -> bool:
    return bool(user.is_authenticated and user.is_organiser)


def missions_visible(user) -> QuerySet[Mission]:
    missions = Mission.objects.select_related("corridor")
    if is_organiser(user):
        return missions
    seen = Q(is_public=True) & ~Q(status=Mission.Status.DRAFT)
    if user.is_authenticated:
        mine = Mission.objects.filter(
            Q(delegates__person__user=user) | Q(applications__user=user) | Q(partners__viewers__user=user)
        ).values("pk")
        seen |= Q(pk__in=mine)
    return missions.filter(seen)


@dataclass
class Access:
    """What one user may do with one mission (read once per request, used by views and templates)."""

    mission: Mission
    organiser: bool = False
    delegate: Delegate | None = None
    application: Application | None = None
    partner_viewer: bool = False

    @property
    def private(self) -> bool:
        return self.organiser or self.delegate is not None

    @property
    def figures(self) -> bool:
        return self.organiser or self.partner_viewer


def mission_access(slug: str, *, user) -> Access:
    """The mission as `user` may see it (DoesNotExist when they may not), with their rights on it."""
    mission = missions_visible(user).get(slug=slug)
    access = Access(mission, organiser=is_organiser(user))
    if user.is_authenticated:
        access.delegate = (
            Delegate.objects.select_related("person__organisation", "person__user")
            .filter(mission=mission, person__user=user)
            .first()
        )
        access.application = Application.objects.filter(mission=mission, user=user).first()
        access.partner_viewer = MissionPartner.objects.filter(mission=mission, viewers__user=user).exists()
    return access


def applications_of(mission: Mission, *, status: str = "") -> QuerySet[Application]:
    applications = Application.objects.filter(mission=mission).prefetch_related("sectors")
    return applications.filter(status=status) if status else applications


def applications_of_user(user) -> QuerySet[Application]:
    return Application.objects.filter(user=user).select_related("mission").order_by("-created")


def delegates_of(mission: Mission) -> QuerySet[Delegate]:
    return Delegate.objects.filter(mission=mission).select_related("person__organisation", "person__user")


def seats(mission: Mission) -> dict:
    taken = Delegate.objects.filter(
        mission=mission, role__in=[Delegate.Role.LEAD, Delegate.Role.DELEGATE]
    ).count()
    return {
        "taken": taken,
        "capacity": mission.capacity,
        "full": mission.capacity is not None and taken >= mission.capacity,
    }


def partners_of(mission: Mission) -> QuerySet[MissionPartner]:
    return MissionPartner.objects.filter(mission=mission).select_related("organisation", "contact")


# Itinerary


def items_of(mission: Mission) -> list[ItineraryItem]:
    return list(
        ItineraryItem.objects.filter(mission=mission)
        .select_related("organisation__city", "activity", "b2b_session", "contact", "mission")
        .prefetch_related("attendees__person")
        .order_by("start", "pk")
    )


def item_get(mission: Mission, pk: int) -> ItineraryItem:
    return ItineraryItem.objects.select_related("mission", "organisation", "contact").get(
        mission=mission, pk=pk
    )


@dataclass(frozen=True)
class Flag:
    """Something wrong with an item: ``overlap`` (with ``other``, for ``who``), ``place_gap`` (the delegation
    is in ``was`` and the next item in ``now``), ``outside_dates``."""

    code: str
    other: str = ""
    who: str = ""
    was: str = ""
    now: str = ""


def _same_city(a: str, b: str) -> bool:
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


def _saved_attendees(item: ItineraryItem) -> Iterable[Delegate]:
    return item.attendees.all()


def _in_order(item: ItineraryItem) -> tuple:
    # An item being typed has no pk yet: it comes after the saved items that start at the same time.
    return (item.start, item.pk is None, item.pk or 0)


def itinerary_flags(
    mission: Mission,
    items: list[ItineraryItem],
    *,
    attendees_of: Callable[[ItineraryItem], Iterable[Delegate]] = _saved_attendees,
) -> dict[int | None, list[Flag]]:
    """Flags per item pk, as the programme grid shows its conflicts: overlaps for the whole delegation or
    for one delegate, legs that do not connect (arriving in one city, the next item in another, or two
    items in different cities with no leg between), items outside the mission's dates.

    `attendees_of` gives who attends an item that is not everyone's: an item being typed (not saved, its
    pk None) has no attendees in the database yet; see `item_flags_as_typed`."""
    flags: dict[int | None, list[Flag]] = defaultdict(list)
    for item in items:
        if item.local_start.date() < mission.start_date or item.local_end.date() > mission.end_date:
            flags[item.pk].append(Flag("outside_dates"))
    shared = [i for i in items if i.everyone]
    audiences: list[tuple[str, list[ItineraryItem]]] = [("", shared)]
    own: dict[int, tuple[str, list[ItineraryItem]]] = {}
    for item in items:
        if item.everyone:
            continue
        for delegate in attendees_of(item):
            own.setdefault(delegate.pk, (delegate.person.full_name, []))[1].append(item)
    for name, extra in own.values():
        audiences.append((name, sorted([*shared, *extra], key=_in_order)))
    seen: set[tuple[int | None, int | None, str]] = set()
    for who, timeline in audiences:
        busy = [i for i in timeline if i.kind != ItineraryItem.Kind.FREE]
        latest: ItineraryItem | None = None
        for item in busy:
            if (
                latest is not None
                and item.start < latest.end
                and (not who or not (item.everyone and latest.everyone))
            ):
                for one, other in ((item, latest), (latest, item)):
                    key = (one.pk, other.pk, "overlap")
                    if key not in seen:
                        seen.add(key)
                        flags[one.pk].append(Flag("overlap", other=other.title, who=who))
            if latest is None or item.end > latest.end:
                latest = item
        for before, after in pairwise(busy):
            was, now = before.end_city, after.city
            if (
                was
                and now
                and not _same_city(was, now)
                and (not who or not (before.everyone and after.everyone))
            ):
                key = (after.pk, before.pk, "place_gap")
                if key not in seen:
                    seen.add(key)
                    flags[after.pk].append(Flag("place_gap", other=before.title, who=who, was=was, now=now))
    return dict(flags)


def item_flags_as_typed(
    mission: Mission,
    *,
    item: ItineraryItem | None,
    attendees: Iterable[Delegate] = (),
    **fields,
) -> list[Flag]:
    """The flags `item` (None: a new one) would get if saved with `fields` and `attendees` as typed, for
    the editor to show while the organiser types. Nothing is written: the same `itinerary_flags` runs on
    the saved itinerary with an unsaved copy in the item's place."""
    concrete = ItineraryItem._meta.concrete_fields
    unknown = sorted(set(fields) - {f.name for f in concrete})
    if unknown:
        raise ValueError(f"Unknown itinerary item fields: {', '.join(unknown)}")
    draft = ItineraryItem(mission=mission)
    if item is not None:
        for one in concrete:
            if one.name != "mission":
                setattr(draft, one.attname, getattr(item, one.attname))
    for name, value in fields.items():
        setattr(draft, name, value)
    chosen = list(attendees)
    others = [i for i in items_of(mission) if item is None or i.pk != item.pk]
    timeline = sorted([*others, draft], key=_in_order)

    def attendees_of(one: ItineraryItem) -> Iterable[Delegate]:
        return chosen if one is draft else one.attendees.all()

    return itinerary_flags(mission, timeline, attendees_of=attendees_of).get(draft.pk, [])


# A delegate's agenda


@dataclass
class AgendaEntry:
    kind: str
    title: str
    start: dt.datetime
    end: dt.datetime
    zone: object
    end_zone: object
    city: str = ""
    place: str = ""
    details: list[str] = field(default_factory=list)
    item: ItineraryItem | None = None
    meeting: Meeting | None = None
    updated: dt.datetime | None = None

    @property
    def local_start(self) -> dt.datetime:
        return self.start.astimezone(self.zone)

    @property
    def local_end(self) -> dt.datetime:
        return self.end.astimezone(self.end_zone)

    @property
    def crosses_zones(self) -> bool:
        return self.local_start.utcoffset() != self.local_end.utcoffset()


def items_for(delegate: Delegate) -> list[ItineraryItem]:
    return [i for i in items_of(delegate.mission) if i.everyone or delegate in i.attendees.all()]


def participant_for(delegate: Delegate, session) -> Participant | None:
    return (
        Participant.objects.select_related("person__user", "organisation", "session", "booth")
        .filter(session=session, person=delegate.person)
        .first()
    )


def agenda_for(delegate: Delegate) -> list[AgendaEntry]:
    """The delegate's itinerary plus their own published B2B meetings, in time order, each entry with its
    own zone (a travel leg: one zone at each end); titles and the meetings' reasons in the active language."""
    entries: list[AgendaEntry] = []
    sessions = []
    for item in items_for(delegate):
        details = [item.description] if item.description else []
        if item.kind == ItineraryItem.Kind.TRAVEL:
            place = f"{item.place or item.city} → {item.arrival_place or item.arrival_city}"
            if item.transport:
                details.insert(0, item.transport)
        else:
            place = item.place
        if item.contact_id:
            details.append(item.contact.full_name)
        entries.append(
            AgendaEntry(
                kind=item.kind,
                title=item.title,
                start=item.start,
                end=item.end,
                zone=item.tzinfo,
                end_zone=item.end_zone,
                city=item.city,
                place=place,
                details=details,
                item=item,
                updated=item.updated,
            )
        )
        if item.kind == ItineraryItem.Kind.B2B and item.b2b_session_id and item.b2b_session not in sessions:
            sessions.append(item.b2b_session)
    for session in sessions:
        participant = participant_for(delegate, session)
        if participant is None:
            continue
        for meeting_item in matchmaking_selectors.agenda_for(participant):
            meeting, other = meeting_item.meeting, meeting_item.other
            who = f"{other.name} ({other.organisation_name})" if other.organisation_name else other.name
            entries.append(
                AgendaEntry(
                    kind="meeting",
                    title=who,
                    start=meeting.slot.start,
                    end=meeting.slot.end,
                    zone=session.tzinfo,
                    end_zone=session.tzinfo,
                    place=f"{meeting.table.label} · {session.name}",
                    details=list(meeting_item.reasons),
                    meeting=meeting,
                    updated=meeting.updated,
                )
            )
    entries.sort(key=lambda e: (e.start, e.kind == "meeting"))
    return entries


def by_local_day(entries: list[AgendaEntry]) -> list[tuple[dt.date, list[AgendaEntry]]]:
    """Entries grouped by their day where they happen (each in its own zone)."""
    return [(day, list(group)) for day, group in groupby(entries, key=lambda e: e.local_start.date())]


@dataclass
class Contact:
    name: str
    role: str
    organisation: str
    email: str
    phone: str


def booklet_contacts(mission: Mission) -> tuple[list[Contact], list[Contact]]:
    """The hosts' contacts (partners' and visits' contact people) and the delegation's (its delegates and
    staff): only for this mission's delegates and organisers, who are the booklet's readers."""
    hosts: dict[int, Contact] = {}
    for partner in partners_of(mission).filter(contact__isnull=False):
        person = partner.contact
        hosts[person.pk] = Contact(
            person.full_name,
            partner.get_role_display(),
            partner.organisation.name,
            person.email or "",
            person.phone,
        )
    for item in ItineraryItem.objects.filter(mission=mission, contact__isnull=False).select_related(
        "contact", "organisation"
    ):
        person = item.contact
        hosts.setdefault(
            person.pk,
            Contact(
                person.full_name,
                person.role,
                item.organisation.name if item.organisation_id else "",
                person.email or "",
                person.phone,
            ),
        )
    delegation = [
        Contact(
            d.person.full_name,
            d.get_role_display(),
            d.person.organisation.name if d.person.organisation_id else "",
            d.person.email or "",
            d.person.phone,
        )
        for d in delegates_of(mission)
    ]
    return list(hosts.values()), delegation


# Outcomes


def discoveries_of(mission: Mission) -> QuerySet[Discovery]:
    return Discovery.objects.filter(mission=mission).select_related(
        "organisation", "person", "item", "recorded_by__person"
    )


def people_met(*, limit: int = 100) -> list[Discovery]:
    """Discoveries that name a person, across missions, for organisers looking for speakers (no one else
    may read them): the delegation's favourites first, then the latest missions'."""
    return list(
        Discovery.objects.filter(person__isnull=False)
        .select_related(
            "mission",
            "organisation",
            "person__organisation",
            "item__organisation",
            "item__activity",
            "item__b2b_session",
        )
        .order_by("-favourite", "-mission__end_date", "-created", "pk")[:limit]
    )


def discovery_get(pk: int) -> Discovery:
    return Discovery.objects.select_related("mission", "organisation", "person", "item__organisation").get(
        pk=pk
    )


def leads_of(mission: Mission) -> QuerySet[Lead]:
    return Lead.objects.filter(mission=mission).select_related("organisation", "recorded_by__person")


def mission_testimonials(mission: Mission, *, published_only: bool = False) -> QuerySet[Testimonial]:
    testimonials = Testimonial.objects.filter(mission=mission).select_related(
        "delegate__person__organisation"
    )
    return testimonials.filter(published=True) if published_only else testimonials


def photos_of(mission: Mission, *, published_only: bool = False) -> QuerySet[Photo]:
    photos = Photo.objects.filter(mission=mission)
    return photos.filter(published=True) if published_only else photos


def survey_for(delegate: Delegate, wave: int) -> FollowUpSurvey:
    return FollowUpSurvey.objects.select_related("mission").get(
        delegate=delegate, wave=wave, sent__isnull=False
    )


# Reports


RESULTS = ["contract", "hire", "office_abroad", "hosted_startup"]


@dataclass
class MissionFigures:
    delegates: int
    roles: dict[str, int]
    applications: dict[str, int]
    visits: int
    organisations_visited: int
    events: int
    workshops: int
    meetings_requested: int
    meetings_scheduled: int
    meetings_held: int
    meeting_outcomes: dict[str, int]
    discoveries: int
    favourites: int
    countries_met: list[str]
    leads: dict[str, int]
    leads_won: int
    testimonials: int
    photos: int
    surveys_sent: int
    surveys_answered: int
    results: dict[str, int]
    sectors: list[tuple[str, int]]
    regions: list[tuple[str, int]]

    @property
    def leads_total(self) -> int:
        return sum(self.leads.values())

    @property
    def results_total(self) -> int:
        return sum(self.results.values())


def _delegation_meetings(mission: Mission) -> tuple[QuerySet[MeetingRequest], QuerySet[Meeting]]:
    """The requests and published meetings of the mission's B2B sessions that involve a delegate."""
    sessions = ItineraryItem.objects.filter(mission=mission, b2b_session__isnull=False).values("b2b_session")
    people = Delegate.objects.filter(mission=mission).values("person")
    requests = MeetingRequest.objects.filter(session__in=sessions).filter(
        Q(sender__person__in=people) | Q(recipient__person__in=people)
    )
    meetings = Meeting.objects.filter(LIVE, session__in=sessions).filter(
        Q(request__sender__person__in=people) | Q(request__recipient__person__in=people)
    )
    return requests, meetings


def mission_figures(mission: Mission) -> MissionFigures:
    delegates = Delegate.objects.filter(mission=mission)
    roles = Counter(delegates.values_list("role", flat=True))
    applications = Counter(Application.objects.filter(mission=mission).values_list("status", flat=True))
    items = Counter(ItineraryItem.objects.filter(mission=mission).values_list("kind", flat=True))
    visited = (
        ItineraryItem.objects.filter(mission=mission, kind=ItineraryItem.Kind.VISIT)
        .values("organisation")
        .distinct()
        .count()
    )
    requests, meetings = _delegation_meetings(mission)
    statuses = Counter(meetings.values_list("status", flat=True))
    outcomes = Counter(
        MeetingOutcome.objects.filter(meeting__in=meetings.values("pk")).values_list("outcome", flat=True)
    )
    discoveries = Discovery.objects.filter(mission=mission)
    countries = sorted({c for c in discoveries.values_list("origin_country", flat=True) if c})
    leads = Lead.objects.filter(mission=mission)
    surveys = FollowUpSurvey.objects.filter(mission=mission)
    results = surveys.filter(answered__isnull=False).aggregate(
        **{name: Count("pk", filter=Q(**{name: True})) for name in RESULTS}
    )
    sectors = Counter()
    regions = Counter()
    for delegate in delegates.select_related("person__organisation__region").prefetch_related(
        "person__organisation__sectors"
    ):
        organisation = delegate.person.organisation
        if organisation is None:
            continue
        regions[
            organisation.region.name if organisation.region_id else organisation.get_country_display() or "—"
        ] += 1
        for sector in organisation.sectors.all():
            sectors[sector.name] += 1
    return MissionFigures(
        delegates=sum(roles.values()),
        roles=dict(roles),
        applications=dict(applications),
        visits=items.get(ItineraryItem.Kind.VISIT, 0),
        organisations_visited=visited,
        events=items.get(ItineraryItem.Kind.EVENT, 0),
        workshops=items.get(ItineraryItem.Kind.WORKSHOP, 0),
        meetings_requested=requests.count(),
        meetings_scheduled=sum(statuses.values()),
        meetings_held=statuses.get(Meeting.Status.HELD, 0),
        meeting_outcomes=dict(outcomes),
        discoveries=discoveries.count(),
        favourites=discoveries.filter(favourite=True).count(),
        countries_met=countries,
        leads=dict(Counter(leads.values_list("kind", flat=True))),
        leads_won=leads.filter(status=Lead.Status.WON).count(),
        testimonials=Testimonial.objects.filter(mission=mission).count(),
        photos=Photo.objects.filter(mission=mission).count(),
        surveys_sent=surveys.filter(sent__isnull=False).count(),
        surveys_answered=surveys.filter(answered__isnull=False).count(),
        results=results,
        sectors=sectors.most_common(12),
        regions=regions.most_common(12),
    )


def report_rows(mission: Mission) -> list[dict]:
    """One row per outcome for the CSV: discoveries, leads and survey results."""
    rows = []
    for d in discoveries_of(mission):
        rows.append(
            {
                "type": "discovery",
                "organisation": d.organisation.name,
                "detail": d.where_met,
                "country": d.origin_country,
                "status": "favourite" if d.favourite else "",
                "date": d.created.date().isoformat(),
            }
        )
    for lead in leads_of(mission):
        rows.append(
            {
                "type": f"lead:{lead.kind}",
                "organisation": lead.organisation.name if lead.organisation_id else "",
                "detail": lead.title,
                "country": "",
                "status": lead.status,
                "date": lead.created.date().isoformat(),
            }
        )
    for survey in (
        FollowUpSurvey.objects.filter(mission=mission, answered__isnull=False)
        .select_related("delegate__person__organisation", "with_organisation")
        .order_by("wave", "pk")
    ):
        rows.append(
            {
                "type": f"survey:{survey.wave}",
                "organisation": survey.delegate.person.organisation.name
                if survey.delegate.person.organisation_id
                else "",
                "detail": ";".join(name for name in RESULTS if getattr(survey, name)),
                "country": survey.with_organisation.name if survey.with_organisation_id else "",
                "status": "answered",
                "date": survey.answered.date().isoformat(),
            }
        )
    return rows


@dataclass
class DashboardRow:
    corridor: str
    year: int
    missions: int = 0
    delegates: int = 0
    visits: int = 0
    meetings_held: int = 0
    partnerships: int = 0
    results: int = 0


@dataclass
class Dashboard:
    rows: list[DashboardRow]
    years: list[int]
    by_visit_kind: list[tuple[str, int, int]]  # kind code, visits, partnership leads from those visits
    corridors: list[Corridor]


def corridor_dashboard(*, corridor: Corridor | None = None) -> Dashboard:
    """Across missions and years: missions, delegates, visits, B2B meetings held, partnerships (leads to
    explore and results reported in the surveys), per corridor and year; and which kind of organisation
    visited yields partnerships. A handful of grouped queries, whatever the number of missions."""
    missions = Mission.objects.all()
    if corridor is not None:
        missions = missions.filter(corridor=corridor)
    info = {
        pk: (name or "—", year)
        for pk, name, year in missions.annotate(year=ExtractYear("start_date")).values_list(
            "pk", "corridor__name", "year"
        )
    }
    table: dict[tuple[str, int], DashboardRow] = {}

    def row(mission_pk: int) -> DashboardRow:
        name, year = info[mission_pk]
        return table.setdefault((name, year), DashboardRow(name, year))

    for pk in info:
        row(pk).missions += 1
    ids = list(info)
    for pk, n in Delegate.objects.filter(mission__in=ids).values_list("mission").annotate(n=Count("pk")):
        row(pk).delegates += n
    for pk, n in (
        ItineraryItem.objects.filter(mission__in=ids, kind=ItineraryItem.Kind.VISIT)
        .values_list("mission")
        .annotate(n=Count("pk"))
    ):
        row(pk).visits += n
    # Held meetings counted per session (one index scan), then given to the missions whose itinerary has it.
    missions_of_session = defaultdict(set)
    for mission_pk, session_pk in ItineraryItem.objects.filter(
        mission__in=ids, b2b_session__isnull=False
    ).values_list("mission", "b2b_session"):
        missions_of_session[session_pk].add(mission_pk)
    held = (
        Meeting.objects.filter(LIVE, status=Meeting.Status.HELD, session__in=list(missions_of_session))
        .values_list("session")
        .annotate(n=Count("pk"))
    )
    for session_pk, n in held:
        for pk in missions_of_session[session_pk]:
            row(pk).meetings_held += n
    for pk, n in (
        Lead.objects.filter(mission__in=ids, kind=Lead.Kind.PARTNERSHIP)
        .values_list("mission")
        .annotate(n=Count("pk"))
    ):
        row(pk).partnerships += n
    sums = {
        name: Sum(Case(When(**{name: True}, then=Value(1)), default=Value(0), output_field=IntegerField()))
        for name in RESULTS
    }
    for values in (
        FollowUpSurvey.objects.filter(mission__in=ids, answered__isnull=False)
        .values("mission")
        .annotate(**sums)
    ):
        row(values["mission"]).results += sum(values[name] or 0 for name in RESULTS)
    visits = dict(
        ItineraryItem.objects.filter(mission__in=ids, kind=ItineraryItem.Kind.VISIT)
        .values_list("organisation__kind")
        .annotate(n=Count("pk"))
    )
    partnerships = dict(
        Lead.objects.filter(
            mission__in=ids,
            kind=Lead.Kind.PARTNERSHIP,
            organisation__mission_items__kind=ItineraryItem.Kind.VISIT,
            organisation__mission_items__mission=F("mission"),
        )
        .values_list("organisation__kind")
        .annotate(n=Count("pk", distinct=True))
    )
    by_kind = sorted(
        ((kind, n, partnerships.get(kind, 0)) for kind, n in visits.items()),
        key=lambda t: (-t[2], -t[1], t[0]),
    )
    rows = sorted(table.values(), key=lambda r: (r.corridor, r.year))
    return Dashboard(
        rows=rows,
        years=sorted({r.year for r in rows}),
        by_visit_kind=by_kind,
        corridors=list(Corridor.objects.filter(missions__isnull=False).distinct().order_by("name")),
    )


# The organisation page


@dataclass
class OrganisationMission:
    mission: Mission
    roles: list[str]
    leads: int
    results: int
    discovered: bool


def missions_for_organisation(organisation: Organisation, *, user) -> list[OrganisationMission]:
    """Missions that visited the organisation, had it as a partner or discovered it, and what came of them
    (leads with it, results reported with it), among the missions `user` may see."""
    visible = missions_visible(user)
    visited = set(
        ItineraryItem.objects.filter(organisation=organisation, kind=ItineraryItem.Kind.VISIT).values_list(
            "mission", flat=True
        )
    )
    partner = defaultdict(list)
    for mission_pk, role in MissionPartner.objects.filter(organisation=organisation).values_list(
        "mission", "role"
    ):
        partner[mission_pk].append(role)
    discovered = set(Discovery.objects.filter(organisation=organisation).values_list("mission", flat=True))
    ids = visited | set(partner) | discovered
    if not ids:
        return []
    leads = dict(
        Lead.objects.filter(organisation=organisation, mission__in=ids)
        .values_list("mission")
        .annotate(n=Count("pk"))
    )
    results = Counter()
    for survey in FollowUpSurvey.objects.filter(
        with_organisation=organisation, mission__in=ids, answered__isnull=False
    ):
        results[survey.mission_id] += len(survey.results)
    labels = dict(MissionPartner.Role.choices)
    rows = []
    for mission in visible.filter(pk__in=ids).order_by("-start_date"):
        roles = ([str(ItineraryItem.Kind.VISIT.label)] if mission.pk in visited else []) + [
            str(labels[r]) for r in partner.get(mission.pk, [])
        ]
        rows.append(
            OrganisationMission(
                mission, roles, leads.get(mission.pk, 0), results[mission.pk], mission.pk in discovered
            )
        )
    return rows
