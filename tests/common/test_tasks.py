import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.core import mail

from maillage.common.tasks import send_email


def test_task_runs_in_process_without_a_broker(settings):
    assert settings.CELERY_TASK_ALWAYS_EAGER
    send_email.delay(subject="Bonjour", body="Corps", to=["a@example.org"])
    assert [m.subject for m in mail.outbox] == ["Bonjour"]


def redis_available() -> bool:
    try:
        return bool(redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=1).ping())
    except redis.exceptions.ConnectionError:
        return False


@pytest.mark.skipif(not redis_available(), reason="no Redis on 127.0.0.1:6379")
def test_task_runs_on_a_real_celery_worker_through_redis(tmp_path: Path):
    """The production path: a separate worker process takes the task from Redis and sends the e-mail."""
    broker = "redis://127.0.0.1:6379/14"
    redis.Redis.from_url(broker).flushdb()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "maillage.settings",
        "MAILLAGE_DEMO": "1",
        "CELERY_BROKER_URL": broker,
        "CELERY_RESULT_BACKEND": broker,
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(tmp_path),
        "MAILLAGE_DATA_DIR": str(tmp_path),
    }
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "maillage.celery",
            "worker",
            "--pool=solo",
            "--concurrency=1",
            "-l",
            "WARNING",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        script = (
            "import django; django.setup();"
            "from maillage.common.tasks import send_email;"
            "print(send_email.delay(subject='Par le worker', body='Corps', to=['w@example.org']).get(timeout=60))"
        )
        result = subprocess.run(
            [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=90
        )
        assert result.stdout.strip() == "1", result.stderr
        deadline = time.monotonic() + 10
        while not list(tmp_path.glob("*.log")) and time.monotonic() < deadline:
            time.sleep(0.1)
        sent = "".join(p.read_text() for p in tmp_path.glob("*.log"))
        assert "Subject: Par le worker" in sent
    finally:
        worker.terminate()
        worker.wait(timeout=30)


@pytest.mark.django_db(transaction=True)
def test_long_jobs_run_in_a_thread_without_a_broker(settings, django_capture_on_commit_callbacks, tmp_path):
    """The embedded set-up: the page that starts a job returns at once, the job runs beside it."""
    import threading

    from celery import shared_task

    done = threading.Event()

    @shared_task(name="tests.mark_done")
    def mark_done(path: str) -> None:
        (tmp_path / path).write_text("done")
        done.set()

    from maillage.common.jobs import job_enqueue

    settings.MAILLAGE_JOBS = "thread"
    with django_capture_on_commit_callbacks(execute=True):
        job_enqueue(mark_done, "flag.txt")
    assert done.wait(timeout=10)
    assert (tmp_path / "flag.txt").read_text() == "done"


def test_only_the_engine_runs_are_acknowledged_late(settings):
    """A task put back when its worker dies runs again: only the engine runs, whose attempts common.runs caps,
    may be; a memory-hungry refresh killed by the kernel would otherwise be redelivered for ever, and an
    e-mail could go twice."""
    from maillage.celery import app
    from maillage.matchmaking import tasks as b2b_tasks
    from maillage.programme import tasks as programme_tasks

    assert not getattr(settings, "CELERY_TASK_ACKS_LATE", False)
    assert not getattr(settings, "CELERY_TASK_REJECT_ON_WORKER_LOST", False)
    late = {
        name
        for name, task in app.tasks.items()
        if name.startswith("maillage.") and (task.acks_late or task.reject_on_worker_lost)
    }
    assert late == {
        programme_tasks.programme_run_execute_task.name,
        b2b_tasks.scheduling_run_execute_task.name,
    }
    assert b2b_tasks.scheduling_run_execute_task.reject_on_worker_lost
    assert programme_tasks.programme_run_execute_task.reject_on_worker_lost
    assert not b2b_tasks.recommendations_refresh_task.acks_late
