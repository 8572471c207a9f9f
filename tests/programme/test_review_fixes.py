"""Regressions from the code review: each test failed before its fix."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from maillage.programme import presenters, services
from maillage.programme.models import Activity, ProgrammeRun

from .factories import ActivityFactory, SpeakerFactory, at
from .test_runs import start_run

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("ids", ["²", "99999999999999999999", "1" * 5000])
def test_odd_selection_ids_are_ignored(client, edition, ids):
    agenda = client.get(reverse("programme:agenda", args=[edition.slug]), {"ids": ids})
    assert agenda.status_code == 200
    calendar = client.get(reverse("programme:export_selection_ical", args=[edition.slug]), {"ids": ids})
    assert calendar.status_code == 200


def test_a_speaker_with_no_public_activity_is_not_named_in_a_calendar(client, edition, event):
    speaker = SpeakerFactory(edition=edition, person=None, guest_name="Secret Guest")
    ActivityFactory(event=event, speakers=[speaker], status=Activity.Status.DRAFT)
    assert client.get(reverse("programme:speaker_detail", args=[edition.slug, speaker.pk])).status_code == 404
    feed = client.get(reverse("programme:export_speaker_ical", args=[edition.slug, speaker.pk]))
    assert feed.status_code == 404


def test_applying_a_proposal_keeps_activities_placed_after_the_run(
    edition, event, week, organiser, django_capture_on_commit_callbacks
):
    run = start_run(edition, organiser, django_capture_on_commit_callbacks)
    assert run.status == ProgrammeRun.Status.DONE
    late = ActivityFactory(
        event=event, title_fr="Ajout tardif", room=week["rooms"][1], start=at(edition, "2027-04-08 14:00")
    )
    services.programme_run_apply(run=run)
    late.refresh_from_db()
    assert (late.room_id, late.start) == (week["rooms"][1].pk, at(edition, "2027-04-08 14:00"))


def test_an_abandoned_run_is_failed_and_can_be_discarded(edition, organiser):
    run = ProgrammeRun.objects.create(
        edition=edition,
        requested_by=organiser,
        time_limit=1,
        status=ProgrammeRun.Status.RUNNING,
        started=timezone.now() - dt.timedelta(days=2),
    )
    services.programme_run_discard(run=run)
    run.refresh_from_db()
    assert run.status == ProgrammeRun.Status.DISCARDED


def test_removing_an_unavailability_with_a_bad_id_is_a_404(organiser_client, edition, room):
    url = reverse("programme:manage_room_unavailable", args=[edition.slug, room.venue_id, room.pk])
    assert organiser_client.post(url, {"remove": "x"}).status_code == 404


def test_speakers_give_their_availability_before_publication(client, edition, member):
    services.edition_publish(edition=edition, published=False)
    speaker = SpeakerFactory(edition=edition, person=member.person)
    client.force_login(member)
    assert client.get(reverse("programme:speaker_edit", args=[edition.slug, speaker.pk])).status_code == 200


def test_schedule_exports_give_the_editions_own_grid(client, edition):
    edition.grid_minutes = 30
    edition.save()
    data = client.get(reverse("programme:export_c3voc", args=[edition.slug])).json()
    assert data["schedule"]["conference"]["timeslot_duration"] == "00:30"


def test_the_grid_draws_activities_in_their_row_on_a_clock_change_day(edition, event, room):
    services.edition_update(
        edition=edition,
        start_date=dt.date(2027, 3, 14),
        end_date=dt.date(2027, 3, 14),
        day_start=dt.time(1),
        day_end=dt.time(23),
    )
    ActivityFactory(event=event, room=room, start=at(edition, "2027-03-14 10:00"))
    grid = presenters.organiser_grid(edition, dt.date(2027, 3, 14))
    [item] = grid.items
    assert next(s.label for s in grid.slots if s.row == item.row) == "10:00"


def test_tracking_parameters_do_not_bypass_the_visitors_cache(client, edition, event, room):
    ActivityFactory(event=event, room=room, start=at(edition, "2027-04-06 09:00"))
    url = reverse("programme:agenda", args=[edition.slug])
    client.get(url, {"fbclid": "a"})
    with CaptureQueriesContext(connection) as other_click:
        client.get(url, {"fbclid": "b"})
    assert len(other_click) == 2  # the edition and its version: the page came from the cache
