import pytest

from .factories import participant_make, session_make


@pytest.fixture
def session(db):
    return session_make()


@pytest.fixture
def alice(session):
    return participant_make(session)


@pytest.fixture
def bob(session):
    return participant_make(session)


@pytest.fixture
def clock(monkeypatch):
    """Set the time everything reads (`django.utils.timezone.now`): `clock(aware_datetime)`."""
    from django.utils import timezone

    def set_now(moment):
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_now
