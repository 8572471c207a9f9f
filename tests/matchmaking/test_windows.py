"""A meeting asked for some half-days only (the requester's or the organiser's choice) is scheduled there."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from maillage.matchmaking import selectors, services
from maillage.matchmaking.models import B2BSession, Meeting
from tests.factories import OrganiserFactory

from .factories import DAY, participant_make, schedule_and_publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def day(db):
    """One day with a morning (2 slots) and an afternoon (2 slots), one table."""
    return services.b2b_session_create(
        organiser=OrganiserFactory(),
        name="Forum d'une journée",
        days=[DAY],
        parts=[
            services.DayPartSpec("am", dt.time(9), dt.time(9, 45)),
            services.DayPartSpec("pm", dt.time(14), dt.time(14, 45)),
        ],
        tables=1,
        status=B2BSession.Status.OPEN,
    )


def parts(session):
    morning, afternoon = session.day_parts.order_by("start")
    return morning, afternoon


def test_a_meeting_asked_for_the_afternoon_is_scheduled_in_the_afternoon(day):
    _morning, afternoon = parts(day)
    alice, bob = participant_make(day), participant_make(day)
    request = services.meeting_request_send(sender=alice, recipient=bob, window=[afternoon], notify=False)
    services.meeting_request_accept(request=request, notify=False)
    [item] = selectors.scheduling_instance(day)["requests"]
    assert item["available"] == [f"s{s.pk}" for s in afternoon.slots.order_by("pk")]
    schedule_and_publish(day)
    meeting = Meeting.objects.get(request=request, published=True)
    assert meeting.slot.day_part == afternoon
    [agenda_item] = selectors.agenda_for(alice)
    assert agenda_item.window == [afternoon.local_label]


def test_a_window_where_one_of_them_is_away_is_refused(day):
    morning, _afternoon = parts(day)
    alice = participant_make(day)
    bob = participant_make(day, unavailable=[morning])
    with pytest.raises(ValidationError) as caught:
        services.meeting_request_send(sender=alice, recipient=bob, window=[morning], notify=False)
    assert list(caught.value.message_dict) == ["window"]


def test_a_window_closed_later_is_reported_not_a_failed_run(day):
    morning, _afternoon = parts(day)
    alice, bob = participant_make(day), participant_make(day)
    services.meeting_request_organiser_add(sender=alice, recipient=bob, window=[morning])
    services.participant_update(participant=bob, unavailable=[morning])
    run = schedule_and_publish(day)
    run.refresh_from_db()
    assert run.unscheduled == [
        {
            "request": f"r{alice.sent_requests.get().pk}",
            "code": "out_of_window",
            "reason": "the chosen parts of days leave no slot where both are available",
        }
    ]
    assert run.stats["requests"] == 1
    report = selectors.run_report(run)
    assert (
        report.unscheduled[0][1]
        == "les périodes de journée choisies ne laissent aucun créneau où les deux personnes sont disponibles"
    )


def test_the_engines_window_reasons_read_in_french():
    from maillage.matchmaking.reasons import reason_display, reason_translate

    assert reason_display({"request": "r1", "code": "no_free_table_in_window"}, people={}, tables={}) == (
        "aucune table libre dans la plage demandée pour la rencontre"
    )
    assert reason_display(
        {"request": "r1", "code": "busy_in_window", "a": "p4"}, people={"p4": "Ana"}, tables={}
    ) == ("Ana est occupé dans chaque créneau de la plage demandée où les deux sont disponibles")
    # Runs stored before the codes hold the engine's English sentence only.
    assert reason_translate("no table free in the meeting's window") == (
        "aucune table libre dans la plage demandée pour la rencontre"
    )
    assert reason_translate("p4 is busy in every slot of the meeting's window where both are available") == (
        "p4 est occupé dans chaque créneau de la plage demandée où les deux sont disponibles"
    )
