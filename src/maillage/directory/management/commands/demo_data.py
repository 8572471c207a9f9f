from django.core.management.base import BaseCommand

from maillage.directory.demo import demo_load


class Command(BaseCommand):
    help = "Load the demo ecosystem (idempotent: running it again changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=300)
        parser.add_argument("--people", type=int, default=800)
        parser.add_argument("--seed", type=int, default=2027)

    def handle(self, *args, organisations, people, seed, **options):
        result = demo_load(organisations=organisations, people=people, seed=seed)
        self.stdout.write(f"Demo data: {result.organisations} organisations, {result.people} people.")
