"""A confirmed proposal is an activity like any other: the optimiser places it where its speaker is
available, the stars of the preview count as favourites, and once published it is in the frab export."""

import datetime as dt

import pytest
from django.urls import reverse

from maillage.programme import selectors as programme_selectors
from maillage.programme import services as programme_services
from maillage.programme.models import Activity, ProgrammeRun
from maillage.proposals import services
from tests.factories import OrganiserFactory, UserFactory

from .factories import call_make, proposal_make, room_make, speaker_make

pytestmark = pytest.mark.django_db


def test_the_optimiser_places_a_confirmed_proposal_outside_its_speakers_unavailability(
    django_capture_on_commit_callbacks,
):
    call = call_make()
    edition = call.edition
    _event, room = room_make(edition)
    user = speaker_make()
    proposal = proposal_make(call, user)
    services.proposals_decide(call=call, proposal_ids=[proposal.pk], state="accepted", notify=False)
    proposal.refresh_from_db()
    tz = edition.tzinfo
    # Unavailable every day but the last afternoon.
    away = []
    for day in edition.days:
        away.append((dt.datetime.combine(day, dt.time(8), tz), dt.datetime.combine(day, dt.time(12), tz)))
        if day != edition.end_date:
            away.append(
                (dt.datetime.combine(day, dt.time(12), tz), dt.datetime.combine(day, dt.time(23), tz))
            )
    activity = services.proposal_confirm(proposal=proposal, user=user, unavailable=away)
    with django_capture_on_commit_callbacks(execute=True):
        run = programme_services.programme_run_start(
            edition=edition, user=OrganiserFactory(), time_limit=0.5, seed=1
        )
    run.refresh_from_db()
    assert (run.status, run.error) == (ProgrammeRun.Status.DONE, "")
    programme_services.programme_run_apply(run=run)
    activity.refresh_from_db()
    assert activity.room == room
    local = activity.start.astimezone(tz)
    assert (local.date(), local.time() >= dt.time(12)) == (edition.end_date, True)
    assert [c.kind for c in programme_selectors.edition_conflicts(edition) if c.hard] == []


def test_an_accepted_confirmed_placed_published_proposal_is_in_the_frab_export(client):
    call = call_make()
    edition = call.edition
    _event, room = room_make(edition)
    user = speaker_make()
    proposal = proposal_make(call, user, title="Données ouvertes et villes")
    services.proposals_decide(call=call, proposal_ids=[proposal.pk], state="accepted", notify=False)
    proposal.refresh_from_db()
    activity = services.proposal_confirm(proposal=proposal, user=user)
    start = dt.datetime.combine(edition.start_date, dt.time(10), edition.tzinfo)
    programme_services.activity_place(activity=activity, room=room, start=start)
    programme_services.activity_update(activity=activity, status=Activity.Status.PUBLISHED)
    xml = client.get(reverse("programme:export_frab", args=[edition.slug])).content.decode()
    assert "Données ouvertes et villes" in xml
    assert user.person.full_name in xml
    data = client.get(reverse("programme:export_c3voc", args=[edition.slug])).json()
    assert "Données ouvertes et villes" in str(data)


def test_the_preview_stars_are_the_optimisers_co_interest():
    call = services.call_update(call=call_make(), preview_open=True)
    room_make(call.edition)
    users = [speaker_make(), speaker_make()]
    proposals = [proposal_make(call, u, title=f"Session {n}") for n, u in enumerate(users)]
    services.proposals_decide(
        call=call, proposal_ids=[p.pk for p in proposals], state="accepted", notify=False
    )
    fan = UserFactory()
    for p in proposals:
        p.refresh_from_db()
        services.star_set(user=fan, proposal=p, starred=True)
    activities = [
        services.proposal_confirm(proposal=p, user=u) for p, u in zip(proposals, users, strict=True)
    ]
    state = programme_selectors.edition_state(call.edition)
    instance = programme_selectors.engine_instance(state, activities=state.activities, fixed=True)
    assert instance["attendees"] == [{"favourites": [f"a{a.pk}" for a in activities]}]
