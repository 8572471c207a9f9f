"""Starting long background jobs (a scheduling run, the programme optimiser, recommendations).

With a broker (production) they go to the Celery workers. Without one (the embedded set-up of a newcomer),
they run in a thread of the app process, so that the page that started them stays usable and shows their
progress, which is what organisers expect; tests run them eagerly, in line, to stay deterministic.
"""

import threading

from django.conf import settings
from django.db import connections, transaction
from django.utils.module_loading import import_string


def job_enqueue(task, *args) -> None:
    """Start `task(*args)` once the current transaction commits (so the job sees what the caller wrote).

    `task` may be given by its dotted path ("maillage.matchmaking.tasks.scheduling_run_execute_task"): the
    services that start jobs then never import their app's tasks, which import the services."""
    # robust: a broker that is down must not turn the page that asked into an error after its data is saved;
    # the run then stays queued until it counts as abandoned.
    transaction.on_commit(lambda: _start(task, args), robust=True)


def _start(task, args: tuple) -> None:
    if isinstance(task, str):
        task = import_string(task)
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
