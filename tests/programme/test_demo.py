import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from maillage.directory.demo import DEMO_MEMBER, demo_load
from maillage.programme import selectors
from maillage.programme.demo import EDITION_SLUG, programme_demo_load
from maillage.programme.models import Activity, Edition, Favourite, Speaker

from .schemas import c3voc_validator

pytestmark = pytest.mark.django_db


def test_demo_programme_is_realistic_idempotent_and_exports_validly(client, frab_schema):
    demo_load(organisations=40, people=60)
    call_command("programme_demo", stdout=io.StringIO())
    edition = Edition.objects.get(slug=EDITION_SLUG)
    activities = Activity.objects.filter(event__edition=edition)
    assert activities.count() == 44
    assert activities.filter(start__isnull=True).count() == 4
    assert edition.venues.count() == 5
    assert Speaker.objects.filter(edition=edition, person__isnull=False).count() == 30
    assert Favourite.objects.filter(user__email=DEMO_MEMBER).count() == 5
    user = Favourite.objects.filter(user__email=DEMO_MEMBER).first().user
    assert selectors.favourite_clashes(edition, selectors.agenda_for_user(user, edition))
    snapshot = list(activities.order_by("pk").values_list("pk", "updated"))
    result = programme_demo_load()
    assert not result.created
    assert list(activities.order_by("pk").values_list("pk", "updated")) == snapshot
    frab_schema.validate(client.get(reverse("programme:export_frab", args=[EDITION_SLUG])).content)
    c3voc_validator().validate(
        json.loads(client.get(reverse("programme:export_c3voc", args=[EDITION_SLUG])).content)
    )
    assert (
        client.get(reverse("programme:agenda", args=[EDITION_SLUG])).content.decode().count('class="card"')
        == 40
    )
