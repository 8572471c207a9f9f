"""Changes to missions. Each function is one transaction; e-mails leave after commit, in each recipient's
language. Views never write models: they call these."""

import datetime as dt
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.common.emails import email_send_later
from maillage.common.services import model_update, unique_slug
from maillage.common.text import fold
from maillage.common.times import require_aware
from maillage.directory import services as directory_services
from maillage.directory.models import Organisation, Person, Sector
from maillage.directory.selectors import person_language
from maillage.matchmaking import services as matchmaking_services
from maillage.matchmaking.models import Participant

from .models import (
    RESERVED_SLUGS,
    Application,
    Delegate,
    Discovery,
    FollowUpSurvey,
    ItineraryItem,
    Lead,
    Mission,
    MissionCity,
    MissionPartner,
    Photo,
    Testimonial,
)

MISSION_FIELDS = [
    "direction",
    "title_fr",
    "title_en",
    "summary_fr",
    "summary_en",
    "objectives_fr",
    "objectives_en",
    "story_fr",
    "story_en",
    "start_date",
    "end_date",
    "timezone",
    "corridor",
    "is_public",
    "call_deadline",
    "capacity",
]
ITEM_FIELDS = [
    "kind",
    "title_fr",
    "title_en",
    "description",
    "start",
    "end",
    "city",
    "place",
    "timezone",
    "arrival_city",
    "arrival_place",
    "arrival_timezone",
    "transport",
    "organisation",
    "contact",
    "activity",
    "outside_event",
    "b2b_session",
    "everyone",
]
# What delegates may change about themselves; organisers may also change the role.
DELEGATE_OWN_FIELDS = ["language", "diet", "accessibility", "arrival", "departure"]
DELEGATE_FIELDS = [*DELEGATE_OWN_FIELDS, "role"]
# Roles that take a place in the delegation (partners and staff come on top of the capacity).
SEATED_ROLES = [Delegate.Role.LEAD, Delegate.Role.DELEGATE]
PHOTO_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
PHOTO_MAX_BYTES = 8 * 1024 * 1024
FOLLOW_UP_MONTHS = (3, 6)


def _lock(mission: Mission) -> Mission:
    """Lock the mission's row until the end of the transaction: selections, withdrawals and double submits
    then happen one at a time, so the capacity holds."""
    return Mission.objects.select_for_update().get(pk=mission.pk)


def _free_slug(title: str) -> str:
    return unique_slug(Mission, title, fallback="mission", reserved=RESERVED_SLUGS)


def _notify(*, to: str, language: str, template: str, context: dict) -> None:
    if to:
        email_send_later(
            to=to,
            language=language,
            template=f"missions/email/{template}",
            context={"site_url": settings.SITE_URL, **context},
        )


# Missions


@transaction.atomic
def mission_create(
    *,
    created_by: User | None,
    direction: str,
    title_fr: str,
    start_date: dt.date,
    end_date: dt.date,
    slug: str = "",
    cities: Iterable[tuple[str, str, str]] = (),
    **fields,
) -> Mission:
    """A mission in draft, with its cities as (name, country, zone)."""
    model_update(Mission(), fields, allowed=MISSION_FIELDS)
    require_aware(fields.get("call_deadline"))
    mission = Mission(
        created_by=created_by,
        direction=direction,
        title_fr=title_fr,
        start_date=start_date,
        end_date=end_date,
        slug=slug or _free_slug(title_fr),
        **fields,
    )
    mission.full_clean()
    mission.save()
    for position, (name, country, zone_name) in enumerate(cities):
        mission_city_add(
            mission=mission, name=name, country=country, timezone_name=zone_name, position=position
        )
    return mission


@transaction.atomic
def mission_update(*, mission: Mission, **fields) -> Mission:
    model_update(mission, fields, allowed=MISSION_FIELDS)
    require_aware(mission.call_deadline)
    mission.full_clean()
    mission.save()
    return mission


@transaction.atomic
def mission_set_status(*, mission: Mission, status: str) -> Mission:
    if status not in Mission.Status.values:
        raise ValidationError(_("Unknown status."))
    mission = _lock(mission)
    mission.status = status
    mission.save(update_fields=["status", "updated"])
    if status == Mission.Status.FINISHED:
        followups_plan(mission=mission)
    return mission


@transaction.atomic
def mission_city_add(
    *, mission: Mission, name: str, country: str, timezone_name: str, position: int | None = None
) -> MissionCity:
    if position is None:
        position = mission.cities.count()
    city = MissionCity(
        mission=mission, name=name.strip(), country=country, timezone=timezone_name, position=position
    )
    city.full_clean()
    city.save()
    return city


@transaction.atomic
def mission_partner_add(
    *, mission: Mission, organisation: Organisation, role: str, contact: Person | None = None
) -> MissionPartner:
    if contact is not None and contact.organisation_id != organisation.pk:
        raise ValidationError({"contact": _("The contact person must belong to this organisation.")})
    if MissionPartner.objects.filter(mission=mission, organisation=organisation, role=role).exists():
        raise ValidationError(_("This organisation already has this role in the mission."))
    partner = MissionPartner(mission=mission, organisation=organisation, role=role, contact=contact)
    partner.full_clean()
    partner.save()
    return partner


@transaction.atomic
def mission_partner_remove(*, partner: MissionPartner) -> None:
    partner.delete()


@transaction.atomic
def mission_partner_viewer_add(*, partner: MissionPartner, person: Person) -> MissionPartner:
    """Let someone of a partner organisation read the mission's figures (read-only)."""
    if person.organisation_id != partner.organisation_id:
        raise ValidationError(
            _("Only people of the partner organisation can be given access to its figures.")
        )
    partner.viewers.add(person)
    return partner


# Call for delegates


def call_is_open(mission: Mission, *, now: dt.datetime | None = None) -> bool:
    now = now or timezone.now()
    return mission.status == Mission.Status.CALL_OPEN and (
        mission.call_deadline is None or now < mission.call_deadline
    )


def _application_notify(application: Application, template: str) -> None:
    _notify(
        to=application.email,
        language=application.language,
        template=template,
        context={"application": application, "mission": application.mission},
    )


@transaction.atomic
def application_submit(
    *,
    mission: Mission,
    user: User | None,
    sectors: Iterable[Sector] = (),
    by_organiser: bool = False,
    **fields,
) -> Application:
    """An answer to the call (the applicant, while the call is open; an organiser at any time, for someone
    without an account). The applicant is told it was received."""
    mission = _lock(mission)
    if not by_organiser and not call_is_open(mission):
        raise ValidationError(_("The call for delegates of this mission is closed."), code="closed")
    application = Application(mission=mission, user=user, **fields)
    application.email = (application.email or "").strip().lower()
    if user is not None and not application.email:
        application.email = user.email
    application.full_clean(exclude=["mission", "user"])
    taken = Application.objects.filter(mission=mission).filter(
        Q(email=application.email) | (Q(user=user) if user is not None else Q(pk__in=[]))
    )
    if taken.exists():
        raise ValidationError(_("An application already exists for this person."), code="duplicate")
    if user is not None:
        person = Person.objects.filter(user=user).select_related("organisation").first()
        if person is not None:
            application.person = person
            application.organisation = person.organisation
    try:
        with transaction.atomic():
            application.save()
    except IntegrityError:  # the same form submitted twice at once
        raise ValidationError(_("An application already exists for this person."), code="duplicate") from None
    application.sectors.set(sectors)
    _application_notify(application, "application_received")
    return application


@transaction.atomic
def application_withdraw(*, application: Application) -> Application:
    """The applicant withdraws; a selected one leaves the delegation, and the first on the waiting list
    takes the freed place."""
    _lock(application.mission)
    application.refresh_from_db()
    if application.status == Application.Status.WITHDRAWN:
        return application
    was_selected = application.status == Application.Status.SELECTED
    application.status = Application.Status.WITHDRAWN
    application.decided = timezone.now()
    application.save(update_fields=["status", "decided"])
    if was_selected:
        Delegate.objects.filter(application=application).delete()
        _promote_waitlisted(application.mission)
    return application


def _seats_taken(mission: Mission) -> int:
    return Delegate.objects.filter(mission=mission, role__in=SEATED_ROLES).count()


def _promote_waitlisted(mission: Mission) -> Application | None:
    if mission.capacity is not None and _seats_taken(mission) >= mission.capacity:
        return None
    first = (
        Application.objects.filter(mission=mission, status=Application.Status.WAITLISTED)
        .order_by("decided", "created", "pk")
        .first()
    )
    if first is not None:
        _select(first, mission)
    return first


def _select(application: Application, mission: Mission) -> Delegate:
    person = applicant_to_directory(application=application)
    if Delegate.objects.filter(mission=mission, person=person).exists():
        raise ValidationError(
            _("%(name)s is already in the delegation.") % {"name": person.full_name}, code="already"
        )
    application.status = Application.Status.SELECTED
    application.decided = timezone.now()
    application.save(update_fields=["status", "decided", "person", "organisation"])
    delegate = Delegate.objects.create(
        mission=mission, person=person, application=application, language=application.language
    )
    _application_notify(application, "application_selected")
    return delegate


@transaction.atomic
def application_decide(*, application: Application, decision: str) -> Application:
    """The organiser selects (within the capacity), puts on the waiting list or declines; the applicant
    is told each time. Selecting adds the applicant to the directory if they are new, and to the
    delegation."""
    mission = _lock(application.mission)
    application.refresh_from_db()
    if application.status == Application.Status.WITHDRAWN:
        raise ValidationError(_("This application was withdrawn."), code="withdrawn")
    if decision == application.status:
        return application
    if decision == Application.Status.SELECTED:
        if mission.capacity is not None and _seats_taken(mission) >= mission.capacity:
            raise ValidationError(
                _("The delegation is full (%(capacity)s places): put this applicant on the waiting list.")
                % {"capacity": mission.capacity},
                code="full",
            )
        _select(application, mission)
        return application
    if decision not in (Application.Status.WAITLISTED, Application.Status.DECLINED):
        raise ValidationError(_("Unknown decision."))
    was_selected = application.status == Application.Status.SELECTED
    application.status = decision
    application.decided = timezone.now()
    application.save(update_fields=["status", "decided"])
    if was_selected:
        Delegate.objects.filter(application=application).delete()
    _application_notify(
        application,
        "application_waitlisted" if decision == Application.Status.WAITLISTED else "application_declined",
    )
    if was_selected:
        _promote_waitlisted(mission)
    return application


def _organisation_match(name: str) -> Organisation | None:
    """The directory's organisation of that name, whatever its accents, case and spacing."""
    wanted = " ".join(fold(name).split())
    if not wanted:
        return None
    first_word = name.split()[0]
    for pk, other in Organisation.objects.filter(name__icontains=first_word[:20]).values_list("pk", "name"):
        if " ".join(fold(other).split()) == wanted:
            return Organisation.objects.get(pk=pk)
    for pk, other in Organisation.objects.values_list("pk", "name"):  # "Écolab" typed "Ecolab"
        if " ".join(fold(other).split()) == wanted:
            return Organisation.objects.get(pk=pk)
    return None


@transaction.atomic
def applicant_to_directory(*, application: Application) -> Person:
    """The applicant's person in the directory: found by e-mail, else created (with their organisation,
    found by its folded name, else created) through the directory's services. Never a duplicate."""
    person = application.person or Person.objects.filter(email=application.email.strip().lower()).first()
    organisation = application.organisation or (person.organisation if person else None)
    if organisation is None:
        organisation = _organisation_match(application.organisation_name)
    if organisation is None:
        organisation = directory_services.organisation_create(
            name=application.organisation_name.strip(),
            country=application.organisation_country,
            website=application.organisation_website,
            offers=application.offers,
            needs=application.needs,
            sectors=list(application.sectors.all()),
        )
    if person is None:
        person = directory_services.person_create(
            first_name=application.first_name.strip(),
            last_name=application.last_name.strip(),
            email=application.email,
            phone=application.phone,
            organisation=organisation,
            languages=[application.language],
            is_listed=False,  # in the directory for the mission's staff; listed publicly only by their own choice
        )
    elif person.organisation_id is None:
        directory_services.person_update(person=person, organisation=organisation)
    user = application.user
    if user is not None and person.user_id is None and not Person.objects.filter(user=user).exists():
        directory_services.person_link_account(person=person, user=user)
    application.person, application.organisation = person, organisation
    return person


# Delegation


@transaction.atomic
def delegate_add(
    *, mission: Mission, person: Person, role: str = Delegate.Role.DELEGATE, **fields
) -> Delegate:
    """An organiser adds someone of the directory (a head of delegation, a partner, staff) directly."""
    mission = _lock(mission)
    if Delegate.objects.filter(mission=mission, person=person).exists():
        raise ValidationError(_("%(name)s is already in the delegation.") % {"name": person.full_name})
    if role in SEATED_ROLES and mission.capacity is not None and _seats_taken(mission) >= mission.capacity:
        raise ValidationError(
            _("The delegation is full (%(capacity)s places).") % {"capacity": mission.capacity}
        )
    delegate = Delegate(mission=mission, person=person, role=role, language=person_language(person))
    model_update(delegate, fields, allowed=DELEGATE_FIELDS)
    require_aware(delegate.arrival, delegate.departure)
    delegate.full_clean()
    delegate.save()
    return delegate


@transaction.atomic
def delegate_update(*, delegate: Delegate, by_organiser: bool = False, **fields) -> Delegate:
    model_update(delegate, fields, allowed=DELEGATE_FIELDS if by_organiser else DELEGATE_OWN_FIELDS)
    require_aware(delegate.arrival, delegate.departure)
    if delegate.arrival and delegate.departure and delegate.departure <= delegate.arrival:
        raise ValidationError({"departure": _("The departure must come after the arrival.")})
    delegate.full_clean()
    delegate.save()
    return delegate


@transaction.atomic
def delegate_remove(*, delegate: Delegate) -> None:
    mission = _lock(delegate.mission)
    application = delegate.application
    delegate.delete()
    if application is not None and application.status == Application.Status.SELECTED:
        application.status = Application.Status.WITHDRAWN
        application.decided = timezone.now()
        application.save(update_fields=["status", "decided"])
        _promote_waitlisted(mission)


# Itinerary


def _check_item(item: ItineraryItem) -> None:
    errors: dict[str, str] = {}
    if item.kind == ItineraryItem.Kind.VISIT and item.organisation_id is None:
        errors["organisation"] = _("A visit needs the organisation visited.")
    if item.kind == ItineraryItem.Kind.EVENT and item.activity_id is None and not item.outside_event.strip():
        errors["outside_event"] = _("Name the event, or choose an activity of our programme.")
    if item.kind == ItineraryItem.Kind.B2B and item.b2b_session_id is None:
        errors["b2b_session"] = _("Choose the B2B session.")
    if item.kind == ItineraryItem.Kind.TRAVEL:
        if not item.city.strip():
            errors["city"] = _("Where does the leg leave from?")
        if not item.arrival_city.strip():
            errors["arrival_city"] = _("Where does the leg arrive?")
        if not item.arrival_timezone:
            errors["arrival_timezone"] = _("Choose the arrival's time zone.")
    else:
        item.arrival_city = item.arrival_place = item.arrival_timezone = ""
    if item.start and item.end and item.end <= item.start:
        errors["end"] = _("The end must come after the start.")
    if item.contact_id and item.organisation_id and item.contact.organisation_id != item.organisation_id:
        errors["contact"] = _("The contact person must belong to the organisation visited.")
    if errors:
        raise ValidationError(errors)


def _item_audience(item: ItineraryItem) -> list[Delegate]:
    if item.everyone:
        return list(item.mission.delegates.select_related("person__user"))
    return list(item.attendees.select_related("person__user"))


def _register_for_b2b(item: ItineraryItem, delegates: list[Delegate]) -> None:
    """Delegates attending a B2B session take part in it, so they get recommendations and meetings."""
    registered = set(Participant.objects.filter(session=item.b2b_session).values_list("person_id", flat=True))
    for delegate in delegates:
        if delegate.person_id not in registered:
            matchmaking_services.participant_register(
                session=item.b2b_session, person=delegate.person, by_organiser=True
            )


def _notify_change(mission: Mission, delegates: Iterable[Delegate], item: ItineraryItem, change: str) -> None:
    for delegate in delegates:
        _notify(
            to=delegate.person.email or "",
            language=delegate.language,
            template="itinerary_changed",
            context={
                "mission": mission,
                "delegate": delegate,
                "item": item,
                "change": change,
                # Naive local times: the template must not convert them to the server's zone.
                "start": item.local_start.replace(tzinfo=None),
                "end": item.local_end.replace(tzinfo=None),
            },
        )


@transaction.atomic
def item_save(
    *,
    mission: Mission,
    item: ItineraryItem | None = None,
    attendees: Iterable[Delegate] | None = None,
    notify: bool = True,
    **fields,
) -> ItineraryItem:
    """Add an item to the itinerary, or change one. Its times are aware; a travel leg has its arrival's
    place and zone. Delegates concerned (before and after the change) are told by e-mail."""
    created = item is None
    if item is None:
        item = ItineraryItem(mission=mission)
    elif item.mission_id != mission.pk:
        raise ValueError("This item belongs to another mission.")
    before = [] if created else _item_audience(item)
    model_update(item, fields, allowed=ITEM_FIELDS)
    require_aware(item.start, item.end)
    attendees = list(attendees) if attendees is not None else None
    if attendees is not None and any(d.mission_id != mission.pk for d in attendees):
        raise ValidationError({"attendees": _("Someone chosen is not a delegate of this mission.")})
    _check_item(item)
    item.full_clean()
    item.save()
    if attendees is not None:
        item.attendees.set(attendees)
    after = _item_audience(item)
    if item.kind == ItineraryItem.Kind.B2B and item.b2b_session_id:
        _register_for_b2b(item, after)
    if notify:
        told = {d.pk: d for d in [*before, *after]}
        _notify_change(mission, told.values(), item, "added" if created else "changed")
    return item


@transaction.atomic
def item_delete(*, item: ItineraryItem, notify: bool = True) -> None:
    audience = _item_audience(item)
    mission = item.mission
    if notify:
        _notify_change(mission, audience, item, "removed")
    item.delete()


# What came of it


def _organisation_for(name: str, *, country: str = "", website: str = "") -> Organisation:
    existing = _organisation_match(name)
    if existing is not None:
        return existing
    return directory_services.organisation_create(name=name.strip(), country=country, website=website)


@transaction.atomic
def discovery_record(
    *,
    mission: Mission,
    recorded_by: Delegate | None,
    organisation: Organisation | None = None,
    organisation_name: str = "",
    organisation_country: str = "",
    person_first_name: str = "",
    person_last_name: str = "",
    person_email: str = "",
    item: ItineraryItem | None = None,
    where_met: str = "",
    origin_country: str = "",
    favourite: bool = False,
    notes: str = "",
) -> Discovery:
    """Someone met on the way: their organisation (and the person, if given) added to the directory
    without duplicates, with where they were met."""
    if organisation is None:
        if not organisation_name.strip():
            raise ValidationError({"organisation_name": _("Name the organisation met.")})
        organisation = _organisation_for(organisation_name, country=organisation_country)
    if item is not None and item.mission_id != mission.pk:
        raise ValidationError({"item": _("This item belongs to another mission.")})
    person = None
    if person_email.strip() or person_last_name.strip():
        email = person_email.strip().lower() or None
        person = Person.objects.filter(email=email).first() if email else None
        if person is None:
            person = directory_services.person_create(
                first_name=person_first_name.strip(),
                last_name=person_last_name.strip() or person_first_name.strip(),
                email=email,
                organisation=organisation,
                is_listed=False,  # met, not asked: never listed publicly without their own consent
            )
    discovery = Discovery.objects.filter(mission=mission, organisation=organisation).first()
    if discovery is None:
        discovery = Discovery(mission=mission, organisation=organisation)
    discovery.recorded_by = discovery.recorded_by or recorded_by
    discovery.person = person or discovery.person
    discovery.item = item or discovery.item
    discovery.where_met = where_met.strip() or (item.title if item else discovery.where_met)
    discovery.origin_country = origin_country.strip() or discovery.origin_country
    discovery.favourite = favourite or discovery.favourite
    discovery.notes = notes.strip() or discovery.notes
    discovery.full_clean()
    discovery.save()
    return discovery


@transaction.atomic
def discovery_favourite(*, discovery: Discovery, favourite: bool) -> Discovery:
    discovery.favourite = favourite
    discovery.save(update_fields=["favourite"])
    return discovery


@transaction.atomic
def lead_record(
    *,
    mission: Mission,
    recorded_by: Delegate | None,
    kind: str,
    title: str,
    organisation: Organisation | None = None,
    notes: str = "",
) -> Lead:
    lead = Lead(
        mission=mission,
        recorded_by=recorded_by,
        kind=kind,
        title=title.strip(),
        organisation=organisation,
        notes=notes,
    )
    lead.full_clean()
    lead.save()
    return lead


@transaction.atomic
def lead_set_status(*, lead: Lead, status: str) -> Lead:
    if status not in Lead.Status.values:
        raise ValidationError(_("Unknown status."))
    lead.status = status
    lead.save(update_fields=["status"])
    return lead


@transaction.atomic
def testimonial_add(*, delegate: Delegate, text: str) -> Testimonial:
    testimonial = Testimonial(mission=delegate.mission, delegate=delegate, text=text.strip())
    testimonial.full_clean()
    testimonial.save()
    return testimonial


@transaction.atomic
def testimonial_publish(*, testimonial: Testimonial, published: bool) -> Testimonial:
    testimonial.published = published
    testimonial.save(update_fields=["published"])
    return testimonial


def photo_check(upload) -> str:
    """The upload's content type when it is a JPEG, PNG or WebP image of at most 8 MB, read from its
    bytes (not from its name nor from what the browser says); else a ValidationError."""
    from PIL import Image, UnidentifiedImageError

    if upload.size > PHOTO_MAX_BYTES:
        raise ValidationError(
            {"image": _("The photo is larger than %(mb)s MB.") % {"mb": PHOTO_MAX_BYTES // (1024 * 1024)}}
        )
    try:
        upload.seek(0)
        with Image.open(upload) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError({"image": _("This file is not a photo (JPEG, PNG or WebP).")}) from None
    finally:
        upload.seek(0)
    if kind not in PHOTO_TYPES:
        raise ValidationError({"image": _("This file is not a photo (JPEG, PNG or WebP).")})
    return PHOTO_TYPES[kind]


@transaction.atomic
def photo_add(*, mission: Mission, uploaded_by: User | None, image, caption: str = "") -> Photo:
    content_type = photo_check(image)
    photo = Photo(
        mission=mission, uploaded_by=uploaded_by, content_type=content_type, caption=caption.strip()
    )
    photo.image.save(image.name.rsplit("/", 1)[-1][-80:] or "photo", image, save=False)
    try:
        photo.full_clean()
        photo.save()
    except Exception:
        photo.image.delete(save=False)  # nothing half-written: no file without its row
        raise
    return photo


@transaction.atomic
def photo_publish(*, photo: Photo, published: bool) -> Photo:
    photo.published = published
    photo.save(update_fields=["published"])
    return photo


@transaction.atomic
def photo_delete(*, photo: Photo) -> None:
    name, storage = photo.image.name, photo.image.storage
    photo.delete()
    transaction.on_commit(lambda: storage.delete(name))


# Follow-up surveys


def _months_later(day: dt.date, months: int) -> dt.date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


@transaction.atomic
def followups_plan(*, mission: Mission) -> int:
    """The 3- and 6-month surveys of each delegate of a finished mission (staff excepted); planning twice
    adds nothing. Returns how many were added."""
    delegates = list(mission.delegates.exclude(role=Delegate.Role.STAFF).values_list("pk", flat=True))
    existing = set(FollowUpSurvey.objects.filter(mission=mission).values_list("delegate_id", "wave"))
    rows = [
        FollowUpSurvey(mission=mission, delegate_id=pk, wave=wave, due=_months_later(mission.end_date, wave))
        for pk in delegates
        for wave in FOLLOW_UP_MONTHS
        if (pk, wave) not in existing
    ]
    FollowUpSurvey.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def followups_send(*, now: dt.datetime | None = None) -> list[FollowUpSurvey]:
    """Send the surveys due by today, each once: the ``sent`` mark is set by the statement that claims the
    survey, so two runs at once (beat and the command) never send one twice. Finished missions' surveys
    are planned first. Returns the surveys sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    for mission in Mission.objects.filter(status=Mission.Status.FINISHED, end_date__lt=today).exclude(
        surveys__isnull=False
    ):
        followups_plan(mission=mission)
    sent = []
    due = (
        FollowUpSurvey.objects.filter(sent__isnull=True, due__lte=today)
        .select_related("mission", "delegate__person")
        .order_by("pk")
    )
    for survey in due:
        with transaction.atomic():
            if not FollowUpSurvey.objects.filter(pk=survey.pk, sent__isnull=True).update(sent=now):
                continue
            person = survey.delegate.person
            _notify(
                to=person.email or "",
                language=survey.delegate.language,
                template="followup",
                context={"survey": survey, "mission": survey.mission, "delegate": survey.delegate},
            )
        sent.append(survey)
    return sent


SURVEY_FIELDS = ["contract", "hire", "office_abroad", "hosted_startup", "with_organisation", "comments"]


@transaction.atomic
def survey_answer(*, survey: FollowUpSurvey, **answers) -> FollowUpSurvey:
    model_update(survey, answers, allowed=SURVEY_FIELDS)
    survey.answered = timezone.now()
    survey.full_clean()
    survey.save()
    return survey
