from django.core.management.base import BaseCommand

from maillage.proposals.demo import demo_load


class Command(BaseCommand):
    help = (
        "Load the demo call for proposals on the coming edition, dated from today "
        "(after `demo_data` and `programme_demo`; running it again changes nothing)."
    )

    def handle(self, *args, **options):
        result = demo_load()
        state = "created" if result.created else "already there"
        self.stdout.write(
            f"Demo call for proposals ({state}): {result.call.edition.name}, {result.proposals} proposals, "
            f"/propositions/{result.call.edition.slug}/"
        )
