"""The call for proposals of a programme edition: its session types and questions, the proposals and their
speakers, the people organisers scout, reviews, decisions, and the stars of the public preview.

A proposal lives here until its speakers confirm; it then becomes a programme Activity (draft, unplaced) with
programme Speakers, so the optimiser, the conflict grid and the exports see it like any other activity.
Times are stored aware (UTC) and typed and shown in the edition's time zone.
"""

import secrets

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from maillage.directory.models import Person, localized
from maillage.programme.models import Activity, Audience, Edition, Event, Track

SCORES = [(2, "+2"), (1, "+1"), (0, "0"), (-1, "−1"), (-2, "−2")]


def _files() -> FileSystemStorage:
    # Slides and pictures are served by a view that checks who asks, never as static files.
    return FileSystemStorage(location=settings.DATA_DIR / "media" / "proposals")


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Call(models.Model):
    """The call for proposals of one edition."""

    edition = models.OneToOneField(
        Edition, on_delete=models.CASCADE, related_name="call", verbose_name=_("edition")
    )
    intro_fr = models.TextField(_("introduction (French)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    opens = models.DateTimeField(_("opens"))
    deadline = models.DateTimeField(_("deadline"))
    event = models.ForeignKey(
        Event,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("event of the accepted sessions"),
        help_text=_("Confirmed proposals become activities of this event."),
    )
    anonymous_review = models.BooleanField(
        _("anonymous review"), default=False, help_text=_("Reviewers do not see the speakers' names.")
    )
    reviews_wanted = models.PositiveSmallIntegerField(
        _("reviews wanted per proposal"), default=3, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    preview_open = models.BooleanField(
        _("public preview open"),
        default=False,
        help_text=_("Visitors see the accepted proposals and star those they would attend."),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("call for proposals")
        verbose_name_plural = _("calls for proposals")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deadline__gt=models.F("opens")), name="call_deadline_after_opening"
            )
        ]

    def __str__(self) -> str:
        return str(self.edition)

    def get_absolute_url(self) -> str:
        return reverse("proposals:call", args=[self.edition.slug])

    @property
    def intro(self) -> str:
        return localized(self, "intro")

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens <= now < self.deadline


class SessionType(models.Model):
    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="session_types", verbose_name=_("call")
    )
    name_fr = models.CharField(_("name (French)"), max_length=80)
    name_en = models.CharField(_("name (English)"), max_length=80)
    kind = models.CharField(
        _("kind of activity"), max_length=20, choices=Activity.Kind.choices, default=Activity.Kind.TALK
    )
    duration = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(5), MaxValueValidator(720)]
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("session type")
        verbose_name_plural = _("session types")
        constraints = [models.UniqueConstraint(fields=["call", "name_fr"], name="session_type_once")]

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Question(models.Model):
    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("One choice")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions", verbose_name=_("call"))
    text_fr = models.CharField(_("question (French)"), max_length=300)
    text_en = models.CharField(_("question (English)"), max_length=300)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    # One line per choice: "French label | English label" (or one label for both).
    choices = models.TextField(_("choices"), blank=True, help_text=_("One per line: French | English."))
    required = models.BooleanField(_("required"), default=False)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return localized(self, "text")

    def choice_list(self) -> list[tuple[str, str]]:
        """(stored value, label in the reader's language): the value is the French label, so a translation
        changed later keeps the answers."""
        english = (get_language() or "fr").startswith("en")
        out = []
        for line in self.choices.splitlines():
            parts = [part.strip() for part in line.split("|")]
            if parts and parts[0]:
                label = parts[1] if english and len(parts) > 1 and parts[1] else parts[0]
                out.append((parts[0], label))
        return out


class Proposal(models.Model):
    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("On the waiting list")
        REJECTED = "rejected", _("Not accepted")
        CONFIRMED = "confirmed", _("Confirmed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Language(models.TextChoices):
        FR = "fr", _("French")
        EN = "en", _("English")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="proposals", verbose_name=_("call"))
    submitter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("submitter"),
    )
    title = models.CharField(_("title"), max_length=200)
    abstract = models.TextField(
        _("abstract"), max_length=1000, help_text=_("A few sentences for the programme.")
    )
    description = models.TextField(
        _("description"), blank=True, help_text=_("For the reviewers: outline, goals.")
    )
    session_type = models.ForeignKey(
        SessionType, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("session type")
    )
    track = models.ForeignKey(
        Track, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("track")
    )
    audience = models.CharField(_("audience"), max_length=20, choices=Audience.choices, default=Audience.BOTH)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.FR)
    notes = models.TextField(_("notes to the organisers"), blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)  # question pk (str) -> text or choice
    slides = models.FileField(_("slides (PDF)"), storage=_files, upload_to="slides/%Y/", blank=True)
    picture = models.FileField(_("picture"), storage=_files, upload_to="pictures/%Y/", blank=True)
    state = models.CharField(_("state"), max_length=12, choices=State.choices, default=State.SUBMITTED)
    decided = models.DateTimeField(_("decided"), null=True, blank=True)
    activity = models.OneToOneField(
        Activity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal",
        verbose_name=_("activity"),
    )
    created = models.DateTimeField(_("submitted"), auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        indexes = [models.Index(fields=["call", "state"]), models.Index(fields=["call", "track"])]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("proposals:proposal", args=[self.call.edition.slug, self.pk])

    @property
    def is_public(self) -> bool:
        return self.state in (self.State.ACCEPTED, self.State.CONFIRMED)


class ProposalSpeaker(models.Model):
    """A speaker of a proposal: the submitter, or a co-speaker invited by e-mail who accepts with an account."""

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="speakers", verbose_name=_("proposal")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="proposal_speakers",
        verbose_name=_("account"),
    )
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("person")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    accepted = models.DateTimeField(_("accepted"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("speaker of a proposal")
        verbose_name_plural = _("speakers of a proposal")
        constraints = [models.UniqueConstraint(fields=["proposal", "email"], name="proposal_speaker_once")]

    def __str__(self) -> str:
        return self.name


class Extension(models.Model):
    """A later deadline for one speaker: their new proposals and their edits are accepted until then."""

    call = models.ForeignKey(
        Call, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("call")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("speaker")
    )
    until = models.DateTimeField(_("until"))
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )

    class Meta:
        verbose_name = _("deadline extension")
        verbose_name_plural = _("deadline extensions")
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="extension_once")]

    def __str__(self) -> str:
        return f"{self.user} → {self.until:%Y-%m-%d %H:%M}"


class Prospect(models.Model):
    """Someone organisers would like to hear: from the directory, or met elsewhere (where, and why)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="prospects", verbose_name=_("call"))
    person = models.ForeignKey(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("person")
    )
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(
        _("language"), max_length=2, choices=Proposal.Language.choices, default=Proposal.Language.FR
    )
    where_met = models.CharField(_("where we met"), max_length=200, blank=True)
    why = models.TextField(_("why invite them"), blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    invited = models.DateTimeField(_("invited"), null=True, blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("person to invite")
        verbose_name_plural = _("people to invite")
        constraints = [models.UniqueConstraint(fields=["call", "email"], name="prospect_once")]

    def __str__(self) -> str:
        return self.name


class Reviewer(models.Model):
    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="reviewers", verbose_name=_("call"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reviewer_roles",
        verbose_name=_("account"),
    )
    tracks = models.ManyToManyField(Track, related_name="reviewers", verbose_name=_("tracks"))

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        constraints = [models.UniqueConstraint(fields=["call", "user"], name="reviewer_once")]

    def __str__(self) -> str:
        return str(self.user)


class Review(models.Model):
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("proposal")
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviews", verbose_name=_("reviewer")
    )
    score = models.SmallIntegerField(_("score"), choices=SCORES)
    comment = models.TextField(_("comment"), blank=True)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "reviewer"], name="review_once"),
            models.CheckConstraint(
                condition=models.Q(score__gte=-2, score__lte=2), name="review_score_range"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reviewer} · {self.proposal}: {self.score:+d}"


class Star(models.Model):
    """A member would attend this accepted proposal (the public preview, before the programme exists)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="proposal_stars",
        verbose_name=_("user"),
    )
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="stars", verbose_name=_("proposal")
    )
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("star")
        verbose_name_plural = _("stars")
        constraints = [models.UniqueConstraint(fields=["user", "proposal"], name="proposal_star_once")]

    def __str__(self) -> str:
        return f"{self.user} ★ {self.proposal}"
