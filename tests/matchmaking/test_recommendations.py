"""Recommendations stored once per participant (reasons as the engine's codes), refreshed when profiles change,
worded in each reader's language, and reused on agendas."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from maillage.directory import services as directory_services
from maillage.directory.models import Organisation, Sector
from maillage.matchmaking import recommendations, selectors, services
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
    assert recommendations.recommendations_refresh(session=session) is True
    assert recommendations.recommendations_refresh(session=session) is False  # nothing changed
    ranking = recommendations.recommended_ranking(alice)
    assert [row[0] for row in ranking] == [bob.pk]
    assert ranking[0][2]
    assert all(set(reason) == {"code", "params"} for reason in ranking[0][2])
    services.participant_update(participant=bob, needs="Investisseurs")
    assert not recommendations.recommendations_current(session)
    assert recommendations.recommendations_refresh(session=session) is True
    assert RecommendationList.objects.filter(session=session).count() == 2


def test_a_profile_change_ranks_again_in_the_background(session, pair, django_capture_on_commit_callbacks):
    alice, _bob = pair
    with django_capture_on_commit_callbacks(execute=True):
        carol = participant_make(session, offers="Capteurs IoT", needs="Distributeurs")
    assert recommendations.recommendations_current(session)
    assert carol.pk in [row[0] for row in recommendations.recommended_ranking(alice)]


def test_a_large_session_shows_the_last_ranking_while_it_is_updated(client, session, pair, monkeypatch):
    alice, bob = pair
    recommendations.recommendations_refresh(session=session)
    participant_make(session)  # profiles changed; the refresh waits for a commit that never comes here
    monkeypatch.setattr(recommendations, "RECOMMEND_NOW_MAX", 1)
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
    recommendations.recommendations_refresh(session=session)
    with translation.override("fr"):
        reasons = recommendations.recommended_reasons(alice)[bob.pk]
    client.force_login(alice.person.user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(reverse("matchmaking:agenda", args=[session.slug]))
    [(_day, [item])] = response.context["days"]
    assert item.reasons == reasons
    assert any("Capteurs IoT" in reason for reason in reasons)  # the quoted phrase


def test_an_organisation_edit_makes_recommendations_out_of_date(session):
    people = [participant_make(session) for _ in range(3)]
    organisation = Organisation.objects.get(pk=people[0].organisation_id)
    recommendations.recommendations_refresh(session=session)
    assert recommendations.recommendations_current(session)
    directory_services.organisation_update(organisation=organisation, name="Tout autre nom")
    assert not recommendations.recommendations_current(session)


def test_one_stored_ranking_is_worded_in_each_readers_language(client, session):
    """French reasons, then English reasons, from the same row: the sector named in the page's language."""
    iot, _ = Sector.objects.update_or_create(
        slug="iot", defaults={"name_fr": "Objets connectés et IoT", "name_en": "IoT and connected objects"}
    )
    alice = participant_make(session, offers="Capteurs IoT", needs="Distributeurs", sectors=[iot])
    participant_make(session, offers="Distribution en Europe", needs="Capteurs IoT", sectors=[iot])
    client.force_login(alice.person.user)
    url = reverse("matchmaking:recommendations", args=[session.slug])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    french = client.get(url)
    [row] = RecommendationList.objects.filter(participant=alice).values_list("pk", "computed")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url)
    assert RecommendationList.objects.filter(participant=alice).values_list("pk", "computed").get() == row
    [fr_item] = french.context["people"]
    [en_item] = english.context["people"]
    assert fr_item.participant == en_item.participant
    with translation.override("fr"):
        assert recommendations.reason_text("same_sector", {"sector": "iot"}).endswith(
            "Objets connectés et IoT"
        )
        assert recommendations.reason_text("same_sector", {"sector": "iot"}) in fr_item.reasons
    with translation.override("en"):
        assert "same sector: IoT and connected objects" in en_item.reasons
    assert "Objets connectés et IoT" in french.content.decode()
    assert "same sector: IoT and connected objects" in english.content.decode()
    # the phrases quoted from the profiles are the same in both languages
    assert [r for r in fr_item.reasons if "Capteurs IoT" in r]
    assert [r for r in en_item.reasons if "Capteurs IoT" in r]


def test_reasons_words_the_engines_codes_with_names(session):
    with translation.override("en"):
        assert recommendations.reason_text("looking_for", {"role": "investor"}) == (
            "they are the kind of partner you are looking for: Investors"
        )
        assert (
            recommendations.reason_text("cross_border", {"country": "FR"}) == "international partner: France"
        )
        assert recommendations.reason_text("corridor", {"region": "Occitanie", "own_region": "Québec"}) == (
            "their region is in the Québec–Occitanie corridor"
        )
        assert recommendations.reason_text("a_code_from_a_newer_engine", {}) == ""
