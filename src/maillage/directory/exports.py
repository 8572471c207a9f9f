"""Export of the directory in the same columns the import reads, so a file can go round-trip."""

from collections.abc import Iterator

from .imports import LIST_SEPARATOR, ORGANISATION_COLUMNS, PERSON_COLUMNS
from .models import Organisation, Person


def organisation_rows() -> Iterator[list[object]]:
    queryset = (
        Organisation.objects.select_related("city", "region").prefetch_related("sectors").order_by("slug")
    )
    for org in queryset.iterator(chunk_size=1000):
        yield [
            org.slug,
            org.name,
            org.kind,
            org.city.name if org.city else "",
            org.region.name if org.region else "",
            org.country,
            org.website,
            org.description_fr,
            org.description_en,
            LIST_SEPARATOR.join(sorted(s.slug for s in org.sectors.all())),
            org.offers,
            org.needs,
            org.size,
            org.founded,
        ]


def person_rows() -> Iterator[list[object]]:
    queryset = Person.objects.exclude(email=None).select_related("organisation").order_by("email")
    for person in queryset.iterator(chunk_size=1000):
        yield [
            person.email,
            person.first_name,
            person.last_name,
            person.role,
            person.organisation.slug if person.organisation else "",
            LIST_SEPARATOR.join(person.languages),
            person.phone,
            "yes" if person.is_listed else "no",
            person.bio,
        ]


EXPORTS = {
    "organisations": (ORGANISATION_COLUMNS, organisation_rows),
    "people": (PERSON_COLUMNS, person_rows),
}
