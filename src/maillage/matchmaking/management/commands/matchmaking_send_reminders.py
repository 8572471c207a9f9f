from celery.result import EagerResult
from django.core.management.base import BaseCommand

from maillage.matchmaking.models import B2BSession
from maillage.matchmaking.tasks import reminders_send_task


class Command(BaseCommand):
    help = (
        "E-mail participants of published B2B sessions their meetings the day before (run it daily, or more "
        "often, from cron or Celery beat: nobody gets the reminder twice)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--session", help="Only this session (its key).")

    def handle(self, *args, session=None, **options):
        sessions = B2BSession.objects.filter(status=B2BSession.Status.PUBLISHED)
        if session:
            sessions = sessions.filter(slug=session)
        for pk, slug in sessions.values_list("pk", "slug"):
            result = reminders_send_task.delay(pk)
            done = isinstance(result, EagerResult)  # no broker: ran here
            self.stdout.write(f"{slug}: {result.get() if done else 'queued'}")
