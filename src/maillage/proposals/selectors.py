"""Reads of calls for proposals, with who-may-see-what applied where the data is fetched.

- Speakers see their own proposals (submitter or co-speaker who accepted).
- Reviewers see the proposals of their tracks, except those they are in conflict with: a speaker of their
  own organisation, or their own proposal. They never see a conflicted proposal nor its scores.
- The public sees the accepted proposals once the organisers open the preview.
- Organisers see everything.
"""

import datetime as dt
import math
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, F, Max, Min, OuterRef, Q, QuerySet, Sum
from django.utils import timezone

from maillage.directory.models import Person

from .models import Call, Extension, Proposal, ProposalSpeaker, Prospect, Review, Reviewer, Star

PREVIEW_STATES = (Proposal.State.ACCEPTED, Proposal.State.CONFIRMED)
REVIEWABLE_STATES = (
    Proposal.State.SUBMITTED,
    Proposal.State.WAITLISTED,
    Proposal.State.ACCEPTED,
    Proposal.State.REJECTED,
    Proposal.State.CONFIRMED,
)


def call_get(slug: str) -> Call:
    return Call.objects.select_related("edition", "event").get(edition__slug=slug)


def calls_listed(now: dt.datetime | None = None) -> list[Call]:
    """Calls open now or whose preview is open, for the index page."""
    now = now or timezone.now()
    return list(
        Call.objects.filter(Q(opens__lte=now, deadline__gt=now) | Q(preview_open=True))
        .select_related("edition")
        .order_by("deadline")
    )


def _organiser(user) -> bool:
    return bool(user.is_authenticated and user.is_organiser)


# Deadlines


def deadline_for(call: Call, user) -> dt.datetime:
    """The call's deadline, or this speaker's extension when later."""
    if user.is_authenticated:
        extension = Extension.objects.filter(call=call, user=user).values_list("until", flat=True).first()
        if extension and extension > call.deadline:
            return extension
    return call.deadline


def may_submit(call: Call, user, *, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return bool(user.is_authenticated) and call.opens <= now < deadline_for(call, user)


def may_edit(proposal: Proposal, user, *, now: dt.datetime | None = None) -> bool:
    """Its speakers, until the deadline (theirs, or any of its speakers' extension), while undecided."""
    if proposal.state != Proposal.State.SUBMITTED or not is_speaker(proposal, user):
        return False
    now = now or timezone.now()
    call = proposal.call
    users = proposal.speakers.filter(accepted__isnull=False).values_list("user_id", flat=True)
    extended = Extension.objects.filter(call=call, user__in=users).aggregate(until=Max("until"))["until"]
    return now < max(call.deadline, extended or call.deadline)


# Speakers


def is_speaker(proposal: Proposal, user) -> bool:
    return (
        bool(user.is_authenticated) and proposal.speakers.filter(user=user, accepted__isnull=False).exists()
    )


def proposals_of(user) -> QuerySet[Proposal]:
    """A speaker's proposals, every call."""
    if not user.is_authenticated:
        return Proposal.objects.none()
    return (
        Proposal.objects.filter(speakers__user=user, speakers__accepted__isnull=False)
        .select_related("call__edition", "session_type", "track")
        .distinct()
        .order_by("-created")
    )


def speakers_of(proposal: Proposal) -> list[ProposalSpeaker]:
    return list(proposal.speakers.select_related("person__organisation", "user"))


# Reviewers and conflicts of interest


def organisation_of(user) -> int | None:
    return Person.objects.filter(user=user).values_list("organisation_id", flat=True).first()


def conflicted(call: Call, user) -> QuerySet[Proposal]:
    """Proposals this user may not review nor see the scores of: their own, and those with a speaker of
    their organisation (as the directory says now)."""
    condition = Q(speakers__user=user) | Q(speakers__person__user=user)
    organisation = organisation_of(user)
    if organisation:
        condition |= Q(speakers__person__organisation_id=organisation) | Q(
            speakers__user__person__organisation_id=organisation
        )
    return Proposal.objects.filter(condition, call=call)


def reviewer_of(call: Call, user) -> Reviewer | None:
    if not user.is_authenticated:
        return None
    return Reviewer.objects.filter(call=call, user=user).prefetch_related("tracks").first()


def proposals_to_review(call: Call, user) -> QuerySet[Proposal]:
    """The proposals of this reviewer's tracks, conflicts removed, with their own review (if any)."""
    reviewer = reviewer_of(call, user)
    if reviewer is None:
        return Proposal.objects.none()
    mine = Review.objects.filter(proposal=OuterRef("pk"), reviewer=user)
    return (
        Proposal.objects.filter(call=call, track__in=reviewer.tracks.all(), state__in=REVIEWABLE_STATES)
        .exclude(pk__in=conflicted(call, user).values("pk"))
        .select_related("session_type", "track")
        .annotate(reviewed=Exists(mine), review_count=Count("reviews", distinct=True))
        .order_by("reviewed", "review_count", "pk")
    )


def may_review(proposal: Proposal, user) -> bool:
    return proposals_to_review(proposal.call, user).filter(pk=proposal.pk).exists()


@dataclass(frozen=True)
class Access:
    """What one user may do with one proposal (one place for the rules, read by views and templates)."""

    speaker: bool = False
    reviewer: bool = False
    organiser: bool = False

    @property
    def any(self) -> bool:
        return self.speaker or self.reviewer or self.organiser

    @property
    def sees_scores(self) -> bool:
        return self.organiser or self.reviewer


def access(proposal: Proposal, user) -> Access:
    if not user.is_authenticated:
        return Access()
    return Access(
        speaker=is_speaker(proposal, user),
        reviewer=may_review(proposal, user),
        organiser=_organiser(user),
    )


def reviews_visible(proposal: Proposal, user) -> list[Review]:
    """Organisers see every review; a reviewer sees the others' once they gave their own; speakers none."""
    reviews = list(proposal.reviews.select_related("reviewer"))
    if _organiser(user):
        return reviews
    if may_review(proposal, user) and any(r.reviewer_id == user.pk for r in reviews):
        return reviews
    return [r for r in reviews if r.reviewer_id == user.pk]


# Scores


@dataclass
class Scores:
    count: int = 0
    mean: float | None = None
    std: float | None = None
    low: int | None = None
    high: int | None = None


def _scores(count, total, squares, low, high) -> Scores:
    if not count:
        return Scores()
    mean = total / count
    variance = max(squares / count - mean * mean, 0.0)
    return Scores(count=count, mean=mean, std=math.sqrt(variance), low=low, high=high)


def with_scores(proposals: QuerySet[Proposal]) -> QuerySet[Proposal]:
    """Each proposal with its number of reviews, sum, sum of squares, lowest and highest score (one query;
    the standard deviation is computed from them, the same on SQLite and PostgreSQL)."""
    return proposals.annotate(
        n_reviews=Count("reviews"),
        score_sum=Sum("reviews__score"),
        score_squares=Sum(F("reviews__score") * F("reviews__score")),
        score_min=Min("reviews__score"),
        score_max=Max("reviews__score"),
        score_mean=Avg("reviews__score"),
    )


def scores_of(proposal) -> Scores:
    return _scores(
        proposal.n_reviews,
        proposal.score_sum or 0,
        proposal.score_squares or 0,
        proposal.score_min,
        proposal.score_max,
    )


@dataclass(frozen=True)
class ListFilters:
    track: str = ""
    state: str = ""
    sort: str = "score"  # score, reviews, recent


def proposals_for_organisers(call: Call, filters: ListFilters | None = None) -> QuerySet[Proposal]:
    filters = filters or ListFilters()
    proposals = Proposal.objects.filter(call=call).select_related(
        "call__edition", "session_type", "track", "submitter"
    )
    if filters.track:
        proposals = proposals.filter(track__slug=filters.track)
    if filters.state:
        proposals = proposals.filter(state=filters.state)
    proposals = with_scores(proposals)
    order = {
        "reviews": ["n_reviews", "pk"],
        "recent": ["-created", "-pk"],
    }.get(filters.sort, [F("score_mean").desc(nulls_last=True), "pk"])
    return proposals.order_by(*order)


# The progress dashboard


@dataclass
class ReviewerProgress:
    name: str
    tracks: list[str]
    assigned: int = 0
    done: int = 0

    @property
    def remaining(self) -> int:
        return self.assigned - self.done


@dataclass
class TrackProgress:
    name: str
    proposals: int = 0
    reviews: int = 0
    short: int = 0  # proposals with fewer reviews than wanted


@dataclass
class Dashboard:
    wanted: int
    proposals: int = 0
    reviews: int = 0
    reviewers: list[ReviewerProgress] = field(default_factory=list)
    tracks: list[TrackProgress] = field(default_factory=list)
    short: list[tuple[int, str, str, int]] = field(default_factory=list)  # (pk, title, track, reviews)


def dashboard(call: Call) -> Dashboard:
    """Review progress in a fixed number of queries, whatever the size: proposals under review with their
    tracks and the organisations of their speakers, reviewers with theirs, and who reviewed what."""
    proposals = list(
        Proposal.objects.filter(call=call, state__in=REVIEWABLE_STATES)
        .exclude(state=Proposal.State.WITHDRAWN)
        .values_list("pk", "title", "track_id")
        .order_by("pk")
    )
    organisations: dict[int, set[int]] = {}
    speaker_users: dict[int, set[int]] = {}
    for proposal_id, user_id, organisation_id, user_organisation in ProposalSpeaker.objects.filter(
        proposal__call=call
    ).values_list("proposal_id", "user_id", "person__organisation_id", "user__person__organisation_id"):
        found = organisations.setdefault(proposal_id, set())
        if organisation_id:
            found.add(organisation_id)
        if user_organisation:
            found.add(user_organisation)
        if user_id:
            speaker_users.setdefault(proposal_id, set()).add(user_id)
    reviewed_by: dict[int, set[int]] = {}
    for proposal_id, reviewer_id in Review.objects.filter(proposal__call=call).values_list(
        "proposal_id", "reviewer_id"
    ):
        reviewed_by.setdefault(proposal_id, set()).add(reviewer_id)
    tracks = {t.pk: t for t in call.edition.tracks.all()}
    reviewers = list(
        Reviewer.objects.filter(call=call)
        .select_related("user")
        .prefetch_related("tracks")
        .order_by("user__name")
    )
    own_organisation = dict(
        Person.objects.filter(user__in=[r.user_id for r in reviewers]).values_list(
            "user_id", "organisation_id"
        )
    )
    board = Dashboard(
        wanted=call.reviews_wanted,
        proposals=len(proposals),
        reviews=sum(len(reviewers_of) for reviewers_of in reviewed_by.values()),
    )
    by_track: dict[int, TrackProgress] = {pk: TrackProgress(name=t.name) for pk, t in tracks.items()}
    in_track: dict[int, list[int]] = {}
    empty: set[int] = set()
    for pk, title, track_id in proposals:
        count = len(reviewed_by.get(pk, empty))
        row = by_track[track_id]
        row.proposals += 1
        row.reviews += count
        in_track.setdefault(track_id, []).append(pk)
        if count < call.reviews_wanted:
            row.short += 1
            board.short.append((pk, title, tracks[track_id].name, count))
    for reviewer in reviewers:
        track_ids = {t.pk for t in reviewer.tracks.all()}
        user_id, organisation = reviewer.user_id, own_organisation.get(reviewer.user_id)
        progress = ReviewerProgress(
            name=str(reviewer.user), tracks=sorted(tracks[pk].name for pk in track_ids if pk in tracks)
        )
        for track_id in track_ids:
            for pk in in_track.get(track_id, ()):
                if user_id in speaker_users.get(pk, empty) or (
                    organisation and organisation in organisations.get(pk, empty)
                ):
                    continue
                progress.assigned += 1
                progress.done += user_id in reviewed_by.get(pk, empty)
        board.reviewers.append(progress)
    board.tracks = [row for row in by_track.values() if row.proposals]
    board.short.sort(key=lambda row: (row[3], row[0]))
    return board


# Scouting


@dataclass(frozen=True)
class ProspectRow:
    prospect: Prospect
    proposals: int  # proposals they submitted or joined in this call


def prospect_emails(call: Call) -> set[str]:
    """The addresses already on the call's list of people to invite."""
    return set(call.prospects.values_list("email", flat=True))


def prospects_with_answers(call: Call) -> list[ProspectRow]:
    prospects = list(
        call.prospects.select_related("person__organisation", "added_by", "user").order_by("name", "pk")
    )
    counts: dict[str, int] = {}
    for email, user_email in ProposalSpeaker.objects.filter(
        proposal__call=call, accepted__isnull=False
    ).values_list("email", "user__email"):
        for address in {email, user_email} - {None, ""}:
            counts[address.lower()] = counts.get(address.lower(), 0) + 1
    return [
        ProspectRow(p, counts.get(p.email, 0) or counts.get((p.user.email if p.user_id else ""), 0))
        for p in prospects
    ]


# The public preview


def in_preview(proposal: Proposal) -> bool:
    return proposal.call.preview_open and proposal.state in PREVIEW_STATES


def preview(call: Call) -> QuerySet[Proposal]:
    """Accepted proposals, when the organisers opened the preview (none otherwise), most starred first."""
    if not call.preview_open:
        return Proposal.objects.none()
    return preview_for_organisers(call)


def preview_for_organisers(call: Call) -> QuerySet[Proposal]:
    """What the preview will show once opened."""
    return (
        Proposal.objects.filter(call=call, state__in=PREVIEW_STATES)
        .select_related("session_type", "track")
        .prefetch_related("speakers")
        .annotate(star_count=Count("stars"))
        .order_by("track__name_fr", "title", "pk")
    )


def starred_ids(user, call: Call) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(Star.objects.filter(user=user, proposal__call=call).values_list("proposal_id", flat=True))
