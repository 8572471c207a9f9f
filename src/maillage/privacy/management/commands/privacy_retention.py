from django.core.management.base import BaseCommand

from maillage.privacy.services import retention_apply


class Command(BaseCommand):
    help = "Apply the retention rules for personal data now (Celery beat runs them daily)."

    def handle(self, *args, **options):
        done = retention_apply()
        for rule, count in done.items():
            self.stdout.write(f"{rule}: {count}")
