import datetime as dt

import icalendar
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maillage.programme import services
from maillage.programme.models import Activity, Audience, Favourite

from .factories import (
    ActivityFactory,
    EditionFactory,
    EventFactory,
    RoomFactory,
    SpeakerFactory,
    VenueFactory,
    at,
)

pytestmark = pytest.mark.django_db


def agenda_url(edition):
    return reverse("programme:agenda", args=[edition.slug])


def test_agenda_shows_activities_by_day_with_badges_in_local_time(client, edition, event, room):
    ActivityFactory(
        event=event,
        title_fr="Ouverture",
        audience=Audience.PUBLIC,
        room=room,
        start=at(edition, "2027-04-06 09:15"),
    )
    html = client.get(agenda_url(edition)).content.decode()
    assert "Ouverture" in html
    assert "09:15" in html
    assert "mardi 6 avril" in html
    assert "Fuseau horaire : Est (Québec, Ontario)" in html  # by its places, not "America/Toronto"
    assert 'class="badge audience-public"' in html
    assert 'class="badge language-fr"' in html


def test_agenda_makes_a_fixed_number_of_queries(client, edition, event, room, track):
    def add(n):
        for i in range(n):
            speakers = [
                SpeakerFactory(edition=edition),
                SpeakerFactory(edition=edition, person=None, guest_name="G"),
            ]
            ActivityFactory(
                event=event,
                room=room,
                track=track,
                speakers=speakers,
                start=at(edition, f"2027-04-0{6 + i % 3} 1{i}:00"),
            )

    add(1)
    client.get(agenda_url(edition))
    cache.clear()  # measure the rendering, not the cache
    with CaptureQueriesContext(connection) as one:
        client.get(agenda_url(edition))
    add(2)
    cache.clear()
    with CaptureQueriesContext(connection) as three:
        assert client.get(agenda_url(edition)).content.decode().count('class="card"') == 3
    assert len(three.captured_queries) == len(one.captured_queries)


def test_htmx_filter_returns_only_the_results(client, edition, event, room):
    ActivityFactory(event=event, title_fr="Robotique", room=room, start=at(edition, "2027-04-06 10:00"))
    ActivityFactory(event=event, title_fr="Musique", room=room, start=at(edition, "2027-04-06 12:00"))
    response = client.get(agenda_url(edition), {"q": "robot"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert "Robotique" in html
    assert "Musique" not in html
    assert "<html" not in html


@pytest.mark.parametrize(
    "params",
    [{"day": "2031-01-01"}, {"day": "nope"}, {"venue": "x"}, {"audience": "aliens"}, {"q": "x" * 500}],
)
def test_odd_agenda_parameters_never_fail(client, edition, params):
    assert client.get(agenda_url(edition), params).status_code == 200


def test_unpublished_edition_is_hidden_from_the_public_but_not_from_organisers(client, organiser, edition):
    edition.published = False
    edition.save()
    assert client.get(agenda_url(edition)).status_code == 404
    client.force_login(organiser)
    assert client.get(agenda_url(edition)).status_code == 200


def test_draft_activity_page_is_not_found(client, edition, event, room):
    draft = ActivityFactory(
        event=event, status=Activity.Status.DRAFT, room=room, start=at(edition, "2027-04-06 10:00")
    )
    assert client.get(reverse("programme:activity_detail", args=[edition.slug, draft.pk])).status_code == 404


def test_activity_and_speaker_pages(client, edition, event, room):
    speaker = SpeakerFactory(
        edition=edition, person__first_name="Julie", person__last_name="Côté", bio_fr="Pionnière."
    )
    activity = ActivityFactory(
        event=event,
        title_fr="Données ouvertes",
        room=room,
        speakers=[speaker],
        start=at(edition, "2027-04-06 10:00"),
    )
    html = client.get(activity.get_absolute_url()).content.decode()
    assert "Données ouvertes" in html
    assert "Julie Côté" in html
    html = client.get(speaker.get_absolute_url()).content.decode()
    assert "Pionnière." in html
    assert "Données ouvertes" in html
    lonely = SpeakerFactory(edition=edition)
    assert client.get(lonely.get_absolute_url()).status_code == 404


def test_member_stars_with_htmx_and_sees_their_agenda_and_clashes(
    member_client, member, edition, event, room
):
    a = ActivityFactory(event=event, title_fr="Alpha", room=room, start=at(edition, "2027-04-06 10:00"))
    b = ActivityFactory(event=event, title_fr="Bêta", room=room, start=at(edition, "2027-04-06 10:30"))
    for activity in (a, b):
        url = reverse("programme:favourite_toggle", args=[edition.slug, activity.pk])
        response = member_client.post(url, {"star": "1"}, HTTP_HX_REQUEST="true")
        assert 'aria-pressed="true"' in response.content.decode()
    assert set(Favourite.objects.filter(user=member).values_list("activity", flat=True)) == {a.pk, b.pk}
    html = member_client.get(reverse("programme:my_agenda", args=[edition.slug])).content.decode()
    assert "Alpha" in html
    assert "se chevauchent" in html or "overlap" in html
    response = member_client.post(
        reverse("programme:favourite_toggle", args=[edition.slug, a.pk]),
        {"star": "0", "next": "https://evil.example/"},
    )
    assert response.url == a.get_absolute_url()
    assert list(Favourite.objects.filter(user=member).values_list("activity", flat=True)) == [b.pk]


def test_anonymous_star_goes_to_login(client, edition, event, room):
    activity = ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 10:00"))
    response = client.post(
        reverse("programme:favourite_toggle", args=[edition.slug, activity.pk]), {"star": "1"}
    )
    assert response.status_code == 302
    assert "/comptes/connexion/" in response.url
    assert Favourite.objects.count() == 0


def test_personal_calendar_feed_works_with_its_token_only(client, member, edition, event, room):
    activity = ActivityFactory(
        event=event, title_fr="Alpha", room=room, start=at(edition, "2027-04-06 10:00")
    )
    Favourite.objects.create(user=member, activity=activity)
    client.force_login(member)
    html = client.get(reverse("programme:my_agenda", args=[edition.slug])).content.decode()
    feed = html.split('readonly value="')[1].split('"')[0]
    client.logout()
    calendar = icalendar.Calendar.from_ical(client.get(feed).content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Alpha"]
    forged = reverse("programme:export_favourites_ical", args=[edition.slug, f"{member.pk}:forged"])
    assert client.get(forged).status_code == 404


def test_speaker_edits_own_bio_and_availability_keeping_the_organisers_intervals(client, member, edition):
    speaker = SpeakerFactory(edition=edition, person=member.person)
    organisers_note = (at(edition, "2027-04-07 10:15"), at(edition, "2027-04-07 11:00"))
    speaker.unavailabilities.create(start=organisers_note[0], end=organisers_note[1])
    url = reverse("programme:speaker_edit", args=[edition.slug, speaker.pk])
    client.force_login(member)
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "bio_fr": "Nouvelle bio",
            "bio_en": "New bio",
            "unavailable": ["2027-04-06|morning", "2027-04-08|evening"],
        },
    )
    assert response.url == speaker.get_absolute_url()
    speaker.refresh_from_db()
    assert (speaker.bio_fr, speaker.bio_en) == ("Nouvelle bio", "New bio")
    assert [(u.start, u.end) for u in speaker.unavailabilities.all()] == [
        (at(edition, "2027-04-06 08:00"), at(edition, "2027-04-06 12:00")),
        organisers_note,
        (at(edition, "2027-04-08 18:00"), at(edition, "2027-04-08 23:00")),
    ]
    html = client.get(url).content.decode()
    assert html.count(" checked>") == 2
    assert 'value="2027-04-06|morning" id="id_unavailable_3" checked>' in html
    assert 'value="2027-04-08|evening" id="id_unavailable_11" checked>' in html


def test_speaker_edit_is_refused_to_other_members(member_client, edition):
    speaker = SpeakerFactory(edition=edition)
    response = member_client.get(reverse("programme:speaker_edit", args=[edition.slug, speaker.pk]))
    assert response.status_code == 403


def test_pages_show_times_in_the_edition_time_zone_not_the_server_one(client, db):
    paris = EditionFactory(
        timezone="Europe/Paris", start_date=dt.date(2027, 6, 14), end_date=dt.date(2027, 6, 18)
    )
    room = RoomFactory(venue=VenueFactory(edition=paris))
    activity = ActivityFactory(
        event=EventFactory(edition=paris), room=room, start=at(paris, "2027-06-15 10:00")
    )
    for url in (agenda_url(paris), activity.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "10:00" in html
        assert "04:00" not in html  # what the server's America/Toronto would show
        assert 'datetime="2027-06-15T10:00:00+02:00"' in html


def test_programme_home_goes_to_the_only_published_edition(client, edition):
    assert client.get(reverse("programme:edition_list")).url == agenda_url(edition)


def test_agenda_with_ids_shows_the_visitor_selection_only(client, edition, event, room):
    kept = ActivityFactory(
        event=event, title_fr="Robotique", room=room, start=at(edition, "2027-04-06 10:00")
    )
    ActivityFactory(event=event, title_fr="Musique", room=room, start=at(edition, "2027-04-06 12:00"))
    draft = ActivityFactory(
        event=event,
        title_fr="Brouillon",
        status=Activity.Status.DRAFT,
        room=room,
        start=at(edition, "2027-04-06 14:00"),
    )
    html = client.get(agenda_url(edition), {"ids": f"{kept.pk},{draft.pk},x"}).content.decode()
    assert html.count('class="card"') == 1
    assert "Robotique" in html
    assert f'name="ids" value="{kept.pk},{draft.pk},x"' in html
    assert client.get(agenda_url(edition), {"ids": ""}).content.decode().count('class="card"') == 0


def test_selection_calendar_holds_published_activities_by_id(client, edition, event, room):
    kept = ActivityFactory(
        event=event, title_fr="Robotique", room=room, start=at(edition, "2027-04-06 10:00")
    )
    ActivityFactory(event=event, title_fr="Musique", room=room, start=at(edition, "2027-04-06 12:00"))
    url = reverse("programme:export_selection_ical", args=[edition.slug])
    calendar = icalendar.Calendar.from_ical(client.get(url, {"ids": str(kept.pk)}).content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Robotique"]


def test_cached_agenda_follows_every_change_of_an_activity(client, edition, event, room):
    activity = ActivityFactory(
        event=event, title_fr="Robotique", room=room, start=at(edition, "2027-04-06 10:00")
    )
    assert "10:00" in client.get(agenda_url(edition)).content.decode()
    with CaptureQueriesContext(connection) as cached:
        client.get(agenda_url(edition))
    assert len(cached) <= 6
    services.activity_place(activity=activity, room=room, start=at(edition, "2027-04-06 11:00"))
    html = client.get(agenda_url(edition)).content.decode()
    assert "11:00" in html
    services.activity_update(activity=activity, title_fr="Robotique sociale")
    assert "Robotique sociale" in client.get(agenda_url(edition)).content.decode()
    activity.delete()
    assert client.get(agenda_url(edition)).content.decode().count('class="card"') == 0


def test_a_visitors_selection_shows_its_clashes(client, edition, event, room):
    other_room = RoomFactory(venue=room.venue, name="Studio")
    first = ActivityFactory(
        event=event, title_fr="Robotique", room=room, start=at(edition, "2027-04-06 10:00")
    )
    second = ActivityFactory(
        event=event, title_fr="Musique", room=other_room, start=at(edition, "2027-04-06 10:30")
    )
    html = client.get(agenda_url(edition), {"ids": f"{first.pk},{second.pk}"}).content.decode()
    assert "« Robotique » et « Musique » se chevauchent." in html
    whole = client.get(agenda_url(edition)).content.decode()
    assert "se chevauchent" not in whole


@pytest.mark.parametrize("ids", ["²", "99999999999999999999", "1" * 5000])
def test_odd_selection_ids_are_ignored(client, edition, ids):
    agenda = client.get(reverse("programme:agenda", args=[edition.slug]), {"ids": ids})
    assert agenda.status_code == 200
    calendar = client.get(reverse("programme:export_selection_ical", args=[edition.slug]), {"ids": ids})
    assert calendar.status_code == 200


def test_speakers_give_their_availability_before_publication(client, edition, member):
    services.edition_publish(edition=edition, published=False)
    speaker = SpeakerFactory(edition=edition, person=member.person)
    client.force_login(member)
    assert client.get(reverse("programme:speaker_edit", args=[edition.slug, speaker.pk])).status_code == 200


def test_tracking_parameters_do_not_bypass_the_visitors_cache(client, edition, event, room):
    ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 09:00"))
    url = reverse("programme:agenda", args=[edition.slug])
    client.get(url, {"fbclid": "a"})
    with CaptureQueriesContext(connection) as other_click:
        client.get(url, {"fbclid": "b"})
    assert len(other_click) == 2  # the edition and its version: the page came from the cache
