"""The public agenda page under load: PostgreSQL, 400 published activities, 200 concurrent clients.

    .venv/bin/python bench/programme_agenda.py --activities 400 --clients 200 --seconds 30 --think 1

Builds the PostgreSQL database maillage_prog_bench (BENCH_POSTGRES_URL to change it), loads a generated edition
of 400 placed, published activities through the services, starts gunicorn on 127.0.0.1, then drives the
agenda page (whole week, and a few filters) from 200 concurrent keep-alive clients on loopback only.

Two ways of loading, both printed:
- "visitors": 200 clients that each wait a random think time (uniform, mean --think seconds) between their
  requests, as people reading a programme do; this is the figure the p95 target is about. The first
  --ramp-up seconds, while the 200 visitors arrive and connect, are not measured (steady state only).
- "saturation" (with --saturation and Debian's wrk): 200 connections sending back to back, which measures
  the most the machine can serve; there latency is simply clients divided by throughput.
Target: p95 under 100 ms for the visitors.
"""

import argparse
import asyncio
import datetime as dt
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from load_common import tree_cpu_seconds

REPO = Path(__file__).resolve().parent.parent
PATHS = [
    "/programme/bench/",
    "/programme/bench/?day=2027-04-06",
    "/programme/bench/?audience=public&language=fr",
]

WRK_LUA = """
local paths = {%s}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n %% #paths) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%d %%.3f %%.3f %%.3f %%d\\n", summary.requests,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status
    + summary.errors.timeout))
end
"""


def load(activities: int, seed: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from maillage.programme import services
    from maillage.programme.models import Activity, Audience, Edition, Language

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # into a temporary STATIC_ROOT
    rng = random.Random(seed)
    edition = services.edition_create(
        name="Semaine de mesure",
        slug="bench",
        start_date=dt.date(2027, 4, 5),
        end_date=dt.date(2027, 4, 9),
        published=True,
    )
    assert isinstance(edition, Edition)
    events = [services.event_create(edition=edition, name=f"Événement {n}") for n in range(5)]
    tracks = [services.track_create(edition=edition, name_fr=f"Thème {n}") for n in range(8)]
    rooms = []
    for v in range(8):
        venue = services.venue_create(edition=edition, name=f"Lieu {v}")
        rooms += [services.room_create(venue=venue, name=f"Salle {r}", capacity=200) for r in range(5)]
    speakers = [services.speaker_create(edition=edition, guest_name=f"Intervenant·e {n}") for n in range(250)]
    slots = [
        (day, hour) for day in edition.days for hour in range(8, 21)
    ]  # 5 days x 13 hours x 40 rooms: room for 400 one-hour activities
    cells = [(room, day, hour) for room in rooms for day, hour in slots]
    rng.shuffle(cells)
    for n in range(activities):
        room, day, hour = cells[n]
        activity = services.activity_create(
            event=rng.choice(events),
            speakers=rng.sample(speakers, rng.randint(1, 3)),
            title_fr=f"Activité {n} sur le numérique",
            title_en=f"Activity {n} about digital",
            description_fr="Une activité de la semaine numérique. " * 5,
            duration=rng.choice([30, 45, 60]),
            language=rng.choice(list(Language.values)),
            audience=rng.choice(list(Audience.values)),
            track=rng.choice(tracks),
            status=Activity.Status.PUBLISHED,
        )
        start = dt.datetime.combine(day, dt.time(hour), tzinfo=edition.tzinfo)
        services.activity_place(activity=activity, room=room, start=start)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_ready(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def run_wrk(port: int, clients: int, seconds: int) -> tuple[int, float, float, float, int]:
    script = Path(tempfile.mkdtemp()) / "agenda.lua"
    script.write_text(WRK_LUA % ", ".join(f'"{p}"' for p in PATHS))
    out = subprocess.run(
        ["wrk", "-t2", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script),
         f"http://127.0.0.1:{port}"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    line = next(line for line in out.splitlines() if line.startswith("RESULT"))
    _tag, requests, p50, p95, p99, errors = line.split()
    return int(requests), float(p50), float(p95), float(p99), int(errors)


async def _client(
    port: int, todo: list, latencies: list, errors: list, think: float, until: float, measure_from: float
) -> None:
    rng = random.Random()
    await asyncio.sleep(rng.uniform(0, 2 * think))  # visitors do not all arrive in the same millisecond
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while todo and time.perf_counter() < until:
            path = todo.pop()
            began = time.perf_counter()
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n".encode())
            await writer.drain()
            head = await reader.readuntil(b"\r\n\r\n")
            status = int(head.split(b" ", 2)[1])
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length")
            )
            await reader.readexactly(length)
            if began >= measure_from:  # the ramp-up, while 200 visitors connect, is not measured
                latencies.append((time.perf_counter() - began) * 1000)
            if status != 200:
                errors.append(status)
            if b"connection: close" in head.lower():
                writer.close()
                reader, writer = await asyncio.open_connection("127.0.0.1", port)
            if think:
                await asyncio.sleep(rng.uniform(0, 2 * think))
    except (OSError, asyncio.IncompleteReadError, StopIteration) as error:
        errors.append(repr(error))
    finally:
        writer.close()


def run_python(
    port: int, clients: int, requests: int, *, think: float = 0.0, seconds: float = 3600, ramp_up: float = 0.0
) -> tuple[int, float, float, float, int]:
    todo = [PATHS[n % len(PATHS)] for n in range(requests)]
    latencies: list[float] = []
    errors: list = []
    measure_from = time.perf_counter() + ramp_up
    until = measure_from + seconds

    async def main():
        await asyncio.gather(
            *(_client(port, todo, latencies, errors, think, until, measure_from) for _n in range(clients))
        )

    asyncio.run(main())
    cuts = statistics.quantiles(latencies, n=100)
    return len(latencies), statistics.median(latencies), cuts[94], cuts[98], len(errors)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--activities", type=int, default=400)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=int, default=30, help="how long each load runs")
    parser.add_argument("--think", type=float, default=1.0, help="visitors' mean think time, seconds")
    parser.add_argument(
        "--ramp-up", type=float, default=10.0, help="seconds of connecting visitors not measured"
    )
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4, help="gunicorn threads per worker (keep-alive)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--saturation", action="store_true", help="also load back to back with wrk")
    args = parser.parse_args()
    if args.saturation and not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk (or run without --saturation)")

    url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/maillage_prog_bench")
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MAILLAGE_DEMO": "1",
        "DJANGO_SETTINGS_MODULE": "maillage.settings",
    }
    os.environ.update(env)
    began = time.perf_counter()
    load(args.activities, args.seed)
    print(f"loaded {args.activities} activities in {time.perf_counter() - began:.1f} s", file=sys.stderr)

    port = free_port()
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "maillage.wsgi", "-b", f"127.0.0.1:{port}", "-w", str(args.workers),
         "-k", "gthread", "--threads", str(args.threads), "--keep-alive", "30", "--backlog", "1024",
         "--log-level", "warning"],
        env=env, cwd=REPO,
    )  # fmt: skip
    rows = []
    try:
        wait_ready(port)
        run_python(port, 10, 300)  # warm every worker and its cache
        cpu_before = tree_cpu_seconds(server.pid)
        result = run_python(
            port, args.clients, 10**7, think=args.think, seconds=args.seconds, ramp_up=args.ramp_up
        )
        server_cpu = tree_cpu_seconds(server.pid) - cpu_before  # the ramp-up's requests are in it too
        rows.append((f"visitors (think {args.think:g} s)", *result))
        if args.saturation:
            rows.append(("saturation (wrk)", *run_wrk(port, args.clients, args.seconds)))
    finally:
        server.terminate()
        server.wait(timeout=20)
    print(
        f"PostgreSQL, {args.activities} activities, gunicorn {args.workers} workers x {args.threads} threads"
    )
    print(
        f"{'load':26} {'clients':>8} {'requests':>9} {'req/s':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}"
    )
    for label, requests, p50, p95, p99, errors in rows:
        print(
            f"{label:26} {args.clients:>8} {requests:>9} {requests / args.seconds:>7.0f} {p50:>8.1f} {p95:>8.1f}"
            f" {p99:>8.1f} {errors:>7}"
        )
    print(
        f"gunicorn CPU time during the visitors' run (ramp-up included): {server_cpu:.1f} s, "
        f"{server_cpu * 1000 / max(rows[0][1], 1):.1f} ms per measured request (an upper bound; its own work, "
        "less distorted by the machine's other load than latencies)"
    )
    visitors_p95 = rows[0][3]
    print(f"target p95 < 100 ms for 200 visitors: {'met' if visitors_p95 < 100 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
