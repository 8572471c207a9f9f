import datetime as dt

import icalendar
import pytest
from django.core import mail
from django.urls import reverse

from maillage.matchmaking import presenters, selectors, services
from maillage.matchmaking.models import B2BSession, Meeting, MeetingOutcome, SchedulingRun
from maillage.matchmaking.views import feed_token

from .factories import DAY, participant_make

pytestmark = pytest.mark.django_db


def _run(session, organiser, capture):
    with capture(execute=True):
        run = services.scheduling_run_start(session=session, user=organiser, time_limit=2)
    run.refresh_from_db()
    return run


@pytest.fixture
def trio(session, alice, bob):
    carol = participant_make(session)
    services.meeting_request_organiser_add(sender=alice, recipient=bob, priority=2)
    services.meeting_request_organiser_add(sender=alice, recipient=carol)
    return alice, bob, carol


def test_instance_follows_the_scheduler_contract(session, trio):
    alice, bob, carol = trio
    instance = selectors.scheduling_instance(session)
    assert [s["session"] for s in instance["slots"]] == [f"{DAY.isoformat()}-am"] * 4
    nine = dt.datetime.combine(DAY, dt.time(9), tzinfo=session.tzinfo).astimezone(dt.UTC)
    assert instance["slots"][0]["start"] == nine.isoformat()
    assert len(instance["tables"]) == 3
    assert [r["participants"] for r in instance["requests"]] == [
        [f"p{alice.pk}", f"p{bob.pk}"],
        [f"p{alice.pk}", f"p{carol.pk}"],
    ]
    assert [r["weight"] for r in instance["requests"]] == [2, 1]
    assert instance["locked"] == []


def test_run_schedules_then_publish_notifies_everyone(
    session, trio, organiser, django_capture_on_commit_callbacks
):
    run = _run(session, organiser, django_capture_on_commit_callbacks)
    assert run.status == SchedulingRun.Status.DONE
    assert (run.stats["scheduled"], run.stats["weight"], run.stats["upper_bound"]) == (2, 3, 3)
    assert run.stats["people_without_meeting"] == []
    assert Meeting.objects.filter(published=True).count() == 0
    session.refresh_from_db()
    assert session.status == B2BSession.Status.SCHEDULED
    with django_capture_on_commit_callbacks(execute=True):
        told = services.scheduling_run_publish(run=run)
    assert len(told) == 3
    assert len(mail.outbox) == 3
    assert Meeting.objects.filter(published=True).count() == 2
    alice = trio[0]
    assert len(selectors.agenda_for(alice)) == 2


def test_rerun_locks_published_meetings_and_tells_only_those_whose_meetings_change(
    session, trio, organiser, django_capture_on_commit_callbacks
):
    _alice, _bob, carol = trio
    first = _run(session, organiser, django_capture_on_commit_callbacks)
    services.scheduling_run_publish(run=first)
    before = {m.request_id: (m.slot_id, m.table_id) for m in Meeting.objects.filter(published=True)}
    dave = participant_make(session)
    late = services.meeting_request_organiser_add(sender=dave, recipient=carol)
    instance = selectors.scheduling_instance(session)
    assert len(instance["locked"]) == 2
    second = _run(session, organiser, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        told = services.scheduling_run_publish(run=second)
    after = {m.request_id: (m.slot_id, m.table_id) for m in Meeting.objects.filter(published=True)}
    assert {k: after[k] for k in before} == before
    assert late.pk in after
    assert {p.pk for p in told} == {dave.pk, carol.pk}
    assert sorted(m.to[0] for m in mail.outbox) == sorted([dave.person.email, carol.person.email])
    assert "a changé" in mail.outbox[0].subject


def test_a_failed_run_leaves_the_published_agenda_untouched(
    session, trio, organiser, django_capture_on_commit_callbacks
):
    alice = trio[0]
    first = _run(session, organiser, django_capture_on_commit_callbacks)
    services.scheduling_run_publish(run=first)
    published = sorted(Meeting.objects.filter(published=True).values_list("pk", "slot", "table"))
    # Alice is now away all morning (set behind the services' back, which refuse it): her locked meetings
    # break a hard rule and the engine refuses.
    alice.unavailable.set(session.day_parts.all())
    failed = _run(session, organiser, django_capture_on_commit_callbacks)
    assert failed.status == SchedulingRun.Status.FAILED
    assert "not available" in failed.error
    assert sorted(Meeting.objects.filter(published=True).values_list("pk", "slot", "table")) == published
    assert not failed.meetings.exists()


def test_only_one_run_at_a_time(session, trio, organiser):
    services.scheduling_run_start(session=session, user=organiser)
    with pytest.raises(Exception, match="déjà en cours"):
        services.scheduling_run_start(session=session, user=organiser)


def test_no_show_frees_the_request_and_check_in_counts(
    session, trio, organiser, django_capture_on_commit_callbacks, clock
):
    run = _run(session, organiser, django_capture_on_commit_callbacks)
    services.scheduling_run_publish(run=run)
    held, missed = Meeting.objects.filter(published=True).order_by("pk")
    clock(max(held.slot.start, missed.slot.start))  # check-in opens when a meeting starts
    services.meeting_check_in(meeting=held, status=Meeting.Status.HELD)
    services.meeting_check_in(meeting=missed, status=Meeting.Status.NO_SHOW)
    assert selectors.check_in_counts(session) == {"scheduled": 0, "held": 1, "no_show": 1, "cancelled": 0}
    instance = selectors.scheduling_instance(session)
    assert [r["id"] for r in instance["requests"]] == [f"r{held.request_id}"]
    assert [lock["request"] for lock in instance["locked"]] == [f"r{held.request_id}"]


def test_outcomes_and_report(session, trio, organiser, django_capture_on_commit_callbacks, clock):
    alice, bob, carol = trio
    run = _run(session, organiser, django_capture_on_commit_callbacks)
    services.scheduling_run_publish(run=run)
    meeting = Meeting.objects.get(request__recipient=bob)
    clock(meeting.slot.start)
    services.meeting_check_in(meeting=meeting, status=Meeting.Status.HELD)
    services.meeting_outcome_record(meeting=meeting, participant=alice, outcome="lead", notes="Devis")
    services.meeting_outcome_record(meeting=meeting, participant=bob, outcome="contract")
    with pytest.raises(Exception, match="Seules les deux personnes"):
        services.meeting_outcome_record(meeting=meeting, participant=carol, outcome="lead")
    report = selectors.session_report(session)
    assert (report.requested, report.scheduled, report.held) == (2, 2, 1)
    assert report.outcomes == [("contract", 1)]  # the better of the two sides'
    assert len(report.rows) == 2
    outcomes, countries, sectors = presenters.report_charts(report)
    contract = str(MeetingOutcome.Result.CONTRACT.label)
    assert (outcomes["labels"], outcomes["series"][0]["data"], outcomes["table"]) == (
        [contract],
        [1],
        [(contract, [1])],
    )
    assert [c["id"] for c in (countries, sectors)] == ["chart-countries", "chart-sectors"]


def test_the_report_page_draws_each_chart_from_json_with_its_table(organiser_client, session):
    page = organiser_client.get(reverse("matchmaking:report", args=[session.slug])).content.decode()
    for chart in ("chart-outcomes", "chart-countries", "chart-sectors"):
        assert f'<canvas id="{chart}" data-chart="{chart}-data">' in page
        assert f'<script id="{chart}-data" type="application/json">' in page
    assert page.count('<table class="chart-table">') == 3
    assert "<svg" not in page
    assert "maillage/charts.js" in page


def test_ical_feed_parses_with_the_session_time_zone(
    client, session, trio, organiser, django_capture_on_commit_callbacks
):
    alice = trio[0]
    run = _run(session, organiser, django_capture_on_commit_callbacks)
    services.scheduling_run_publish(run=run)
    response = client.get(reverse("matchmaking:agenda_ical", args=[session.slug, feed_token(alice)]))
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 2
    assert {str(e["dtstart"].dt.tzinfo) for e in events} == {"America/Toronto"}
    assert [tz["tzid"] for tz in calendar.walk("VTIMEZONE")] == ["America/Toronto"]
    bad = client.get(reverse("matchmaking:agenda_ical", args=[session.slug, "1:forged"]))
    assert bad.status_code == 404


def test_an_abandoned_run_does_not_hold_the_session_for_ever(session, trio, organiser):
    import datetime as dt

    from django.utils import timezone

    from maillage.matchmaking.models import SchedulingRun

    stuck = SchedulingRun.objects.create(session=session, requested_by=organiser, time_limit=10)
    SchedulingRun.objects.filter(pk=stuck.pk).update(
        status=SchedulingRun.Status.RUNNING, started=timezone.now() - dt.timedelta(hours=1)
    )
    run = services.scheduling_run_start(session=session, user=organiser, time_limit=2)
    stuck.refresh_from_db()
    assert stuck.status == SchedulingRun.Status.FAILED
    assert run.pk != stuck.pk


def test_a_rerun_on_the_day_uses_only_slots_still_to_come(session, trio, organiser, clock):
    alice, bob, carol = trio
    slots = list(session.slots.order_by("start"))
    clock(slots[1].start)  # the first two slots have begun
    instance = selectors.scheduling_instance(session)
    future = [f"s{s.pk}" for s in slots[2:]]
    assert {p["id"]: p.get("available") for p in instance["participants"]} == {
        f"p{alice.pk}": future,
        f"p{bob.pk}": future,
        f"p{carol.pk}": future,
    }


def test_a_rerun_on_the_day_keeps_the_meetings_already_held(
    session, trio, organiser, clock, django_capture_on_commit_callbacks
):
    run = _run(session, organiser, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        services.scheduling_run_publish(run=run, notify=False)
    first = Meeting.objects.filter(session=session, published=True).order_by("slot__start").first()
    clock(first.slot.end)  # the first meeting is over, the day goes on
    again = _run(session, organiser, django_capture_on_commit_callbacks)
    assert again.status == SchedulingRun.Status.DONE, again.error
    instance = selectors.scheduling_instance(session)
    assert {
        "request": f"r{first.request_id}",
        "slot": f"s{first.slot_id}",
        "table": f"t{first.table_id}",
    } in instance["locked"]
