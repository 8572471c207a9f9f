"""Changes to calls for proposals. Each function is one transaction; e-mails leave after commit, in each
recipient's language. Deadlines are checked here, on the server, against the clock of the request.

Accounts: a person invited to submit (scouting) or to co-speak gets an account without a password (like an
organiser's invitation) and a directory person, so the link in the e-mail leads to a page where they choose
a password; accepting anything needs a logged-in account.
"""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.accounts.services import password_set_url, user_account
from maillage.common.emails import email_send_later
from maillage.common.times import require_aware
from maillage.common.uploads import upload_check
from maillage.directory import services as directory_services
from maillage.directory.models import Person
from maillage.programme import services as programme_services
from maillage.programme.models import Activity, Edition, Speaker, Track

from . import selectors
from .models import (
    Call,
    Extension,
    Proposal,
    ProposalSpeaker,
    Prospect,
    Question,
    Review,
    Reviewer,
    SessionType,
    Star,
)

CALL_FIELDS = [
    "intro_fr",
    "intro_en",
    "opens",
    "deadline",
    "event",
    "anonymous_review",
    "reviews_wanted",
    "preview_open",
]
PROPOSAL_FIELDS = [
    "title", "abstract", "description", "session_type", "track", "audience", "language", "notes", "answers",
]  # fmt: skip
SLIDES_MAX_BYTES = 20 * 1024 * 1024
PICTURE_MAX_BYTES = 5 * 1024 * 1024
DECISIONS = (Proposal.State.ACCEPTED, Proposal.State.WAITLISTED, Proposal.State.REJECTED)
# A decision can change until the speakers confirm (a waiting list moves up, an acceptance is reconsidered).
DECIDABLE = (Proposal.State.SUBMITTED, *DECISIONS)
MAX_SPEAKERS = 6


def _notify(*, to: str, language: str, template: str, context: dict) -> None:
    if to:
        email_send_later(
            to=to,
            language=language if language in ("fr", "en") else "fr",
            template=f"proposals/email/{template}",
            context={"site_url": settings.SITE_URL, **context},
        )


def _split_name(name: str) -> tuple[str, str]:
    """First and last name for the directory, which needs both: a single word keeps a dash as last name,
    for the person (or an organiser) to complete."""
    parts = name.strip().split(None, 1)
    if len(parts) == 2:
        return parts[0], parts[1]
    return (parts[0] if parts else "?"), "—"


def person_for_user(user: User, *, name: str = "") -> Person:
    """The user's directory person, linked (found by e-mail) or created: programme speakers and conflicts of
    interest (a reviewer of the same organisation) are read from it."""
    person = Person.objects.filter(user=user).first()
    if person:
        return person
    person = Person.objects.filter(email=user.email, user__isnull=True).first()
    if person is None:
        first, last = _split_name(name or user.name or user.email.split("@")[0])
        person = directory_services.person_create(
            first_name=first, last_name=last, email=user.email, is_listed=False
        )
    return directory_services.person_link_account(person=person, user=user)


def account_for(*, email: str, name: str, language: str) -> tuple[User, bool]:
    """The account of this address (accounts' own, created without a password when there is none) with its
    directory person; returns it and whether it still needs a password, which our e-mail then offers."""
    user, _created = user_account(email=email, name=name, language=language)
    person_for_user(user, name=name)
    return user, not user.has_usable_password()


def _lock(call: Call) -> Call:
    return Call.objects.select_for_update().get(pk=call.pk)


# The call


def _call_check(call: Call) -> None:
    require_aware(call.opens, call.deadline)
    if call.event_id and call.event.edition_id != call.edition_id:
        raise ValidationError({"event": _("This event belongs to another edition.")})
    if call.opens and call.deadline and call.deadline <= call.opens:
        raise ValidationError({"deadline": _("The deadline must come after the opening.")})
    call.full_clean()


@transaction.atomic
def call_create(*, edition: Edition, opens: dt.datetime, deadline: dt.datetime, **fields) -> Call:
    unknown = set(fields) - set(CALL_FIELDS)
    if unknown:
        raise ValueError(f"Unknown call fields: {sorted(unknown)}")
    if Call.objects.filter(edition=edition).exists():
        raise ValidationError(_("This edition already has a call for proposals."))
    call = Call(edition=edition, opens=opens, deadline=deadline, **fields)
    _call_check(call)
    call.save()
    return call


@transaction.atomic
def call_update(*, call: Call, **fields) -> Call:
    unknown = set(fields) - set(CALL_FIELDS)
    if unknown:
        raise ValueError(f"Unknown call fields: {sorted(unknown)}")
    call = _lock(call)
    for name, value in fields.items():
        setattr(call, name, value)
    _call_check(call)
    call.save()
    return call


@transaction.atomic
def session_type_add(
    *, call: Call, name_fr: str, duration: int, name_en: str = "", kind: str = Activity.Kind.TALK
) -> SessionType:
    session_type = SessionType(
        call=call,
        name_fr=name_fr.strip(),
        name_en=name_en.strip() or name_fr.strip(),
        kind=kind,
        duration=duration,
        position=call.session_types.count(),
    )
    session_type.full_clean()
    session_type.save()
    return session_type


@transaction.atomic
def question_add(
    *, call: Call, text_fr: str, text_en: str = "", kind: str = Question.Kind.TEXT, choices: str = "",
    required: bool = False,
) -> Question:  # fmt: skip
    question = Question(
        call=call,
        text_fr=text_fr.strip(),
        text_en=text_en.strip() or text_fr.strip(),
        kind=kind,
        choices=choices.strip(),
        required=required,
        position=call.questions.count(),
    )
    question.full_clean()
    if kind == Question.Kind.CHOICE and len(question.choice_list()) < 2:
        raise ValidationError({"choices": _("A choice question needs at least two choices, one per line.")})
    question.save()
    return question


@transaction.atomic
def extension_grant(*, call: Call, user: User, until: dt.datetime, by: User | None) -> Extension:
    """A later deadline for one speaker (their new proposals and their edits)."""
    require_aware(until)
    if until <= call.deadline:
        raise ValidationError({"until": _("An extension ends after the call's deadline.")})
    extension, _created = Extension.objects.update_or_create(
        call=call, user=user, defaults={"until": until, "granted_by": by}
    )
    return extension


# Proposals


def _check_fields(call: Call, fields: dict) -> None:
    session_type, track = fields.get("session_type"), fields.get("track")
    if session_type is not None and session_type.call_id != call.pk:
        raise ValidationError({"session_type": _("Choose one of this call's session types.")})
    if track is not None and track.edition_id != call.edition_id:
        raise ValidationError({"track": _("Choose one of this edition's tracks.")})
    if "answers" in fields:
        fields["answers"] = _clean_answers(call, fields["answers"] or {})


def _clean_answers(call: Call, answers: dict) -> dict:
    """Answers keyed by question pk (as text); a required question left empty, or a choice not offered, is
    refused on the question's own field (``question_<pk>``)."""
    clean, errors = {}, {}
    for question in call.questions.all():
        value = str(answers.get(str(question.pk), answers.get(question.pk, "")) or "").strip()
        if not value and question.required:
            errors[f"question_{question.pk}"] = _("Please answer this question.")
        elif value and question.kind == Question.Kind.CHOICE and value not in dict(question.choice_list()):
            errors[f"question_{question.pk}"] = _("Choose one of the answers offered.")
        elif value:
            clean[str(question.pk)] = value[:5000]
    if errors:
        raise ValidationError(errors)
    return clean


def _attach_files(proposal: Proposal, *, slides=None, picture=None) -> None:
    errors = {}
    for name, file, kinds, limit in (
        ("slides", slides, ("pdf",), SLIDES_MAX_BYTES),
        ("picture", picture, ("image",), PICTURE_MAX_BYTES),
    ):
        if file is None:
            continue
        try:
            upload_check(file, kinds=kinds, max_bytes=limit)
        except ValidationError as error:
            errors[name] = error.messages
            continue
        getattr(proposal, name).save(file.name, file, save=False)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def proposal_submit(
    *, call: Call, user: User, slides=None, picture=None, now: dt.datetime | None = None, **fields
) -> Proposal:
    """A new proposal by `user`, refused after their deadline (the call's, or their extension)."""
    unknown = set(fields) - set(PROPOSAL_FIELDS)
    if unknown:
        raise ValueError(f"Unknown proposal fields: {sorted(unknown)}")
    now = now or timezone.now()
    if not selectors.may_submit(call, user, now=now):
        raise ValidationError(_("The call for proposals is closed."), code="call_closed")
    _check_fields(call, fields)
    proposal = Proposal(call=call, submitter=user, **fields)
    proposal.full_clean(exclude=["slides", "picture", "answers"])
    _attach_files(proposal, slides=slides, picture=picture)
    proposal.save()
    person = person_for_user(user)
    ProposalSpeaker.objects.create(
        proposal=proposal,
        user=user,
        person=person,
        name=person.full_name or user.name,
        email=user.email,
        accepted=now,
    )
    _notify(
        to=user.email,
        language=user.language,
        template="received",
        context={
            "proposal": proposal,
            "edition": call.edition,
            "deadline": selectors.deadline_for(call, user),
        },
    )
    return proposal


@transaction.atomic
def proposal_update(
    *, proposal: Proposal, user: User, slides=None, picture=None, now: dt.datetime | None = None, **fields
) -> Proposal:
    """A speaker's edit, until their deadline and while no decision is taken."""
    unknown = set(fields) - set(PROPOSAL_FIELDS)
    if unknown:
        raise ValueError(f"Unknown proposal fields: {sorted(unknown)}")
    proposal = Proposal.objects.select_for_update(of=("self",)).select_related("call").get(pk=proposal.pk)
    if not selectors.may_edit(proposal, user, now=now or timezone.now()):
        raise ValidationError(_("This proposal can no longer be changed."), code="proposal_locked")
    _check_fields(proposal.call, fields)
    for name, value in fields.items():
        setattr(proposal, name, value)
    proposal.full_clean(exclude=["slides", "picture", "answers"])
    _attach_files(proposal, slides=slides, picture=picture)
    proposal.save()
    return proposal


@transaction.atomic
def proposal_withdraw(*, proposal: Proposal, user: User) -> Proposal:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if not selectors.is_speaker(proposal, user):
        raise ValidationError(_("Only its speakers can withdraw a proposal."))
    if proposal.state in (Proposal.State.CONFIRMED, Proposal.State.WITHDRAWN):
        raise ValidationError(_("This proposal can no longer be withdrawn here: write to the organisers."))
    proposal.state = Proposal.State.WITHDRAWN
    proposal.save(update_fields=["state", "updated"])
    return proposal


@transaction.atomic
def cospeaker_invite(
    *, proposal: Proposal, by: User, name: str, email: str, language: str = ""
) -> ProposalSpeaker:
    """Invite a co-speaker by e-mail: they accept through the link, logged in (an account without a password
    is created for a new address, and the e-mail says how to choose one)."""
    proposal = (
        Proposal.objects.select_for_update(of=("self",)).select_related("call__edition").get(pk=proposal.pk)
    )
    if not selectors.is_speaker(proposal, by) or proposal.state in (
        Proposal.State.WITHDRAWN,
        Proposal.State.REJECTED,
    ):
        raise ValidationError(_("You cannot invite speakers to this proposal."))
    email = email.strip().lower()
    if proposal.speakers.filter(email=email).exists():
        raise ValidationError({"email": _("This person is already a speaker of this proposal.")})
    if proposal.speakers.count() >= MAX_SPEAKERS:
        raise ValidationError(_("A proposal has at most %(count)s speakers.") % {"count": MAX_SPEAKERS})
    user, needs_password = account_for(email=email, name=name, language=language or proposal.language)
    speaker = ProposalSpeaker(
        proposal=proposal,
        name=name.strip(),
        email=email,
        person=Person.objects.filter(user=user).first(),
        position=proposal.speakers.count(),
    )
    speaker.full_clean(exclude=["user", "person"])
    speaker.save()
    _notify(
        to=email,
        language=user.language,
        template="cospeaker",
        context={
            "speaker": speaker,
            "proposal": proposal,
            "by": by,
            "edition": proposal.call.edition,
            "password_url": password_set_url(user) if needs_password else "",
        },
    )
    return speaker


@transaction.atomic
def cospeaker_accept(*, token: str, user: User) -> ProposalSpeaker:
    """The invited person, logged in, joins the proposal (their account and directory person are linked)."""
    try:
        speaker = (
            ProposalSpeaker.objects.select_for_update(of=("self",))
            .select_related("proposal")
            .get(token=token)
        )
    except ProposalSpeaker.DoesNotExist:
        raise ValidationError(_("This invitation does not exist or was withdrawn."), code="unknown") from None
    if speaker.accepted:
        if speaker.user_id == user.pk:
            return speaker
        raise ValidationError(_("This invitation was already accepted."), code="used")
    if speaker.proposal.speakers.filter(user=user).exists():
        raise ValidationError(_("You are already a speaker of this proposal."), code="already")
    if speaker.proposal.state in (Proposal.State.WITHDRAWN, Proposal.State.REJECTED):
        raise ValidationError(_("This proposal is no longer considered."), code="closed")
    person = person_for_user(user, name=speaker.name)
    speaker.user, speaker.person, speaker.accepted = user, person, timezone.now()
    speaker.save(update_fields=["user", "person", "accepted"])
    return speaker


# Scouting


@transaction.atomic
def prospect_add(
    *, call: Call, added_by: User | None, person: Person | None = None, name: str = "", email: str = "",
    language: str = "fr", where_met: str = "", why: str = "",
) -> Prospect:  # fmt: skip
    """Someone to invite: a directory person (name and e-mail from the directory) or a name and an address."""
    if person is not None:
        name = name or person.full_name
        email = email or person.email or ""
    email = email.strip().lower()
    if not email:
        raise ValidationError({"email": _("An e-mail address is needed to invite this person.")})
    if call.prospects.filter(email=email).exists():
        raise ValidationError({"email": _("This person is already on the list.")})
    prospect = Prospect(
        call=call,
        person=person,
        name=name.strip(),
        email=email,
        language=language,
        where_met=where_met.strip(),
        why=why.strip(),
        added_by=added_by,
    )
    prospect.full_clean()
    prospect.save()
    return prospect


@transaction.atomic
def prospect_invite(*, prospect: Prospect, by: User, message: str = "") -> Prospect:
    """A personal invitation to submit (again, if already sent), with the call's link."""
    prospect = (
        Prospect.objects.select_for_update(of=("self",)).select_related("call__edition").get(pk=prospect.pk)
    )
    user, needs_password = account_for(email=prospect.email, name=prospect.name, language=prospect.language)
    if prospect.person_id and prospect.person.user_id is None:
        directory_services.person_link_account(person=prospect.person, user=user)
    prospect.user, prospect.invited = user, timezone.now()
    prospect.save(update_fields=["user", "invited"])
    _notify(
        to=prospect.email,
        language=prospect.language,
        template="invitation",
        context={
            "prospect": prospect,
            "by": by,
            "message": message.strip(),
            "call": prospect.call,
            "edition": prospect.call.edition,
            "password_url": password_set_url(user) if needs_password else "",
        },
    )
    return prospect


# Review


@transaction.atomic
def reviewer_set(*, call: Call, user: User, tracks: Iterable[Track]) -> Reviewer:
    """Make `user` a reviewer of these tracks (no track: no longer a reviewer; their reviews stay)."""
    tracks = list(tracks)
    if any(track.edition_id != call.edition_id for track in tracks):
        raise ValidationError({"tracks": _("Choose tracks of this edition.")})
    if not tracks:
        Reviewer.objects.filter(call=call, user=user).delete()
        return Reviewer(call=call, user=user)
    reviewer, _created = Reviewer.objects.get_or_create(call=call, user=user)
    reviewer.tracks.set(tracks)
    person_for_user(user)
    return reviewer


@transaction.atomic
def review_save(*, proposal: Proposal, reviewer: User, score: int, comment: str = "") -> Review:
    """A reviewer's score and comment (changed as often as they like until a decision)."""
    if not selectors.may_review(proposal, reviewer):
        raise ValidationError(_("You cannot review this proposal."), code="not_allowed")
    if proposal.state not in (Proposal.State.SUBMITTED, Proposal.State.WAITLISTED):
        raise ValidationError(_("A decision was taken: reviews are closed."), code="decided")
    review, _created = Review.objects.get_or_create(
        proposal=proposal, reviewer=reviewer, defaults={"score": score, "comment": comment.strip()}
    )
    review.score, review.comment = score, comment.strip()
    review.full_clean()
    review.save()
    return review


# Decisions and confirmation


@transaction.atomic
def proposals_decide(*, call: Call, proposal_ids: Iterable[int], state: str, notify: bool = True) -> int:
    """Accept, put on the waiting list or reject these proposals at once; each speaker is told by e-mail in
    their own language (notify). Confirmed or withdrawn proposals are left as they are. Returns how many
    changed."""
    if state not in DECISIONS:
        raise ValidationError(_("Unknown decision."))
    proposals = list(
        Proposal.objects.select_for_update()
        .filter(call=call, pk__in=list(proposal_ids), state__in=DECIDABLE)
        .exclude(state=state)
    )
    now = timezone.now()
    for proposal in proposals:
        proposal.state, proposal.decided = state, now
    Proposal.objects.bulk_update(proposals, ["state", "decided"], batch_size=500)
    if notify:
        speakers = ProposalSpeaker.objects.filter(
            proposal__in=proposals, accepted__isnull=False, user__isnull=False
        ).select_related("user", "proposal__session_type")
        for speaker in speakers:
            _notify(
                to=speaker.user.email,
                language=speaker.user.language,
                template=f"decision_{state}",
                context={"speaker": speaker, "proposal": speaker.proposal, "edition": call.edition},
            )
    return len(proposals)


def _speaker_of(edition: Edition, person: Person) -> Speaker:
    speaker = Speaker.objects.filter(edition=edition, person=person).first()
    return speaker or programme_services.speaker_create(edition=edition, person=person)


def _event_of(call: Call):
    if call.event_id:
        return call.event
    event = call.edition.events.order_by("pk").first()
    return event or programme_services.event_create(edition=call.edition, name=call.edition.name)


@transaction.atomic
def proposal_confirm(
    *, proposal: Proposal, user: User, unavailable: Iterable[tuple[dt.datetime, dt.datetime]] = (),
    bio_fr: str = "", bio_en: str = "",
) -> Activity:  # fmt: skip
    """An accepted speaker confirms, with the parts of the edition they cannot speak: the proposal becomes
    a programme activity (draft, unplaced) with its speakers, their unavailability and the preview's stars as
    favourites, so the optimiser and the conflict grid respect them."""
    proposal = (
        Proposal.objects.select_for_update(of=("self",))
        .select_related("call__edition", "call__event", "session_type", "track")
        .get(pk=proposal.pk)
    )
    if not selectors.is_speaker(proposal, user):
        raise ValidationError(_("Only its speakers can confirm a proposal."))
    if proposal.state != Proposal.State.ACCEPTED:
        raise ValidationError(_("Only an accepted proposal can be confirmed."), code="not_accepted")
    edition = proposal.call.edition
    speakers = []
    for link in proposal.speakers.filter(accepted__isnull=False).select_related("user"):
        person = link.person or person_for_user(link.user, name=link.name)
        speaker = _speaker_of(edition, person)
        if link.user_id == user.pk:
            programme_services.speaker_update_profile(
                speaker=speaker,
                bio_fr=bio_fr or speaker.bio_fr,
                bio_en=bio_en or speaker.bio_en,
                unavailable=list(unavailable),
            )
        speakers.append(speaker)
    stars = list(proposal.stars.select_related("user"))
    text = {"fr": ("title_fr", "description_fr"), "en": ("title_en", "description_en")}[proposal.language]
    activity = programme_services.activity_create(
        event=_event_of(proposal.call),
        speakers=speakers,
        kind=proposal.session_type.kind,
        duration=proposal.session_type.duration,
        language=proposal.language,
        audience=proposal.audience,
        track=proposal.track,
        expected_attendance=len(stars),
        status=Activity.Status.DRAFT,
        **{text[0]: proposal.title, text[1]: proposal.abstract},
    )
    for star in stars:
        programme_services.favourite_star(user=star.user, activity=activity)
    proposal.state, proposal.activity = Proposal.State.CONFIRMED, activity
    proposal.save(update_fields=["state", "activity", "updated"])
    return activity


# The public preview


@transaction.atomic
def star_set(*, user: User, proposal: Proposal, starred: bool) -> None:
    """A member would (or no longer would) attend; once the proposal is an activity, the star is also its
    programme favourite, which the optimiser reads."""
    if not selectors.in_preview(proposal):
        raise ValidationError(_("This proposal is not in the preview."))
    if starred:
        Star.objects.get_or_create(user=user, proposal=proposal)
    else:
        Star.objects.filter(user=user, proposal=proposal).delete()
    if proposal.activity_id:
        if starred:
            programme_services.favourite_star(user=user, activity=proposal.activity)
        else:
            programme_services.favourite_unstar(user=user, activity=proposal.activity)


@transaction.atomic
def stars_claim(*, user: User, proposal_ids: Iterable[int]) -> int:
    """The stars a visitor gave before logging in (kept in their browser's session) become the member's
    own: each proposal still in the preview is starred; returns how many are now counted."""
    claimed = 0
    for proposal in Proposal.objects.filter(pk__in=list(proposal_ids)).select_related("call", "activity"):
        if selectors.in_preview(proposal):
            star_set(user=user, proposal=proposal, starred=True)
            claimed += 1
    return claimed
