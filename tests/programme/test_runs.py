"""The optimiser as a background job: a run, its proposal, applying or discarding it; a failure changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from maillage.programme import selectors, services
from maillage.programme.models import Activity, ProgrammeRun

from .factories import ActivityFactory, at

pytestmark = pytest.mark.django_db


def start_run(edition, organiser, captured, time_limit=0.3):
    with captured(execute=True):
        run = services.programme_run_start(edition=edition, user=organiser, time_limit=time_limit, seed=1)
    run.refresh_from_db()
    return run


def test_a_run_proposes_then_applying_writes_every_placement(
    edition, week, organiser, django_capture_on_commit_callbacks
):
    run = start_run(edition, organiser, django_capture_on_commit_callbacks)
    assert (run.status, run.error) == (ProgrammeRun.Status.DONE, "")
    assert (run.stats["placed"], run.stats["unplaced"], run.stats["missed_favourites"]) == (4, 0, 0)
    assert "baseline_missed_favourites" in run.stats
    assert run.started <= run.finished
    # Nothing changed yet.
    c = Activity.objects.get(pk=week["c"].pk)
    assert c.start is None
    services.programme_run_apply(run=run)
    run.refresh_from_db()
    assert run.status == ProgrammeRun.Status.APPLIED
    activities = {a.title: a for a in Activity.objects.all()}
    assert all(a.start is not None for a in activities.values())
    assert (activities["Ouverture"].room, activities["Ouverture"].start) == (
        week["fixed"].room,
        week["fixed"].start,
    )
    assert activities["C"].room == week["rooms"][0]  # 100 people do not fit the studio
    assert (
        activities["A"].start
        + activities["A"].duration * (activities["A"].end - activities["A"].start) / 60 / 60
        != activities["B"].start
    )
    assert not (activities["A"].start < activities["B"].end and activities["B"].start < activities["A"].end)
    assert [c.kind for c in selectors.edition_conflicts(edition) if c.hard] == []


def test_a_discarded_run_changes_nothing(edition, week, organiser, django_capture_on_commit_callbacks):
    before = list(Activity.objects.order_by("pk").values_list("room", "start"))
    run = start_run(edition, organiser, django_capture_on_commit_callbacks)
    services.programme_run_discard(run=run)
    run.refresh_from_db()
    assert run.status == ProgrammeRun.Status.DISCARDED
    assert list(Activity.objects.order_by("pk").values_list("room", "start")) == before
    with pytest.raises(ValidationError):
        services.programme_run_apply(run=run)


def test_a_failed_run_reports_its_error_and_changes_nothing(
    edition, event, room, organiser, django_capture_on_commit_callbacks
):
    # Two fixed activities in one room at once break the engine's contract.
    for title in ("Un", "Deux"):
        activity = ActivityFactory(event=event, title_fr=title)
        services.activity_place(
            activity=activity, room=room, start=at(edition, "2027-04-06 09:00"), fixed=True
        )
    before = list(Activity.objects.order_by("pk").values_list("room", "start"))
    run = start_run(edition, organiser, django_capture_on_commit_callbacks)
    assert run.status == ProgrammeRun.Status.FAILED
    assert "fixed" in run.error
    assert list(Activity.objects.order_by("pk").values_list("room", "start")) == before
    with pytest.raises(ValidationError):
        services.programme_run_apply(run=run)


def test_organiser_runs_the_optimiser_from_the_page_and_applies_it(
    organiser_client, edition, week, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            reverse("programme:manage_run_start", args=[edition.slug]), {"time_limit": "1", "seed": "0"}
        )
    run = ProgrammeRun.objects.get()
    assert response.url == reverse("programme:manage_run", args=[edition.slug, run.pk])
    html = organiser_client.get(response.url, HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in html  # finished: no more polling
    assert 'value="apply"' in html
    organiser_client.post(
        reverse("programme:manage_run_decide", args=[edition.slug, run.pk]), {"decision": "apply"}
    )
    run.refresh_from_db()
    assert run.status == ProgrammeRun.Status.APPLIED


def test_a_queued_run_page_polls(organiser_client, edition, organiser):
    run = ProgrammeRun.objects.create(edition=edition, requested_by=organiser, time_limit=5)
    html = organiser_client.get(reverse("programme:manage_run", args=[edition.slug, run.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in html


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
