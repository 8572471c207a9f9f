"""Build ``recommend_profiles.json``, the labelled set of the recommendation benchmark (seeded, reproducible).

    python bench/data/make_recommend_profiles.py

The texts are hand-written in ``recommend_markets.py``; this script only gives the participants ids,
names, countries, regions and languages, picks the competitors' unrelated needs from small pools, and
splits the markets in two halves: labelled pairs of ``tuning`` markets were used to set the weights,
those of ``heldout`` markets were not.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from recommend_markets import MARKETS

SEED = 20261123
OUT = Path(__file__).resolve().parent / "recommend_profiles.json"

# needs of competitors and look-alikes: real, but unrelated to the market they are in
OTHER_NEEDS = {
    "fr": [
        "Recruter deux développeurs d'expérience",
        "Des bureaux temporaires à Paris pour notre équipe",
        "Un cabinet comptable qui connaît la fiscalité française",
        "Des subventions pour notre virage vert",
        "Un mentor qui a déjà vendu une entreprise",
        "Un fournisseur de mobilier de bureau",
        "Des conseils pour protéger notre marque de commerce",
        "Une assurance responsabilité civile pour l'export",
        "Une banque pour financer notre fonds de roulement",
        "Des stagiaires en communication",
        "Un traiteur pour nos événements clients",
        "Une flotte de véhicules de service en location",
    ],
    "en": [
        "Hiring senior backend developers",
        "Temporary office space in Montreal",
        "An accountant familiar with Canadian tax rules",
        "Grants for our energy efficiency upgrade",
        "A mentor who has sold a company before",
        "Office furniture supplier",
        "Advice on protecting our trademark",
        "Export liability insurance",
        "A bank to finance our working capital",
        "Communications interns",
        "Catering for our customer events",
        "Leased service vans",
    ],
}
REGIONS = {
    "Canada": [
        "Montréal",
        "Capitale-Nationale",
        "Estrie",
        "Saguenay–Lac-Saint-Jean",
        "Mauricie",
        "Outaouais",
    ],
    "France": [
        "Nouvelle-Aquitaine",
        "Occitanie",
        "Île-de-France",
        "Auvergne-Rhône-Alpes",
        "Bretagne",
        "Grand Est",
    ],
    "Belgique": ["Wallonie", "Bruxelles-Capitale"],
}
CORRIDORS = [
    ["Capitale-Nationale", "Nouvelle-Aquitaine"],
    ["Montréal", "Île-de-France"],
    ["Montréal", "Auvergne-Rhône-Alpes"],
    ["Estrie", "Wallonie"],
    ["Saguenay–Lac-Saint-Jean", "Occitanie"],
]
SYLLABLES = [
    "ka",
    "lo",
    "vi",
    "ne",
    "tra",
    "mo",
    "sen",
    "ri",
    "ax",
    "po",
    "lu",
    "bel",
    "cor",
    "da",
    "fi",
    "ga",
    "zen",
]
SUFFIXES = {
    "fr": ["inc.", "SAS", "technologies", "solutions", "labs", "groupe"],
    "en": ["Inc.", "Ltd", "Labs", "Tech", "Group"],
}


def name(rng: random.Random, language: str) -> str:
    stem = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()
    return f"{stem} {rng.choice(SUFFIXES[language])}"


def other(language: str) -> str:
    return "en" if language == "fr" else "fr"


def main() -> None:
    rng = random.Random(SEED)
    order = list(range(len(MARKETS)))
    rng.shuffle(order)
    half = {m: ("tuning" if rank % 2 == 0 else "heldout") for rank, m in enumerate(order)}
    profiles = []
    pairs = []
    for m, market in enumerate(MARKETS):
        s_lang = market["s_lang"]
        b_lang = market.get("b_lang", other(s_lang))
        p_lang = market["p_lang"]
        s_country = rng.choice(["Canada", "Canada", "France", "Belgique"])
        far = ["France", "France", "Belgique"] if s_country == "Canada" else ["Canada"]
        countries = {
            "s": s_country,
            "s2": rng.choice([s_country, *far]),
            "b": rng.choice(far),
            "b2": rng.choice(far),
            "p": rng.choice([*far, s_country]),
        }
        langs = {"s": s_lang, "s2": s_lang, "b": b_lang, "b2": b_lang, "p": p_lang}
        for role in ("s", "s2", "b", "b2", "p"):
            if role == "s2":
                kind, sectors, _, _, looking = market["s"]
                offers, needs = market["s2"], rng.choice(OTHER_NEEDS[s_lang])
            elif role == "b2":
                kind, sectors, _, _, looking = market["b"]
                offers, needs = market["b2"], rng.choice(OTHER_NEEDS[b_lang])
                looking = []
            else:
                kind, sectors, offers, needs, looking = market[role]
            language = langs[role]
            spoken = [language] if rng.random() < 0.25 else [language, other(language)]
            profiles.append(
                {
                    "id": f"m{m:02d}-{role}",
                    "organisation": name(rng, language),
                    "kind": kind,
                    "country": countries[role],
                    "region": rng.choice(REGIONS[countries[role]]),
                    "sectors": list(sectors),
                    "offers": offers,
                    "needs": needs,
                    "languages": spoken,
                    "looking_for": list(looking),
                }
            )
        by_id = {p["id"]: p for p in profiles[-5:]}
        for a, b in (("s", "b"), ("s", "p")):
            first, second = by_id[f"m{m:02d}-{a}"], by_id[f"m{m:02d}-{b}"]
            if not set(first["languages"]) & set(second["languages"]):
                second["languages"].append(first["languages"][0])
            pairs.append(
                {"a": first["id"], "b": second["id"], "half": half[m], "cross_language": langs[a] != langs[b]}
            )
    data = {"corridors": CORRIDORS, "profiles": profiles, "pairs": pairs}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    cross = sum(p["cross_language"] for p in pairs)
    print(f"{len(profiles)} profiles, {len(pairs)} labelled pairs ({cross} across languages) -> {OUT}")


if __name__ == "__main__":
    main()
