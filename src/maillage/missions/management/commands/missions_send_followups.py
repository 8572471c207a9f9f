from django.core.management.base import BaseCommand

from maillage.missions.services import followups_send


class Command(BaseCommand):
    help = "Send the follow-up surveys due (3 and 6 months after each mission), each once."

    def handle(self, *args, **options):
        sent = followups_send()
        self.stdout.write(f"Follow-up surveys sent: {len(sent)}.")
