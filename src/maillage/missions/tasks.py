"""Background work of missions: thin tasks, enqueued after commit or by Celery beat."""

from celery import shared_task


@shared_task
def followups_send_task() -> int:
    """Run by Celery beat (settings.CELERY_BEAT_SCHEDULE): follow-up surveys due today, each sent once."""
    from .services import followups_send

    return len(followups_send())
