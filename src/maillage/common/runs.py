"""Runs of an engine in the background (the B2B scheduler, the programme optimiser): one model, one path.

An app that runs an engine subclasses `EngineRun`, adds the foreign key of its scope (the B2B session, the
programme edition) and what the engine returns, declares `scope`, `task` and the `one_active` constraint,
then calls three functions:

- `run_start` queues a run once the scope's row is locked: at most one run of a scope is queued or running
  (the row lock makes concurrent starts wait, the partial unique constraint makes the database say so too);
  runs whose worker died are failed first, so they never hold the scope.
- `run_execute`, from the background task: claims the queued run (a task delivered twice computes once;
  one redelivered because the worker running it was killed is re-run, and failed after `MAX_ATTEMPTS`),
  calls the app's `work(run)`, which computes outside any transaction and then stores its results and
  `run_done(run, ...)` in one; any exception fails the run (logged with its traceback) and changes nothing
  else.
- `runs_abandoned_fail` marks failed the runs well past their time limit (a restart, a crashed worker).
"""

import datetime as dt
import logging
import os
import socket
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from .jobs import job_enqueue
from .models import RunAttempt

logger = logging.getLogger(__name__)

# A run queued or running whose worker gave no news this long after its time limit counts as abandoned.
ABANDONED_AFTER = dt.timedelta(minutes=10)
# Attempts at a run whose worker died before it is failed rather than re-run (a run that kills its worker,
# by its memory for instance, must not take every worker down in turn).
MAX_ATTEMPTS = 2


class RunStatus(models.TextChoices):
    QUEUED = "queued", gettext_lazy("Waiting to start")
    RUNNING = "running", gettext_lazy("Running")
    DONE = "done", gettext_lazy("Done")
    FAILED = "failed", gettext_lazy("Failed")


ACTIVE = (RunStatus.QUEUED, RunStatus.RUNNING)


FAILURES = {
    "abandoned": gettext_lazy("Interrupted: the run did not finish (the server may have restarted)."),
    "worker_stopped": gettext_lazy("Interrupted: the worker running it stopped %(n)s times."),
}


class EngineRun(models.Model):
    """One run of an engine for one scope: who asked, its status, its time limit, when it ran, its
    figures (`stats`) or its error. Subclasses add the scope's foreign key and the engine's results."""

    Status = RunStatus

    # Set by subclasses: the name of the scope's foreign key, the dotted path of the Celery task that
    # calls `run_execute` (found by name, so that services never import their tasks), the sentence that
    # refuses a second run of a scope.
    scope: str = ""
    task: str = ""
    busy_message = gettext_lazy("A run is already going on: wait for it to finish.")

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=gettext_lazy("requested by"),
    )
    status = models.CharField(
        gettext_lazy("status"), max_length=12, choices=RunStatus.choices, default=RunStatus.QUEUED
    )
    time_limit = models.FloatField(
        gettext_lazy("time limit (seconds)"), default=10, validators=[MinValueValidator(0.1)]
    )
    created = models.DateTimeField(auto_now_add=True)
    started = models.DateTimeField(gettext_lazy("started"), null=True, blank=True)
    finished = models.DateTimeField(gettext_lazy("finished"), null=True, blank=True)
    stats = models.JSONField(gettext_lazy("figures"), default=dict, blank=True)
    error = models.TextField(gettext_lazy("error"), blank=True)
    # Why the run failed, when the app knows: a code of FAILURES and its parameters, worded in the reader's
    # language at page time (``error_text``); ``error`` keeps the text for the log and the admin.
    error_code = models.CharField(gettext_lazy("error code"), max_length=40, blank=True)
    error_params = models.JSONField(gettext_lazy("error parameters"), default=dict, blank=True)

    class Meta:
        abstract = True
        ordering = ["-created", "-pk"]

    def __str__(self) -> str:
        return f"{getattr(self, self.scope)} · {self.created:%Y-%m-%d %H:%M}"

    @staticmethod
    def one_active(scope: str, *, name: str) -> models.UniqueConstraint:
        """The constraint a subclass puts in its Meta: one queued or running run per scope."""
        return models.UniqueConstraint(
            fields=[scope], condition=models.Q(status__in=[s.value for s in ACTIVE]), name=name
        )

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    @property
    def duration(self) -> dt.timedelta | None:
        return self.finished - self.started if self.started and self.finished else None

    @property
    def error_text(self) -> str:
        """Why the run failed, in the active language (an engine's or a library's own text as it is)."""
        words = FAILURES.get(self.error_code)
        return str(words) % self.error_params if words else self.error

    @property
    def abandoned(self) -> bool:
        limit = dt.timedelta(seconds=self.time_limit) + ABANDONED_AFTER
        return self.is_active and (self.started or self.created) + limit < timezone.now()


def runs_abandoned_fail(runs: Iterable[EngineRun]) -> int:
    """Mark failed the runs of `runs` (a queryset of one model) that are queued or running well past their
    time limit: their worker died, and they would otherwise hold their scope for ever. They never wrote
    anything but themselves, so nothing else needs undoing. Returns how many were marked."""
    marked = 0
    for run in runs.filter(status__in=ACTIVE):
        if run.abandoned:
            _fail(run, code="abandoned")
            marked += 1
    return marked


@transaction.atomic
def run_start(model: type[EngineRun], *, scope: models.Model, user, **fields) -> EngineRun:
    """Queue a run of `model` for `scope` (locked until commit); its task starts after commit. Refused
    with a ValidationError (code ``busy``) while another run of the scope is queued or running."""
    scope = type(scope).objects.select_for_update().get(pk=scope.pk)
    runs = model.objects.filter(**{model.scope: scope})
    runs_abandoned_fail(runs)
    busy = ValidationError(model.busy_message, code="busy")
    if runs.filter(status__in=ACTIVE).exists():
        raise busy
    run = model(**{model.scope: scope}, requested_by=user, **fields)
    run.clean_fields(exclude=[model.scope, "requested_by"])  # the time limit; the constraint is below
    try:
        with transaction.atomic():
            run.save()
    except IntegrityError:  # another database connection queued one meanwhile
        raise busy from None
    job_enqueue(model.task, run.pk)
    return run


def worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: alive
        return True
    return True


def attempt_dead(run: EngineRun, attempt: RunAttempt | None) -> bool:
    """Whether the worker that took this running run is gone: its process no longer exists (known only on
    this same host), or the run is well past its time limit (any host; also a run claimed before attempts
    were recorded). A worker of this same process counts as alive: a pool of threads may be running it."""
    if run.abandoned:
        return True
    if attempt is None:
        return False
    host, _sep, pid = attempt.worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit() or int(pid) == os.getpid():
        return False
    return not _process_alive(int(pid))


def run_claim(model: type[EngineRun], run_id: int) -> EngineRun | None:
    """Take a queued run for this worker (locked, then marked running), or None when another worker has it
    or it already ran: a task delivered twice then computes once. A running run whose worker is dead (the
    broker redelivers its task: tasks are acknowledged late) is taken again, or failed with the reason once
    it has had MAX_ATTEMPTS; its previous attempt wrote nothing (results are stored with `run_done`)."""
    with transaction.atomic():
        run = model.objects.select_for_update().select_related(model.scope).get(pk=run_id)
        attempts = RunAttempt.objects.filter(run_model=model._meta.label_lower, run_id=run.pk)
        if run.status == RunStatus.RUNNING:
            if not attempt_dead(run, attempts.last()):
                return None
            tried = attempts.count()
            if tried >= MAX_ATTEMPTS:
                logger.error("%s %s failed: its worker stopped %s times", model.__name__, run_id, tried)
                _fail(run, code="worker_stopped", params={"n": tried})
                return None
            logger.warning("%s %s taken again: the worker running it stopped", model.__name__, run_id)
        elif run.status != RunStatus.QUEUED:
            return None
        RunAttempt.objects.create(run_model=model._meta.label_lower, run_id=run.pk, worker=worker_id())
        run.status, run.started = RunStatus.RUNNING, timezone.now()
        run.save(update_fields=["status", "started"])
    return run


def run_execute(model: type[EngineRun], run_id: int, *, work: Callable[[EngineRun], None]) -> EngineRun:
    """Claim the run and call `work(run)`, which ends with `run_done`. Whatever goes wrong fails the run,
    with the error on it and its traceback in the log; nothing else changes."""
    run = run_claim(model, run_id)
    if run is None:
        return model.objects.get(pk=run_id)
    try:
        work(run)
    except Exception as error:  # the run says so and nothing else changes
        logger.exception("%s %s failed", model.__name__, run_id)
        _fail(run, error=str(error) or error.__class__.__name__)
    run.refresh_from_db()
    return run


def run_done(run: EngineRun, *, fields: Iterable[str] = ()) -> None:
    """Mark the run done and save it with the result `fields` the work set (call it in the work's
    transaction, so the results and the status are written together)."""
    run.status, run.finished = RunStatus.DONE, timezone.now()
    run.save(update_fields=["status", "finished", "stats", *fields])


def _fail(run: EngineRun, *, error: str = "", code: str = "", params: dict | None = None) -> None:
    """Mark the run failed with the exception's text, or with one of FAILURES (its English words kept in
    ``error`` for the log and the admin)."""
    run.error_code, run.error_params = code, params or {}
    if code:
        with translation.override("en"):
            error = run.error_text
    run.status, run.finished, run.error = RunStatus.FAILED, timezone.now(), error[:2000]
    fields = ("status", "finished", "error", "error_code", "error_params")
    type(run).objects.filter(pk=run.pk).update(**{name: getattr(run, name) for name in fields})
