"""The network's front page: what is coming (the next digital week, B2B sessions open to registration,
missions whose call for delegates is open) beside the directory search. It sits above every domain app, so that no app has to
know the others (``common`` stays below them all).

For the same reason the people met on missions reach the call for proposals' scouting here: missions and
proposals sit side by side and neither imports the other, so the scouting page loads this list (htmx, or a
link without JavaScript) and its "add to the list" goes through proposals' own service."""

import datetime as dt
from dataclasses import dataclass, field

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.accounts.permissions import organiser_required
from maillage.directory import selectors as directory_selectors
from maillage.matchmaking import selectors as matchmaking_selectors
from maillage.matchmaking.models import B2BSession
from maillage.missions import selectors as missions_selectors
from maillage.missions.models import Discovery, Mission
from maillage.programme import selectors as programme_selectors
from maillage.programme.models import Activity, Edition
from maillage.proposals import selectors as proposals_selectors
from maillage.proposals import services as proposals_services
from maillage.proposals.models import Call


@dataclass
class Upcoming:
    edition: Edition | None = None
    sessions: list[B2BSession] = field(default_factory=list)
    missions: list = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return self.edition is None and not self.sessions and not self.missions


def upcoming_for(user, *, today: dt.date) -> Upcoming:
    edition = (
        programme_selectors.editions_public()
        .filter(end_date__gte=today)
        .annotate(
            activity_count=Count(
                "events__activities", filter=Q(events__activities__status=Activity.Status.PUBLISHED)
            )
        )
        .order_by("start_date")
        .first()
    )
    coming = [B2BSession.Status.OPEN, B2BSession.Status.SCHEDULED, B2BSession.Status.PUBLISHED]
    sessions = [
        s
        for s in matchmaking_selectors.sessions_visible(user).filter(status__in=coming)
        if s.last_day is None or s.last_day >= today
    ]
    now = timezone.now()
    missions = list(
        missions_selectors.missions_visible(user)
        .filter(status=Mission.Status.CALL_OPEN, end_date__gte=today)
        .filter(Q(call_deadline__isnull=True) | Q(call_deadline__gt=now))
        .order_by("start_date")
    )
    return Upcoming(
        edition=edition, sessions=sorted(sessions, key=lambda s: s.first_day or today), missions=missions
    )


def home(request):
    context = {
        "stats": directory_selectors.directory_stats(),
        "upcoming": upcoming_for(request.user, today=timezone.localdate()),
    }
    return render(request, "home.html", context)


# Scouting speakers among the people met on missions


@dataclass
class MetOnMission:
    discovery: Discovery
    on_list: bool

    @property
    def where(self) -> str:
        """The mission and the place, as the scouting list keeps it ("where we met")."""
        found = self.discovery
        place = found.item.title if found.item_id else found.where_met
        text = f"{found.mission.title} — {place}" if place else str(found.mission.title)
        if found.origin_country:
            text = f"{text} ({found.origin_country})"
        return text[:200]


def met_on_missions(call: Call) -> list[MetOnMission]:
    listed = proposals_selectors.prospect_emails(call)
    return [
        MetOnMission(d, (d.person.email or "").lower() in listed) for d in missions_selectors.people_met()
    ]


def _call(edition: str) -> Call:
    try:
        return proposals_selectors.call_get(edition)
    except Call.DoesNotExist:
        raise Http404 from None


@organiser_required
def scouting_missions(request, edition):
    """People met on missions, for the call's scouting page: loaded into it, or a page of its own."""
    call = _call(edition)
    context = {"call": call, "edition": call.edition, "rows": met_on_missions(call)}
    template = "proposals/_met_on_missions.html" if request.htmx else "proposals/met_on_missions.html"
    return render(request, template, context)


@require_POST
@organiser_required
def scouting_missions_add(request, edition, pk):
    """Put someone met on a mission on the call's list, with the mission and the place as where we met and
    the delegation's notes as why."""
    call = _call(edition)
    try:
        found = missions_selectors.discovery_get(pk)
    except Discovery.DoesNotExist:
        raise Http404 from None
    if found.person is None:
        raise Http404
    language = directory_selectors.person_language(found.person)
    try:
        proposals_services.prospect_add(
            call=call,
            added_by=request.user,
            person=found.person,
            language=language,
            where_met=MetOnMission(found, on_list=False).where,
            why=found.notes,
        )
    except ValidationError as error:
        for text in error.messages:
            messages.error(
                request, _("%(name)s: %(error)s") % {"name": found.person.full_name, "error": text}
            )
    else:
        messages.success(request, _("%(name)s added to the list.") % {"name": found.person.full_name})
    return redirect(f"{reverse('proposals:scouting', args=[edition])}#prospects")
