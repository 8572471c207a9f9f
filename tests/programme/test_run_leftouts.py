"""An over-full week: the run keeps why each activity is left out and the remedies, and the organiser reads
them with names (rooms, days) and the favourites each remedy recovers."""

import datetime as dt

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from maillage.programme import presenters, selectors, services
from maillage.programme.models import ProgrammeRun
from tests.factories import UserFactory

from .factories import (
    ActivityFactory,
    EditionFactory,
    EventFactory,
    RoomFactory,
    SpeakerFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_week():
    """One day of two hours, one room, three one-hour talks starred by 3, 2 and 1 people: one must go."""
    edition = EditionFactory(
        slug="semaine-pleine",
        start_date=dt.date(2027, 4, 6),
        end_date=dt.date(2027, 4, 6),
        day_start=dt.time(9, 0),
        day_end=dt.time(11, 0),
    )
    event = EventFactory(edition=edition)
    room = RoomFactory(venue=VenueFactory(edition=edition, name="Espace Saint-Roch"), name="Agora")
    talks = {
        title: ActivityFactory(event=event, title_fr=title)
        for title in ("Très demandée", "Demandée", "Peu demandée")
    }
    # Each attendee stars two talks.
    for second in ("Demandée", "Demandée", "Peu demandée"):
        user = UserFactory()
        services.favourite_star(user=user, activity=talks["Très demandée"])
        services.favourite_star(user=user, activity=talks[second])
    return {"edition": edition, "room": room, "talks": talks}


def start_run(edition, organiser, captured):
    with captured(execute=True):
        run = services.programme_run_start(edition=edition, user=organiser, time_limit=1, seed=1)
    run.refresh_from_db()
    return run


def test_a_run_keeps_why_each_activity_is_left_out_and_the_remedies(
    full_week, organiser, django_capture_on_commit_callbacks
):
    run = start_run(full_week["edition"], organiser, django_capture_on_commit_callbacks)
    assert run.status == ProgrammeRun.Status.DONE
    left = full_week["talks"]["Peu demandée"]
    # One list of what is not placed, each item with why and what it costs.
    [kept] = run.unplaced
    assert (kept["activity"], kept["favourites"], kept["why"]["code"]) == (left.pk, 1, "room_full")
    assert kept["why"]["rooms"] == [full_week["room"].pk]
    assert kept["reason"]
    assert "left_out" not in run.stats
    assert (run.stats["left_out_favourites"], run.stats["left_out_favourites_lower_bound"]) == (1, 1)
    assert run.stats["remedies"]
    assert all(r["gain"] == 1 and r["recovers"] == [left.pk] for r in run.stats["remedies"])


def test_the_run_report_names_the_room_and_each_remedy_with_its_gain_in_french(
    full_week, organiser, django_capture_on_commit_callbacks
):
    edition = full_week["edition"]
    run = start_run(edition, organiser, django_capture_on_commit_callbacks)
    report = presenters.run_report(edition, run, selectors.run_activities(run))
    [item] = report.left_out
    assert item.activity == full_week["talks"]["Peu demandée"]
    assert "Espace Saint-Roch · Agora" in item.why
    assert item.favourites == 1
    codes = {r["change"]["code"] for r in run.stats["remedies"]}
    assert "extra_day" in codes
    [extra] = [
        r
        for r, s in zip(report.remedies, run.stats["remedies"], strict=True)
        if s["change"]["code"] == "extra_day"
    ]
    assert "mercredi 7 avril 2027" in extra.change  # the day, a local date in French
    assert extra.gain == 1
    assert "+1" in extra.gain_text
    html = render_to_string(
        "programme/manage/_run.html", {"edition": edition, "run": run, "report": report, "unplaced": []}
    )
    assert "Espace Saint-Roch · Agora" in html
    assert "mercredi 7 avril 2027" in html
    assert "+1 " in html


def test_the_run_page_shows_why_and_the_remedies(
    organiser_client, full_week, organiser, django_capture_on_commit_callbacks
):
    edition = full_week["edition"]
    run = start_run(edition, organiser, django_capture_on_commit_callbacks)
    html = organiser_client.get(reverse("programme:manage_run", args=[edition.slug, run.pk])).content.decode()
    assert "Peu demandée" in html
    assert "Espace Saint-Roch · Agora" in html
    assert "mercredi 7 avril 2027" in html


def test_every_reason_and_change_code_reads_with_names(full_week, organiser):
    edition, room = full_week["edition"], full_week["room"]
    talk = full_week["talks"]["Peu demandée"]
    other = full_week["talks"]["Demandée"]
    speaker = SpeakerFactory(edition=edition, person=None, guest_name="Ada Lovelace")
    reasons = [
        {"code": "room_full", "rooms": [room.pk], "needed_minutes": 60, "free_minutes": 30},
        {"code": "room_full", "rooms": [room.pk, room.pk], "needed_minutes": 60, "free_minutes": 0},
        {"code": "speaker_busy", "speaker": speaker.pk, "activities": [other.pk]},
        {"code": "speaker_unavailable", "speaker": speaker.pk},
        {"code": "speakers_unavailable", "speakers": [speaker.pk]},
        {"code": "rooms_unavailable", "rooms": [room.pk]},
        {"code": "no_room_large_enough", "attendance": 300, "largest": 120},
        {"code": "too_long", "needed_minutes": 600, "longest_day_minutes": 120},
    ]
    changes = [
        {"code": "extend_day", "day": "2027-04-06", "minutes": 60},
        {
            "code": "bigger_room",
            "room": room.pk,
            "venue": room.venue_id,
            "capacity": 120,
            "needed_capacity": 200,
        },
        {"code": "shorter_format", "activities": [other.pk], "from_minutes": 60, "to_minutes": 45},
        {"code": "extra_day", "day": "2027-04-07", "start": "09:00", "end": "11:00"},
        {"code": "allow_day", "activity": other.pk, "day": "2027-04-06"},
    ]
    run = ProgrammeRun.objects.create(
        edition=edition,
        requested_by=organiser,
        time_limit=1,
        status=ProgrammeRun.Status.DONE,
        unplaced=[{"activity": talk.pk, "reason": "engine text"}] * len(reasons),
        stats={
            "left_out": [{"activity": talk.pk, "why": why, "favourites": 2} for why in reasons],
            "remedies": [{"change": c, "gain": 2, "recovers": [talk.pk], "displaces": []} for c in changes],
        },
    )
    report = presenters.run_report(edition, run, selectors.run_activities(run))
    # Several reasons for one activity: the stats keep the last; the sentences are checked one by one.
    assert [item.favourites for item in report.left_out] == [2] * len(reasons)
    names = presenters._Names(edition, reasons, {})
    sentences = [presenters._why(names, why) for why in reasons]
    assert "Espace Saint-Roch · Agora" in sentences[0]
    assert "Espace Saint-Roch · Agora" in sentences[1]
    assert "Ada Lovelace" in sentences[2]
    assert "Demandée" in sentences[2]
    assert "Ada Lovelace" in sentences[3]
    assert "Ada Lovelace" in sentences[4]
    assert "Espace Saint-Roch · Agora" in sentences[5]
    assert "300" in sentences[6]
    assert "600" in sentences[7]
    texts = [r.change for r in report.remedies]
    assert "mardi 6 avril 2027" in texts[0]
    assert "Espace Saint-Roch · Agora" in texts[1]
    assert "200" in texts[1]
    assert "Demandée" in texts[2]
    assert "45" in texts[2]
    assert "mercredi 7 avril 2027" in texts[3]
    assert "Demandée" in texts[4]
    assert [r.gain for r in report.remedies] == [2] * len(changes)


def test_a_single_star_counts_in_what_is_left_out(organiser, django_capture_on_commit_callbacks):
    """Two people each starred only "Aimée"; one starred "Boudée" and the fixed opening: with room for one
    talk, "Boudée" goes (1 favourite, not 2). Dropping single-star attendees made "Aimée" worth nothing."""
    edition = EditionFactory(
        slug="une-seule-etoile",
        start_date=dt.date(2027, 4, 6),
        end_date=dt.date(2027, 4, 6),
        day_start=dt.time(9, 0),
        day_end=dt.time(10, 0),
    )
    event = EventFactory(edition=edition)
    venue = VenueFactory(edition=edition)
    RoomFactory(venue=venue, name="Agora")
    studio = RoomFactory(venue=venue, name="Studio")
    opening = ActivityFactory(event=event, title_fr="Ouverture")
    services.activity_place(
        activity=opening, room=studio, start=dt.datetime(2027, 4, 6, 9, tzinfo=edition.tzinfo), fixed=True
    )
    liked = ActivityFactory(event=event, title_fr="Aimée")
    shunned = ActivityFactory(event=event, title_fr="Boudée")
    for _ in range(2):
        services.favourite_star(user=UserFactory(), activity=liked)
    other = UserFactory()
    services.favourite_star(user=other, activity=shunned)
    services.favourite_star(user=other, activity=opening)

    state = selectors.edition_state(edition)
    data = selectors.engine_instance(state, activities=state.activities, fixed=True)
    assert sorted(sorted(a["favourites"]) for a in data["attendees"]) == sorted(
        [[f"a{liked.pk}"], [f"a{liked.pk}"], sorted([f"a{shunned.pk}", f"a{opening.pk}"])]
    )
    assert [activity["id"] for activity in data["activities"] if "fixed" in activity] == [f"a{opening.pk}"]
    run = start_run(edition, organiser, django_capture_on_commit_callbacks)
    assert run.status == ProgrammeRun.Status.DONE
    assert [(item["activity"], item["favourites"]) for item in run.unplaced] == [(shunned.pk, 1)]
    assert [p["activity"] for p in run.placements if p["activity"] != opening.pk] == [liked.pk]
    assert run.stats["left_out_favourites"] == 1
