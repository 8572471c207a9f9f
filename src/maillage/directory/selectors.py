"""Reads of the directory, with the visibility rules applied where the data is fetched."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, Q, QuerySet

from .models import Corridor, Organisation, Person, Region, Sector
from .search import apply_search

PAGE_SIZE = 24


@dataclass(frozen=True)
class OrganisationFilters:
    query: str = ""
    kind: str = ""
    region: str = ""
    sector: str = ""
    country: str = ""


def organisations_search(
    filters: OrganisationFilters, *, page: int | str = 1, per_page: int = PAGE_SIZE
) -> Page:
    queryset = Organisation.objects.select_related("city", "region").prefetch_related("sectors")
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.region:
        queryset = queryset.filter(region__slug=filters.region)
    if filters.country:
        queryset = queryset.filter(country=filters.country)
    if filters.sector:
        queryset = queryset.filter(sectors__slug=filters.sector)
    queryset = apply_search(queryset, filters.query)
    return Paginator(queryset, per_page).get_page(page)


def organisation_get(slug: str) -> Organisation:
    return (
        Organisation.objects.select_related("city", "region")
        .prefetch_related("sectors", Prefetch("people", queryset=Person.objects.order_by("last_name")))
        .get(slug=slug)
    )


def people_visible_in(organisation: Organisation, *, user) -> list[Person]:
    """People shown on an organisation page: the listed ones, or all of them for an organiser."""
    people = list(organisation.people.all())
    if user.is_authenticated and user.is_organiser:
        return people
    return [p for p in people if p.is_listed or (user.is_authenticated and p.user_id == user.pk)]


def person_can_see_private(person: Person, *, user) -> bool:
    return bool(user.is_authenticated and (user.is_organiser or person.user_id == user.pk))


def person_can_edit(person: Person, *, user) -> bool:
    return person_can_see_private(person, user=user)


def people_search(query: str = "", *, page: int | str = 1, per_page: int = 50) -> Page:
    """People for the organisers' list: every word must match a name, the e-mail or the organisation."""
    queryset = Person.objects.select_related("organisation", "user")
    for word in query.split()[:5]:
        queryset = queryset.filter(
            Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(email__icontains=word)
            | Q(organisation__name__icontains=word)
        )
    return Paginator(queryset.order_by("last_name", "first_name", "pk"), per_page).get_page(page)


def filter_choices() -> dict:
    return {
        "kinds": Organisation.Kind.choices,
        "regions": list(Region.objects.annotate(n=Count("organisations")).filter(n__gt=0).order_by("name")),
        "sectors": sorted(Sector.objects.all(), key=lambda s: s.name.lower()),
    }


def corridors_all() -> QuerySet[Corridor]:
    return Corridor.objects.select_related("region_a", "region_b")


def directory_stats() -> dict:
    return {
        "organisations": Organisation.objects.count(),
        "people": Person.objects.count(),
        "regions": Region.objects.filter(organisations__isnull=False).distinct().count(),
        "corridors": Corridor.objects.count(),
    }
