"""The ecosystem: organisations, the people in them, where they are and what they offer and seek."""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

COUNTRIES = [
    ("CA", _("Canada")),
    ("FR", _("France")),
    ("BE", _("Belgium")),
    ("CH", _("Switzerland")),
    ("LU", _("Luxembourg")),
    ("US", _("United States")),
    ("MA", _("Morocco")),
    ("TN", _("Tunisia")),
    ("SN", _("Senegal")),
]


def localized(obj, field: str) -> str:
    """The French or English variant of a field, falling back to the other when one is empty."""
    first, second = ("en", "fr") if (get_language() or "fr").startswith("en") else ("fr", "en")
    return getattr(obj, f"{field}_{first}") or getattr(obj, f"{field}_{second}")


class Region(models.Model):
    slug = models.SlugField(_("key"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=120)
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES)

    class Meta:
        ordering = ["country", "name"]
        verbose_name = _("region")
        verbose_name_plural = _("regions")

    def __str__(self) -> str:
        return self.name


class City(models.Model):
    name = models.CharField(_("name"), max_length=120)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="cities", verbose_name=_("region")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        constraints = [models.UniqueConstraint(fields=["name", "region"], name="city_unique_in_region")]

    def __str__(self) -> str:
        return self.name


class Corridor(models.Model):
    """An official partnership between two regions (Québec–Bordeaux, Québec–Wallonie...)."""

    region_a = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("region"))
    region_b = models.ForeignKey(
        Region, on_delete=models.CASCADE, related_name="+", verbose_name=_("partner region")
    )
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    since = models.PositiveSmallIntegerField(_("since"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("corridor")
        verbose_name_plural = _("corridors")
        constraints = [
            models.UniqueConstraint(fields=["region_a", "region_b"], name="corridor_unique_pair"),
            models.CheckConstraint(
                condition=~models.Q(region_a=models.F("region_b")), name="corridor_two_regions"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Sector(models.Model):
    """A sector of the curated bilingual taxonomy (loaded from the engine's sectors.json)."""

    slug = models.SlugField(_("key"), max_length=60, unique=True)
    name_fr = models.CharField(_("name (French)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return localized(self, "name")


class Organisation(models.Model):
    class Kind(models.TextChoices):
        COMPANY = "company", _("Company or start-up")
        INCUBATOR = "incubator", _("Incubator or accelerator")
        COOPERATIVE = "cooperative", _("Cooperative")
        CLUSTER = "cluster", _("Cluster or technopole")
        PUBLIC_BODY = "public_body", _("Public body")
        INVESTOR = "investor", _("Investor")
        UNIVERSITY = "university", _("University or school")
        MEDIA = "media", _("Media")
        EVENT_ORGANISER = "event_organiser", _("Event organiser")

    class Size(models.TextChoices):
        MICRO = "1-9", _("1 to 9 people")
        SMALL = "10-49", _("10 to 49 people")
        MEDIUM = "50-249", _("50 to 249 people")
        LARGE = "250+", _("250 people or more")

    slug = models.SlugField(_("key"), max_length=120, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.COMPANY)
    city = models.ForeignKey(
        City, on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("city")
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("region"),
    )
    country = models.CharField(_("country"), max_length=2, choices=COUNTRIES, blank=True)
    website = models.URLField(_("website"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="organisations", verbose_name=_("sectors")
    )
    offers = models.TextField(_("what it offers"), blank=True)
    needs = models.TextField(_("what it seeks"), blank=True)
    size = models.CharField(_("size"), max_length=10, choices=Size.choices, blank=True)
    founded = models.PositiveSmallIntegerField(_("founded"), null=True, blank=True)
    # Folded words and their stems, kept by services.organisation_search_refresh for accent-free search.
    search_name = models.TextField(editable=False, default="")
    search_text = models.TextField(editable=False, default="")
    search_vector = SearchVectorField(null=True, editable=False)
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        indexes = [
            models.Index(fields=["kind", "name"]),
            models.Index(fields=["country", "region"]),
            # The search's vocabulary is reread when max(updated) moves (search.vocabulary).
            models.Index(fields=["updated"], name="directory_org_updated_idx"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("directory:organisation_detail", args=[self.slug])

    @property
    def description(self) -> str:
        return localized(self, "description")


class Person(models.Model):
    """Someone of the ecosystem. E-mail and phone are private: organisers and the person only."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    role = models.CharField(_("job title"), max_length=160, blank=True)
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        verbose_name=_("organisation"),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    bio = models.TextField(_("biography"), blank=True)
    email = models.EmailField(_("e-mail address"), unique=True, null=True, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_listed = models.BooleanField(
        _("listed publicly"), default=True, help_text=_("Show name and role on public pages.")
    )
    # The date of the consent to be listed, set by save() whichever path lists the person (profile form,
    # import, registration, a mission, the privacy page); empty while not listed. The privacy app keeps the
    # history of choices made on its page; this date is what every other path leaves.
    listed_since = models.DateTimeField(_("listed since"), null=True, blank=True, editable=False)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="person",
        verbose_name=_("account"),
    )
    created = models.DateTimeField(auto_now_add=True)
    updated = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs) -> None:
        """Date the consent when the person becomes listed (created listed, or turned from unlisted), clear
        it when they are not listed: every path that saves a person then records it the same way."""
        loaded = None if self._state.adding else getattr(self, "_listed_loaded", None)
        if not self.is_listed:
            self.listed_since = None
        elif self.listed_since is None or loaded is False:
            self.listed_since = timezone.now()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "is_listed" in update_fields:
            kwargs["update_fields"] = {*update_fields, "listed_since"}
        super().save(*args, **kwargs)
        self._listed_loaded = self.is_listed

    def get_absolute_url(self) -> str:
        return reverse("directory:person_detail", args=[self.pk])

    @classmethod
    def from_db(cls, db, field_names, values):
        person = super().from_db(db, field_names, values)
        person._listed_loaded = person.__dict__.get("is_listed")  # None when deferred
        return person

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()
