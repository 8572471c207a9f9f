"""Import of organisations and people from a spreadsheet: all rows or none.

Every row is checked first; a file with any bad row is rejected whole, with a report naming each bad row
and field. A good file is written in one transaction, upserting on a stable key (an organisation's
``slug``, a person's ``email``), so importing the same file twice changes nothing.
"""

import difflib
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from maillage.common.tabular import Table
from maillage.common.text import fold, slug_for_name

from . import services
from .models import COUNTRIES, Organisation, Person, Region, Sector

ORGANISATION_COLUMNS = [
    "slug",
    "name",
    "kind",
    "city",
    "region",
    "country",
    "website",
    "description_fr",
    "description_en",
    "sectors",
    "offers",
    "needs",
    "size",
    "founded",
]
PERSON_COLUMNS = [
    "email",
    "first_name",
    "last_name",
    "role",
    "organisation",
    "languages",
    "phone",
    "is_listed",
    "bio",
]
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class RowError:
    row: int  # the line number in the spreadsheet, header = 1
    column: str
    message: str

    def __str__(self) -> str:
        return _("row %(row)d, column “%(column)s”: %(message)s") % {
            "row": self.row,
            "column": self.column,
            "message": self.message,
        }


class ImportRejected(Exception):
    def __init__(self, errors: list[RowError]):
        super().__init__(f"{len(errors)} error(s)")
        self.errors = errors


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    keys: list[str] = field(default_factory=list)


def _choice_lookup(choices) -> dict[str, str]:
    """Accept a choice by its code or by its French or English label, any case or accents."""
    from django.utils import translation

    lookup: dict[str, str] = {}
    for code, label in choices:
        lookup[fold(str(code))] = code
        for language in ("fr", "en"):
            with translation.override(language):
                lookup[fold(str(label))] = code
    return lookup


def _sector_lookup() -> dict[str, Sector]:
    lookup: dict[str, Sector] = {}
    for sector in Sector.objects.all():
        for key in (sector.slug, sector.name_fr, sector.name_en):
            lookup[fold(key)] = sector
    for entry in services.sectors_taxonomy():
        sector_obj = lookup.get(fold(entry["slug"]))
        if sector_obj is None:
            continue
        for language_synonyms in entry.get("synonyms", {}).values():
            for synonym in language_synonyms:
                lookup.setdefault(fold(synonym), sector_obj)
    return lookup


class OrganisationRowForm(forms.Form):
    slug = forms.SlugField(required=False, max_length=120)
    name = forms.CharField(max_length=200)
    kind = forms.CharField(required=False)
    city = forms.CharField(required=False, max_length=120)
    region = forms.CharField(required=False, max_length=120)
    country = forms.CharField(required=False, max_length=40)
    website = forms.URLField(required=False, assume_scheme="https")
    description_fr = forms.CharField(required=False)
    description_en = forms.CharField(required=False)
    sectors = forms.CharField(required=False)
    offers = forms.CharField(required=False)
    needs = forms.CharField(required=False)
    size = forms.CharField(required=False)
    founded = forms.IntegerField(required=False, min_value=1800, max_value=2100)

    def __init__(self, *args, lookups: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.lookups = lookups

    def _choice(self, name: str, lookup: dict[str, str], *, default: str = "") -> str:
        value = self.cleaned_data.get(name, "")
        if not value:
            return default
        try:
            return lookup[fold(value)]
        except KeyError:
            raise ValidationError(_("“%(value)s” is not a known value.") % {"value": value}) from None

    def clean_kind(self):
        return self._choice("kind", self.lookups["kind"], default=Organisation.Kind.COMPANY)

    def clean_size(self):
        return self._choice("size", self.lookups["size"])

    def clean_country(self):
        return self._choice("country", self.lookups["country"])

    def clean_region(self):
        """A region not in the directory is refused unless the organiser asked to create new ones, with
        the nearest known names: "Nouvelle-Aquitane" is a typo far more often than a new region."""
        value = self.cleaned_data.get("region", "").strip()
        known = self.lookups["region"]
        if not value or fold(value) in known or self.lookups.get("new_regions"):
            return value
        near = difflib.get_close_matches(fold(value), list(known), n=1, cutoff=0.75)
        if near:
            message = _("unknown region “%(value)s”: did you mean “%(name)s”?") % {
                "value": value,
                "name": known[near[0]],
            }
        else:
            message = _(
                "unknown region “%(value)s”: check its spelling, or tick “create new regions” to add it"
            ) % {"value": value}
        raise ValidationError(message, code="unknown_region")

    def clean_sectors(self):
        found, unknown = [], []
        for label in filter(None, (s.strip() for s in self.cleaned_data["sectors"].split(LIST_SEPARATOR))):
            sector = self.lookups["sector"].get(fold(label))
            if sector is None:
                unknown.append(label)
            else:
                found.append(sector)
        if unknown:
            raise ValidationError(_("unknown sector(s): %(names)s") % {"names": ", ".join(unknown)})
        return found

    def clean(self):
        data = super().clean()
        if data.get("name") and not data.get("slug"):
            data["slug"] = slug_for_name(data["name"])
        if data.get("city") and not data.get("region") and "region" not in self.errors:
            self.add_error("region", _("A city needs its region."))
        return data


class PersonRowForm(forms.Form):
    email = forms.EmailField()
    first_name = forms.CharField(max_length=100)
    last_name = forms.CharField(max_length=100)
    role = forms.CharField(required=False, max_length=160)
    organisation = forms.CharField(required=False)
    languages = forms.CharField(required=False)
    phone = forms.CharField(required=False, max_length=40)
    is_listed = forms.CharField(required=False)
    bio = forms.CharField(required=False)

    def __init__(self, *args, organisations: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.organisations = organisations

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean_organisation(self):
        slug = self.cleaned_data["organisation"]
        if not slug:
            return None
        if slug not in self.organisations:
            raise ValidationError(_("no organisation has the key “%(slug)s”.") % {"slug": slug})
        return self.organisations[slug]

    def clean_languages(self):
        codes = [fold(c.strip()) for c in self.cleaned_data["languages"].split(LIST_SEPARATOR) if c.strip()]
        bad = [c for c in codes if len(c) != 2 or not c.isalpha()]
        if bad:
            raise ValidationError(_("languages are two-letter codes such as fr;en"))
        return codes

    def clean_is_listed(self):
        value = fold(self.cleaned_data["is_listed"])
        if value in ("", "1", "yes", "oui", "true", "vrai", "y", "o"):
            return True
        if value in ("0", "no", "non", "false", "faux", "n"):
            return False
        raise ValidationError(_("write yes or no"))


def _check_header(table: Table, allowed: list[str], required: list[str]) -> list[RowError]:
    errors = []
    for column in table.header:
        if column and column not in allowed:
            errors.append(
                RowError(
                    1, column, _("unknown column; expected some of: %(cols)s") % {"cols": ", ".join(allowed)}
                )
            )
    for column in required:
        if column not in table.header:
            errors.append(RowError(1, column, _("this column is missing")))
    return errors


def _validate_rows(table: Table, make_form, key: str) -> tuple[list[tuple[int, dict]], list[RowError]]:
    valid, errors, seen = [], [], {}
    for index, row in enumerate(table.rows, start=2):
        if row is None:
            continue
        form = make_form(row)
        if not form.is_valid():
            for column, messages in form.errors.items():
                for message in messages:
                    errors.append(RowError(index, column if column != "__all__" else "-", message))
            continue
        value = form.cleaned_data[key]
        if value in seen:
            errors.append(
                RowError(
                    index,
                    key,
                    _("“%(value)s” already appears on row %(row)d") % {"value": value, "row": seen[value]},
                )
            )
            continue
        seen[value] = index
        valid.append((index, form.cleaned_data))
    return valid, errors


def organisations_import(table: Table, *, new_regions: bool = False) -> ImportResult:
    """Import organisations; regions not yet in the directory are created only with ``new_regions``."""
    errors = _check_header(table, ORGANISATION_COLUMNS, ["name"])
    if errors:
        raise ImportRejected(errors)
    lookups = {
        "kind": _choice_lookup(Organisation.Kind.choices),
        "size": _choice_lookup(Organisation.Size.choices),
        "country": _choice_lookup(COUNTRIES),
        "sector": _sector_lookup(),
        "region": {fold(name): name for name in Region.objects.values_list("name", flat=True)},
        "new_regions": new_regions,
    }
    rows, errors = _validate_rows(table, lambda row: OrganisationRowForm(row, lookups=lookups), "slug")
    if errors:
        raise ImportRejected(errors)
    return _organisations_write(rows)


@transaction.atomic
def _organisations_write(rows: list[tuple[int, dict]]) -> ImportResult:
    result = ImportResult()
    existing = {
        o.slug: o
        for o in Organisation.objects.filter(slug__in=[d["slug"] for _, d in rows]).prefetch_related(
            "sectors"
        )
    }
    changed_ids = []
    for _row, data in rows:
        city, region = services.place_resolve(
            city=data["city"], region=data["region"], country=data["country"]
        )
        fields = {
            "name": data["name"],
            "kind": data["kind"],
            "city": city,
            "region": region,
            "country": data["country"] or (region.country if region else ""),
            "website": data["website"],
            "description_fr": data["description_fr"],
            "description_en": data["description_en"],
            "offers": data["offers"],
            "needs": data["needs"],
            "size": data["size"],
            "founded": data["founded"],
        }
        sectors = data["sectors"]
        organisation = existing.get(data["slug"])
        result.keys.append(data["slug"])
        if organisation is None:
            organisation = Organisation(slug=data["slug"], **fields)
            organisation.save()
            organisation.sectors.set(sectors)
            changed_ids.append(organisation.pk)
            result.created += 1
            continue
        same_fields = all(getattr(organisation, name) == value for name, value in fields.items())
        same_sectors = {s.pk for s in organisation.sectors.all()} == {s.pk for s in sectors}
        if same_fields and same_sectors:
            result.unchanged += 1
            continue
        for name, value in fields.items():
            setattr(organisation, name, value)
        organisation.save()
        organisation.sectors.set(sectors)
        changed_ids.append(organisation.pk)
        result.updated += 1
    services.organisation_search_refresh(changed_ids)
    return result


def people_import(table: Table) -> ImportResult:
    errors = _check_header(table, PERSON_COLUMNS, ["email", "first_name", "last_name"])
    if errors:
        raise ImportRejected(errors)
    organisations = dict(Organisation.objects.values_list("slug", "pk"))
    rows, errors = _validate_rows(table, lambda row: PersonRowForm(row, organisations=organisations), "email")
    if errors:
        raise ImportRejected(errors)
    return _people_write(rows)


@transaction.atomic
def _people_write(rows: list[tuple[int, dict]]) -> ImportResult:
    result = ImportResult()
    existing = {p.email: p for p in Person.objects.filter(email__in=[d["email"] for _, d in rows])}
    for _row, data in rows:
        fields = {
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "role": data["role"],
            "organisation_id": data["organisation"],
            "languages": data["languages"],
            "phone": data["phone"],
            "is_listed": data["is_listed"],
            "bio": data["bio"],
        }
        person = existing.get(data["email"])
        result.keys.append(data["email"])
        if person is None:
            Person.objects.create(email=data["email"], **fields)
            result.created += 1
        elif all(getattr(person, name) == value for name, value in fields.items()):
            result.unchanged += 1
        else:
            for name, value in fields.items():
                setattr(person, name, value)
            person.save()
            result.updated += 1
    return result


IMPORT_KINDS = {
    "organisations": (organisations_import, gettext_lazy("Organisations")),
    "people": (people_import, gettext_lazy("People")),
}
