"""Starting long background jobs (a scheduling run, the programme optimiser, recommendations).

With a broker (production) they go to the Celery workers. Without one (the embedded set-up of a newcomer),
they run in a thread of the app process, so that the page that started them stays usable and shows their
progress, which is what organisers expect; tests run them eagerly, in line, to stay deterministic.
"""

import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connections, transaction

logger = logging.getLogger(__name__)


def job_enqueue(task, *args) -> None:
    """Start `task(*args)` once the current transaction commits (so the job sees what the caller wrote)."""
    transaction.on_commit(lambda: _start(task, args))


def _start(task, args: tuple) -> None:
    mode = settings.MAILLAGE_JOBS
    if mode == "thread":
        threading.Thread(
            target=_run_in_thread, args=(task, args), name=f"job-{task.name}", daemon=True
        ).start()
    else:  # "celery" (a worker takes it) or "eager" (Celery runs it here and now)
        task.delay(*args)


def _run_in_thread(task, args: tuple) -> None:
    close_old_connections()
    try:
        task.apply(args=args, throw=False)
    except Exception:  # the task records its own failure on its run; this only keeps the thread quiet
        logger.exception("background job %s failed", task.name)
    finally:
        connections.close_all()
