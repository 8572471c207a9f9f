"""What the load benchmarks share: a fresh PostgreSQL database, gunicorn (and a private Redis with a Celery
worker when asked) on loopback, logged-in sessions made without the log-in page, and an asyncio HTTP/1.1
client with keep-alive, cookies and the CSRF header.

Nothing leaves 127.0.0.1; every server started here is stopped at the end."""

import asyncio
import os
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answers on port {port}")


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def fresh_database(default_name: str) -> str:
    """Drop and create the benchmark's own database (BENCH_POSTGRES_URL to choose it)."""
    import psycopg

    url = os.environ.get("BENCH_POSTGRES_URL", f"postgres://postgres@127.0.0.1:5432/{default_name}")
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return url


def pages_database(default_name: str) -> None:
    """Point this process's Django, not yet set up, at a fresh benchmark database: for the benchmarks that
    time pages with Django's test client in process (no server, no static files collected). DEBUG is off
    whatever the shell says, as in production, and a database left open by a killed run is dropped anyway."""
    os.environ["DATABASE_URL"] = fresh_database(default_name)
    os.environ.setdefault("MAILLAGE_DEMO", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "maillage.settings"
    os.environ["DEBUG"] = ""


def percentiles_text(times: list[float]) -> str:
    """p50, p95 (as :func:`percentiles` computes them, one definition for every benchmark) and the slowest
    of request times in seconds, said in milliseconds."""
    p50, p95, _ = percentiles(times)
    return f"p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, max {max(times) * 1000:.0f} ms"


def django_setup(database_url: str, **extra: str) -> dict:
    """Point this process's Django at the benchmark database, migrate, collect static files."""
    static = tempfile.mkdtemp(prefix="maillage-bench-static-")
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MAILLAGE_DEMO": "1",
        "DJANGO_SETTINGS_MODULE": "maillage.settings",
        "STATIC_ROOT": static,
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "LOGIN_FAILURE_LIMIT": "100000",
        **extra,
    }
    os.environ.update(env)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    return env


def session_cookie(user) -> str:
    """A logged-in session for `user`, as the log-in page would leave it (no password hashing per client)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    store = SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[-1]
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


SERVER_PIDS: dict[int, int] = {}  # port -> the gunicorn arbiter's pid


def tree_cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a process and its children (Linux /proc). The server's CPU time per
    request is its own work: the shared machine's other load distorts it far less than latencies."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:
            total += int(fields[11]) + int(fields[12])
    return total / tick


@contextmanager
def gunicorn(env: dict, *, workers: int, threads: int):
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "gunicorn"), "maillage.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(workers),
         "-k", "gthread", "--threads", str(threads), "--keep-alive", "30", "--backlog", "2048",
         "--timeout", "120", "--log-level", "warning"],
        env=env, cwd=REPO,
    )  # fmt: skip
    SERVER_PIDS[port] = server.pid
    try:
        wait_port(port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def redis_and_worker(env: dict):
    """A private Redis on a free port and one Celery worker (a separate process group): yields the env to
    give gunicorn so that its jobs go to that worker."""
    if not shutil.which("redis-server"):
        yield env
        return
    port = free_port()
    redis = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    wait_port(port)
    env = {**env, "CELERY_BROKER_URL": f"redis://127.0.0.1:{port}/0"}
    worker = subprocess.Popen(
        [str(BIN / "celery"), "-A", "maillage.celery", "worker", "--pool", "solo", "--loglevel", "WARNING",
         "--without-gossip", "--without-mingle", "--without-heartbeat"],
        env=env, cwd=REPO, start_new_session=True,
    )  # fmt: skip
    try:
        yield env
    finally:
        worker.terminate()
        worker.wait(timeout=30)
        redis.terminate()
        redis.wait(timeout=10)


class Client:
    """One person's browser: a keep-alive connection, their session cookie and a CSRF token."""

    def __init__(self, port: int, session_key: str | None) -> None:
        self.port, self.csrf = port, secrets.token_hex(16)  # 32 characters: a valid unmasked secret
        self.cookie = f"csrftoken={self.csrf}" + (f"; sessionid={session_key}" if session_key else "")
        self.reader = self.writer = None
        self.location = ""  # the last answer's Location header

    async def _connect(self) -> None:
        self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)

    async def request(self, method: str, path: str, form: dict | None = None, headers: dict | None = None):
        """(status, body, milliseconds)."""
        from urllib.parse import urlencode

        body = urlencode(form or {}, doseq=True).encode() if method == "POST" else b""
        lines = [
            f"{method} {path} HTTP/1.1", "Host: 127.0.0.1", "Connection: keep-alive", f"Cookie: {self.cookie}",
            f"X-CSRFToken: {self.csrf}", "Referer: http://127.0.0.1/", f"Content-Length: {len(body)}",
        ]  # fmt: skip
        if method == "POST":
            lines.append("Content-Type: application/x-www-form-urlencoded")
        lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
        payload = ("\r\n".join(lines) + "\r\n\r\n").encode() + body
        for attempt in (1, 2):  # a keep-alive connection the server closed meanwhile is reopened once
            if self.writer is None:
                await self._connect()
            began = time.perf_counter()
            try:
                self.writer.write(payload)
                await self.writer.drain()
                head = await self.reader.readuntil(b"\r\n\r\n")
            except (ConnectionError, asyncio.IncompleteReadError):
                self.writer = None
                if attempt == 2:
                    raise
                continue
            status = int(head.split(b" ", 2)[1])
            length = 0
            self.location = ""
            for line in head.split(b"\r\n"):
                if line.lower().startswith(b"content-length"):
                    length = int(line.split(b":", 1)[1])
                elif line.lower().startswith(b"location:"):
                    self.location = line.split(b":", 1)[1].strip().decode()
            content = await self.reader.readexactly(length)
            if b"connection: close" in head.lower():
                self.writer.close()
                self.writer = None
            return status, content.decode(errors="replace"), (time.perf_counter() - began) * 1000
        raise AssertionError("unreachable")

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()


def percentiles(latencies: list[float]) -> tuple[float, float, float]:
    if len(latencies) < 2:
        return (latencies[0],) * 3 if latencies else (0.0, 0.0, 0.0)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")  # never beyond the slowest
    return statistics.median(latencies), cuts[94], cuts[98]
