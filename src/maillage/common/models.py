"""What every app shares in the database: the audit log."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AuditEvent(models.Model):
    """Who did what to which object, when, from where: exports and views of personal lists, organisers'
    publishing, imports, deletions, erasures. Written by ``common.audit.audit_record``; never edited.

    ``action`` is a code (``directory.people.exported``) translated at display time; ``params`` holds the
    figures that complete it (counts, formats), never names or contact details, so that the log itself
    stays free of personal data beyond who acted."""

    created = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("who"),
    )
    action = models.CharField(_("action"), max_length=80)
    object_type = models.CharField(_("kind of object"), max_length=100, blank=True)
    object_id = models.CharField(_("object"), max_length=64, blank=True)
    params = models.JSONField(_("details"), default=dict, blank=True)
    ip = models.GenericIPAddressField(_("IP address"), null=True, blank=True)
    request_id = models.CharField(_("request id"), max_length=64, blank=True)

    class Meta:
        ordering = ["-created", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")
        indexes = [
            models.Index(fields=["action", "created"]),
            models.Index(fields=["actor", "created"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.action}"


class OutboundEmail(models.Model):
    """An e-mail waiting to leave, one recipient per row, written in the same transaction as the change that
    sends it (common.outbox.email_queue): when the broker or the mail server is down, it waits here, and the
    periodic task sends it once they are back, with growing delays between attempts. Once sent, only its
    record stays (address, subject, date): the texts are blanked."""

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("given up")

    created = models.DateTimeField(_("written"), default=timezone.now)
    to = models.EmailField(_("to"), max_length=254, db_index=True)
    subject = models.TextField(_("subject"))
    body = models.TextField(_("body"))
    html = models.TextField(_("HTML body"), blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt = models.DateTimeField(_("next attempt"), default=timezone.now)
    sent = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.TextField(_("last error"), blank=True)

    class Meta:
        ordering = ["created", "pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        indexes = [models.Index(fields=["status", "next_attempt"])]

    def __str__(self) -> str:
        return f"{self.created:%Y-%m-%d %H:%M} {self.status}"


class RunAttempt(models.Model):
    """One worker's attempt at an engine run (common.runs): which process took it and when, so that a run
    redelivered after its worker was killed is recognised (that process is gone) and re-run, at most
    `runs.MAX_ATTEMPTS` times. Kept apart from the runs, whose own tables belong to their apps."""

    run_model = models.CharField(max_length=100)  # the run's model label, "programme.programmerun"
    run_id = models.PositiveBigIntegerField()
    worker = models.CharField(max_length=200)  # "host:pid"
    started = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["run_model", "run_id"])]

    def __str__(self) -> str:
        return f"{self.run_model} {self.run_id} · {self.worker}"
