import datetime as dt

from django.core.management.base import BaseCommand

from maillage.demo.load import demo_load
from maillage.programme.models import Activity


class Command(BaseCommand):
    help = (
        "Load the whole demo, dated from today: the directory, the programme about four months ahead, the B2B "
        "sessions, the missions and the call for proposals (idempotent: running it again changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisations", type=int, default=300)
        parser.add_argument("--people", type=int, default=800)
        parser.add_argument("--seed", type=int, default=2027)
        parser.add_argument(
            "--today",
            type=dt.date.fromisoformat,
            default=None,
            help="Date the demo from this day (YYYY-MM-DD).",
        )

    def handle(self, *args, organisations, people, seed, today, **options):
        result = demo_load(organisations=organisations, people=people, seed=seed, today=today)
        directory, programme, b2b, missions = (
            result.directory,
            result.programme,
            result.matchmaking,
            result.missions,
        )
        call = result.proposals.call
        first, last = programme.edition.start_date, programme.edition.end_date
        # counted now: the call for proposals' demo adds its accepted talk to the programme after it loaded
        activities = Activity.objects.filter(event__edition=programme.edition).count()
        self.stdout.write(
            "\n".join(
                [
                    f"Demo data: {directory.organisations} organisations, {directory.people} people.",
                    f"Demo programme: {programme.edition.name}, {first:%Y-%m-%d} to {last:%Y-%m-%d} "
                    f"({activities} activities, {_state(programme.created)}).",
                    f"Demo B2B session: {b2b.session.name} ({b2b.participants} participants, "
                    f"{b2b.requests} requests, {b2b.meetings} published meetings, {_state(b2b.created)}).",
                    f"Demo missions: {missions.missions} missions, {missions.delegates} delegates, "
                    f"{missions.items} itinerary items.",
                    f"Demo call for proposals: {call.edition.name}, {result.proposals.proposals} proposals, "
                    f"/propositions/{call.edition.slug}/ ({_state(result.proposals.created)}).",
                ]
            )
        )


def _state(created: bool) -> str:
    return "created" if created else "already there"
