import pytest

from maillage.accounts.models import User
from maillage.demo.accounts import DEMO_MEMBER, DEMO_ORGANISER
from maillage.demo.directory import directory_demo_load
from maillage.directory.models import Corridor, Organisation, Person

pytestmark = pytest.mark.django_db


def test_demo_load_is_realistic_and_idempotent():
    result = directory_demo_load(organisations=60, people=120)
    assert (result.organisations, result.people) == (60, 120)
    assert Organisation.objects.filter(name="IoT Valley", city__name="Labège").exists()
    assert set(Corridor.objects.values_list("name", flat=True)) >= {"Québec–Bordeaux", "Québec–Wallonie"}
    assert User.objects.get(email=DEMO_ORGANISER).is_organiser
    assert not User.objects.get(email=DEMO_MEMBER).is_organiser
    snapshot = (
        list(Organisation.objects.order_by("pk").values_list("pk", "updated")),
        list(Person.objects.order_by("pk").values_list("pk", "updated")),
    )
    directory_demo_load(organisations=60, people=120)
    assert (
        list(Organisation.objects.order_by("pk").values_list("pk", "updated")),
        list(Person.objects.order_by("pk").values_list("pk", "updated")),
    ) == snapshot
