import pytest
from django.core.cache import cache

from maillage.programme import services
from tests.factories import UserFactory

from . import schemas
from .factories import (
    ActivityFactory,
    EditionFactory,
    EventFactory,
    RoomFactory,
    SpeakerFactory,
    TrackFactory,
    VenueFactory,
    at,
)


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


@pytest.fixture
def week(edition, event, room):
    """Two rooms, two speakers, four activities; one fixed; two people starred the same pair."""
    other = RoomFactory(venue=room.venue, name="Studio", capacity=30)
    speaker = SpeakerFactory(edition=edition)
    fixed = ActivityFactory(
        event=event, title_fr="Ouverture", room=room, start=at(edition, "2027-04-05 09:00")
    )
    services.activity_place(activity=fixed, room=room, start=fixed.start, fixed=True)
    a = ActivityFactory(
        event=event, title_fr="A", speakers=[speaker], room=room, start=at(edition, "2027-04-06 09:00")
    )
    b = ActivityFactory(
        event=event, title_fr="B", speakers=[speaker], room=other, start=at(edition, "2027-04-06 09:00")
    )
    c = ActivityFactory(event=event, title_fr="C", expected_attendance=100)
    for _n in range(2):
        user = UserFactory()
        services.favourite_star(user=user, activity=a)
        services.favourite_star(user=user, activity=c)
    return {"fixed": fixed, "a": a, "b": b, "c": c, "rooms": (room, other)}
