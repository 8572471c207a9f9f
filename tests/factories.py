import factory
from django.utils.text import slugify

from maillage.accounts.models import User
from maillage.directory.models import City, Organisation, Person, Region

PASSWORD = "secret-password-1"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    name = factory.Sequence(lambda n: f"User {n}")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return model_class.objects.create_user(*args, password=PASSWORD, **kwargs)


class OrganiserFactory(UserFactory):
    role = User.Role.ORGANISER


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    name = "Capitale-Nationale"
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    country = "CA"


class CityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = City
        django_get_or_create = ("name", "region")

    name = "Québec"
    region = factory.SubFactory(RegionFactory)


class OrganisationFactory(factory.django.DjangoModelFactory):
    """Built through the service so the search fields are filled as in real use."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = Organisation.Kind.COMPANY

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        from maillage.directory.services import organisation_create

        return organisation_create(**kwargs)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    first_name = "Julie"
    last_name = factory.Sequence(lambda n: f"Tremblay{n}")
    role = "Directrice"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    phone = factory.Sequence(lambda n: f"+1 418 555 {1000 + n}")
    languages = factory.LazyFunction(lambda: ["fr", "en"])
