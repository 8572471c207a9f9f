import datetime as dt

from django.core.management.base import BaseCommand

from maillage.programme.demo import programme_demo_load


class Command(BaseCommand):
    help = (
        "Load the demo programme, the Semaine numérique de Québec about four months from today "
        "(idempotent: loading again changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=2027)
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="Date the demo from this day (YYYY-MM-DD).",
        )

    def handle(self, *args, seed, today, **options):
        result = programme_demo_load(seed=seed, today=today)
        state = "created" if result.created else "already there"
        first, last = result.edition.start_date, result.edition.end_date
        self.stdout.write(
            f"Demo programme: {result.edition.name}, {first:%Y-%m-%d} to {last:%Y-%m-%d} "
            f"({result.activities} activities, {state})."
        )
