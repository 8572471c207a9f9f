"""B2B matchmaking: sessions of short meetings at numbered tables, who takes part, who asks to meet whom,
the meetings the scheduler placed, what came out of them.

Times are stored aware (UTC in the database) and shown in the session's time zone. A session's days are cut
into parts (a morning, an afternoon), each into slots of the same length with a break between them.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from maillage.common.fields import TimeZoneField
from maillage.common.runs import EngineRun
from maillage.directory.models import Organisation, Person, Sector

# The app's own words at the top of its URLs: a session's key must not be one of them.
RESERVED_SLUGS = frozenset({"nouvelle"})


def validate_session_slug(value: str) -> None:
    if value in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(value)s” is a reserved word: choose another key."), params={"value": value}, code="reserved"
        )


class B2BSession(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open for registration and requests")
        SCHEDULED = "scheduled", _("Scheduled, not published")
        PUBLISHED = "published", _("Agendas published")
        CLOSED = "closed", _("Closed")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("key"), max_length=80, unique=True, validators=[validate_session_slug])
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="b2b_sessions",
        verbose_name=_("organiser"),
    )
    description = models.TextField(_("description"), blank=True)
    place = models.CharField(
        _("place"),
        max_length=200,
        blank=True,
        help_text=_("Venue and address, as participants should read it."),
    )
    timezone = TimeZoneField(_("time zone"), default="America/Toronto")
    slot_minutes = models.PositiveSmallIntegerField(_("meeting length (minutes)"), default=20)
    break_minutes = models.PositiveSmallIntegerField(_("break between meetings (minutes)"), default=5)
    registration_opens = models.DateTimeField(_("registration opens"), null=True, blank=True)
    registration_closes = models.DateTimeField(_("registration closes"), null=True, blank=True)
    request_deadline = models.DateTimeField(_("deadline for requests"), null=True, blank=True)
    max_meetings = models.PositiveSmallIntegerField(
        _("most meetings per person"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created"]
        verbose_name = _("B2B session")
        verbose_name_plural = _("B2B sessions")
        constraints = [
            models.CheckConstraint(condition=models.Q(slot_minutes__gt=0), name="b2b_session_slot_positive"),
            models.CheckConstraint(
                condition=models.Q(registration_closes__isnull=True)
                | models.Q(registration_opens__isnull=True)
                | models.Q(registration_closes__gt=models.F("registration_opens")),
                name="b2b_session_registration_window",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("matchmaking:session_detail", args=[self.slug])


class DayPart(models.Model):
    """A block of consecutive slots: one morning or one afternoon (what people say they are free for)."""

    class Part(models.TextChoices):
        AM = "am", _("Morning")
        PM = "pm", _("Afternoon")
        EVENING = "ev", _("Evening")

    session = models.ForeignKey(
        B2BSession, on_delete=models.CASCADE, related_name="day_parts", verbose_name=_("B2B session")
    )
    date = models.DateField(_("day"))
    part = models.CharField(_("part of the day"), max_length=2, choices=Part.choices)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        ordering = ["start"]
        verbose_name = _("part of a day")
        verbose_name_plural = _("parts of days")
        constraints = [
            models.UniqueConstraint(fields=["session", "date", "part"], name="day_part_unique"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="day_part_ends"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """The scheduler's session id, e.g. "2027-04-07-am"."""
        return f"{self.date.isoformat()}-{self.part}"

    @property
    def local_label(self) -> str:
        """What people read, in the active language: "mardi 7 avril · Matin"."""
        return f"{formats.date_format(self.date, 'l j F')} · {self.get_part_display()}"


class Slot(models.Model):
    session = models.ForeignKey(
        B2BSession, on_delete=models.CASCADE, related_name="slots", verbose_name=_("B2B session")
    )
    day_part = models.ForeignKey(
        DayPart, on_delete=models.CASCADE, related_name="slots", verbose_name=_("part of a day")
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))

    class Meta:
        ordering = ["start"]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")
        constraints = [
            models.UniqueConstraint(fields=["session", "start"], name="slot_unique_start"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="slot_ends"),
        ]

    def __str__(self) -> str:
        local = self.start.astimezone(self.session.tzinfo) if self.start else None
        return f"{local:%Y-%m-%d %H:%M}" if local else "?"

    @property
    def label(self) -> str:
        return self.day_part.label


class Table(models.Model):
    session = models.ForeignKey(
        B2BSession, on_delete=models.CASCADE, related_name="tables", verbose_name=_("B2B session")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    name = models.CharField(_("name"), max_length=80, blank=True, help_text=_("A booth's name, if any."))

    class Meta:
        ordering = ["number"]
        verbose_name = _("table")
        verbose_name_plural = _("tables")
        constraints = [models.UniqueConstraint(fields=["session", "number"], name="table_unique_number")]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        return self.name or _("Table %(number)s") % {"number": self.number}


class LookingFor(models.TextChoices):
    CLIENT = "client", _("Clients")
    SUPPLIER = "supplier", _("Suppliers")
    INVESTOR = "investor", _("Investors")
    DISTRIBUTOR = "distributor", _("Distributors")
    RD_PARTNER = "rd_partner", _("R&D partners")
    MENTOR = "mentor", _("Mentors")


class Participant(models.Model):
    """Someone of the directory taking part in a session, with what they offer and seek there."""

    session = models.ForeignKey(
        B2BSession, on_delete=models.CASCADE, related_name="participants", verbose_name=_("B2B session")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="b2b_participations", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="b2b_participations",
        verbose_name=_("organisation"),
    )
    offers = models.TextField(_("what I offer"), blank=True)
    needs = models.TextField(_("what I seek"), blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="+", verbose_name=_("sectors"))
    languages = models.JSONField(_("languages"), default=list, blank=True)
    looking_for = models.JSONField(_("looking for"), default=list, blank=True)
    unavailable = models.ManyToManyField(
        DayPart, blank=True, related_name="+", verbose_name=_("parts of days I am not available")
    )
    booth = models.ForeignKey(
        Table,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="booth_owners",
        verbose_name=_("my booth"),
    )
    reminded = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["person__last_name", "person__first_name", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [models.UniqueConstraint(fields=["session", "person"], name="participant_once")]

    def __str__(self) -> str:
        return self.person.full_name

    @property
    def name(self) -> str:
        return self.person.full_name

    @property
    def organisation_name(self) -> str:
        return self.organisation.name if self.organisation_id else ""


class MeetingRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    class Priority(models.IntegerChoices):
        NORMAL = 1, _("Normal")
        HIGH = 2, _("High")
        TOP = 3, _("Top")

    session = models.ForeignKey(
        B2BSession, on_delete=models.CASCADE, related_name="requests", verbose_name=_("B2B session")
    )
    sender = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="sent_requests", verbose_name=_("from")
    )
    recipient = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="received_requests", verbose_name=_("to")
    )
    message = models.TextField(_("message"), max_length=1000, blank=True)
    priority = models.PositiveSmallIntegerField(
        _("priority"), choices=Priority.choices, default=Priority.NORMAL
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    mutual = models.BooleanField(_("mutual"), default=False, help_text=_("Both sides asked to meet."))
    by_organiser = models.BooleanField(_("added by an organiser"), default=False)
    # The half-days the meeting may take place in (none chosen: any time both are free).
    window = models.ManyToManyField(
        DayPart, blank=True, related_name="+", verbose_name=_("only in these parts of days")
    )
    created = models.DateTimeField(auto_now_add=True)
    answered = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        ordering = ["-created", "pk"]
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        constraints = [
            models.UniqueConstraint(fields=["sender", "recipient"], name="meeting_request_once"),
            models.CheckConstraint(
                condition=~models.Q(sender=models.F("recipient")), name="meeting_request_not_oneself"
            ),
        ]
        indexes = [models.Index(fields=["session", "status"])]

    def __str__(self) -> str:
        return f"{self.sender} → {self.recipient}"

    @property
    def weight(self) -> int:
        """The scheduler's value of this meeting: its priority, one more when both sides asked."""
        return int(self.priority) + (1 if self.mutual else 0)

    def other(self, participant: Participant) -> Participant:
        return self.recipient if participant.pk == self.sender_id else self.sender


class SchedulingRun(EngineRun):
    """One run of the scheduler for a session: its meetings wait, unpublished, for an organiser to publish
    them. ``stats``: the scheduler's figures, plus ``people_without_meeting`` (participant pks)."""

    scope = "session"
    task = "maillage.matchmaking.tasks.scheduling_run_execute_task"
    busy_message = _("The scheduler is already running for this session.")

    session = models.ForeignKey(
        B2BSession, on_delete=models.CASCADE, related_name="runs", verbose_name=_("B2B session")
    )
    unscheduled = models.JSONField(_("unscheduled requests"), default=list, blank=True)
    published = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta(EngineRun.Meta):
        verbose_name = _("scheduling run")
        verbose_name_plural = _("scheduling runs")
        constraints = [EngineRun.one_active("session", name="scheduling_run_one_active")]


class RecommendationList(models.Model):
    """One participant's recommended partners, as the recommender ranked the whole session (computed in the
    background when profiles change, so pages only read one row). ``fingerprint`` names the state of the
    session's profiles it was computed from; ``ranking``: ``[[other pk, score, [{"code", "params"}]], …]``,
    best first: the reasons are the engine's codes, worded in the reader's language when shown, so one row
    serves every language (see ``recommendations.py``)."""

    session = models.ForeignKey(
        B2BSession, on_delete=models.CASCADE, related_name="+", verbose_name=_("B2B session")
    )
    participant = models.ForeignKey(
        Participant,
        on_delete=models.CASCADE,
        related_name="recommendation_lists",
        verbose_name=_("participant"),
    )
    fingerprint = models.CharField(max_length=32)
    ranking = models.JSONField(default=list)
    computed = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("recommendations")
        verbose_name_plural = _("recommendations")
        constraints = [models.UniqueConstraint(fields=["participant"], name="recommendation_list_once")]
        indexes = [models.Index(fields=["session", "fingerprint"])]

    def __str__(self) -> str:
        return str(self.participant)


# Meetings on the published agenda: a request meets once there, a table hosts one meeting per slot.
LIVE = models.Q(published=True) & ~models.Q(status="cancelled")


class Meeting(models.Model):
    """A meeting placed by a scheduling run: a proposal until published, then on the participants' agendas."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        NO_SHOW = "no_show", _("No-show")
        CANCELLED = "cancelled", _("Cancelled")

    session = models.ForeignKey(
        B2BSession, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("B2B session")
    )
    request = models.ForeignKey(
        MeetingRequest, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("request")
    )
    run = models.ForeignKey(
        SchedulingRun, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("scheduling run")
    )
    slot = models.ForeignKey(Slot, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("slot"))
    table = models.ForeignKey(
        Table, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("table")
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    published = models.BooleanField(_("published"), default=False)
    version = models.PositiveIntegerField(_("schedule version"), default=0)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slot__start", "table__number"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            models.UniqueConstraint(fields=["run", "request"], name="meeting_once_per_run"),
            # A cancelled meeting or a no-show frees its table for the slot (to place another one there).
            models.UniqueConstraint(
                fields=["run", "slot", "table"],
                condition=~models.Q(status__in=["cancelled", "no_show"]),
                name="meeting_table_once_per_run",
            ),
            models.UniqueConstraint(fields=["request"], condition=LIVE, name="meeting_published_once"),
            models.UniqueConstraint(
                fields=["slot", "table"],
                condition=LIVE & ~models.Q(status="no_show"),
                name="meeting_table_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request} @ {self.slot} · {self.table}"

    @property
    def participants(self) -> tuple[Participant, Participant]:
        return (self.request.sender, self.request.recipient)


class MeetingOutcome(models.Model):
    class Result(models.TextChoices):
        NOTHING = "nothing", _("Nothing for now")
        FOLLOW_UP = "follow_up", _("A follow-up planned")
        LEAD = "lead", _("A business lead")
        PARTNERSHIP = "partnership", _("A partnership")
        CONTRACT = "contract", _("A contract")

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("meeting")
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="outcomes", verbose_name=_("participant")
    )
    outcome = models.CharField(_("outcome"), max_length=12, choices=Result.choices)
    notes = models.TextField(_("notes"), blank=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["meeting", "participant"]
        verbose_name = _("meeting outcome")
        verbose_name_plural = _("meeting outcomes")
        constraints = [
            models.UniqueConstraint(fields=["meeting", "participant"], name="meeting_outcome_once_per_side")
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.outcome}"
