"""Recommendations stored per participant, refreshed when profiles change, and reused on agendas."""

import pytest
from django.urls import reverse

from maillage.directory import services as directory_services
from maillage.directory.models import Organisation
from maillage.matchmaking import selectors, services
from maillage.matchmaking.models import RecommendationList

from .factories import participant_make, schedule_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair(session):
    alice = participant_make(session, offers="Conception de capteurs IoT", needs="Distributeurs en Europe")
    bob = participant_make(session, offers="Distribution d'électronique en Europe", needs="Capteurs IoT")
    return alice, bob


def test_refresh_stores_each_participants_list_once_per_profile_state(session, pair):
    alice, bob = pair
    assert services.recommendations_refresh(session=session, language="fr") is True
    assert services.recommendations_refresh(session=session, language="fr") is False  # nothing changed
    ranking = selectors.recommended_ranking(alice, language="fr")
    assert [row[0] for row in ranking] == [bob.pk]
    assert ranking[0][2]  # reasons
    services.participant_update(participant=bob, needs="Investisseurs")
    assert not selectors.recommendations_current(session, language="fr")
    assert services.recommendations_refresh(session=session, language="fr") is True
    assert RecommendationList.objects.filter(session=session, language="fr").count() == 2


def test_a_profile_change_ranks_again_in_the_background(session, pair, django_capture_on_commit_callbacks):
    alice, _bob = pair
    with django_capture_on_commit_callbacks(execute=True):
        carol = participant_make(session, offers="Capteurs IoT", needs="Distributeurs")
    assert selectors.recommendations_current(session, language="fr")
    assert selectors.recommendations_current(session, language="en")
    assert carol.pk in [row[0] for row in selectors.recommended_ranking(alice, language="fr")]


def test_a_large_session_shows_the_last_ranking_while_it_is_updated(client, session, pair, monkeypatch):
    alice, bob = pair
    services.recommendations_refresh(session=session, language="fr")
    participant_make(session)  # profiles changed; the refresh waits for a commit that never comes here
    monkeypatch.setattr(services, "RECOMMEND_NOW_MAX", 1)
    client.force_login(alice.person.user)
    response = client.get(reverse("matchmaking:recommendations", args=[session.slug]))
    assert [item.participant for item in response.context["people"]] == [bob]
    assert 'id="recommendations-updating"' in response.content.decode()


def test_the_agenda_says_why_with_the_recommenders_reasons(client, session, pair):
    alice, bob = pair
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    schedule_and_publish(session)
    plain = selectors.agenda_for(alice)
    assert plain[0].reasons == selectors.common_ground(alice, bob)  # nothing ranked yet: what they share
    services.recommendations_refresh(session=session, language="fr")
    reasons = selectors.recommended_ranking(alice, language="fr")[0][2]
    client.force_login(alice.person.user)
    response = client.get(reverse("matchmaking:agenda", args=[session.slug]))
    [(_day, [item])] = response.context["days"]
    assert item.reasons == reasons


def test_an_organisation_edit_makes_recommendations_out_of_date(session):
    people = [participant_make(session) for _ in range(3)]
    organisation = Organisation.objects.get(pk=people[0].organisation_id)
    services.recommendations_refresh(session=session, language="fr")
    assert selectors.recommendations_current(session, language="fr")
    directory_services.organisation_update(organisation=organisation, name="Tout autre nom")
    assert not selectors.recommendations_current(session, language="fr")
