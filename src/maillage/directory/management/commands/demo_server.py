from django.core.management import call_command
from django.core.management.base import BaseCommand

from maillage.directory.demo import DEMO_MEMBER, DEMO_ORGANISER, DEMO_PASSWORD


class Command(BaseCommand):
    help = "Start the demo server on 127.0.0.1:8000 and print how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        self.stdout.write(
            "\n".join(
                [
                    "",
                    f"Maillage demo: http://{addrport}/",
                    f"  organiser: {DEMO_ORGANISER} / {DEMO_PASSWORD}",
                    f"  member:    {DEMO_MEMBER} / {DEMO_PASSWORD}",
                    "Stop with Ctrl-C.",
                    "",
                ]
            )
        )
        call_command("runserver", addrport, use_reloader=False, skip_checks=True)
