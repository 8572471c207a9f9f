"""All the demo, in the order the apps depend on each other: the directory (organisations, people, the two
accounts), the programme (its speakers are people of the directory), the B2B sessions (participants from the
directory), the missions (delegates and partners from the directory) and the call for proposals (on the
programme's coming edition). Each part is dated from `today` and loading again changes nothing.

The services it goes through write e-mails to the outbox (follow-up surveys, application receipts): sent
later by a worker, they would reach the placeholder addresses of the demo's people. The demo is loaded in one
transaction that removes, before it commits, the e-mails it wrote that are still waiting."""

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max

from maillage.common.models import OutboundEmail
from maillage.directory.models import Person

from .directory import DirectoryDemoResult, directory_demo_load
from .matchmaking import MatchmakingDemoResult, matchmaking_demo_load
from .missions import MissionsDemoResult, missions_demo_load
from .programme import ProgrammeDemoResult, programme_demo_load
from .proposals import ProposalsDemoResult, proposals_demo_load


@dataclass
class DemoResult:
    directory: DirectoryDemoResult
    programme: ProgrammeDemoResult
    matchmaking: MatchmakingDemoResult
    missions: MissionsDemoResult
    proposals: ProposalsDemoResult


def demo_load(
    *, organisations: int = 300, people: int = 800, seed: int = 2027, today: dt.date | None = None
) -> DemoResult:
    """The whole demo; `today` (default: today, Québec's day for the programme) dates every part."""
    with transaction.atomic():
        mark = OutboundEmail.objects.aggregate(last=Max("pk"))["last"] or 0
        result = DemoResult(
            directory=directory_demo_load(organisations=organisations, people=people, seed=seed),
            programme=programme_demo_load(seed=seed, today=today),
            matchmaking=matchmaking_demo_load(seed=seed, today=today),
            missions=missions_demo_load(today=today),
            proposals=proposals_demo_load(today=today),
        )
        _demo_emails_drop(after=mark)
    return result


def _demo_emails_drop(*, after: int) -> None:
    """The e-mails the demo just wrote (after the outbox's last row, to the directory's people), unsent.
    Their delivery, queued for after the commit, then finds nothing to send."""
    OutboundEmail.objects.filter(
        pk__gt=after,
        status=OutboundEmail.Status.PENDING,
        to__in=Person.objects.filter(email__isnull=False).values("email"),
    ).delete()
