"""The demo directory: real organisations of the Québec–France digital corridors (`data/organisations.csv`,
short public summaries written for the demo), plus organisations and people generated from the word lists of
`data/directory.toml` with a fixed seed, to reach the size of a real network's directory.

Everything goes through the same import code as a user's spreadsheet, so loading twice changes nothing.
"""

import random
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from maillage.accounts.models import User
from maillage.common.tabular import Table
from maillage.directory.imports import (
    ORGANISATION_COLUMNS,
    PERSON_COLUMNS,
    organisations_import,
    people_import,
)
from maillage.directory.models import Corridor, Organisation, Person, Region
from maillage.directory.services import sectors_sync, sectors_taxonomy

from .accounts import DEMO_MEMBER, DEMO_ORGANISER, DEMO_PASSWORD
from .files import demo_table, demo_toml


@dataclass
class DirectoryDemoResult:
    organisations: int
    people: int


@transaction.atomic
def directory_demo_load(
    *, organisations: int = 300, people: int = 800, seed: int = 2027
) -> DirectoryDemoResult:
    data = demo_toml("directory.toml")
    rng = random.Random(seed)
    sectors_sync()
    for region in data["regions"]:
        Region.objects.update_or_create(
            slug=region["slug"], defaults={"name": region["name"], "country": region["country"]}
        )
    for corridor in data["corridors"]:
        Corridor.objects.update_or_create(
            region_a=Region.objects.get(slug=corridor["region_a"]),
            region_b=Region.objects.get(slug=corridor["region_b"]),
            defaults={"name": corridor["name"], "since": corridor["since"]},
        )
    rows = [row for row in demo_table("organisations.csv").rows if row is not None]
    rows += _generated_organisations(rng, data, organisations - len(rows), {r["slug"] for r in rows})
    organisations_import(Table(header=ORGANISATION_COLUMNS, rows=list(rows)), new_regions=True)
    person_rows = _people(rng, data["generated"], rows, people)
    people_import(Table(header=PERSON_COLUMNS, rows=list(person_rows)))
    _accounts(data["accounts"])
    return DirectoryDemoResult(organisations=len(rows), people=len(person_rows))


def _generated_organisations(rng: random.Random, data: dict, count: int, taken: set[str]) -> list[dict]:
    """`count` organisations in the import's columns, drawn from the word lists (by position: same seed, same
    directory)."""
    words = data["generated"]
    cities = {region["name"]: region["cities"] for region in data["regions"]}
    phrases = words["sectors"]
    sectors = list(phrases)
    sector_names = {entry["slug"]: (entry["fr"], entry["en"]) for entry in sectors_taxonomy()}
    kinds, kind_weights = zip(*words["kinds"], strict=True)
    region_weights = [weight for *_region, weight in words["regions"]]
    rows = []
    while len(rows) < count:
        name = f"{rng.choice(words['name_stems'])}{rng.choice(['', ' '])}{rng.choice(words['name_ends'])}"
        slug = slugify(name)
        if slug in taken:  # a directory of thousands needs more names than stems and endings make
            name = f"{name} {len(rows) + 1}"
            slug = slugify(name)
        taken.add(slug)
        kind = rng.choices(kinds, kind_weights)[0]
        region, country, _weight = rng.choices(words["regions"], region_weights)[0]
        main = rng.sample(sectors, rng.choice([1, 1, 2, 3]))
        writes_english = (country == "CA" and rng.random() < 0.35) or rng.random() < 0.1
        language = 1 if writes_english else 0
        offers = "; ".join(phrases[s]["offers"][language] for s in main)
        needs = phrases[main[0]]["needs"][language]
        city = rng.choice(cities[region])
        fr_names = ", ".join(sector_names[s][0].lower() for s in main)
        en_names = ", ".join(sector_names[s][1].lower() for s in main)
        rows.append(
            {
                "slug": slug,
                "name": name,
                "kind": kind,
                "city": city,
                "region": region,
                "country": country,
                "website": f"https://{slug}.example",
                "description_fr": f"{name} est une organisation de {city} : {fr_names}. {offers}.",
                "description_en": f"{name} is an organisation based in {city}: {en_names}. {offers}.",
                "sectors": ";".join(main),
                "offers": offers,
                "needs": needs,
                "size": rng.choice(words["sizes"]),
                "founded": "",
            }
        )
    return rows


def _people(rng: random.Random, words: dict, organisations: list[dict], count: int) -> list[dict]:
    """`count` people in the import's columns: one per organisation first, then anywhere."""
    rows, emails = [], set()
    for index in range(count):
        org = (
            organisations[index % len(organisations)]
            if index < len(organisations)
            else rng.choice(organisations)
        )
        first, last = rng.choice(words["first_names"]), rng.choice(words["last_names"])
        email = f"{slugify(first)}.{slugify(last)}@{org['slug']}.example"
        if email in emails:
            email = f"{slugify(first)}.{slugify(last)}{index}@{org['slug']}.example"
        emails.add(email)
        languages = ["fr", "en"] if org["country"] == "CA" or rng.random() < 0.4 else ["fr"]
        rows.append(
            {
                "email": email,
                "first_name": first,
                "last_name": last,
                "role": rng.choice(words["roles"]),
                "organisation": org["slug"],
                "languages": ";".join(languages),
                "phone": f"+1 418 555 {rng.randrange(1000, 9999)}"
                if org["country"] == "CA"
                else f"+33 6 {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)} {rng.randrange(10, 99)}",
                "is_listed": "yes" if rng.random() < 0.85 else "no",
                "bio": "",
            }
        )
    return rows


def _accounts(accounts: dict) -> None:
    """The organiser's and the member's log-ins, each tied to their person in the directory."""
    for email, role, spec in [
        (DEMO_ORGANISER, User.Role.ORGANISER, accounts["organiser"]),
        (DEMO_MEMBER, User.Role.MEMBER, accounts["member"]),
    ]:
        name = f"{spec['first_name']} {spec['last_name']}"
        user, created = User.objects.get_or_create(email=email, defaults={"name": name, "role": role})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        person, created = Person.objects.get_or_create(
            email=email,
            defaults={
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "role": spec["role"],
                "organisation": Organisation.objects.get(slug=spec["organisation"]),
                "languages": spec["languages"],
                "phone": spec["phone"],
                "user": user,
            },
        )
        if not created and person.user_id != user.pk:
            person.user = user
            person.save(update_fields=["user", "updated"])
