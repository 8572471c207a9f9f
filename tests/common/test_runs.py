"""Engine runs (common.runs): one active run per scope, a task delivered twice computes once, a failure is
recorded on the run and logged with its traceback, an abandoned run frees its scope. Shown on the programme's
optimiser runs; the B2B scheduler's runs go through the same functions (tests/matchmaking/test_scheduling.py).
"""

import datetime as dt
import logging

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation

from maillage.common import runs
from maillage.programme.models import ProgrammeRun
from tests.programme.factories import EditionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    return EditionFactory()


def test_a_second_run_of_a_scope_is_refused_while_one_is_active(edition):
    first = runs.run_start(ProgrammeRun, scope=edition, user=None, time_limit=1)
    with pytest.raises(ValidationError) as error:
        runs.run_start(ProgrammeRun, scope=edition, user=None, time_limit=1)
    assert error.value.error_list[0].code == "busy"
    assert list(ProgrammeRun.objects.values_list("pk", "status")) == [(first.pk, "queued")]
    runs.run_execute(ProgrammeRun, first.pk, work=lambda run: runs.run_done(run))
    second = runs.run_start(ProgrammeRun, scope=edition, user=None, time_limit=1)
    assert second.status == ProgrammeRun.Status.QUEUED


def test_the_database_refuses_two_active_runs_of_a_scope(edition):
    ProgrammeRun.objects.create(edition=edition, time_limit=1)
    with pytest.raises(IntegrityError), transaction.atomic():
        ProgrammeRun.objects.create(edition=edition, time_limit=1, status=ProgrammeRun.Status.RUNNING)


def test_a_run_delivered_twice_computes_once(edition):
    run = ProgrammeRun.objects.create(edition=edition, time_limit=1)
    calls = []

    def work(run):
        calls.append(run.pk)
        run.stats = {"placed": 3}
        runs.run_done(run)

    done = runs.run_execute(ProgrammeRun, run.pk, work=work)
    again = runs.run_execute(ProgrammeRun, run.pk, work=work)
    assert calls == [run.pk]
    assert (done.status, done.stats, again.status) == ("done", {"placed": 3}, "done")
    assert done.started <= done.finished


def test_a_failing_run_says_why_and_logs_its_traceback(edition, caplog):
    run = ProgrammeRun.objects.create(edition=edition, time_limit=1)

    def work(run):
        run.placements = [{"activity": 1}]
        raise RuntimeError("the engine broke")

    with caplog.at_level(logging.ERROR, logger="maillage.common.runs"):
        failed = runs.run_execute(ProgrammeRun, run.pk, work=work)
    assert (failed.status, failed.error, failed.placements) == ("failed", "the engine broke", [])
    [record] = caplog.records
    assert record.exc_info[0] is RuntimeError


def test_an_abandoned_run_is_failed_and_frees_its_scope(edition):
    stuck = ProgrammeRun.objects.create(edition=edition, time_limit=5, status=ProgrammeRun.Status.RUNNING)
    ProgrammeRun.objects.filter(pk=stuck.pk).update(started=timezone.now() - dt.timedelta(minutes=11))
    assert runs.runs_abandoned_fail(ProgrammeRun.objects.all()) == 1
    stuck.refresh_from_db()
    assert (stuck.status, stuck.finished is not None, stuck.error_code) == ("failed", True, "abandoned")
    with translation.override("fr"):
        assert stuck.error_text.startswith("Interrompu")
    run = runs.run_start(ProgrammeRun, scope=edition, user=None, time_limit=1)
    assert run.status == "queued"


def test_a_run_within_its_time_limit_is_not_abandoned(edition):
    run = ProgrammeRun.objects.create(edition=edition, time_limit=5, status=ProgrammeRun.Status.RUNNING)
    ProgrammeRun.objects.filter(pk=run.pk).update(started=timezone.now() - dt.timedelta(minutes=9))
    assert runs.runs_abandoned_fail(ProgrammeRun.objects.all()) == 0


def _dead_worker() -> str:
    """A worker of this host whose process has exited (as one killed during a run)."""
    import socket
    import subprocess

    process = subprocess.Popen(["true"])
    process.wait()
    return f"{socket.gethostname()}:{process.pid}"


def _running(edition, *workers: str) -> ProgrammeRun:
    from maillage.common.models import RunAttempt

    run = ProgrammeRun.objects.create(
        edition=edition, time_limit=60, status=ProgrammeRun.Status.RUNNING, started=timezone.now()
    )
    for worker in workers:
        RunAttempt.objects.create(run_model="programme.programmerun", run_id=run.pk, worker=worker)
    return run


def _placing(calls: list):
    def work(run):
        calls.append(run.pk)
        run.stats = {"placed": 3}
        runs.run_done(run)

    return work


def test_a_run_redelivered_after_its_worker_died_is_run_again(edition, caplog):
    run, calls = _running(edition, _dead_worker()), []
    with caplog.at_level(logging.WARNING, logger="maillage.common.runs"):
        done = runs.run_execute(ProgrammeRun, run.pk, work=_placing(calls))
    assert (calls, done.status, done.stats) == ([run.pk], "done", {"placed": 3})
    assert "taken again" in caplog.text
    from maillage.common.models import RunAttempt

    assert [a.worker for a in RunAttempt.objects.filter(run_id=run.pk)][-1] == runs.worker_id()


def test_a_run_redelivered_while_its_worker_lives_is_left_to_it(edition):
    import os
    import socket

    run, calls = _running(edition, f"{socket.gethostname()}:{os.getppid()}"), []  # the parent: alive
    same = runs.run_execute(ProgrammeRun, run.pk, work=_placing(calls))
    assert (calls, same.status) == ([], "running")
    elsewhere = _running(EditionFactory(), "another-host:1")  # cannot be checked: wait for the time limit
    assert runs.run_execute(ProgrammeRun, elsewhere.pk, work=_placing(calls)).status == "running"
    ProgrammeRun.objects.filter(pk=elsewhere.pk).update(started=timezone.now() - dt.timedelta(minutes=12))
    assert runs.run_execute(ProgrammeRun, elsewhere.pk, work=_placing(calls)).status == "done"
    assert calls == [elsewhere.pk]


def test_a_run_whose_worker_died_each_time_fails_with_the_reason(edition):
    run, calls = _running(edition, _dead_worker(), _dead_worker()), []
    failed = runs.run_execute(ProgrammeRun, run.pk, work=_placing(calls))
    assert (calls, failed.status, failed.finished is not None) == ([], "failed", True)
    assert (failed.error_code, failed.error_params) == ("worker_stopped", {"n": 2})
    assert failed.error == "Interrupted: the worker running it stopped 2 times."  # the log's words
    with translation.override("fr"):  # worded in the reader's language when the page is made
        assert failed.error_text == "Interrompu : le processus qui l'exécutait s'est arrêté 2 fois."
    with translation.override("en"):
        assert ProgrammeRun.objects.get(pk=run.pk).error_text == failed.error
    assert runs.run_start(ProgrammeRun, scope=edition, user=None, time_limit=1).status == "queued"


def test_a_run_on_another_host_counts_as_dead_once_its_time_limit_and_margin_have_passed(edition):
    """Whose process cannot be checked from here: dead at `started + time limit + ABANDONED_AFTER`, not before."""
    run = _running(edition, "another-host:4242")
    from maillage.common.models import RunAttempt

    attempt = RunAttempt.objects.get(run_id=run.pk)
    deadline = run.started + dt.timedelta(seconds=run.time_limit) + runs.ABANDONED_AFTER
    with time_machine.travel(deadline - dt.timedelta(seconds=5)):
        assert not runs.attempt_dead(run, attempt)
    with time_machine.travel(deadline + dt.timedelta(seconds=5)):
        assert runs.attempt_dead(run, attempt)
