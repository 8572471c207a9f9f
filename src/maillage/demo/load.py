"""All the demo, in the order the apps depend on each other: the directory (organisations, people, the two
accounts), the programme (its speakers are people of the directory), the B2B sessions (participants from the
directory), the missions (delegates and partners from the directory) and the call for proposals (on the
programme's coming edition). Each part is dated from `today` and loading again changes nothing."""

import datetime as dt
from dataclasses import dataclass

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
    return DemoResult(
        directory=directory_demo_load(organisations=organisations, people=people, seed=seed),
        programme=programme_demo_load(seed=seed, today=today),
        matchmaking=matchmaking_demo_load(seed=seed, today=today),
        missions=missions_demo_load(today=today),
        proposals=proposals_demo_load(today=today),
    )
