"""What the platform holds about one person, gathered from every app (the right of access), and the audit
log as organisers search it."""

import datetime as dt

from django.apps import apps
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from maillage.accounts.models import KnownDevice, User
from maillage.common.models import AuditEvent
from maillage.directory.models import Person
from maillage.matchmaking.models import Meeting, MeetingOutcome, MeetingRequest, Participant
from maillage.programme.models import Favourite, Speaker

from .models import ErasureRequest, ListingConsent
from .proposals import _iso, proposals_data

SECTION_LABELS = {
    "account": _("Account"),
    "devices": _("Devices you logged in from"),
    "favourites": _("Starred activities"),
    "erasure_requests": _("Erasure requests"),
    "audit": _("Your actions in the audit log"),
    "person": _("Directory entry"),
    "organisation": _("Organisation"),
    "listing_consents": _("Choices to be listed publicly"),
    "b2b_participations": _("B2B sessions you registered for"),
    "b2b_requests": _("B2B meeting requests"),
    "b2b_meetings": _("B2B meetings"),
    "b2b_outcomes": _("B2B meeting outcomes and notes"),
    "speaker_profiles": _("Speaker profiles"),
    "mission_applications": _("Applications to missions"),
    "mission_delegations": _("Mission delegations"),
    "mission_testimonials": _("Mission testimonials"),
    "mission_surveys": _("Mission follow-up surveys"),
    "mission_discoveries": _("People and organisations met on missions"),
    "proposals": _("Proposals to a call for proposals"),
    "proposal_invitations": _("Invitations to speak on a proposal"),
    "proposal_reviews": _("Reviews you wrote"),
    "proposal_stars": _("Proposals you would attend"),
    "scouting": _("Organisers' notes on inviting you to speak"),
}


def sections_summary(data: dict[str, list[dict]]) -> list[tuple[str, int]]:
    return [(str(SECTION_LABELS.get(name, name)), len(rows)) for name, rows in data.items()]


def missions_installed() -> bool:
    return apps.is_installed("maillage.missions")


def person_of(user: User) -> Person | None:
    return Person.objects.filter(user=user).select_related("organisation").first()


def person_data(user: User) -> dict[str, list[dict]]:
    """Every record about `user` and their directory entry, by section (the same for JSON and CSV):
    plain values only, times in ISO 8601 with their offset."""
    person = person_of(user)
    data: dict[str, list[dict]] = {
        "account": [
            {
                "email": user.email,
                "name": user.name,
                "role": user.role,
                "language": user.language,
                "date_joined": _iso(user.date_joined),
                "last_login": _iso(user.last_login),
            }
        ],
        "devices": [
            {
                "device": d.label,
                "network": d.network,
                "first_seen": _iso(d.first_seen),
                "last_seen": _iso(d.last_seen),
            }
            for d in KnownDevice.objects.filter(user=user).order_by("first_seen")
        ],
        "favourites": [
            {
                "edition": f.activity.event.edition.name,
                "activity": f.activity.title,
                "start": _iso(f.activity.start),
                "starred": _iso(f.created),
            }
            for f in Favourite.objects.filter(user=user).select_related("activity__event__edition")
        ],
        "erasure_requests": [
            {"status": r.status, "asked": _iso(r.created), "carried_out": _iso(r.handled)}
            for r in ErasureRequest.objects.filter(user=user)
        ],
        "audit": [
            {"when": _iso(e.created), "action": e.action, "object": e.object_type, "ip": e.ip}
            for e in AuditEvent.objects.filter(actor=user).order_by("created")[:5000]
        ],
    }
    data.update(_directory_data(person))
    data.update(_b2b_data(person))
    data.update(_speaker_data(person))
    if missions_installed():
        data.update(_missions_data(user, person))
    data.update(proposals_data(user, person))
    return data


def _directory_data(person: Person | None) -> dict[str, list[dict]]:
    if person is None:
        return {"person": [], "organisation": [], "listing_consents": []}
    organisation = person.organisation
    return {
        "person": [
            {
                "first_name": person.first_name,
                "last_name": person.last_name,
                "job_title": person.role,
                "email": person.email,
                "phone": person.phone,
                "languages": " ".join(person.languages),
                "biography": person.bio,
                "listed_publicly": person.is_listed,
                "listed_since": _iso(person.listed_since),
                "created": _iso(person.created),
                "updated": _iso(person.updated),
            }
        ],
        "organisation": [
            {"name": organisation.name, "key": organisation.slug, "website": organisation.website}
        ]
        if organisation
        else [],
        "listing_consents": [
            {"listed": c.listed, "how": c.source, "when": _iso(c.created)}
            for c in ListingConsent.objects.filter(person=person).order_by("created", "pk")
        ],
    }


def _b2b_data(person: Person | None) -> dict[str, list[dict]]:
    if person is None:
        return {key: [] for key in ("b2b_participations", "b2b_requests", "b2b_meetings", "b2b_outcomes")}
    participations = list(
        Participant.objects.filter(person=person)
        .select_related("session", "organisation")
        .prefetch_related("sectors")
    )
    mine = [p.pk for p in participations]
    requests = (
        MeetingRequest.objects.filter(Q(sender__in=mine) | Q(recipient__in=mine))
        .select_related("session", "sender__person", "recipient__person")
        .order_by("created", "pk")
    )
    meetings = (
        Meeting.objects.filter(published=True)
        .filter(Q(request__sender__in=mine) | Q(request__recipient__in=mine))
        .select_related("session", "slot", "table", "request__sender__person", "request__recipient__person")
        .order_by("slot__start")
    )
    return {
        "b2b_participations": [
            {
                "session": p.session.name,
                "organisation": p.organisation_name,
                "offers": p.offers,
                "needs": p.needs,
                "languages": " ".join(p.languages),
                "looking_for": " ".join(p.looking_for),
                "sectors": " ".join(s.slug for s in p.sectors.all()),
                "registered": _iso(p.created),
            }
            for p in participations
        ],
        "b2b_requests": [
            {
                "session": r.session.name,
                "direction": "sent" if r.sender_id in mine else "received",
                "other": (r.recipient if r.sender_id in mine else r.sender).name,
                "message": r.message,
                "priority": r.priority,
                "status": r.status,
                "sent": _iso(r.created),
                "answered": _iso(r.answered),
            }
            for r in requests
        ],
        "b2b_meetings": [
            {
                "session": m.session.name,
                "start": _iso(m.slot.start),
                "table": m.table.label,
                "with": (m.request.recipient if m.request.sender_id in mine else m.request.sender).name,
                "status": m.status,
            }
            for m in meetings
        ],
        "b2b_outcomes": [
            {
                "session": o.meeting.session.name,
                "start": _iso(o.meeting.slot.start),
                "outcome": o.outcome,
                "notes": o.notes,
            }
            for o in MeetingOutcome.objects.filter(participant__in=mine).select_related(
                "meeting__session", "meeting__slot"
            )
        ],
    }


def _speaker_data(person: Person | None) -> dict[str, list[dict]]:
    if person is None:
        return {"speaker_profiles": []}
    return {
        "speaker_profiles": [
            {
                "edition": s.edition.name,
                "biography_fr": s.bio_fr,
                "biography_en": s.bio_en,
                "activities": " | ".join(a.title for a in s.activities.all()),
            }
            for s in Speaker.objects.filter(person=person)
            .select_related("edition")
            .prefetch_related("activities")
        ]
    }


def _applications_of(user: User, person: Person | None) -> QuerySet:
    from maillage.missions.models import Application

    mine = Q(user=user)
    if person is not None:
        mine |= Q(person=person)
        if person.email:
            mine |= Q(email__iexact=person.email)
    mine |= Q(email__iexact=user.email)
    return Application.objects.filter(mine)


def _missions_data(user: User, person: Person | None) -> dict[str, list[dict]]:
    from maillage.missions.models import Delegate, Discovery, FollowUpSurvey, Testimonial

    delegates = list(Delegate.objects.filter(person=person).select_related("mission")) if person else []
    return {
        "mission_applications": [
            {
                "mission": a.mission.title,
                "first_name": a.first_name,
                "last_name": a.last_name,
                "email": a.email,
                "phone": a.phone,
                "organisation": a.organisation_name,
                "objectives": a.objectives,
                "offers": a.offers,
                "needs": a.needs,
                "status": a.status,
                "submitted": _iso(a.created),
                "decided": _iso(a.decided),
            }
            for a in _applications_of(user, person).select_related("mission").order_by("created", "pk")
        ],
        "mission_delegations": [
            {
                "mission": d.mission.title,
                "role": d.role,
                "diet": d.diet,
                "accessibility": d.accessibility,
                "arrival": _iso(d.arrival),
                "departure": _iso(d.departure),
            }
            for d in delegates
        ],
        "mission_testimonials": [
            {"mission": t.mission.title, "text": t.text, "published": t.published, "written": _iso(t.created)}
            for t in Testimonial.objects.filter(delegate__in=delegates).select_related("mission")
        ],
        "mission_surveys": [
            {
                "mission": s.mission.title,
                "wave": s.wave,
                "answered": _iso(s.answered),
                "contract": s.contract,
                "hire": s.hire,
                "office_abroad": s.office_abroad,
                "hosted_startup": s.hosted_startup,
                "comments": s.comments,
            }
            for s in FollowUpSurvey.objects.filter(delegate__in=delegates).select_related("mission")
        ],
        # Met on a mission (a delegate noted where and why), or noted by them as a delegate.
        "mission_discoveries": [
            {
                "mission": d.mission.title,
                "organisation": d.organisation.name,
                "about_you": d.person_id is not None and person is not None and d.person_id == person.pk,
                "where_met": d.where_met,
                "notes": d.notes,
                "favourite": d.favourite,
                "noted": _iso(d.created),
            }
            for d in Discovery.objects.filter(
                Q(person=person) | Q(recorded_by__in=delegates) if person else Q(pk__in=[])
            ).select_related("mission", "organisation")
        ],
    }


def audit_events_search(
    *, person: str = "", action: str = "", start: dt.date | None = None, end: dt.date | None = None
) -> QuerySet[AuditEvent]:
    """The audit log filtered by who acted (name or e-mail, in part), action code (in part) and days."""
    events = AuditEvent.objects.select_related("actor")
    if person:
        events = events.filter(Q(actor__email__icontains=person) | Q(actor__name__icontains=person))
    if action:
        events = events.filter(action__icontains=action)
    if start:
        events = events.filter(created__date__gte=start)
    if end:
        events = events.filter(created__date__lte=end)
    return events.order_by("-created", "-pk")


def erasure_requests_pending() -> QuerySet[ErasureRequest]:
    return ErasureRequest.objects.filter(status=ErasureRequest.Status.PENDING).select_related(
        "user", "person"
    )
