"""Starting long background jobs (a scheduling run, the programme optimiser, recommendations).

With a broker (production) they go to the Celery workers. Without one (the embedded set-up of a newcomer),
they run in a thread of the app process, so that the page that started them stays usable and shows their
progress, which is what organisers expect; tests run them eagerly, in line, to stay deterministic.
"""

import datetime as dt
import threading

from django.conf import settings
from django.db import connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _


def job_enqueue(task, *args) -> None:
    """Start `task(*args)` once the current transaction commits (so the job sees what the caller wrote)."""
    # robust: a broker that is down must not turn the page that asked into an error after its data is saved;
    # the run then stays queued until it counts as abandoned.
    transaction.on_commit(lambda: _start(task, args), robust=True)


def _start(task, args: tuple) -> None:
    mode = settings.MAILLAGE_JOBS
    if mode == "thread":
        threading.Thread(
            target=_run_in_thread, args=(task, args), name=f"job-{task.name}", daemon=True
        ).start()
    else:  # "celery" (a worker takes it) or "eager" (Celery runs it here and now)
        task.delay(*args)


def _run_in_thread(task, args: tuple) -> None:
    try:
        task.apply(args=args, throw=False)  # a failure is recorded on its run, and logged by Celery
    finally:
        connections.close_all()  # this thread's own connection


ABANDONED_AFTER = dt.timedelta(minutes=10)


def runs_abandoned_fail(runs, *, failed: str) -> int:
    """Mark failed the runs of `runs` (queued or running) that are well past their time limit: their worker
    died (a restart, a crash), and they would otherwise hold their session or edition for ever. They never
    wrote anything but themselves, so nothing else needs undoing. Returns how many were marked."""
    now = timezone.now()
    marked = 0
    for run in runs:
        if (run.started or run.created) + dt.timedelta(seconds=run.time_limit) + ABANDONED_AFTER < now:
            run.status, run.finished = failed, now
            run.error = _("Interrupted: the run did not finish (the server may have restarted).")
            run.save(update_fields=["status", "finished", "error"])
            marked += 1
    return marked


def run_claim(model, run_id: int, *, related: str, queued: str, running: str):
    """Take a queued run for this worker (locked, then marked running), or None when another worker has it
    or it already ran: a task delivered twice then computes once."""
    with transaction.atomic():
        run = model.objects.select_for_update().select_related(related).get(pk=run_id)
        if run.status != queued:
            return None
        run.status, run.started = running, timezone.now()
        run.save(update_fields=["status", "started"])
    return run
