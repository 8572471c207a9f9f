import pytest
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.test import Client

from maillage.missions.models import Photo
from maillage.policies import POLICIES
from maillage.proposals.models import Proposal

from .forms import Form, forms_of
from .matrix import SELF_ROLE
from .walk import address, routes
from .world import build_world


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """One world for the package (per xdist worker), built once inside a transaction rolled back at the end:
    each test's own changes are rolled back to a savepoint by pytest-django's `db`, nested inside it. No test
    of this package may use a transactional database (`transaction=True`): they live in tests/faults."""
    storage = FileSystemStorage(location=tmp_path_factory.mktemp("uploads"))
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock():
        patch.setattr(Photo._meta.get_field("image"), "storage", storage)
        for name in ("slides", "picture"):
            patch.setattr(Proposal._meta.get_field(name), "storage", storage)
        cache.clear()
        with transaction.atomic():
            yield build_world()
            transaction.set_rollback(True)
        cache.clear()


def login(client: Client, world, role: str) -> None:
    client.logout()
    if world.users[role] is not None:
        client.force_login(world.users[role])


def drain(response) -> None:
    """Read a streamed file to its end, which closes it the way the test client means to. Never call
    `response.close()` here: it sends `request_finished`, whose handler closes a database connection found
    inside a transaction (PostgreSQL's test connection, then gone for every later test)."""
    if getattr(response, "streaming", False):
        for _chunk in response.streaming_content:
            pass


def body_of(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


HARVEST_ROLES = ("organiser", "member", *sorted(set(SELF_ROLE.values()) - {"member"}))


@pytest.fixture(scope="package")
def harvest(world, django_db_blocker) -> dict[str, list[tuple[str, Form]]]:
    """Every POST form the pages show to organisers and to the people whose things they are, by the address
    it posts to, with the role that was shown it."""
    found: dict[str, list[tuple[str, Form]]] = {}
    client = Client()
    pages = [r for r in routes() if r.name in POLICIES and POLICIES[r.name].see]
    with django_db_blocker.unblock():
        for role in HARVEST_ROLES:
            login(client, world, role)
            for route in pages:
                namespace = route.name.split(":")[0] if ":" in route.name else ""
                if role not in ("organiser", SELF_ROLE.get(namespace, "member")):
                    continue
                page = address(route, world)
                response = client.get(page)
                if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                    drain(response)
                    continue
                for form in forms_of(body_of(response)):
                    if form.method != "post":
                        continue
                    action = (form.action or page).split("?")[0]
                    known = found.setdefault(action, [])
                    if all(f.body() != form.body() for _r, f in known) and len(known) < 4:
                        known.append((role, form))
    return found
