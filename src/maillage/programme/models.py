"""The programme of an edition: its events, venues and rooms, tracks, activities and speakers.

Times are stored aware (UTC in the database) and shown in the edition's time zone.
"""

import datetime as dt
import uuid

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator, StepValueValidator
from django.db import models, router
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maillage.common.fields import TimeZoneField
from maillage.common.runs import EngineRun, RunStatus
from maillage.directory.models import Person, localized


class ConstraintErrors(models.Model):
    """Each database constraint a form or a service can break is reported as a sentence on the field to
    correct (`constraint_errors`: constraint name → field, message), never by its technical name.

    The constraints stay in the database; this only words their check before saving (`full_clean`, which
    model forms and the services run).
    """

    constraint_errors: dict = {}

    class Meta:
        abstract = True

    def validate_constraints(self, exclude=None):
        errors: dict[str, list[ValidationError]] = {}
        using = router.db_for_write(self.__class__, instance=self)
        for model_class, constraints in self.get_constraints():
            for constraint in constraints:
                try:
                    constraint.validate(model_class, self, exclude=exclude, using=using)
                except ValidationError as error:
                    field, message = self.constraint_errors.get(constraint.name, (NON_FIELD_ERRORS, None))
                    errors.setdefault(field, []).append(
                        ValidationError(message, code=constraint.name) if message else error
                    )
        if errors:
            raise ValidationError(errors)


validate_colour = RegexValidator(r"^#[0-9a-f]{6}$", _("A colour like #1f6feb (six lower-case hex digits)."))


class Audience(models.TextChoices):
    PROFESSIONALS = "professionals", _("Professionals")
    PUBLIC = "public", _("General public")
    BOTH = "both", _("Professionals and general public")


class Language(models.TextChoices):
    FR = "fr", _("French")
    EN = "en", _("English")
    BILINGUAL = "bilingual", _("Bilingual")


class Edition(ConstraintErrors):
    """One digital week ("Semaine numérique de Québec 2027"), grouping its events."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("key"), max_length=80, unique=True)
    timezone = TimeZoneField(_("time zone"), default="America/Toronto")
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    day_start = models.TimeField(
        _("days start at"), default=dt.time(8), help_text=_("No activity starts earlier, local time.")
    )
    day_end = models.TimeField(
        _("days end at"), default=dt.time(23), help_text=_("Every activity ends by then, local time.")
    )
    grid_minutes = models.PositiveSmallIntegerField(
        _("grid (minutes)"),
        default=15,
        validators=[MinValueValidator(5), MaxValueValidator(120), StepValueValidator(5)],
        help_text=_("Activities start on this grid, counted from the start of the day."),
    )
    published = models.BooleanField(_("published"), default=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    constraint_errors = {
        "edition_ends_after_start": ("end_date", _("The last day cannot be before the first day.")),
        "edition_day_ends_after_start": ("day_end", _("Days must end after they start.")),
    }

    class Meta:
        ordering = ["-start_date"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="edition_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(day_end__gt=models.F("day_start")), name="edition_day_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programme:agenda", args=[self.slug])

    @property
    def days(self) -> list[dt.date]:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=n) for n in range(count)]


class Event(ConstraintErrors):
    """An event of the week: the conference, a public festival, a B2B day..."""

    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("Conference")
        FESTIVAL = "festival", _("Festival")
        B2B_DAY = "b2b_day", _("B2B day")
        WORKSHOPS = "workshops", _("Workshops")
        PUBLIC_EVENING = "public_evening", _("Evening for the general public")
        OTHER = "other", _("Other")

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="events", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CONFERENCE)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.BOTH)

    constraint_errors = {
        "event_unique_in_edition": ("name", _("This edition already has an event with this name.")),
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("event")
        verbose_name_plural = _("events")
        constraints = [models.UniqueConstraint(fields=["edition", "name"], name="event_unique_in_edition")]

    def __str__(self) -> str:
        return self.name


class Venue(ConstraintErrors):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="venues", verbose_name=_("edition")
    )
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("key"), max_length=80)
    address = models.CharField(_("address"), max_length=300, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)

    constraint_errors = {
        "venue_unique_in_edition": ("slug", _("Another venue of this edition already has this key.")),
    }

    class Meta:
        ordering = ["name"]
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="venue_unique_in_edition")]

    def __str__(self) -> str:
        return self.name


class VenueTravel(ConstraintErrors):
    """Minutes needed to go from one venue to another (services store both directions)."""

    origin = models.ForeignKey(
        Venue, on_delete=models.CASCADE, related_name="travels", verbose_name=_("from")
    )
    destination = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="+", verbose_name=_("to"))
    minutes = models.PositiveSmallIntegerField(_("travel minutes"))

    constraint_errors = {
        "venue_travel_unique_pair": (
            "destination",
            _("The travel time between these venues is already set."),
        ),
        "venue_travel_two_venues": ("destination", _("A travel time joins two different venues.")),
    }

    class Meta:
        verbose_name = _("travel time")
        verbose_name_plural = _("travel times")
        constraints = [
            models.UniqueConstraint(fields=["origin", "destination"], name="venue_travel_unique_pair"),
            models.CheckConstraint(
                condition=~models.Q(origin=models.F("destination")), name="venue_travel_two_venues"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.origin} → {self.destination}: {self.minutes}"


class Room(ConstraintErrors):
    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="rooms", verbose_name=_("venue"))
    name = models.CharField(_("name"), max_length=200)
    capacity = models.PositiveIntegerField(_("capacity"))
    accessible = models.BooleanField(_("wheelchair accessible"), default=True)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    constraint_errors = {
        "room_unique_in_venue": ("name", _("This venue already has a room with this name.")),
    }

    class Meta:
        ordering = ["venue__name", "name"]
        verbose_name = _("room")
        verbose_name_plural = _("rooms")
        constraints = [models.UniqueConstraint(fields=["venue", "name"], name="room_unique_in_venue")]

    def __str__(self) -> str:
        return f"{self.venue.name} · {self.name}"


class Interval(ConstraintErrors):
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        abstract = True
        ordering = ["start"]

    def __str__(self) -> str:
        return f"{self.start:%Y-%m-%d %H:%M} – {self.end:%Y-%m-%d %H:%M}"


class RoomUnavailability(Interval):
    room = models.ForeignKey(
        Room, on_delete=models.CASCADE, related_name="unavailabilities", verbose_name=_("room")
    )
    reason = models.CharField(_("reason"), max_length=200, blank=True)

    constraint_errors = {"room_unavailable_ends": ("end", _("An interval must end after it starts."))}

    class Meta(Interval.Meta):
        verbose_name = _("room unavailability")
        verbose_name_plural = _("room unavailabilities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="room_unavailable_ends"
            )
        ]


class Track(ConstraintErrors):
    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="tracks", verbose_name=_("edition")
    )
    slug = models.SlugField(_("key"), max_length=80)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)
    colour = models.CharField(_("colour"), max_length=7, default="#1f6feb", validators=[validate_colour])

    constraint_errors = {
        "track_unique_in_edition": ("slug", _("Another track of this edition already has this key.")),
    }

    class Meta:
        ordering = ["name_fr"]
        verbose_name = _("track")
        verbose_name_plural = _("tracks")
        constraints = [models.UniqueConstraint(fields=["edition", "slug"], name="track_unique_in_edition")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Speaker(ConstraintErrors):
    """Someone speaking in an edition: a person of the directory, or a guest known by name only."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("edition")
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speakers",
        verbose_name=_("person"),
    )
    guest_name = models.CharField(_("guest name"), max_length=200, blank=True)
    bio_fr = models.TextField(_("biography (French)"), blank=True)
    bio_en = models.TextField(_("biography (English)"), blank=True)
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    constraint_errors = {
        "speaker_person_or_guest_name": (
            "guest_name",
            _("Choose a person of the directory or give a guest's name."),
        ),
        "speaker_once_per_edition": ("person", _("This person is already a speaker of this edition.")),
    }

    class Meta:
        ordering = ["guest_name", "person__last_name", "person__first_name"]
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(person__isnull=False) | ~models.Q(guest_name=""),
                name="speaker_person_or_guest_name",
            ),
            models.UniqueConstraint(fields=["edition", "person"], name="speaker_once_per_edition"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programme:speaker_detail", args=[self.edition.slug, self.pk])

    @property
    def name(self) -> str:
        return self.person.full_name if self.person_id else self.guest_name

    @property
    def bio(self) -> str:
        return localized(self, "bio")


class SpeakerUnavailability(Interval):
    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="unavailabilities", verbose_name=_("speaker")
    )

    constraint_errors = {"speaker_unavailable_ends": ("end", _("An interval must end after it starts."))}

    class Meta(Interval.Meta):
        verbose_name = _("speaker unavailability")
        verbose_name_plural = _("speaker unavailabilities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="speaker_unavailable_ends"
            )
        ]


class Activity(ConstraintErrors):
    class Kind(models.TextChoices):
        TALK = "talk", _("Talk")
        PANEL = "panel", _("Panel")
        WORKSHOP = "workshop", _("Workshop")
        VISIT = "visit", _("Visit")
        B2B = "b2b", _("B2B session")
        NETWORKING = "networking", _("Networking")
        PUBLIC = "public", _("Public activity")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="activities", verbose_name=_("event")
    )
    guid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.TALK)
    duration = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=45, validators=[MinValueValidator(5), MaxValueValidator(720)]
    )
    language = models.CharField(_("language"), max_length=10, choices=Language.choices, default=Language.FR)
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.BOTH)
    track = models.ForeignKey(
        Track,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("track"),
    )
    expected_attendance = models.PositiveIntegerField(_("expected attendance"), default=0)
    registration_required = models.BooleanField(_("registration required"), default=False)
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    room = models.ForeignKey(
        Room,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name=_("room"),
    )
    start = models.DateTimeField(_("start"), null=True, blank=True)
    fixed = models.BooleanField(
        _("fixed"), default=False, help_text=_("The optimiser leaves it where it is.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    speakers = models.ManyToManyField(
        Speaker, through="ActivitySpeaker", related_name="activities", verbose_name=_("speakers")
    )
    # Folded titles, descriptions and speaker names, kept by services.activity_search_refresh.
    search_text = models.TextField(editable=False, default="")
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    constraint_errors = {
        "activity_duration_positive": ("duration", _("An activity lasts a positive number of minutes.")),
        "activity_placed_in_room_and_time": ("room", _("A placed activity has both a room and a start.")),
        "activity_fixed_is_placed": ("fixed", _("Only an activity placed in the grid can be fixed.")),
        "activity_has_a_title": ("title_fr", _("Give the activity a title, in French or in English.")),
    }

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        indexes = [models.Index(fields=["status", "start"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(duration__gt=0), name="activity_duration_positive"),
            models.CheckConstraint(
                condition=models.Q(room__isnull=True, start__isnull=True)
                | models.Q(room__isnull=False, start__isnull=False),
                name="activity_placed_in_room_and_time",
            ),
            models.CheckConstraint(
                condition=models.Q(fixed=False) | models.Q(start__isnull=False),
                name="activity_fixed_is_placed",
            ),
            models.CheckConstraint(
                condition=~models.Q(title_fr="", title_en=""), name="activity_has_a_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programme:activity_detail", args=[self.event.edition.slug, self.pk])

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def description(self) -> str:
        return localized(self, "description")

    @property
    def end(self) -> dt.datetime | None:
        return self.start + dt.timedelta(minutes=self.duration) if self.start else None


class ActivitySpeaker(ConstraintErrors):
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="activity_speakers", verbose_name=_("activity")
    )
    speaker = models.ForeignKey(
        Speaker, on_delete=models.CASCADE, related_name="activity_speakers", verbose_name=_("speaker")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    constraint_errors = {
        "activity_speaker_unique": ("speaker", _("This speaker is already listed for this activity.")),
    }

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("activity speaker")
        verbose_name_plural = _("activity speakers")
        constraints = [
            models.UniqueConstraint(fields=["activity", "speaker"], name="activity_speaker_unique")
        ]

    def __str__(self) -> str:
        return f"{self.speaker} · {self.activity}"


class Favourite(ConstraintErrors):
    """An activity a logged-in user starred (anonymous visitors' stars stay in their browser)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="favourites", verbose_name=_("user")
    )
    activity = models.ForeignKey(
        Activity, on_delete=models.CASCADE, related_name="favourites", verbose_name=_("activity")
    )
    created = models.DateTimeField(auto_now_add=True)

    constraint_errors = {"favourite_once": ("activity", _("This activity is already starred."))}

    class Meta:
        ordering = ["created"]
        verbose_name = _("favourite")
        verbose_name_plural = _("favourites")
        constraints = [models.UniqueConstraint(fields=["user", "activity"], name="favourite_once")]

    def __str__(self) -> str:
        return f"{self.user} ★ {self.activity}"


class ProgrammeRun(ConstraintErrors, EngineRun):  # noqa: DJ008 (EngineRun.__str__)
    """One run of the optimiser for an edition: its proposal waits for an organiser to apply or discard it."""

    class Status(models.TextChoices):  # the runs' statuses (common.runs), then the organiser's decision
        QUEUED = RunStatus.QUEUED.value, _("Waiting")
        RUNNING = RunStatus.RUNNING.value, _("Running")
        DONE = RunStatus.DONE.value, _("Proposal ready")
        FAILED = RunStatus.FAILED.value, _("Failed")
        APPLIED = "applied", _("Applied")
        DISCARDED = "discarded", _("Discarded")

    scope = "edition"
    task = "maillage.programme.tasks.programme_run_execute_task"
    busy_message = _("The optimiser is already running for this edition.")
    constraint_errors = {"programme_run_one_active": ("edition", busy_message)}

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="runs", verbose_name=_("edition")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.QUEUED)
    seed = models.PositiveIntegerField(_("seed"), default=0)
    # stats: the engine's statistics, plus the first-fit baseline's missed favourites.
    # [{"activity": pk, "room": pk, "start": ISO 8601 with offset}]
    placements = models.JSONField(default=list, blank=True)
    # [{"activity": pk, "reason": text}]
    unplaced = models.JSONField(default=list, blank=True)

    class Meta(EngineRun.Meta):
        verbose_name = _("optimiser run")
        verbose_name_plural = _("optimiser runs")
        constraints = [EngineRun.one_active("edition", name="programme_run_one_active")]
