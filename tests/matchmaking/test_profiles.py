"""Participants' profiles: what members may change, and that their changes keep published meetings possible."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import URLPattern, reverse

from maillage.matchmaking import services, urls
from maillage.matchmaking.models import RESERVED_SLUGS, B2BSession, Meeting, SchedulingRun

from .factories import participant_make, schedule_and_publish, session_make

pytestmark = pytest.mark.django_db


def test_a_member_cannot_choose_a_booth_through_the_form(client, session, member, alice):
    table = session.tables.get(number=2)
    services.participant_update(participant=alice, booth=table, by_organiser=True)
    client.force_login(member)
    data = {"offers": "Capteurs", "needs": "Clients", "languages": ["fr"], "booth": table.pk}
    response = client.post(reverse("matchmaking:register", args=[session.slug]), data)
    assert response.status_code == 302
    assert session.participants.get(person__user=member).booth is None
    # Nor when editing the profile afterwards.
    client.post(reverse("matchmaking:register", args=[session.slug]), data)
    assert session.participants.get(person__user=member).booth is None


def test_only_organisers_set_a_booth_and_never_someone_elses(session, alice, bob):
    table = session.tables.get(number=1)
    with pytest.raises(ValueError, match="Unknown participant field: booth"):
        services.participant_update(participant=alice, booth=table)
    services.participant_update(participant=alice, booth=table, by_organiser=True)
    with pytest.raises(ValidationError) as error:
        services.participant_update(participant=bob, booth=table, by_organiser=True)
    assert error.value.error_dict["booth"][0].code == "booth_taken"
    with pytest.raises(ValueError, match="booth"):
        services.participant_register(session=session, person=bob.person, booth=table)


def test_a_member_cannot_become_unavailable_when_they_have_published_meetings(session, alice, bob):
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    with pytest.raises(ValidationError) as error:
        services.participant_update(participant=alice, unavailable=list(session.day_parts.all()))
    assert error.value.error_dict["unavailable"][0].code == "meetings_then"
    assert list(alice.unavailable.all()) == []
    # So the next re-run, with the published meeting locked, still works.
    carol = participant_make(session)
    services.meeting_request_organiser_add(sender=carol, recipient=bob)
    run = services.scheduling_run_start(session=session, user=session.organiser, time_limit=2)
    assert services.scheduling_run_execute(run_id=run.pk).status == SchedulingRun.Status.DONE


def test_changes_that_do_not_clash_are_kept_after_publication(client, session, alice, bob):
    carol = participant_make(session)
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    client.force_login(carol.person.user)
    part = session.day_parts.get()
    data = {"offers": "Autre chose", "needs": "Clients", "languages": ["fr"], "unavailable": [part.pk]}
    client.post(reverse("matchmaking:register", args=[session.slug]), data)
    carol.refresh_from_db()
    assert (carol.offers, list(carol.unavailable.all())) == ("Autre chose", [part])
    # Alice's same change is refused with a message, and nothing changes.
    client.force_login(alice.person.user)
    response = client.post(reverse("matchmaking:register", args=[session.slug]), data, follow=True)
    assert [m.level_tag for m in response.context["messages"]][-1] == "error"
    alice.refresh_from_db()
    assert (alice.offers, list(alice.unavailable.all())) != ("Autre chose", [part])
    assert Meeting.objects.filter(published=True).count() == 1


def test_a_session_named_like_an_url_word_gets_another_key_and_opens(client, organiser):
    session = session_make(name="Nouvelle", organiser=organiser)
    assert session.slug not in RESERVED_SLUGS
    assert client.get(session.get_absolute_url()).context["session"] == session
    twin = session_make(name="Nouvelle", organiser=organiser)
    assert twin.slug != session.slug
    with pytest.raises(ValidationError):
        session_make(name="Autre", slug="nouvelle")


def test_reserved_words_cover_the_apps_top_level_urls():
    words = {
        str(pattern.pattern).split("/")[0]
        for pattern in urls.urlpatterns
        if isinstance(pattern, URLPattern) and str(pattern.pattern) and "<" not in str(pattern.pattern)
    }
    assert words <= RESERVED_SLUGS
    assert B2BSession._meta.get_field("slug").validators


def test_a_table_where_others_meet_cannot_become_a_booth(session, alice, bob):
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    table = Meeting.objects.get(published=True).table
    carol = participant_make(session)
    with pytest.raises(ValidationError) as error:
        services.participant_update(participant=carol, booth=table, by_organiser=True)
    assert "booth" in error.value.message_dict
