"""The reminder the day before: once per person, in their language, with their meetings."""

import datetime as dt
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command

from maillage.matchmaking import services

from .factories import DAY, participant_make, schedule_and_publish

pytestmark = pytest.mark.django_db

TORONTO = zoneinfo.ZoneInfo("America/Toronto")


@pytest.fixture
def published(session, alice, bob):
    bob.person.user.language = "en"
    bob.person.user.save()
    services.meeting_request_organiser_add(sender=alice, recipient=bob)
    participant_make(session)  # no meeting: no reminder
    schedule_and_publish(session)
    session.refresh_from_db()
    return session


def test_reminders_go_the_day_before_once_in_each_language(
    published, alice, bob, clock, django_capture_on_commit_callbacks
):
    clock(dt.datetime.combine(DAY - dt.timedelta(days=2), dt.time(18), tzinfo=TORONTO))
    assert services.reminders_send(session=published) == []
    clock(dt.datetime.combine(DAY - dt.timedelta(days=1), dt.time(8), tzinfo=TORONTO))
    with django_capture_on_commit_callbacks(execute=True):
        reminded = services.reminders_send(session=published)
    assert sorted(p.pk for p in reminded) == sorted([alice.pk, bob.pk])
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert subjects[bob.person.email] == "Reminder: your B2B meetings at Mission Québec–Bordeaux"
    assert subjects[alice.person.email] == "Rappel : vos rencontres B2B lors de Mission Québec–Bordeaux"
    body = next(m.body for m in mail.outbox if m.to == [bob.person.email])
    assert alice.name in body
    assert "09:" in body
    with django_capture_on_commit_callbacks(execute=True):
        assert services.reminders_send(session=published) == []
    assert len(mail.outbox) == 2


def test_the_command_reminds_published_sessions(published, clock, django_capture_on_commit_callbacks):
    clock(dt.datetime.combine(DAY - dt.timedelta(days=1), dt.time(20), tzinfo=TORONTO))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("matchmaking_send_reminders")
    assert len(mail.outbox) == 2
    with django_capture_on_commit_callbacks(execute=True):
        call_command("matchmaking_send_reminders", session=published.slug)
    assert len(mail.outbox) == 2


def test_beat_task_queues_reminders_for_published_sessions_only(published):
    from maillage.matchmaking.tasks import reminders_send_all_task

    assert reminders_send_all_task() == 1
