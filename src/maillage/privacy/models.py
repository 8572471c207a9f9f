"""Proof of what people agreed to and asked for about their data (Québec's Law 25, the GDPR)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from maillage.directory.models import Person


class ListingConsent(models.Model):
    """Each change of a person's choice to be listed in the public directory, with when and how it was
    given: the directory keeps the current choice (``Person.is_listed``), this keeps its history."""

    class Source(models.TextChoices):
        PERSON = "person", _("Given by the person")
        ORGANISER = "organiser", _("Recorded by an organiser")
        IMPORT = "import", _("Imported from a file")
        ERASURE = "erasure", _("Withdrawn by an erasure")

    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="listing_consents", verbose_name=_("person")
    )
    listed = models.BooleanField(_("listed publicly"))
    source = models.CharField(_("how"), max_length=12, choices=Source.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("consent to be listed")
        verbose_name_plural = _("consents to be listed")
        indexes = [models.Index(fields=["person", "created"])]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.listed} ({self.source})"


class ErasureRequest(models.Model):
    """A person's request that their data be erased; an organiser carries it out (anonymisation)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        DONE = "done", _("Carried out")
        CANCELLED = "cancelled", _("Withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="erasure_requests",
        verbose_name=_("account"),
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="erasure_requests",
        verbose_name=_("person"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created = models.DateTimeField(_("asked"), default=timezone.now)
    handled = models.DateTimeField(_("carried out"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("carried out by"),
    )

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        constraints = [
            models.UniqueConstraint(
                fields=["user"], condition=models.Q(status="pending"), name="erasure_request_one_pending"
            )
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.status}"
