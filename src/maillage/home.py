"""The network's front page: what is coming (the next digital week, B2B sessions open to registration,
missions whose call for delegates is open) beside the directory search. It sits above every domain app, so that no app has to
know the others (``common`` stays below them all)."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.shortcuts import render
from django.utils import timezone

from maillage.directory import selectors as directory_selectors
from maillage.matchmaking import selectors as matchmaking_selectors
from maillage.matchmaking.models import B2BSession
from maillage.missions import selectors as missions_selectors
from maillage.missions.models import Mission
from maillage.programme import selectors as programme_selectors
from maillage.programme.models import Activity, Edition


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
