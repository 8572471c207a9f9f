"""Trade missions: a delegation that travels (outbound) or that we receive (inbound), its call for delegates,
its itinerary, and what came of it (discoveries, leads, testimonials, photos, follow-up surveys).

Times are stored aware (UTC in the database); each itinerary item carries its own zone, and a travel leg one
zone at each end, so a flight Québec → Paris shows the local departure and the local arrival.
"""

import datetime as dt

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maillage.common.fields import TimeZoneField
from maillage.directory.models import COUNTRIES, Corridor, Organisation, Person, Sector, localized
from maillage.matchmaking.models import B2BSession
from maillage.programme.models import Activity

# The app's own words at the top of its URLs: a mission's key must not be one of them.
RESERVED_SLUGS = frozenset({"nouvelle", "corridors", "suivi", "mes-candidatures"})


def _photo_storage() -> FileSystemStorage:
    # Photos of the private space are served by a view that checks who asks, never as static files.
    return FileSystemStorage(location=settings.DATA_DIR / "media" / "missions")


class Mission(models.Model):
    class Direction(models.TextChoices):
        OUTBOUND = "outbound", _("Outbound (our delegation travels)")
        INBOUND = "inbound", _("Inbound (we receive a delegation)")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CALL_OPEN = "call_open", _("Call for delegates open")
        SELECTION = "selection", _("Selecting the delegation")
        CONFIRMED = "confirmed", _("Delegation confirmed")
        UNDERWAY = "underway", _("Underway")
        FINISHED = "finished", _("Finished")

    direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    title_fr = models.CharField(_("title (French)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("key"), max_length=80, unique=True)
    summary_fr = models.TextField(_("summary (French)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    objectives_fr = models.TextField(_("objectives (French)"), blank=True)
    objectives_en = models.TextField(_("objectives (English)"), blank=True)
    story_fr = models.TextField(_("story told afterwards (French)"), blank=True)
    story_en = models.TextField(_("story told afterwards (English)"), blank=True)
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    timezone = TimeZoneField(_("main time zone"), default="Europe/Paris")
    corridor = models.ForeignKey(
        Corridor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="missions",
        verbose_name=_("corridor"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    is_public = models.BooleanField(_("public page"), default=False)
    call_deadline = models.DateTimeField(_("deadline of the call for delegates"), null=True, blank=True)
    capacity = models.PositiveSmallIntegerField(
        _("places in the delegation"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("mission")
        verbose_name_plural = _("missions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="mission_dates_in_order"
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(capacity__gt=0),
                name="mission_capacity_positive",
            ),
            models.CheckConstraint(
                condition=~models.Q(slug__in=sorted(RESERVED_SLUGS)), name="mission_slug_not_reserved"
            ),
        ]
        indexes = [models.Index(fields=["corridor", "start_date"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("missions:detail", args=[self.slug])

    @property
    def title(self) -> str:
        return localized(self, "title")

    @property
    def summary(self) -> str:
        return localized(self, "summary")

    @property
    def objectives(self) -> str:
        return localized(self, "objectives")

    @property
    def story(self) -> str:
        return localized(self, "story")

    @property
    def days(self) -> list[dt.date]:
        return [
            self.start_date + dt.timedelta(days=n) for n in range((self.end_date - self.start_date).days + 1)
        ]


class MissionCity(models.Model):
    """A city the mission goes to (or, inbound, receives in), with its zone: times there are shown in it."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="cities", verbose_name=_("mission")
    )
    name = models.CharField(_("city"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    timezone = TimeZoneField(_("time zone"))
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("city of a mission")
        verbose_name_plural = _("cities of a mission")
        constraints = [models.UniqueConstraint(fields=["mission", "name"], name="mission_city_once")]

    def __str__(self) -> str:
        return self.name


class MissionPartner(models.Model):
    class Role(models.TextChoices):
        CO_ORGANISER = "co_organiser", _("Co-organiser")
        FUNDER = "funder", _("Funder")
        HOST = "host", _("Host")

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="partners", verbose_name=_("mission")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="mission_partnerships",
        verbose_name=_("organisation"),
    )
    role = models.CharField(_("role"), max_length=14, choices=Role.choices)
    contact = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact person"),
        help_text=_("Printed with e-mail and phone in the delegates' booklet."),
    )
    viewers = models.ManyToManyField(
        Person,
        blank=True,
        related_name="mission_figures_access",
        verbose_name=_("people who may read the mission's figures"),
    )

    class Meta:
        ordering = ["role", "organisation__name"]
        verbose_name = _("partner of a mission")
        verbose_name_plural = _("partners of a mission")
        constraints = [
            models.UniqueConstraint(fields=["mission", "organisation", "role"], name="mission_partner_once")
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class Application(models.Model):
    """An answer to the call for delegates. The applicant's identity is kept as typed: an inbound applicant
    may be new to the directory, and is added to it (without duplicates) only when selected."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        SELECTED = "selected", _("Selected")
        WAITLISTED = "waitlisted", _("On the waiting list")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="applications", verbose_name=_("mission")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mission_applications",
        verbose_name=_("account"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(
        _("language"), max_length=5, choices=[("fr", "Français"), ("en", "English")], default="fr"
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    organisation_country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)
    organisation_city = models.CharField(_("city"), max_length=120, blank=True)
    organisation_website = models.URLField(_("website"), blank=True)
    objectives = models.TextField(_("your objectives for this mission"), max_length=3000)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="+", verbose_name=_("sectors"))
    offers = models.TextField(_("what you offer"), max_length=3000, blank=True)
    needs = models.TextField(_("what you are looking for"), max_length=3000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED)
    created = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(fields=["mission", "email"], name="application_once_per_email"),
            models.UniqueConstraint(
                fields=["mission", "user"],
                condition=models.Q(user__isnull=False),
                name="application_once_per_user",
            ),
        ]
        indexes = [models.Index(fields=["mission", "status"])]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.organisation_name})"

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


class Delegate(models.Model):
    class Role(models.TextChoices):
        LEAD = "lead", _("Head of delegation")
        DELEGATE = "delegate", _("Delegate")
        PARTNER = "partner", _("Partner")
        STAFF = "staff", _("Staff")

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="delegates", verbose_name=_("mission")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="mission_delegations", verbose_name=_("person")
    )
    application = models.OneToOneField(
        Application,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delegate",
        verbose_name=_("application"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.DELEGATE)
    language = models.CharField(
        _("language"), max_length=5, choices=[("fr", "Français"), ("en", "English")], default="fr"
    )
    diet = models.CharField(_("diet"), max_length=200, blank=True)
    accessibility = models.CharField(_("accessibility needs"), max_length=300, blank=True)
    arrival = models.DateTimeField(_("arrival"), null=True, blank=True)
    departure = models.DateTimeField(_("departure"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["role", "person__last_name", "person__first_name", "pk"]
        verbose_name = _("delegate")
        verbose_name_plural = _("delegates")
        constraints = [
            models.UniqueConstraint(fields=["mission", "person"], name="delegate_once"),
            models.CheckConstraint(
                condition=models.Q(arrival__isnull=True)
                | models.Q(departure__isnull=True)
                | models.Q(departure__gt=models.F("arrival")),
                name="delegate_departs_after_arrival",
            ),
        ]

    def __str__(self) -> str:
        return self.person.full_name

    @property
    def name(self) -> str:
        return self.person.full_name


class ItineraryItem(models.Model):
    class Kind(models.TextChoices):
        VISIT = "visit", _("Visit")
        EVENT = "event", _("Event")
        WORKSHOP = "workshop", _("Workshop given by the delegation")
        B2B = "b2b", _("B2B meetings")
        TRAVEL = "travel", _("Travel")
        MEAL = "meal", _("Meal")
        FREE = "free", _("Free time")

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="items", verbose_name=_("mission")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title_fr = models.CharField(_("title (French)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("details"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    # Where it happens (for a travel leg: where it leaves from), and that place's zone.
    city = models.CharField(_("city"), max_length=120, blank=True)
    place = models.CharField(_("place"), max_length=300, blank=True)
    timezone = TimeZoneField(_("time zone"))
    # Travel legs only: where they arrive, in which zone.
    arrival_city = models.CharField(_("arrival city"), max_length=120, blank=True)
    arrival_place = models.CharField(_("arrival place"), max_length=300, blank=True)
    arrival_timezone = TimeZoneField(_("arrival time zone"), blank=True)
    transport = models.CharField(
        _("transport"), max_length=120, blank=True, help_text=_("Flight AC 870, train…")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mission_items",
        verbose_name=_("organisation visited"),
    )
    contact = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("host contact"),
    )
    activity = models.ForeignKey(
        Activity,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="mission_items",
        verbose_name=_("activity of our programme"),
    )
    outside_event = models.CharField(_("outside event"), max_length=200, blank=True)
    b2b_session = models.ForeignKey(
        B2BSession,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mission_items",
        verbose_name=_("B2B session"),
    )
    everyone = models.BooleanField(_("the whole delegation"), default=True)
    attendees = models.ManyToManyField(
        Delegate, blank=True, related_name="items", verbose_name=_("who attends")
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "pk"]
        verbose_name = _("itinerary item")
        verbose_name_plural = _("itinerary items")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="item_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="visit") | models.Q(organisation__isnull=False),
                name="item_visit_has_organisation",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="event")
                | models.Q(activity__isnull=False)
                | ~models.Q(outside_event=""),
                name="item_event_named",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="travel")
                | (~models.Q(arrival_city="") & ~models.Q(arrival_timezone="")),
                name="item_travel_has_arrival",
            ),
        ]
        indexes = [models.Index(fields=["mission", "start"])]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        own = localized(self, "title")
        if own:
            return own
        if self.kind == self.Kind.VISIT and self.organisation_id:
            return str(self.organisation.name)
        if self.kind == self.Kind.EVENT:
            return self.activity.title if self.activity_id else self.outside_event
        if self.kind == self.Kind.B2B and self.b2b_session_id:
            return self.b2b_session.name
        if self.kind == self.Kind.TRAVEL:
            return f"{self.city} → {self.arrival_city}"
        return str(self.get_kind_display())

    @property
    def end_zone(self):
        """The zone of the end: the arrival's for a travel leg, else the item's."""
        return self.arrival_timezone_tzinfo if self.arrival_timezone else self.tzinfo

    @property
    def local_start(self) -> dt.datetime:
        return self.start.astimezone(self.tzinfo)

    @property
    def local_end(self) -> dt.datetime:
        return self.end.astimezone(self.end_zone)

    @property
    def end_city(self) -> str:
        return self.arrival_city if self.kind == self.Kind.TRAVEL else self.city


class Discovery(models.Model):
    """An organisation (and maybe a person) met during the mission, added to the directory, with where."""

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="discoveries", verbose_name=_("mission")
    )
    recorded_by = models.ForeignKey(
        Delegate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        related_name="mission_discoveries",
        verbose_name=_("organisation"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("person met"),
    )
    item = models.ForeignKey(
        ItineraryItem,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="discoveries",
        verbose_name=_("where we met"),
    )
    where_met = models.CharField(_("where we met"), max_length=200, blank=True)
    origin_country = models.CharField(
        _("country of origin"), max_length=80, blank=True, help_text=_("Japan, Spain, Andorra…")
    )
    favourite = models.BooleanField(_("favourite"), default=False)
    notes = models.TextField(_("notes"), max_length=3000, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-favourite", "-created", "pk"]
        verbose_name = _("discovery")
        verbose_name_plural = _("discoveries")
        constraints = [models.UniqueConstraint(fields=["mission", "organisation"], name="discovery_once")]

    def __str__(self) -> str:
        return str(self.organisation)


class Lead(models.Model):
    class Kind(models.TextChoices):
        INVITE = "invite", _("Someone to invite to our next digital week")
        PARTNERSHIP = "partnership", _("A partnership to explore")
        BUSINESS = "business", _("A business opportunity")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        WON = "won", _("Came true")
        DROPPED = "dropped", _("Dropped")

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="leads", verbose_name=_("mission")
    )
    recorded_by = models.ForeignKey(
        Delegate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("in a few words"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mission_leads",
        verbose_name=_("organisation"),
    )
    notes = models.TextField(_("notes"), max_length=3000, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices, default=Status.OPEN)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "pk"]
        verbose_name = _("lead")
        verbose_name_plural = _("leads")

    def __str__(self) -> str:
        return self.title


class Testimonial(models.Model):
    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="testimonials", verbose_name=_("mission")
    )
    delegate = models.ForeignKey(
        Delegate, on_delete=models.CASCADE, related_name="testimonials", verbose_name=_("delegate")
    )
    text = models.TextField(_("testimonial"), max_length=2000)
    published = models.BooleanField(_("on the public page"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created", "pk"]
        verbose_name = _("testimonial")
        verbose_name_plural = _("testimonials")

    def __str__(self) -> str:
        return self.text[:60]


class Photo(models.Model):
    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="photos", verbose_name=_("mission")
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    image = models.FileField(_("photo"), storage=_photo_storage, upload_to="%Y/")
    content_type = models.CharField(max_length=40)
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    published = models.BooleanField(_("on the public page"), default=False)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.caption or self.image.name


class FollowUpSurvey(models.Model):
    """A delegate's answers, 3 and 6 months after the mission: what it led to. Sent once (``sent``)."""

    class Wave(models.IntegerChoices):
        THREE = 3, _("3 months after")
        SIX = 6, _("6 months after")

    mission = models.ForeignKey(
        Mission, on_delete=models.CASCADE, related_name="surveys", verbose_name=_("mission")
    )
    delegate = models.ForeignKey(
        Delegate, on_delete=models.CASCADE, related_name="surveys", verbose_name=_("delegate")
    )
    wave = models.PositiveSmallIntegerField(_("when"), choices=Wave.choices)
    due = models.DateField(_("due"))
    sent = models.DateTimeField(_("sent"), null=True, blank=True)
    answered = models.DateTimeField(_("answered"), null=True, blank=True)
    contract = models.BooleanField(_("a contract"), null=True, blank=True)
    hire = models.BooleanField(_("a hire"), null=True, blank=True)
    office_abroad = models.BooleanField(_("an office abroad"), null=True, blank=True)
    hosted_startup = models.BooleanField(_("a start-up hosted by a partner"), null=True, blank=True)
    with_organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="mission_results",
        verbose_name=_("with which organisation"),
    )
    comments = models.TextField(_("anything else"), max_length=3000, blank=True)

    class Meta:
        ordering = ["due", "pk"]
        verbose_name = _("follow-up survey")
        verbose_name_plural = _("follow-up surveys")
        constraints = [
            models.UniqueConstraint(fields=["delegate", "wave"], name="survey_once_per_wave"),
            models.CheckConstraint(condition=models.Q(wave__in=[3, 6]), name="survey_wave_3_or_6"),
        ]
        indexes = [models.Index(fields=["sent", "due"])]

    def __str__(self) -> str:
        return f"{self.delegate} · {self.wave}"

    @property
    def results(self) -> list[str]:
        return [
            str(label)
            for name, label in (
                ("contract", _("a contract")),
                ("hire", _("a hire")),
                ("office_abroad", _("an office abroad")),
                ("hosted_startup", _("a start-up hosted by a partner")),
            )
            if getattr(self, name)
        ]
