import datetime as dt

import factory

from maillage.programme import services
from maillage.programme.models import Activity, Edition, Event, Room, Speaker, Track, Venue
from tests.factories import PersonFactory


def at(edition: Edition, when: str) -> dt.datetime:
    """An aware datetime from a local time of the edition ("2027-04-06 09:00")."""
    return dt.datetime.fromisoformat(when).replace(tzinfo=edition.tzinfo)


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    name = factory.Sequence(lambda n: f"Semaine numérique {2027 + n}")
    slug = factory.Sequence(lambda n: f"semaine-{2027 + n}")
    timezone = "America/Toronto"
    start_date = dt.date(2027, 4, 5)
    end_date = dt.date(2027, 4, 9)
    published = True


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Conférence {n}")
    kind = Event.Kind.CONFERENCE


class VenueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Venue

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Lieu {n}")
    slug = factory.Sequence(lambda n: f"lieu-{n}")
    address = "1 rue Saint-Jean"
    city = "Québec"


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    venue = factory.SubFactory(VenueFactory)
    name = factory.Sequence(lambda n: f"Salle {n}")
    capacity = 120


class TrackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Track

    edition = factory.SubFactory(EditionFactory)
    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_fr = factory.Sequence(lambda n: f"Thème {n}")
    name_en = factory.Sequence(lambda n: f"Track {n}")
    colour = "#2a9d8f"


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speaker

    edition = factory.SubFactory(EditionFactory)
    person = factory.SubFactory(PersonFactory)
    bio_fr = "Entrepreneure du numérique."


class ActivityFactory(factory.django.DjangoModelFactory):
    """Built through the service (search text filled); `room` and `start` place it, `speakers` are linked."""

    class Meta:
        model = Activity

    event = factory.SubFactory(EventFactory)
    title_fr = factory.Sequence(lambda n: f"Conférence numéro {n}")
    title_en = factory.Sequence(lambda n: f"Talk number {n}")
    description_fr = "Une activité de la semaine."
    duration = 60
    status = Activity.Status.PUBLISHED

    @classmethod
    def _create(cls, model_class, *args, room=None, start=None, speakers=(), **kwargs):
        activity = services.activity_create(speakers=speakers, **kwargs)
        if room is not None:
            services.activity_place(activity=activity, room=room, start=start)
        return activity
