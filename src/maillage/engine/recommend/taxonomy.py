"""The shared bilingual sector taxonomy (``sectors.json``) and the mapping of free labels to its slugs.

``sectors.json`` is a list of ``{"slug", "fr", "en", "synonyms": {"fr": [...], "en": [...]}}``; the Django
directory loads its Sector table from the same file, so its schema stays as it is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources

from maillage.engine.recommend.text import LANGUAGES, PhraseIndex, normalise_label, tokenize


@dataclass(frozen=True, slots=True)
class Sector:
    slug: str
    fr: str
    en: str
    synonyms: dict[str, tuple[str, ...]]

    def label(self, language: str) -> str:
        return self.fr if language == "fr" else self.en


@cache
def sectors() -> tuple[Sector, ...]:
    """All sectors of ``sectors.json``, in file order."""
    raw = json.loads(resources.files(__package__).joinpath("sectors.json").read_text(encoding="utf-8"))
    return tuple(
        Sector(
            slug=item["slug"],
            fr=item["fr"],
            en=item["en"],
            synonyms={lang: tuple(item["synonyms"].get(lang, ())) for lang in LANGUAGES},
        )
        for item in raw
    )


@cache
def sector_by_slug() -> dict[str, Sector]:
    return {sector.slug: sector for sector in sectors()}


def sector_phrases() -> list[tuple[str, str, str]]:
    """(slug, language, phrase) for every name and synonym of every sector."""
    phrases = []
    for sector in sectors():
        for language in LANGUAGES:
            for phrase in (sector.label(language), *sector.synonyms[language]):
                phrases.append((sector.slug, language, phrase))
    return phrases


@cache
def _exact() -> dict[str, str]:
    table: dict[str, str] = {}
    for sector in sectors():
        table.setdefault(normalise_label(sector.slug), sector.slug)
    for slug, _language, phrase in sector_phrases():
        table.setdefault(normalise_label(phrase), slug)
    return table


@cache
def _index() -> PhraseIndex:
    return PhraseIndex(sector_phrases())


def sector_slug(label: str) -> str | None:
    """The slug of the sector a free label (French or English, any accents or case) names, or None.

    An exact name or synonym wins; otherwise the sector whose phrases cover most of the label's words
    ("Capteurs connectés pour l'agriculture" -> "iot"); None when no phrase of the taxonomy is in it.
    """
    exact = _exact().get(normalise_label(label))
    if exact is not None:
        return exact
    covered: dict[str, int] = {}
    for match in _index().find(tokenize(label)):
        covered[match.key] = covered.get(match.key, 0) + (match.end - match.start)
    if not covered:
        return None
    return max(covered, key=lambda slug: covered[slug])
