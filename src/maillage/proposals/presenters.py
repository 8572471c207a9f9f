"""What the pages and exports show: answers with their questions, score columns, CSV tables."""

from dataclasses import dataclass

from django.db.models import Count
from django.utils.translation import gettext as _

from . import selectors
from .models import Call, Proposal, Review


def answers(proposal: Proposal) -> list[tuple[str, str]]:
    """(question, answer) in the reader's language, for the questions the speaker answered."""
    out = []
    for question in proposal.call.questions.all():
        value = proposal.answers.get(str(question.pk), "")
        if value:
            labels = dict(question.choice_list())
            out.append((question.text, labels.get(value, value)))
    return out


def score_text(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}".replace("-", "−")


@dataclass(frozen=True)
class Row:
    proposal: Proposal
    scores: selectors.Scores

    @property
    def mean(self) -> str:
        return score_text(self.scores.mean)

    @property
    def std(self) -> str:
        return "" if self.scores.std is None else f"{self.scores.std:.2f}"

    @property
    def spread(self) -> str:
        if self.scores.low is None:
            return ""
        return f"{self.scores.low:+d} … {self.scores.high:+d}".replace("-", "−")


def proposal_rows(proposals) -> list[Row]:
    return [Row(p, selectors.scores_of(p)) for p in proposals]


def state_counts(call: Call) -> list[tuple[str, str, int]]:
    """(state, label, count) for every state that has proposals."""
    counts = dict(call.proposals.values_list("state").annotate(n=Count("pk")).order_by())
    return [(value, label, counts[value]) for value, label in Proposal.State.choices if counts.get(value)]


def proposals_table(call: Call) -> tuple[list[str], list[list]]:
    """Every proposal with its speakers, answers and score summary (one row each)."""
    questions = list(call.questions.all())
    header = [
        _("Id"), _("Title"), _("State"), _("Session type"), _("Duration"), _("Track"), _("Audience"),
        _("Language"), _("Speakers"), _("E-mail addresses"), _("Organisations"), _("Abstract"),
        _("Description"), _("Notes to the organisers"), _("Reviews"), _("Mean"), _("Standard deviation"),
        _("Lowest"), _("Highest"), _("Stars"), _("Submitted"),
        *[q.text for q in questions],
    ]  # fmt: skip
    proposals = (
        selectors.with_scores(Proposal.objects.filter(call=call))
        .select_related("session_type", "track")
        .prefetch_related("speakers__person__organisation")
        .annotate(star_total=Count("stars", distinct=True))
        .order_by("pk")
    )
    rows = []
    for p in proposals:
        scores = selectors.scores_of(p)
        speakers = [s for s in p.speakers.all() if s.accepted]
        rows.append(
            [
                p.pk, p.title, p.get_state_display(), p.session_type.name, p.session_type.duration, p.track.name,
                p.get_audience_display(), p.get_language_display(),
                "; ".join(s.name for s in speakers),
                "; ".join(s.email for s in speakers),
                "; ".join(sorted({s.person.organisation.name for s in speakers if s.person and s.person.organisation})),
                p.abstract, p.description, p.notes, scores.count,
                "" if scores.mean is None else round(scores.mean, 2),
                "" if scores.std is None else round(scores.std, 2),
                "" if scores.low is None else scores.low,
                "" if scores.high is None else scores.high,
                p.star_total,
                p.created.astimezone(call.edition.tzinfo).strftime("%Y-%m-%d %H:%M"),
                *[p.answers.get(str(q.pk), "") for q in questions],
            ]
        )  # fmt: skip
    return header, rows


def reviews_table(call: Call) -> tuple[list[str], list[list]]:
    header = [_("Proposal id"), _("Title"), _("Track"), _("Reviewer"), _("Score"), _("Comment"), _("Date")]
    reviews = (
        Review.objects.filter(proposal__call=call)
        .select_related("proposal__track", "reviewer")
        .order_by("proposal_id", "pk")
    )
    rows = [
        [
            r.proposal_id,
            r.proposal.title,
            r.proposal.track.name,
            str(r.reviewer),
            r.score,
            r.comment,
            r.updated.astimezone(call.edition.tzinfo).strftime("%Y-%m-%d %H:%M"),
        ]
        for r in reviews
    ]
    return header, rows
