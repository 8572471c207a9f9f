import pytest
from django.core.cache import cache

from maillage.proposals.models import Proposal


@pytest.fixture(autouse=True)
def _files_in_tmp(tmp_path, monkeypatch):
    """Uploaded slides and pictures go to a temporary folder, never to the developer's data folder."""
    from django.core.files.storage import FileSystemStorage

    for name in ("slides", "picture"):
        monkeypatch.setattr(Proposal._meta.get_field(name), "storage", FileSystemStorage(location=tmp_path))


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def clock(monkeypatch):
    """Set the time everything reads (`django.utils.timezone.now`): `clock(aware_datetime)`."""
    from django.utils import timezone

    def set_now(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_now
