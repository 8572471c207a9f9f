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
