"""Faults, for real: a Celery worker killed during a scheduling run, Redis down, PostgreSQL restarted under
traffic. Each test starts its own Redis and PostgreSQL (tests/faults/services.py) and the app's own
processes, so nothing the other tests or people on the machine use is touched."""

import contextlib
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from .services import Postgres, Redis, celery_worker, django_env, driver, get, gunicorn, manage, wait_for

pytestmark = [
    pytest.mark.faults,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="redis-server is not installed"),
]


@pytest.fixture(scope="module")
def stack():
    """A private PostgreSQL cluster and Redis server, migrated, with a forum's data (shared by the tests
    of this module; each test leaves them running)."""
    folder = Path(tempfile.mkdtemp(prefix="maillage-faults-"))
    os.chmod(folder, 0o755)  # noqa: S103 (the cluster's owner, postgres, goes through it)
    postgres, redis = Postgres(folder / "pg"), Redis(folder)
    postgres.init()
    redis.start()
    mail = folder / "mail"
    env = django_env(
        DATABASE_URL=postgres.url,
        CELERY_BROKER_URL=redis.url,
        CACHE_URL=f"{redis.url}/1",
        EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend",
        EMAIL_FILE_PATH=str(mail),
        MAILLAGE_DATA_DIR=str(folder / "var"),
        STATIC_ROOT=str(folder / "static"),
        DEBUG="",
    )
    try:
        with ThreadPoolExecutor(2) as pool:  # both at once: the slowest part of the set-up
            done = [
                pool.submit(manage, env, *args)
                for args in (("migrate", "--noinput", "-v", "0"), ("collectstatic", "--noinput", "-v", "0"))
            ]
            for future in done:
                future.result()
        setup_env = {**env, "CELERY_BROKER_URL": "", "CACHE_URL": "", "MAILLAGE_JOBS": "eager"}
        slug = driver(setup_env, "setup", "200")
        yield {"env": env, "postgres": postgres, "redis": redis, "folder": folder, "mail": mail, "slug": slug}
    finally:
        redis.kill()
        with contextlib.suppress(Exception):  # already stopped by a failed test
            postgres.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def _latest_run_status(stack) -> str | None:
    """Read straight from the database (a driver step takes seconds to start: the run would be over)."""
    import psycopg

    with psycopg.connect(stack["postgres"].url, connect_timeout=5) as conn:
        row = conn.execute("SELECT status FROM matchmaking_schedulingrun ORDER BY id DESC LIMIT 1").fetchone()
    return row[0] if row else None


def _run_status(stack, run_id: str) -> str | None:
    import psycopg

    with psycopg.connect(stack["postgres"].url, connect_timeout=5) as conn:
        row = conn.execute(
            "SELECT status FROM matchmaking_schedulingrun WHERE id = %s", [int(run_id)]
        ).fetchone()
    return row[0] if row else None


def _mails(folder: Path) -> str:
    return "".join(p.read_text(errors="replace") for p in folder.glob("*.log")) if folder.exists() else ""


def test_a_worker_killed_during_a_scheduling_run_leaves_the_agenda_and_another_worker_runs_it_again(stack):
    env, folder = stack["env"], stack["folder"]
    published = driver(env, "agenda_digest")
    worker = celery_worker(env, folder, "killed")
    try:
        wait_for(lambda: "ready." in worker.output(), timeout=90, what=f"the worker\n{worker.output()}")
        with ThreadPoolExecutor(1) as pool:  # the driver's process exits seconds after the run is queued
            started = pool.submit(driver, env, "start_run", "60")
            wait_for(
                lambda: _latest_run_status(stack) == "running",
                timeout=90, every=0.02, what=f"the worker to take the run\n{worker.output()}",
            )  # fmt: skip
            time.sleep(0.3)  # the solver is at work
            worker.kill()  # SIGKILL to its whole process group
            run_id = started.result()
    finally:
        worker.stop()
    assert "succeeded" not in worker.output(), "the run finished before the kill: make the forum bigger"
    assert driver(env, "agenda_digest") == published
    # The task was not acknowledged (acks late): the broker hands it to the next worker once its visibility
    # timeout has passed (an hour by default, a few seconds here). Until then the run stays "running".
    assert driver(env, "run_status", run_id).startswith("running|")
    time.sleep(4)
    again = celery_worker({**env, "MAILLAGE_BROKER_VISIBILITY_SECONDS": "3"}, folder, "again")
    try:
        wait_for(
            lambda: _run_status(stack, run_id) in ("done", "failed"),
            timeout=180, every=0.5, what=f"the run to be taken again\n{again.output()}",
        )  # fmt: skip
    finally:
        again.stop()
    status, reason = driver(env, "run_status", run_id).split("|", 1)
    assert (status, reason) == ("done", ""), again.output()
    assert "taken again" in again.output()
    assert driver(env, "agenda_digest") == published  # a run computes a draft: publishing is the organiser's


def test_with_redis_down_pages_still_serve(stack):
    env, folder, redis = stack["env"], stack["folder"], stack["redis"]
    server, port = gunicorn(env, folder, workers=1, threads=2)
    try:
        paths = ["/", f"/b2b/{stack['slug']}/", "/programme/semaine-pannes/", "/annuaire/"]
        get(port, "/", timeout=120)  # the first request of a worker loads everything
        assert [get(port, p)[0] for p in paths] == [200] * len(paths)
        redis.kill()
        seen = [get(port, p)[0] for p in paths]
        health = get(port, "/sante/")[0]
    finally:
        if not redis.process or redis.process.poll() is not None:
            redis.start()
        server.stop()
    assert (seen, health) == ([200] * len(paths), 503), server.output()


def test_with_redis_down_emails_wait_and_go_out_when_it_returns(stack):
    """The e-mail is a row of the outbox written with the request; the hand-over to the broker after commit
    fails (logged), and once Redis is back the worker's beat sends what waited."""
    env, folder, redis, mail = stack["env"], stack["folder"], stack["redis"], stack["mail"]
    redis.kill()
    try:
        to = driver(env, "request_email")  # a participant sends a request: the recipient is e-mailed
        assert driver(env, "outbox_status", to) == "pending|0"
        assert to not in _mails(mail)
    finally:
        redis.start()
    worker = celery_worker({**env, "MAILLAGE_OUTBOX_EVERY_SECONDS": "2"}, folder, "mailer", beat=True)
    try:
        wait_for(
            lambda: to in _mails(mail), timeout=90, every=0.5, what=f"the e-mail to {to}\n{worker.output()}"
        )
    finally:
        worker.stop()
    assert driver(env, "outbox_status", to) == "sent|1"  # one attempt, which went out


def test_postgresql_restarted_under_traffic_the_app_recovers_by_itself(stack):
    """A restart under traffic: requests during the outage get an error page at once; after it, every app
    thread still holds a connection the server closed (4 requests during the outage do not reach the 8
    threads), and the next request on each must not be the one that finds out."""
    env, folder, postgres = stack["env"], stack["folder"], stack["postgres"]
    server, port = gunicorn({**env, "CACHE_URL": ""}, folder, workers=2, threads=4)
    path = f"/b2b/{stack['slug']}/"
    try:
        get(port, path, timeout=120)
        with ThreadPoolExecutor(8) as pool:
            before = list(pool.map(lambda _: get(port, path, timeout=60)[0], range(32)))
            postgres.stop("fast")
            down = list(pool.map(lambda _: get(port, path, timeout=60)[0], range(4)))
            postgres.start()
            after = list(pool.map(lambda _: get(port, path, timeout=60)[0], range(32)))
    finally:
        server.stop()
    assert before == [200] * 32
    assert set(down) <= {500, 503}  # down is down: an error page at once, not a hang
    assert after == [200] * 32, server.output()
