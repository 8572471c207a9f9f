"""Background work of the programme: thin tasks taking ids (in-process when no broker is configured)."""

from celery import shared_task

from . import services


@shared_task(acks_late=True, reject_on_worker_lost=True)
def programme_run_execute_task(run_id: int) -> str:
    return services.programme_run_execute(run_id=run_id).status
