"""Changes to the directory. Each function is one transaction and keeps the search fields current."""

import json
from collections.abc import Iterable
from importlib import resources

from django.db import connection, transaction

from maillage.accounts.models import User
from maillage.common.services import unique_slug
from maillage.common.text import slug_for_name

from .models import City, Organisation, Person, Region, Sector
from .search import index_text, search_vector_expression

ORGANISATION_FIELDS = [
    "name",
    "kind",
    "city",
    "region",
    "country",
    "website",
    "description_fr",
    "description_en",
    "offers",
    "needs",
    "size",
    "founded",
]


def sectors_taxonomy() -> list[dict]:
    """The bilingual sector taxonomy shared with the recommendation engine."""
    data = resources.files("maillage.engine.recommend").joinpath("sectors.json").read_text("utf-8")
    return json.loads(data)


@transaction.atomic
def sectors_sync() -> int:
    """Make the Sector table match the taxonomy file (new sectors added, names updated, none deleted)."""
    count = 0
    for entry in sectors_taxonomy():
        Sector.objects.update_or_create(
            slug=entry["slug"], defaults={"name_fr": entry["fr"], "name_en": entry["en"]}
        )
        count += 1
    return count


def organisation_search_refresh(organisation_ids: Iterable[int]) -> None:
    """Recompute the folded search fields (and the PostgreSQL tsvector) of these organisations."""
    ids = list(organisation_ids)
    organisations = list(
        Organisation.objects.filter(pk__in=ids).select_related("city", "region").prefetch_related("sectors")
    )
    for org in organisations:
        sector_names = " ".join(f"{s.name_fr} {s.name_en}" for s in org.sectors.all())
        org.search_name = index_text(org.name)
        org.search_text = index_text(
            org.description_fr,
            org.description_en,
            org.offers,
            org.needs,
            sector_names,
            org.city.name if org.city else "",
            org.region.name if org.region else "",
            org.get_kind_display(),
        )
    Organisation.objects.bulk_update(organisations, ["search_name", "search_text"], batch_size=500)
    if connection.vendor == "postgresql":
        Organisation.objects.filter(pk__in=ids).update(search_vector=search_vector_expression())


def place_resolve(
    *, city: str = "", region: str = "", country: str = ""
) -> tuple[City | None, Region | None]:
    """Find or create the region and city named in a form or an import row."""
    region_obj = None
    if region:
        region_obj = Region.objects.filter(name__iexact=region.strip(), country=country or "").first()
        if region_obj is None:
            region_obj = Region.objects.filter(name__iexact=region.strip()).first()
        if region_obj is None:
            slug = slug_for_name(f"{country}-{region}", max_length=80)
            region_obj, _ = Region.objects.get_or_create(
                slug=slug, defaults={"name": region.strip(), "country": country}
            )
    city_obj = None
    if city and region_obj:
        city_obj, _ = City.objects.get_or_create(name=city.strip(), region=region_obj)
    return city_obj, region_obj


@transaction.atomic
def organisation_create(*, sectors: Iterable[Sector] = (), slug: str = "", **fields) -> Organisation:
    # max_length 104: a key of at most 100 characters before its number, as organisations always had.
    slug = slug or unique_slug(Organisation, fields["name"], max_length=104, fallback="org")
    organisation = Organisation(slug=slug, **fields)
    if organisation.city and not organisation.region:
        organisation.region = organisation.city.region
    if organisation.region and not organisation.country:
        organisation.country = organisation.region.country
    organisation.full_clean()
    organisation.save()
    organisation.sectors.set(sectors)
    organisation_search_refresh([organisation.pk])
    return organisation


@transaction.atomic
def organisation_update(
    *, organisation: Organisation, sectors: Iterable[Sector] | None = None, **fields
) -> Organisation:
    for name, value in fields.items():
        if name not in ORGANISATION_FIELDS:
            raise ValueError(f"Unknown organisation field: {name}")
        setattr(organisation, name, value)
    if organisation.city and not organisation.region:
        organisation.region = organisation.city.region
    organisation.full_clean()
    organisation.save()
    if sectors is not None:
        organisation.sectors.set(sectors)
    organisation_search_refresh([organisation.pk])
    return organisation


@transaction.atomic
def person_update(*, person: Person, **fields) -> Person:
    for name, value in fields.items():
        setattr(person, name, value)
    return _person_save(person)


@transaction.atomic
def person_create(**fields) -> Person:
    return _person_save(Person(**fields))


def _person_save(person: Person) -> Person:
    """E-mail addresses are keys (imports, accounts): always stored trimmed and lower-case."""
    if person.email:
        person.email = person.email.strip().lower()
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def person_link_account(*, person: Person, user: User) -> Person:
    person.user = user
    person.save(update_fields=["user", "updated"])
    return person
