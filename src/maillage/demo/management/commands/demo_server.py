from django.core.management import call_command
from django.core.management.base import BaseCommand

from maillage.demo.accounts import DEMO_MEMBER, DEMO_ORGANISER, DEMO_PASSWORD
from maillage.directory.models import Organisation, Person
from maillage.matchmaking.models import B2BSession
from maillage.missions.models import Mission
from maillage.programme.models import Edition


class Command(BaseCommand):
    help = "Start the demo server on 127.0.0.1:8000 and print what the demo holds and how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--addrport", default="127.0.0.1:8000")

    def handle(self, *args, addrport, **options):
        # Read from the database, so what is printed is what the pages show.
        lines = [
            "",
            f"Maillage demo: http://{addrport}/",
            f"  directory: {Organisation.objects.count()} organisations, {Person.objects.count()} people",
        ]
        for edition in Edition.objects.order_by("start_date"):
            lines.append(
                f"  digital week: {edition.name}, {edition.start_date:%Y-%m-%d} to {edition.end_date:%Y-%m-%d}"
            )
        for session in B2BSession.objects.order_by("created"):
            lines.append(f"  B2B session: {session.name} ({session.get_status_display()})")
        for mission in Mission.objects.order_by("start_date"):
            lines.append(f"  mission: {mission.title} ({mission.get_status_display()})")
        lines += [
            f"  organiser: {DEMO_ORGANISER} / {DEMO_PASSWORD}",
            f"  member:    {DEMO_MEMBER} / {DEMO_PASSWORD}",
            "Stop with Ctrl-C.",
            "",
        ]
        self.stdout.write("\n".join(lines))
        call_command("runserver", addrport, use_reloader=False, skip_checks=True)
