"""Plain data in and out of the recommendation engine."""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("client", "supplier", "investor", "distributor", "rd_partner", "mentor")
# Known kinds of organisation; any other non-empty kind is accepted and treated as neutral.
KINDS = (
    "startup",
    "sme",
    "large_company",
    "investor",
    "distributor",
    "research",
    "public",
    "association",
    "incubator",
    "consultant",
)
OUTPUT_LANGUAGES = ("fr", "en")


@dataclass(frozen=True, slots=True)
class Profile:
    id: str
    organisation: str
    kind: str
    country: str
    region: str
    sectors: tuple[str, ...]
    offers: str
    needs: str
    languages: tuple[str, ...]
    looking_for: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """Everything the engine needs: the participants, the region corridors and the reasons' language."""

    profiles: tuple[Profile, ...]
    corridors: tuple[tuple[str, str], ...] = ()
    language: str = "fr"


@dataclass(frozen=True, slots=True)
class Reason:
    """Why two participants should meet: a stable code, its parameters, and the sentence shown."""

    code: str
    params: dict[str, str] = field(default_factory=dict)
    text: str = ""


@dataclass(frozen=True, slots=True)
class Recommendation:
    id: str
    score: float
    reasons: tuple[Reason, ...]
