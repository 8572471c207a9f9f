import pytest
from django.core.cache import cache

from . import schemas
from .factories import EditionFactory, EventFactory, RoomFactory, TrackFactory, VenueFactory


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()


@pytest.fixture
def edition(db):
    return EditionFactory(slug="semaine-numerique-2027", name="Semaine numérique de Québec 2027")


@pytest.fixture
def event(edition):
    return EventFactory(edition=edition, name="Conférence web")


@pytest.fixture
def room(edition):
    return RoomFactory(
        venue=VenueFactory(edition=edition, name="Espace Saint-Roch", slug="saint-roch"), name="Agora"
    )


@pytest.fixture
def track(edition):
    return TrackFactory(
        edition=edition, slug="ia", name_fr="Intelligence artificielle", name_en="Artificial intelligence"
    )


@pytest.fixture(scope="session")
def frab_schema():
    return schemas.frab_schema()
