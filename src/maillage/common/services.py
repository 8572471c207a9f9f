"""Helpers the apps' services share: setting the fields a caller may change, and a free URL key."""

from collections.abc import Iterable

from django.db import models

from .text import slug_for_name


def model_update(instance: models.Model, data: dict, *, allowed: Iterable[str]) -> None:
    """Set each field of `data` on `instance` (not saved), all of them among `allowed`; another name is a
    programming error (a form or a caller passing what it may not change), raised before anything is set."""
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        what = instance._meta.model_name
        raise ValueError(f"Unknown {what} field{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}")
    for name, value in data.items():
        setattr(instance, name, value)


def unique_slug(
    model: type[models.Model],
    name: str,
    *,
    max_length: int = 80,
    fallback: str = "item",
    reserved: Iterable[str] = (),
    exclude_pk: int | None = None,
    **scope,
) -> str:
    """A URL key for a new `model` row from its name ("Forum Québec–Bordeaux" → "forum-quebec-bordeaux"),
    not one of the `reserved` words (the app's own URL words), numbered ("-2", "-3"…) when another row in
    `scope` (keyword filters, e.g. ``edition=edition``; none: the whole table) already has it. Names with
    no Latin letter get `fallback` and a hash."""
    base = slug_for_name(name, max_length=max_length - 4, fallback=fallback)
    if base in set(reserved):
        base = f"{base}-{fallback}"
    others = model.objects.filter(**scope).exclude(pk=exclude_pk)
    slug, number = base, 1
    while others.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
