"""Validation of the recommend command's JSON input, with the exact place of each error (the engines' shared
:class:`~maillage.engine.contract.InputError`, so an app catches one class whatever the engine)."""

from __future__ import annotations

from typing import Any

from maillage.engine.contract import InputError
from maillage.engine.contract import kind as _kind
from maillage.engine.recommend.model import OUTPUT_LANGUAGES, ROLES, Problem, Profile

__all__ = ["InputError", "parse_problem", "parse_profile"]

MAX_TEXT = 5_000


def _string(value: Any, path: str, *, required: bool = True, limit: int = 200) -> str:
    if not isinstance(value, str):
        raise InputError(path, f"expected a string, got {_kind(value)}")
    text = value.strip()
    if required and not text:
        raise InputError(path, "must not be empty")
    if len(text) > limit:
        raise InputError(path, f"longer than {limit} characters")
    return text


def _strings(value: Any, path: str) -> list[str]:
    if not isinstance(value, list):
        raise InputError(path, f"expected a list of strings, got {_kind(value)}")
    return [_string(item, f"{path}[{i}]") for i, item in enumerate(value)]


_FIELDS = (
    "id",
    "organisation",
    "kind",
    "country",
    "region",
    "sectors",
    "offers",
    "needs",
    "languages",
    "looking_for",
)


def parse_profile(raw: Any, path: str) -> Profile:
    if not isinstance(raw, dict):
        raise InputError(path, f"expected an object, got {_kind(raw)}")
    for name in ("id", "offers", "needs", "languages"):
        if name not in raw:
            raise InputError(f"{path}.{name}", "is required")
    unknown = sorted(set(raw) - set(_FIELDS))
    if unknown:
        raise InputError(f"{path}.{unknown[0]}", f"unknown field (expected one of {', '.join(_FIELDS)})")
    raw_id = raw["id"]
    if isinstance(raw_id, int) and not isinstance(raw_id, bool):
        raw_id = str(raw_id)
    languages = _strings(raw["languages"], f"{path}.languages")
    if not languages:
        raise InputError(f"{path}.languages", "must name at least one language")
    for i, language in enumerate(languages):
        if len(language) != 2 or not language.isalpha():
            raise InputError(
                f"{path}.languages[{i}]", f"expected a two-letter language code, got {language!r}"
            )
    looking_for = _strings(raw.get("looking_for", []), f"{path}.looking_for")
    for i, role in enumerate(looking_for):
        if role not in ROLES:
            raise InputError(
                f"{path}.looking_for[{i}]", f"unknown role {role!r} (expected one of {', '.join(ROLES)})"
            )
    offers = _string(raw["offers"], f"{path}.offers", required=False, limit=MAX_TEXT)
    needs = _string(raw["needs"], f"{path}.needs", required=False, limit=MAX_TEXT)
    sectors = _strings(raw.get("sectors", []), f"{path}.sectors")
    if not (offers or needs or sectors):
        raise InputError(path, "offers, needs and sectors are all empty: nothing to match on")
    return Profile(
        id=_string(raw_id, f"{path}.id"),
        organisation=_string(raw.get("organisation", ""), f"{path}.organisation", required=False),
        kind=_string(raw.get("kind", ""), f"{path}.kind", required=False).lower(),
        country=_string(raw.get("country", ""), f"{path}.country", required=False),
        region=_string(raw.get("region", ""), f"{path}.region", required=False),
        sectors=tuple(sectors),
        offers=offers,
        needs=needs,
        languages=tuple(language.lower() for language in languages),
        looking_for=tuple(dict.fromkeys(looking_for)),
    )


def parse_problem(raw: Any) -> Problem:
    """A :class:`Problem` from decoded JSON, or :class:`InputError` at the first thing wrong."""
    if not isinstance(raw, dict):
        raise InputError("$", f"expected an object, got {_kind(raw)}")
    unknown = sorted(set(raw) - {"profiles", "corridors", "language"})
    if unknown:
        raise InputError(unknown[0], "unknown field (expected profiles, corridors, language)")
    if "profiles" not in raw:
        raise InputError("profiles", "is required")
    if not isinstance(raw["profiles"], list):
        raise InputError("profiles", f"expected a list, got {_kind(raw['profiles'])}")
    profiles = []
    seen: dict[str, int] = {}
    for i, item in enumerate(raw["profiles"]):
        profile = parse_profile(item, f"profiles[{i}]")
        if profile.id in seen:
            raise InputError(
                f"profiles[{i}].id", f"duplicate id {profile.id!r} (also profiles[{seen[profile.id]}])"
            )
        seen[profile.id] = i
        profiles.append(profile)
    corridors = []
    raw_corridors = raw.get("corridors", [])
    if not isinstance(raw_corridors, list):
        raise InputError("corridors", f"expected a list of region pairs, got {_kind(raw_corridors)}")
    for i, pair in enumerate(raw_corridors):
        regions = _strings(pair, f"corridors[{i}]")
        if len(regions) != 2:
            raise InputError(f"corridors[{i}]", f"expected two regions, got {len(regions)}")
        corridors.append((regions[0], regions[1]))
    language = raw.get("language", "fr")
    if language not in OUTPUT_LANGUAGES:
        raise InputError("language", f"expected 'fr' or 'en', got {language!r}")
    return Problem(profiles=tuple(profiles), corridors=tuple(corridors), language=language)
