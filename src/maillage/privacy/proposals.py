"""The call for proposals' side of personal data: what a person finds in "my data" (their proposals, the
invitations to speak they received, the reviews they wrote, the scouting entries about them), how an
erasure anonymises it and how long it is kept, with the rows that the call's figures count left in place
(states, tracks, session types, scores, stars)."""

import datetime as dt

from django.db import transaction
from django.db.models import Q, QuerySet

from maillage.accounts.models import User
from maillage.directory.models import Person
from maillage.proposals.models import Proposal, ProposalSpeaker, Prospect, Review, Star, new_token

# Stored, not translated (as the anonymous name): the same words in every list and export.
ANONYMOUS_TITLE = "Proposition anonymisée"
ANONYMOUS_NAME = "Personne anonymisée"
# Proposals that did not reach the programme: what the retention rule clears.
NOT_ACCEPTED = (
    Proposal.State.SUBMITTED,
    Proposal.State.WAITLISTED,
    Proposal.State.REJECTED,
    Proposal.State.WITHDRAWN,
)


def _iso(value) -> str | None:
    """A value of "my data" as text (dates in ISO 8601); here rather than in selectors, which imports this
    module, so that both use the one definition."""
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date | dt.datetime) else str(value)


def _about(user: User | None, person: Person | None, emails: set[str]) -> Q:
    """Rows of a model with `user`, `person` and `email` fields that concern this person."""
    mine = Q(pk__in=[])
    if user is not None:
        mine |= Q(user=user)
    if person is not None:
        mine |= Q(person=person)
    for email in emails:
        mine |= Q(email__iexact=email)
    return mine


def _speaker_rows(user, person, emails) -> QuerySet[ProposalSpeaker]:
    return ProposalSpeaker.objects.filter(_about(user, person, emails))


def _proposals_of(user, person, emails) -> QuerySet[Proposal]:
    speaking = _speaker_rows(user, person, emails).filter(accepted__isnull=False).values("proposal")
    mine = Q(pk__in=speaking)
    if user is not None:
        mine |= Q(submitter=user)
    return Proposal.objects.filter(mine).distinct()


def proposals_data(user: User, person: Person | None) -> dict[str, list[dict]]:
    emails = {e for e in (user.email, person.email if person else None) if e}
    proposals = _proposals_of(user, person, emails).select_related("call__edition", "session_type", "track")
    return {
        "proposals": [
            {
                "edition": p.call.edition.name,
                "title": p.title,
                "abstract": p.abstract,
                "description": p.description,
                "session_type": p.session_type.name,
                "track": str(p.track),
                "language": p.language,
                "notes": p.notes,
                "answers": " | ".join(f"{k}: {v}" for k, v in sorted(p.answers.items())),
                "slides": p.slides.name,
                "picture": p.picture.name,
                "state": p.state,
                "submitted_by_you": p.submitter_id == user.pk,
                "submitted": _iso(p.created),
                "decided": _iso(p.decided),
            }
            for p in proposals.order_by("created", "pk")
        ],
        "proposal_invitations": [
            {
                "edition": s.proposal.call.edition.name,
                "proposal": s.proposal.title,
                "name": s.name,
                "email": s.email,
                "accepted": _iso(s.accepted),
            }
            for s in _speaker_rows(user, person, emails)
            .select_related("proposal__call__edition")
            .order_by("proposal__created", "pk")
        ],
        "proposal_reviews": [
            {
                "edition": r.proposal.call.edition.name,
                "proposal": r.proposal.title,
                "score": r.score,
                "comment": r.comment,
                "written": _iso(r.created),
                "updated": _iso(r.updated),
            }
            for r in Review.objects.filter(reviewer=user)
            .select_related("proposal__call__edition")
            .order_by("created", "pk")
        ],
        "proposal_stars": [
            {
                "edition": s.proposal.call.edition.name,
                "proposal": s.proposal.title,
                "starred": _iso(s.created),
            }
            for s in Star.objects.filter(user=user).select_related("proposal__call__edition")
        ],
        "scouting": [
            {
                "edition": p.call.edition.name,
                "name": p.name,
                "email": p.email,
                "language": p.language,
                "where_met": p.where_met,
                "why": p.why,
                "invited": _iso(p.invited),
                "noted": _iso(p.created),
            }
            for p in Prospect.objects.filter(_about(user, person, emails))
            .select_related("call__edition")
            .order_by("created", "pk")
        ],
    }


def _files_delete_on_commit(proposals: QuerySet[Proposal]) -> None:
    for proposal in proposals.exclude(slides="", picture=""):
        for field in (proposal.slides, proposal.picture):
            if field.name:
                storage, name = field.storage, field.name
                transaction.on_commit(lambda s=storage, n=name: s.delete(n))


def _proposals_clear(proposals: QuerySet[Proposal]) -> int:
    """Clear what speakers wrote and sent; the row keeps its state, track, type and language. Titles of
    proposals in the programme (accepted, confirmed) stay: they are public as the activity's."""
    _files_delete_on_commit(proposals)
    cleared = proposals.update(abstract="", description="", notes="", answers={}, slides="", picture="")
    proposals.filter(state__in=NOT_ACCEPTED).update(title=ANONYMOUS_TITLE)
    return cleared


def _speakers_anonymise(speakers: QuerySet[ProposalSpeaker]) -> int:
    count = 0
    for speaker in speakers:  # one by one: each gets its own address and a token nobody holds
        speaker.name = ANONYMOUS_NAME
        speaker.email = f"anonymised-{speaker.pk}@invalid"
        speaker.token = new_token()
        speaker.save(update_fields=["name", "email", "token"])
        count += 1
    return count


def _prospects_anonymise(prospects: QuerySet[Prospect]) -> int:
    count = 0
    for prospect in prospects:
        prospect.name = ANONYMOUS_NAME
        prospect.email = f"anonymised-{prospect.pk}@invalid"
        prospect.where_met = prospect.why = ""
        prospect.save(update_fields=["name", "email", "where_met", "why"])
        count += 1
    return count


def proposals_anonymise(user: User | None, person: Person | None, old_emails: set[str]) -> None:
    """The erasure's part: the proposals they submitted are cleared, their rows as a speaker, invited
    co-speaker or scouted person lose name and address, their review comments are emptied (the scores stay,
    so averages and counts read the same)."""
    if user is not None:
        _proposals_clear(Proposal.objects.filter(submitter=user))
        Review.objects.filter(reviewer=user).update(comment="")
    _speakers_anonymise(_speaker_rows(user, person, old_emails))
    _prospects_anonymise(Prospect.objects.filter(_about(user, person, old_emails)))


def proposals_retention(*, before: dt.datetime) -> dict[str, int]:
    """The retention rule of a call whose deadline is before `before`: proposals that did not reach the
    programme are cleared (texts, files, co-speakers' names and addresses, review comments) and the
    scouting entries are deleted (organisers' notes about people who may never have answered)."""
    stale = Proposal.objects.filter(call__deadline__lt=before, state__in=NOT_ACCEPTED)
    to_clear = stale.exclude(abstract="", description="", notes="", answers={}, slides="", picture="")
    speakers = ProposalSpeaker.objects.filter(proposal__in=stale).exclude(email__endswith="@invalid")
    reviews = Review.objects.filter(proposal__in=stale).exclude(comment="")
    return {
        "proposals": _proposals_clear(
            Proposal.objects.filter(pk__in=list(to_clear.values_list("pk", flat=True)))
        ),
        "proposal_speakers": _speakers_anonymise(speakers),
        "proposal_reviews": reviews.update(comment=""),
        "scouting": Prospect.objects.filter(call__deadline__lt=before).delete()[0],
    }
