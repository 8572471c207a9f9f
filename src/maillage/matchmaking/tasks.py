"""Background work of B2B sessions: thin tasks taking ids, enqueued after commit by the services."""

from celery import shared_task

from . import recommendations, services
from .models import B2BSession


@shared_task(acks_late=True, reject_on_worker_lost=True)
def scheduling_run_execute_task(run_id: int) -> str:
    return services.scheduling_run_execute(run_id=run_id).status


@shared_task
def recommendations_refresh_task(session_id: int, _language: str | None = None) -> bool:
    """One ranking for every language (``_language``: the argument of tasks queued before that, ignored)."""
    session = B2BSession.objects.filter(pk=session_id).first()
    return session is not None and recommendations.recommendations_refresh(session=session)


@shared_task
def reminders_send_task(session_id: int) -> int:
    session = B2BSession.objects.filter(pk=session_id).first()
    return len(services.reminders_send(session=session)) if session is not None else 0


@shared_task
def reminders_send_all_task() -> int:
    """Run by Celery beat (settings.CELERY_BEAT_SCHEDULE): one reminders task per published session."""
    ids = list(B2BSession.objects.filter(status=B2BSession.Status.PUBLISHED).values_list("pk", flat=True))
    for session_id in ids:
        reminders_send_task.delay(session_id)
    return len(ids)
