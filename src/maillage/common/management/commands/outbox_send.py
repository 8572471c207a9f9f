"""Send the e-mails still waiting in the outbox (for a cron job where no Celery beat runs)."""

from django.core.management.base import BaseCommand

from maillage.common.outbox import emails_due_send


class Command(BaseCommand):
    help = "Send the e-mails waiting in the outbox whose attempt is due."

    def handle(self, *args, **options) -> None:
        self.stdout.write(str(emails_due_send()))
