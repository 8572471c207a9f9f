"""Reads of the directory, with the visibility rules applied where the data is fetched."""

from dataclasses import dataclass, replace

from django.core.paginator import Page, Paginator
from django.db.models import Count, Prefetch, QuerySet

from . import search
from .models import Corridor, Organisation, Person, Region, Sector

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
    return Paginator(search.search_organisations(queryset, filters.query), per_page).get_page(page)


def organisations_suggestion(filters: OrganisationFilters) -> str:
    """A query of known words close to ``filters.query`` that finds something ("did you mean"), or ""."""
    suggested = search.suggestion(filters.query)
    if not suggested:
        return ""
    found = organisations_search(replace(filters, query=suggested), per_page=1)
    return suggested if found.paginator.count else ""


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


def person_language(person: Person) -> str:
    """The language to write to someone in: the one their account chose, else French when they speak it
    (the network's language), else English. Invitations, notifications and call-for-proposals e-mails all use
    it, so one person gets one language from every app."""
    if person.user_id:
        return person.user.language
    return "fr" if "fr" in (person.languages or ["fr"]) else "en"


def people_search(query: str = "", *, page: int | str = 1, per_page: int = 50) -> Page:
    """People for the organisers' list (every person, listed or not): each word typed must start a word of the
    name, the role, the e-mail or the organisation, accents and case aside."""
    queryset = search.search_people(Person.objects.select_related("organisation", "user"), query)
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
