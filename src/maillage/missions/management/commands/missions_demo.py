from django.core.management.base import BaseCommand

from maillage.missions.demo import demo_load


class Command(BaseCommand):
    help = "Load the demo missions, dated from today (after `demo_data`; running it again changes nothing)."

    def handle(self, *args, **options):
        result = demo_load()
        self.stdout.write(
            f"Demo missions: {result.missions} missions, {result.delegates} delegates, {result.items} itinerary items."
        )
