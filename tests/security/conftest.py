import pytest
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage
from django.db import transaction

from maillage.missions.models import Photo
from maillage.proposals.models import Proposal

from .world import build_world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    """One world per module, built once inside a transaction rolled back at the end (each test's own
    changes are rolled back to a savepoint by pytest-django's `db`, nested inside it)."""
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
