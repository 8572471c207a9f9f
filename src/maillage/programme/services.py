"""Changes to the programme. Each function is one transaction."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from maillage.accounts.models import User
from maillage.common.runs import run_done, run_execute, run_start, runs_abandoned_fail
from maillage.common.services import model_update, unique_slug
from maillage.common.text import fold
from maillage.common.times import require_aware

from . import engines, selectors
from .models import (
    Activity,
    ActivitySpeaker,
    Edition,
    Event,
    Favourite,
    ProgrammeRun,
    Room,
    RoomUnavailability,
    Speaker,
    SpeakerUnavailability,
    Track,
    Venue,
    VenueTravel,
)

ACTIVITY_FIELDS = [
    "event",
    "title_fr",
    "title_en",
    "description_fr",
    "description_en",
    "kind",
    "duration",
    "language",
    "audience",
    "track",
    "expected_attendance",
    "registration_required",
    "capacity",
    "status",
]


# Dates an organiser is unlikely to mean: a typo in the year reaches every page of the edition otherwise.
EDITION_PAST_DAYS = 365  # older starts need `already_held` (recording a past edition)
EDITION_FUTURE_YEARS = 5
EDITION_MAX_DAYS = 31


def edition_latest_start(today: dt.date) -> dt.date:
    try:
        return today.replace(year=today.year + EDITION_FUTURE_YEARS)
    except ValueError:  # 29 February
        return today.replace(year=today.year + EDITION_FUTURE_YEARS, day=28)


def _edition_dates_errors(edition: Edition, *, today: dt.date, already_held: bool, changed: set[str]) -> dict:
    start, end = edition.start_date, edition.end_date
    errors: dict[str, list[ValidationError]] = {}
    if "start_date" not in changed:
        start = None  # an old edition keeps its first day without a word
    if start and start < today - dt.timedelta(days=EDITION_PAST_DAYS) and not already_held:
        text = _(
            "This edition starts on %(date)s, more than a year ago. Check the year, or tick “%(confirm)s” "
            "to record a past edition."
        ) % {"date": date_format(start, "j F Y"), "confirm": _("This edition already took place")}
        errors["start_date"] = [ValidationError(text, code="edition_long_ago")]
    if start and start > edition_latest_start(today):
        text = _("This edition starts on %(date)s, more than five years from now: check the year.") % {
            "date": date_format(start, "j F Y")
        }
        errors["start_date"] = [ValidationError(text, code="edition_far_ahead")]
    start = edition.start_date
    if changed and start and end and end >= start and (end - start).days + 1 > EDITION_MAX_DAYS:
        text = _("An edition lasts at most %(days)s days: check the year and month of the last day.") % {
            "days": EDITION_MAX_DAYS
        }
        errors["end_date"] = [ValidationError(text, code="edition_too_long")]
    return errors


def _edition_check(edition: Edition, *, today: dt.date | None, already_held: bool, changed: set[str]) -> None:
    """The model's rules, and new dates (`changed`: the date fields set) that look like a typo."""
    errors = {}
    if changed:
        errors = _edition_dates_errors(
            edition, today=today or timezone.localdate(), already_held=already_held, changed=changed
        )
    try:
        edition.full_clean()
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def edition_create(
    *,
    name: str,
    start_date: dt.date,
    end_date: dt.date,
    slug: str = "",
    already_held: bool = False,
    today: dt.date | None = None,
    **fields,
) -> Edition:
    """A new edition. Starting more than a year before `today` (default: today) needs `already_held`;
    starting more than five years ahead, or lasting more than a month, is refused as a likely typo."""
    edition = Edition(
        name=name,
        slug=slug or unique_slug(Edition, name, fallback="edition"),
        start_date=start_date,
        end_date=end_date,
        **fields,
    )
    _edition_check(edition, today=today, already_held=already_held, changed={"start_date", "end_date"})
    edition.save()
    return edition


@transaction.atomic
def edition_publish(*, edition: Edition, published: bool = True) -> Edition:
    edition.published = published
    edition.save(update_fields=["published", "updated"])
    return edition


@transaction.atomic
def event_create(*, edition: Edition, name: str, **fields) -> Event:
    event = Event(edition=edition, name=name, **fields)
    event.full_clean()
    event.save()
    return event


@transaction.atomic
def venue_create(*, edition: Edition, name: str, slug: str = "", **fields) -> Venue:
    venue = Venue(
        edition=edition,
        name=name,
        slug=slug or unique_slug(Venue, name, fallback="venue", edition=edition),
        **fields,
    )
    venue.full_clean()
    venue.save()
    return venue


@transaction.atomic
def venue_travel_set(*, origin: Venue, destination: Venue, minutes: int) -> None:
    """Set the travel time between two venues, both ways."""
    if origin.edition_id != destination.edition_id:
        raise ValidationError(_("Both venues must belong to the same edition."))
    for a, b in ((origin, destination), (destination, origin)):
        VenueTravel.objects.update_or_create(origin=a, destination=b, defaults={"minutes": minutes})


@transaction.atomic
def room_create(*, venue: Venue, name: str, capacity: int, accessible: bool = True) -> Room:
    room = Room(venue=venue, name=name, capacity=capacity, accessible=accessible)
    room.full_clean()
    room.save()
    return room


@transaction.atomic
def room_unavailability_add(
    *, room: Room, start: dt.datetime, end: dt.datetime, reason: str = ""
) -> RoomUnavailability:
    require_aware(start, end)
    unavailability = RoomUnavailability(room=room, start=start, end=end, reason=reason)
    if end <= start:
        raise ValidationError(_("An interval must end after it starts."))
    unavailability.save()
    return unavailability


@transaction.atomic
def track_create(*, edition: Edition, name_fr: str, name_en: str = "", slug: str = "", **fields) -> Track:
    track = Track(
        edition=edition,
        name_fr=name_fr,
        name_en=name_en or name_fr,
        slug=slug or unique_slug(Track, name_fr, fallback="track", edition=edition),
        **fields,
    )
    track.full_clean()
    track.save()
    return track


@transaction.atomic
def speaker_create(
    *, edition: Edition, person=None, guest_name: str = "", bio_fr: str = "", bio_en: str = ""
) -> Speaker:
    speaker = Speaker(edition=edition, person=person, guest_name=guest_name, bio_fr=bio_fr, bio_en=bio_en)
    speaker.full_clean()
    speaker.save()
    return speaker


@transaction.atomic
def speaker_update_profile(
    *,
    speaker: Speaker,
    bio_fr: str,
    bio_en: str,
    unavailable: Iterable[tuple[dt.datetime, dt.datetime]] | None = None,
) -> Speaker:
    """What a speaker may change themselves: their biographies and when they are unavailable."""
    speaker.bio_fr, speaker.bio_en = bio_fr, bio_en
    speaker.full_clean()
    speaker.save(update_fields=["bio_fr", "bio_en"])
    if unavailable is not None:
        intervals = list(unavailable)
        for start, end in intervals:
            require_aware(start, end)
            if end <= start:
                raise ValidationError(_("An interval must end after it starts."))
        speaker.unavailabilities.all().delete()
        SpeakerUnavailability.objects.bulk_create(
            SpeakerUnavailability(speaker=speaker, start=start, end=end) for start, end in intervals
        )
    return speaker


def activity_search_refresh(activity_ids: Iterable[int]) -> None:
    """Recompute the folded search text of these activities (titles, descriptions, speaker names)."""
    activities = list(Activity.objects.filter(pk__in=list(activity_ids)).prefetch_related("speakers__person"))
    for activity in activities:
        names = " ".join(speaker.name for speaker in activity.speakers.all())
        activity.search_text = fold(
            " ".join(
                [
                    activity.title_fr,
                    activity.title_en,
                    activity.description_fr,
                    activity.description_en,
                    names,
                ]
            )
        )
    Activity.objects.bulk_update(activities, ["search_text"], batch_size=500)


def _check_activity(activity: Activity) -> None:
    activity.full_clean(exclude=["room", "start"])
    if activity.track_id and activity.track.edition_id != activity.event.edition_id:
        raise ValidationError({"track": _("This track belongs to another edition.")})


def _set_speakers(activity: Activity, speakers: Iterable[Speaker]) -> None:
    speakers = list(speakers)
    if any(s.edition_id != activity.event.edition_id for s in speakers):
        raise ValidationError({"speakers": _("A speaker belongs to another edition.")})
    activity.activity_speakers.all().delete()
    ActivitySpeaker.objects.bulk_create(
        ActivitySpeaker(activity=activity, speaker=speaker, order=n) for n, speaker in enumerate(speakers)
    )


@transaction.atomic
def activity_create(*, event: Event, speakers: Iterable[Speaker] = (), **fields) -> Activity:
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise ValueError(f"Unknown activity fields: {sorted(unknown)}")
    activity = Activity(event=event, **fields)
    _check_activity(activity)
    activity.save()
    _set_speakers(activity, speakers)
    activity_search_refresh([activity.pk])
    activity.refresh_from_db(fields=["search_text"])
    return activity


@transaction.atomic
def activity_update(*, activity: Activity, speakers: Iterable[Speaker] | None = None, **fields) -> Activity:
    model_update(activity, fields, allowed=ACTIVITY_FIELDS)
    _check_activity(activity)
    activity.save()
    if speakers is not None:
        _set_speakers(activity, speakers)
    activity_search_refresh([activity.pk])
    activity.refresh_from_db(fields=["search_text"])
    return activity


@transaction.atomic
def activity_place(
    *, activity: Activity, room: Room, start: dt.datetime, fixed: bool | None = None
) -> Activity:
    """Put an activity in a room at a time (an aware datetime, inside the edition's days).

    Conflicts (room taken, speaker busy...) are not refused here: the organiser's grid shows them.
    """
    require_aware(start)
    edition = activity.event.edition
    if room.venue.edition_id != edition.pk:
        raise ValidationError({"room": _("This room belongs to another edition.")})
    local = start.astimezone(edition.tzinfo)
    last_minute = start + dt.timedelta(minutes=activity.duration - 1)
    end_local = last_minute.astimezone(edition.tzinfo)
    if not (edition.start_date <= local.date() <= edition.end_date) or end_local.date() != local.date():
        raise ValidationError({"start": _("The activity must take place within one day of the edition.")})
    activity.room, activity.start = room, start
    if fixed is not None:
        activity.fixed = fixed
    activity.save(update_fields=["room", "start", "fixed", "updated"])
    return activity


@transaction.atomic
def activity_unplace(*, activity: Activity) -> Activity:
    activity.room, activity.start, activity.fixed = None, None, False
    activity.save(update_fields=["room", "start", "fixed", "updated"])
    return activity


@transaction.atomic
def favourite_star(*, user: User, activity: Activity) -> Favourite:
    favourite, _created = Favourite.objects.get_or_create(user=user, activity=activity)
    return favourite


@transaction.atomic
def favourite_unstar(*, user: User, activity: Activity) -> None:
    Favourite.objects.filter(user=user, activity=activity).delete()


# Organisers' edits: each one checks the whole object before saving it.


def _update(obj, fields: dict, allowed: Iterable[str]):
    model_update(obj, fields, allowed=allowed)
    obj.full_clean()
    obj.save()
    return obj


EDITION_FIELDS = [
    "name", "slug", "timezone", "start_date", "end_date", "day_start", "day_end", "grid_minutes", "published",
]  # fmt: skip


@transaction.atomic
def edition_update(
    *, edition: Edition, already_held: bool = False, today: dt.date | None = None, **fields
) -> Edition:
    """Change an edition; new dates are checked as at creation (an old edition stays editable)."""
    before = {"start_date": edition.start_date, "end_date": edition.end_date}
    model_update(edition, fields, allowed=EDITION_FIELDS)
    changed = {name for name, value in before.items() if getattr(edition, name) != value}
    _edition_check(edition, today=today, already_held=already_held, changed=changed)
    edition.save()
    return edition


@transaction.atomic
def event_update(*, event: Event, **fields) -> Event:
    return _update(event, fields, ["name", "kind", "audience"])


@transaction.atomic
def venue_update(*, venue: Venue, **fields) -> Venue:
    return _update(venue, fields, ["name", "slug", "address", "city"])


@transaction.atomic
def room_update(*, room: Room, **fields) -> Room:
    return _update(room, fields, ["name", "capacity", "accessible"])


@transaction.atomic
def room_unavailability_remove(*, unavailability: RoomUnavailability) -> None:
    unavailability.delete()


@transaction.atomic
def track_update(*, track: Track, **fields) -> Track:
    return _update(track, fields, ["slug", "name_fr", "name_en", "colour"])


@transaction.atomic
def speaker_update(*, speaker: Speaker, **fields) -> Speaker:
    speaker = _update(speaker, fields, ["person", "guest_name", "bio_fr", "bio_en"])
    activity_search_refresh(speaker.activity_speakers.values_list("activity_id", flat=True))
    return speaker


@transaction.atomic
def speaker_unavailability_add(
    *, speaker: Speaker, start: dt.datetime, end: dt.datetime
) -> SpeakerUnavailability:
    require_aware(start, end)
    if end <= start:
        raise ValidationError(_("An interval must end after it starts."))
    return SpeakerUnavailability.objects.create(speaker=speaker, start=start, end=end)


@transaction.atomic
def speaker_unavailability_remove(*, unavailability: SpeakerUnavailability) -> None:
    unavailability.delete()


# The optimiser: a run is queued, computed in the background, then applied or discarded by an organiser.


def programme_run_start(
    *, edition: Edition, user: User | None, time_limit: float, seed: int = 0
) -> ProgrammeRun:
    """Queue a run of the optimiser (one at a time per edition); the background task starts after commit."""
    return run_start(ProgrammeRun, scope=edition, user=user, time_limit=time_limit, seed=seed)


def programme_run_execute(*, run_id: int) -> ProgrammeRun:
    """Compute the proposal of a queued run. Nothing but the run changes, whatever happens."""
    return run_execute(ProgrammeRun, run_id, work=_programme_run_work)


def _programme_run_work(run: ProgrammeRun) -> None:
    state = selectors.edition_state(run.edition)
    data = selectors.engine_instance(state, activities=state.activities, fixed=True)
    proposal = engines.optimise(data, time_limit=run.time_limit, seed=run.seed)
    run.stats = proposal.stats
    run.placements = [
        {"activity": int(p.activity[1:]), "room": int(p.room[1:]), "start": p.start.isoformat()}
        for p in proposal.placements
    ]
    # One list of what is not placed: each item with why (left out of a full week: which room or speaker;
    # unplaceable: no room, no day, speakers away) and the favourites it costs, as the run page shows it.
    why = {item["activity"]: item for item in run.stats.pop("left_out", [])}
    run.unplaced = [
        {
            "activity": pk,
            "reason": reason,
            "why": why.get(pk, {}).get("why", {}),
            "favourites": why.get(pk, {}).get("favourites", 0),
        }
        for pk, reason in ((int(a[1:]), reason) for a, reason in proposal.unplaced)
    ]
    run_done(run, fields=["placements", "unplaced"])


@transaction.atomic
def programme_run_apply(*, run: ProgrammeRun) -> int:
    """Write a finished run's proposal: every movable activity to its proposed room and start (unplaced when
    the proposal could not place it); fixed activities stay. Returns how many activities changed."""
    run = ProgrammeRun.objects.select_for_update().get(pk=run.pk)
    if run.status != ProgrammeRun.Status.DONE:
        raise ValidationError(_("Only a finished proposal can be applied."))
    proposed = {p["activity"]: (p["room"], dt.datetime.fromisoformat(p["start"])) for p in run.placements}
    seen = set(proposed) | {
        item["activity"] for item in run.unplaced
    }  # activities added since stay as they are
    rooms = set(Room.objects.filter(venue__edition=run.edition_id).values_list("pk", flat=True))
    changed = []
    movable = Activity.objects.filter(event__edition=run.edition_id, fixed=False, pk__in=seen)
    for activity in movable.select_for_update():
        room_id, start = proposed.get(activity.pk, (None, None))
        if room_id is not None and room_id not in rooms:
            room_id, start = None, None
        if (activity.room_id, activity.start) != (room_id, start):
            activity.room_id, activity.start = room_id, start
            changed.append(activity)
    Activity.objects.bulk_update(changed, ["room", "start"], batch_size=500)
    if changed:
        Activity.objects.filter(pk__in=[a.pk for a in changed]).update(updated=timezone.now())
    run.status = ProgrammeRun.Status.APPLIED
    run.save(update_fields=["status"])
    return len(changed)


@transaction.atomic
def programme_run_discard(*, run: ProgrammeRun) -> ProgrammeRun:
    runs_abandoned_fail(ProgrammeRun.objects.filter(pk=run.pk))
    run.refresh_from_db()
    if run.status not in (ProgrammeRun.Status.DONE, ProgrammeRun.Status.FAILED):
        raise ValidationError(_("Only a finished proposal can be discarded."))
    run.status = ProgrammeRun.Status.DISCARDED
    run.save(update_fields=["status"])
    return run
