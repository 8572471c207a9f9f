from django.core.management.base import BaseCommand

from maillage.programme.demo import programme_demo_load


class Command(BaseCommand):
    help = "Load the demo programme, Semaine numérique de Québec 2027 (idempotent: loading again changes nothing)."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2027)

    def handle(self, *args, seed, **options):
        result = programme_demo_load(seed=seed)
        state = "created" if result.created else "already there"
        self.stdout.write(f"Demo programme: {result.edition.name} ({result.activities} activities, {state}).")
