"""Writes about personal data: consent to be listed, erasure (anonymisation everywhere), retention."""

import calendar
import datetime as dt
from importlib import import_module

from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from maillage.accounts.models import KnownDevice, User
from maillage.common.audit import audit_record
from maillage.common.models import AuditEvent, OutboundEmail
from maillage.directory.models import Person
from maillage.matchmaking.models import MeetingOutcome, MeetingRequest, Participant, RecommendationList
from maillage.programme.models import Speaker
from maillage.programme.services import activity_search_refresh

from .models import ErasureRequest, ListingConsent
from .proposals import proposals_anonymise, proposals_retention
from .selectors import missions_installed

# Stored, not translated: the same words in every report and export, whatever the reader's language.
ANONYMOUS_FIRST_NAME = "Personne"
ANONYMOUS_LAST_NAME = "anonymisée"
ANONYMOUS_NAME = f"{ANONYMOUS_FIRST_NAME} {ANONYMOUS_LAST_NAME}"


@transaction.atomic
def listing_consent_record(
    *, person: Person, listed: bool, source: str, by: User | None = None, request=None
) -> ListingConsent:
    """Set whether `person` is listed publicly and keep when and how that was decided. Only a change is
    recorded (saving a profile unchanged adds nothing), and the first record is always kept."""
    last = ListingConsent.objects.filter(person=person).order_by("-created", "-pk").first()
    if person.is_listed != listed:
        person.is_listed = listed
        person.save(update_fields=["is_listed", "updated"])
    if last is not None and last.listed == listed:
        return last
    consent = ListingConsent.objects.create(person=person, listed=listed, source=source, recorded_by=by)
    audit_record(
        action="privacy.consent_changed",
        request=request,
        actor=by,
        obj=person,
        params={"listed": listed, "source": source},
    )
    return consent


@transaction.atomic
def erasure_request_create(*, user: User, request=None) -> ErasureRequest:
    existing = ErasureRequest.objects.filter(user=user, status=ErasureRequest.Status.PENDING).first()
    if existing:
        return existing
    erasure = ErasureRequest.objects.create(user=user, person=Person.objects.filter(user=user).first())
    audit_record(action="privacy.erasure_requested", request=request, actor=user, obj=erasure)
    return erasure


@transaction.atomic
def erasure_request_cancel(*, erasure: ErasureRequest) -> None:
    if erasure.status == ErasureRequest.Status.PENDING:
        erasure.status = ErasureRequest.Status.CANCELLED
        erasure.save(update_fields=["status"])


@transaction.atomic
def person_anonymise(
    *, by: User, person: Person | None = None, user: User | None = None, request=None
) -> None:
    """Erase a person's identity everywhere while keeping every row that a report counts.

    Names become "Personne anonymisée", e-mail and phone are cleared, every free text they wrote (biography,
    offers and needs, request messages, meeting notes, mission objectives, testimonials, survey comments,
    proposals and their files, review comments) is emptied, organisers' scouting notes about them too, the
    e-mails written to them are deleted, and the account is closed. Rows stay, with their links to sessions,
    organisations, sectors, outcomes, proposal states and review scores, so that a session's report, a
    mission's figures or a call's dashboard read the same counts afterwards."""
    if person is None and user is None:
        raise ValidationError(_("Nobody to anonymise."))
    if person is None:
        person = Person.objects.filter(user=user).first()
    if user is None and person is not None:
        user = person.user
    if user is not None and user.pk == by.pk:
        raise ValidationError(_("Another organiser must carry out the erasure of your own data."))
    now = timezone.now()
    old_emails = {e for e in (user.email if user else None, person.email if person else None) if e}
    old_names = {n for n in (user.name if user else "", person.full_name if person else "") if n.strip()}
    if person is not None:
        _anonymise_person(person)
    if user is not None:
        _anonymise_user(user)
    if missions_installed():  # also for those met on a mission, who have no account
        _anonymise_missions(user, person, old_emails)
    proposals_anonymise(user, person, old_emails)
    _emails_forget(old_emails, old_names)
    for email in old_emails:
        axes_reset(username=email.lower())
    ErasureRequest.objects.filter(
        Q(user=user) if user else Q(person=person), status=ErasureRequest.Status.PENDING
    ).update(status=ErasureRequest.Status.DONE, handled=now, handled_by=by)
    audit_record(
        action="privacy.person_anonymised",
        request=request,
        actor=by,
        object_type="directory.person" if person else "accounts.user",
        object_id=person.pk if person else user.pk,
    )


def _emails_forget(emails: set[str], names: set[str]) -> None:
    """E-mails written to them or naming them (a request's notice to its recipient), sent or waiting, are
    deleted from the outbox: a waiting one would otherwise still go out with their name."""
    about = Q(pk__in=[])
    for email in emails:
        about |= Q(to__iexact=email) | Q(body__icontains=email)
    for name in names:
        # A full name only (a lone first name would catch other people's e-mails), never the anonymous one.
        if " " in name.strip() and len(name.strip()) >= 5 and name != ANONYMOUS_NAME:
            about |= Q(subject__icontains=name) | Q(body__icontains=name)
    OutboundEmail.objects.filter(about).delete()


def _anonymise_person(person: Person) -> None:
    person.first_name, person.last_name = ANONYMOUS_FIRST_NAME, ANONYMOUS_LAST_NAME
    person.role = person.bio = person.phone = ""
    person.email = None
    person.languages = []
    person.is_listed = False
    person.save()
    ListingConsent.objects.create(person=person, listed=False, source=ListingConsent.Source.ERASURE)
    participations = Participant.objects.filter(person=person)
    participations.update(offers="", needs="")
    RecommendationList.objects.filter(participant__in=participations).delete()
    MeetingRequest.objects.filter(sender__in=participations).update(message="")
    MeetingOutcome.objects.filter(participant__in=participations).update(notes="")
    Speaker.objects.filter(person=person).update(bio_fr="", bio_en="")
    activity_search_refresh(
        Speaker.objects.filter(person=person, activities__isnull=False).values_list("activities", flat=True)
    )


def _anonymise_user(user: User) -> None:
    user.email = f"anonymised-{user.pk}@invalid"
    user.name = ANONYMOUS_NAME
    user.is_active = user.is_staff = user.is_superuser = False
    user.role = User.Role.MEMBER
    user.set_unusable_password()
    user.save()
    KnownDevice.objects.filter(user=user).delete()
    TOTPDevice.objects.filter(user=user).delete()
    AuditEvent.objects.filter(actor=user).update(ip=None)


def _anonymise_missions(user: User | None, person: Person | None, old_emails: set[str]) -> None:
    from maillage.missions.models import Application, Delegate, Discovery, FollowUpSurvey, Testimonial

    mine = Q(user=user) if user is not None else Q(pk__in=[])
    if person is not None:
        mine |= Q(person=person)
    for email in old_emails:
        mine |= Q(email__iexact=email)
    for application in Application.objects.filter(mine):
        application.first_name, application.last_name = ANONYMOUS_FIRST_NAME, ANONYMOUS_LAST_NAME
        application.email = f"anonymised-{application.pk}@invalid"
        application.phone = application.objectives = application.offers = application.needs = ""
        application.organisation_website = ""
        application.save()
    if person is not None:
        delegates = Delegate.objects.filter(person=person)
        delegates.update(diet="", accessibility="")
        Testimonial.objects.filter(delegate__in=delegates).update(text="", published=False)
        FollowUpSurvey.objects.filter(delegate__in=delegates).update(comments="")
        # Delegates' notes on meeting them: scouting notes about the person (the discovery still counts).
        Discovery.objects.filter(person=person).update(where_met="", notes="")


def _months_ago(now: dt.datetime, months: int) -> dt.datetime:
    """The same day and time `months` calendar months earlier (the month's last day when shorter)."""
    index = now.year * 12 + now.month - 1 - months
    year, month = divmod(index, 12)
    last_day = calendar.monthrange(year, month + 1)[1]
    return now.replace(year=year, month=month + 1, day=min(now.day, last_day))


def _sessions_expired_delete(now: dt.datetime) -> int:
    """Expired sessions, where the session engine stores them in the database (a cache expires its own)."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    if not hasattr(store, "get_model_class"):
        return 0
    return store.get_model_class().objects.filter(expire_date__lt=now).delete()[0]


@transaction.atomic
def retention_apply(*, now: dt.datetime | None = None) -> dict[str, int]:
    """Forget what is no longer needed (the figures stay):

    - B2B meeting notes (of held meetings and no-shows alike) MAILLAGE_RETAIN_MEETING_NOTES_MONTHS after
      the meeting;
    - mission applications that were not selected, MAILLAGE_RETAIN_APPLICATIONS_MONTHS after the mission
      ended;
    - devices unused for MAILLAGE_RETAIN_DEVICES_MONTHS;
    - records of wrong log-ins after a day;
    - audit events older than MAILLAGE_RETAIN_AUDIT_MONTHS;
    - proposals that did not reach the programme, cleared (texts, files, co-speakers, review comments), and
      organisers' scouting entries, deleted, MAILLAGE_RETAIN_PROPOSALS_MONTHS after the call's deadline;
    - e-mails sent (their texts were blanked when sent: the record stays) or given up,
      MAILLAGE_RETAIN_EMAILS_DAYS after they were written;
    - sessions past their expiry (Django keeps stored sessions until someone clears them).

    Returns how many records each rule touched."""
    now = now or timezone.now()
    done = {
        "meeting_notes": MeetingOutcome.objects.filter(
            meeting__slot__start__lt=_months_ago(now, settings.MAILLAGE_RETAIN_MEETING_NOTES_MONTHS)
        )
        .exclude(notes="")
        .update(notes=""),
        "devices": KnownDevice.objects.filter(
            last_seen__lt=_months_ago(now, settings.MAILLAGE_RETAIN_DEVICES_MONTHS)
        ).delete()[0],
        "audit_events": AuditEvent.objects.filter(
            created__lt=_months_ago(now, settings.MAILLAGE_RETAIN_AUDIT_MONTHS)
        ).delete()[0],
        # Wrong log-ins only matter while they can lock: a day is well past any cool-off.
        "login_attempts": AccessAttempt.objects.filter(attempt_time__lt=now - dt.timedelta(days=1)).delete()[
            0
        ],
        "applications": 0,
        **proposals_retention(before=_months_ago(now, settings.MAILLAGE_RETAIN_PROPOSALS_MONTHS)),
        "emails": OutboundEmail.objects.exclude(
            status__in=[OutboundEmail.Status.PENDING, OutboundEmail.Status.SENDING]
        )
        .filter(created__lt=now - dt.timedelta(days=settings.MAILLAGE_RETAIN_EMAILS_DAYS))
        .delete()[0],
        "sessions": _sessions_expired_delete(now),
    }
    if missions_installed():
        from maillage.missions.models import Application

        ended = _months_ago(now, settings.MAILLAGE_RETAIN_APPLICATIONS_MONTHS).date()
        stale = (
            Application.objects.filter(mission__end_date__lt=ended)
            .exclude(status=Application.Status.SELECTED)
            .filter(delegate__isnull=True)
        )
        done["applications"] = stale.delete()[1].get("missions.Application", 0)
    if any(done.values()):
        audit_record(action="privacy.retention_applied", params=done)
    return done
