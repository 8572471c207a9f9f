from django.core.management.base import BaseCommand

from maillage.matchmaking.demo import matchmaking_demo_load


class Command(BaseCommand):
    help = (
        "Load the demo B2B session, Mission Québec–Bordeaux 2027 (after demo_data; idempotent: loading again "
        "changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2027)

    def handle(self, *args, seed, **options):
        result = matchmaking_demo_load(seed=seed)
        state = "created" if result.created else "already there"
        self.stdout.write(
            f"Demo B2B session: {result.session.name} ({result.participants} participants, "
            f"{result.requests} requests, {result.meetings} published meetings, {state})."
        )
