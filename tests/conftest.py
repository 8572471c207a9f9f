import pytest

from .factories import OrganiserFactory, PersonFactory, UserFactory


@pytest.fixture(autouse=True)
def _french_by_default(settings):
    settings.LANGUAGE_CODE = "fr"


@pytest.fixture
def organiser(db):
    return OrganiserFactory()


@pytest.fixture
def member(db):
    user = UserFactory()
    PersonFactory(user=user, email=user.email)
    return user


@pytest.fixture
def organiser_client(client, organiser):
    client.force_login(organiser)
    return client


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client
