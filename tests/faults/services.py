"""Private services for the fault tests: a Redis server and a PostgreSQL cluster of their own, on free
loopback ports in a temporary folder, so killing or restarting them never disturbs the machine's shared
ones; and the app's own processes (gunicorn, a Celery worker) started against them."""

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, *, timeout: float, what: str, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    raise TimeoutError(f"{what}: not within {timeout} s")


def port_open(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.2)
        return s.connect_ex(("127.0.0.1", port)) == 0


class Redis:
    def __init__(self, folder: Path) -> None:
        self.folder, self.port, self.process = folder, free_port(), None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "yes", "--appendfsync", "always", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        wait_for(lambda: port_open(self.port), timeout=10, what="redis-server")

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)
        wait_for(lambda: not port_open(self.port), timeout=10, what="redis-server stopped")


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if not found:
        raise FileNotFoundError(f"PostgreSQL's {name} (Debian's postgresql package)")
    return found[-1]


class Postgres:
    """A cluster owned by the `postgres` system user when the tests run as root (PostgreSQL refuses root)."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port = folder, free_port()
        self.data = folder / "data"
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/maillage_faults"

    def _run(self, *args: str) -> None:
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=120)

    def init(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        if self.as_user:
            shutil.chown(self.folder, "postgres", "postgres")
        self._run(_pg_bin("initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self._run(
            _pg_bin("createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "maillage_faults"
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=60"
        self._run(
            _pg_bin("pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.folder / "log"),
            "-w",
            "start",
        )

    def stop(self, mode: str = "fast") -> None:
        self._run(_pg_bin("pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")


def django_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "DJANGO_"))}
    env.update(DJANGO_SETTINGS_MODULE="maillage.settings", MAILLAGE_DEMO="1", PYTHONPATH=str(REPO), **extra)
    return env


def manage(env: dict, *args: str, timeout: float = 300) -> str:
    done = subprocess.run(
        [str(BIN / "maillage"), *args], env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout
    )
    if done.returncode:
        raise RuntimeError(f"maillage {' '.join(args)}: {done.stderr[-3000:]}")
    return done.stdout


def driver(env: dict, *args: str, timeout: float = 300) -> str:
    """Run a step of tests/faults/driver.py against the private services (its own Django process)."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.faults.driver", *args],
        env=env, cwd=REPO, capture_output=True, text=True, timeout=timeout,
    )  # fmt: skip
    if done.returncode:
        raise RuntimeError(f"driver {' '.join(args)}: {done.stderr[-3000:]}")
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else ""


class Process:
    """A long-running app process in its own process group, so that killing it kills its children too."""

    def __init__(self, args: list[str], env: dict, log: Path) -> None:
        self.log = log
        self.handle = open(log, "wb")  # noqa: SIM115 (closed in stop)
        self.process = subprocess.Popen(
            args, env=env, cwd=REPO, stdout=self.handle, stderr=subprocess.STDOUT, start_new_session=True
        )

    def kill(self, sig: int = signal.SIGKILL) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(20)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.kill(signal.SIGTERM)
            if self.process.poll() is None:
                self.kill(signal.SIGKILL)
        self.handle.close()

    def output(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]


def gunicorn(env: dict, folder: Path, *, workers: int = 2, threads: int = 4) -> tuple[Process, int]:
    port = free_port()
    process = Process(
        [str(BIN / "gunicorn"), "maillage.wsgi:application", "--bind", f"127.0.0.1:{port}",
         "--workers", str(workers), "--threads", str(threads), "--timeout", "60"],
        env, folder / f"gunicorn-{port}.log",
    )  # fmt: skip
    wait_for(lambda: port_open(port), timeout=60, what="gunicorn")
    return process, port


def celery_worker(env: dict, folder: Path, name: str, *, beat: bool = False) -> Process:
    """A worker; with `beat`, Celery beat runs inside it (its schedule file in the test's folder)."""
    extra = ["--beat", "--schedule", str(folder / f"beat-{name}")] if beat else []
    return Process(
        [str(BIN / "celery"), "-A", "maillage.celery", "worker", "--pool", "solo", "--hostname", f"{name}@%h",
         "--loglevel", "INFO", "--without-gossip", "--without-mingle", "--without-heartbeat", *extra],
        env, folder / f"worker-{name}.log",
    )  # fmt: skip


def get(port: int, path: str, timeout: float = 10) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")
