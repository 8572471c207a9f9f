"""The public agenda kept whole for visitors: every change shows at once, each visitor's CSRF token is their
own, logged-in people keep their stars, and nothing personal is kept for the next visitor."""

import re

import pytest
from django.conf import settings
from django.contrib.messages import constants
from django.contrib.messages.storage.cookie import CookieStorage
from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maillage.programme import services
from maillage.programme.models import Activity

from .factories import ActivityFactory, at

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def agenda_url(edition):
    return reverse("programme:agenda", args=[edition.slug])


def test_a_visitor_page_comes_from_the_cache_and_follows_every_change(client, edition, event, room):
    activity = ActivityFactory(
        event=event, title_fr="Robotique", room=room, start=at(edition, "2027-04-06 10:00")
    )
    assert "Robotique" in client.get(agenda_url(edition)).content.decode()
    with CaptureQueriesContext(connection) as cached:
        again = client.get(agenda_url(edition)).content.decode()
    assert len(cached) == 2  # the edition and its version: the whole page came from the cache
    assert "Robotique" in again
    services.activity_update(activity=activity, title_fr="Robotique sociale")
    assert "Robotique sociale" in client.get(agenda_url(edition)).content.decode()
    services.activity_place(activity=activity, room=room, start=at(edition, "2027-04-06 11:00"))
    assert "11:00" in client.get(agenda_url(edition)).content.decode()
    ActivityFactory(event=event, title_fr="Musique", room=room, start=at(edition, "2027-04-07 09:00"))
    assert "Musique" in client.get(agenda_url(edition)).content.decode()
    services.activity_update(activity=activity, status=Activity.Status.DRAFT)
    assert "Robotique" not in client.get(agenda_url(edition)).content.decode()
    Activity.objects.filter(title_fr="Musique").delete()
    assert "Musique" not in client.get(agenda_url(edition)).content.decode()


def test_each_language_has_its_own_page(client, edition, event, room):
    ActivityFactory(
        event=event,
        title_fr="Robotique",
        title_en="Robotics",
        room=room,
        start=at(edition, "2027-04-06 10:00"),
    )
    assert "Robotique" in client.get(agenda_url(edition)).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(agenda_url(edition)).content.decode()
    assert "Robotics" in english
    assert '<html lang="en">' in english


def test_each_visitor_gets_their_own_csrf_token_and_the_language_switch_works(edition, event, room):
    ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 10:00"))
    one, other = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first = one.get(agenda_url(edition))
    second = other.get(agenda_url(edition))  # from the cache
    tokens = TOKEN.findall(second.content.decode())
    assert tokens
    assert "maillage-agenda-csrf" not in second.content.decode()
    assert TOKEN.findall(first.content.decode()) != tokens
    switched = other.post(reverse("set_language"), {"language": "en", "csrfmiddlewaretoken": tokens[0],
                                                   "next": agenda_url(edition)})  # fmt: skip
    assert switched.status_code == 302
    assert other.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"


def test_the_language_switch_returns_to_the_address_the_visitor_came_from(client, edition, event, room):
    ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 10:00"))
    client.get(agenda_url(edition), {"utm_source": "a"})
    html = client.get(agenda_url(edition), {"utm_source": "b"}).content.decode()
    assert 'name="next" type="hidden" value="/programme/semaine-numerique-2027/?utm_source=b"' in html


def test_addresses_that_differ_by_other_parameters_share_one_kept_page(client, edition, event, room):
    """Random parameters cannot fill the cache: the page is kept once per path and filters."""
    ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 10:00"))
    client.get(agenda_url(edition), {"x": "1"})
    with CaptureQueriesContext(connection) as queries:
        html = client.get(agenda_url(edition), {"x": "2<b>"}).content.decode()
    assert len(queries) == 2  # the edition and its version: the whole page came from the cache
    assert 'value="/programme/semaine-numerique-2027/?x=2%3Cb%3E"' in html


def test_logged_in_people_see_their_stars_not_the_visitors_page(member_client, member, edition, event, room):
    activity = ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 10:00"))
    visitor = Client()
    visitor.get(agenda_url(edition))  # the visitors' page is kept
    services.favourite_star(user=member, activity=activity)
    html = member_client.get(agenda_url(edition)).content.decode()
    assert 'aria-pressed="true"' in html
    assert 'aria-pressed="true"' not in visitor.get(agenda_url(edition)).content.decode()


def test_a_visitor_with_a_message_sees_it_and_the_next_visitor_does_not(client, edition, event, room):
    ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 10:00"))
    client.get(agenda_url(edition))  # the visitors' page is kept
    storage = CookieStorage(HttpRequest())
    storage.add(constants.SUCCESS, "Vous êtes déconnecté·e.")
    response = HttpResponse()
    storage.update(response)
    with_message = Client()
    with_message.cookies[storage.cookie_name] = response.cookies[storage.cookie_name].value
    assert "Vous êtes déconnecté·e." in with_message.get(agenda_url(edition)).content.decode()
    assert "Vous êtes déconnecté·e." not in client.get(agenda_url(edition)).content.decode()
