from celery import shared_task

from .services import retention_apply


@shared_task
def retention_apply_task() -> dict[str, int]:
    return retention_apply()
