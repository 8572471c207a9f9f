"""Background work of B2B sessions: thin tasks taking ids, enqueued after commit by the services."""

from celery import shared_task


@shared_task
def scheduling_run_execute_task(run_id: int) -> str:
    from .services import scheduling_run_execute

    return scheduling_run_execute(run_id=run_id).status
