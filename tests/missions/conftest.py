import pytest

from maillage.missions.models import Photo


@pytest.fixture(autouse=True)
def _photos_in_tmp(tmp_path, monkeypatch):
    """Uploaded photos go to a temporary folder, never to the developer's data folder."""
    from django.core.files.storage import FileSystemStorage

    monkeypatch.setattr(Photo._meta.get_field("image"), "storage", FileSystemStorage(location=tmp_path))


@pytest.fixture
def clock(monkeypatch):
    """Set the time everything reads (`django.utils.timezone.now`): `clock(aware_datetime)`."""
    from django.utils import timezone

    def set_now(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_now
