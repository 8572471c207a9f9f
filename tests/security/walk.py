"""Every URL pattern of the project, walked from the root resolver, and the real addresses the world gives
them (kwargs by app namespace and the primary key each URL name points at)."""

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver, reverse


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name" (or "name" at the root)
    kwargs: tuple[str, ...]


def routes() -> list[Route]:
    """Every named URL pattern; unnamed ones are listed with their regex so the completeness test names them."""
    found: list[Route] = []

    def walk(patterns, namespace: str) -> None:
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = f"{namespace}:{entry.namespace}" if namespace and entry.namespace else entry.namespace
                walk(entry.url_patterns, inner or namespace)
            elif isinstance(entry, URLPattern):
                name = entry.name or f"<unnamed {entry.pattern}>"
                full = f"{namespace}:{name}" if namespace else name
                found.append(Route(full, tuple(entry.pattern.converters)))

    walk(get_resolver().url_patterns, "")
    return sorted(set(found), key=lambda r: r.name)


def address(route: Route, world) -> str:
    namespace = route.name.split(":")[0] if ":" in route.name else ""
    values = world.slugs.get(namespace, {})
    kwargs = {}
    for kwarg in route.kwargs:
        if kwarg == "pk":
            kwargs[kwarg] = world.pks[route.name]
        else:
            kwargs[kwarg] = values[kwarg]
    return reverse(route.name, kwargs=kwargs)
