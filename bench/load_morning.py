"""The morning of the forum: 200 participants reload their B2B agenda while the organiser re-runs the
scheduler and republishes, again and again (PostgreSQL, gunicorn, a Celery worker on a private Redis when
redis-server is installed, else the app's job thread).

    .venv/bin/python bench/load_morning.py --participants 200 --rounds 3 --time-limit 5

Every agenda page names its meetings (`id="meeting-<pk>"`); after each publication the benchmark reads from
the database which meetings each participant has in that version. Every page seen must be exactly one
version of that participant's agenda (the old or the new), never a mix, and never an error.
Target: 0 errors, 0 mixed agendas.
"""

import argparse
import asyncio
import datetime as dt
import itertools
import random
import re
import sys
import time
from unittest import mock

from load_common import (
    Client,
    django_setup,
    fresh_database,
    gunicorn,
    load_average,
    percentiles,
    redis_and_worker,
    session_cookie,
)


def load(participants: int, rng: random.Random):
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    from maillage.accounts.models import User
    from maillage.directory import services as directory
    from maillage.matchmaking import services
    from maillage.matchmaking.models import B2BSession

    organiser = User.objects.create_user("organiser@bench.example", None, role=User.Role.ORGANISER)
    day = timezone.localdate() + dt.timedelta(days=1)
    session = services.b2b_session_create(
        organiser=organiser,
        name="Forum du matin",
        days=[day],
        parts=[services.DayPartSpec("am", dt.time(9), dt.time(12, 30))],
        tables=40,
        timezone_name="America/Toronto",
        status=B2BSession.Status.OPEN,
        max_meetings=8,
    )
    organisation = directory.organisation_create(name="Banc d'essai", kind="company")
    people = []
    # Loading ranks no recommendations (each registration would queue a ranking of the whole session):
    # they are not what is measured here.
    quiet = mock.patch.object(services, "recommendations_refresh_later", return_value=None)
    quiet.start()
    for n in range(participants):
        user = User.objects.create_user(f"p{n:04d}@bench.example", None, name=f"Pers{n:04d} Bench")
        person = directory.person_create(
            first_name=f"Pers{n:04d}",
            last_name="Bench",
            email=user.email,
            organisation=organisation,
            user=user,
        )
        people.append(
            services.participant_register(
                session=session, person=person, offers="Capteurs", needs="Distributeurs", by_organiser=True
            )
        )
    for i, sender in enumerate(people):
        for j in rng.sample(range(participants), 6):
            if j != i:
                try:
                    request = services.meeting_request_organiser_add(sender=sender, recipient=people[j])
                    if request.status == request.Status.PENDING:
                        services.meeting_request_accept(request=request, notify=False)
                except ValidationError:  # already asked the other way
                    continue
    quiet.stop()
    cookies = [session_cookie(p.person.user) for p in people]
    return session, organiser, people, cookies


THINK = 2.0  # seconds a participant reads their agenda before reloading it (mean); --think


def versions_now(session) -> dict[int, frozenset[int]]:
    """Each participant's meetings on their agenda (published and not cancelled, as the agenda reads them),
    on a connection of its own (committed data only, whatever thread asks)."""
    import os

    import psycopg

    mine: dict[int, set[int]] = {}
    with psycopg.connect(os.environ["DATABASE_URL"]) as conn:
        rows = conn.execute(
            "SELECT m.id, r.sender_id, r.recipient_id FROM matchmaking_meeting m"
            " JOIN matchmaking_meetingrequest r ON r.id = m.request_id"
            " WHERE m.session_id = %s AND m.published AND m.status <> 'cancelled'",
            [session.pk],
        ).fetchall()
    for pk, a, b in rows:
        mine.setdefault(a, set()).add(pk)
        mine.setdefault(b, set()).add(pk)
    return {k: frozenset(v) for k, v in mine.items()}


async def reader(port, slug, participant_pk, cookie, stop, seen, latencies, errors, rng):
    client = Client(port, cookie)
    try:
        while not stop.is_set():
            status, body, ms = await client.request("GET", f"/b2b/{slug}/mon-agenda/")
            latencies.append(ms)
            if status != 200:
                errors.append(("agenda", participant_pk, status))
            else:
                seen.append(
                    (participant_pk, frozenset(int(m) for m in re.findall(r'id="meeting-(\d+)"', body)))
                )
            await asyncio.sleep(rng.uniform(0, 2 * THINK))
    except Exception as error:  # counted and shown
        errors.append(("client", participant_pk, repr(error)))
    finally:
        client.close()


async def organiser_loop(
    port, slug, cookie, rounds, time_limit, stop, session, versions, errors, timings, pairs, cancels
):
    client = Client(port, cookie)
    try:
        for _round in range(rounds):
            began = time.perf_counter()
            for request_pk in cancels.pop():  # the organiser cancels meetings: the next agendas differ
                status, _body, _ms = await client.request(
                    "POST", f"/b2b/{slug}/gestion/demandes/{request_pk}/annuler/", {}
                )
                if status not in (200, 302):
                    errors.append(("request cancel", status))
                versions.append(
                    await asyncio.to_thread(versions_now, session)
                )  # each cancellation: a version
            for sender, recipient in pairs.pop():  # and adds requests
                status, _body, _ms = await client.request(
                    "POST",
                    f"/b2b/{slug}/gestion/demandes/",
                    {"sender": sender, "recipient": recipient, "priority": "2"},
                )
                if status not in (200, 302):
                    errors.append(("request add", status))
            status, body, _ms = await client.request("POST", f"/b2b/{slug}/planification/", {})
            run = re.search(r"/planification/(\d+)/", client.location)
            if run is None:
                errors.append(("run start", status, client.location))
                break
            run_id = run.group(1)
            while True:  # the run page until the run is done
                await asyncio.sleep(1)
                status, body, _ms = await client.request("GET", f"/b2b/{slug}/planification/{run_id}/")
                if f"/planification/{run_id}/publier/" in body or status != 200:
                    break
                if "run-failed" in body or time.perf_counter() - began > time_limit * 10 + 120:
                    errors.append(("run did not finish", run_id))
                    break
            status, _body, _ms = await client.request(
                "POST", f"/b2b/{slug}/planification/{run_id}/publier/", {"confirm": "1"}
            )
            if status not in (200, 302):
                errors.append(("publish", status))
            status, body, _ms = await client.request("GET", f"/b2b/{slug}/planification/{run_id}/")
            if f"/planification/{run_id}/publier/" in body:  # still offered: the publication was refused
                errors.append(("publish refused", run_id))
            versions.append(await asyncio.to_thread(versions_now, session))
            timings.append(time.perf_counter() - began)
    except Exception as error:  # counted and shown
        errors.append(("organiser", repr(error)))
    finally:
        stop.set()
        client.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3, help="re-runs and republications")
    parser.add_argument("--time-limit", type=float, default=5, help="the scheduler's time limit per run")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--think", type=float, default=2.0, help="participants' mean time between reloads, s")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    global THINK
    THINK = args.think
    rng = random.Random(args.seed)
    env = django_setup(fresh_database("maillage_load_morning"), MAILLAGE_JOBS="thread")
    began = time.perf_counter()
    session, organiser, people, cookies = load(args.participants, rng)
    from maillage.matchmaking import services

    run = services.scheduling_run_start(session=session, user=organiser, time_limit=args.time_limit)
    services.scheduling_run_execute(run_id=run.pk)
    run.refresh_from_db()
    services.scheduling_run_publish(run=run, notify=False)
    versions = [versions_now(session)]
    organiser_cookie = session_cookie(organiser)
    print(f"loaded and published in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    from maillage.matchmaking.models import SchedulingRun

    SchedulingRun.objects.filter(session=session).update()  # nothing pending
    from maillage.matchmaking.models import MeetingRequest

    asked = set(MeetingRequest.objects.filter(session=session).values_list("sender", "recipient"))
    pairs = []
    for _round in range(args.rounds):
        chosen = []
        while len(chosen) < 10:
            a, b = rng.sample([p.pk for p in people], 2)
            if (a, b) not in asked and (b, a) not in asked:
                asked.add((a, b))
                chosen.append((a, b))
        pairs.append(chosen)
    scheduled = list(
        MeetingRequest.objects.filter(session=session, meetings__published=True).values_list("pk", flat=True)
    )
    rng.shuffle(scheduled)
    cancels = [scheduled[10 * n : 10 * n + 10] for n in range(args.rounds)]
    seen: list = []
    latencies: list[float] = []
    errors: list = []
    timings: list[float] = []
    before = load_average()
    with (
        redis_and_worker(env) as app_env,
        gunicorn(app_env, workers=args.workers, threads=args.threads) as port,
    ):
        mode = "Celery worker" if app_env.get("CELERY_BROKER_URL") else "job thread"

        async def morning():
            stop = asyncio.Event()
            await asyncio.gather(
                organiser_loop(port, session.slug, organiser_cookie, args.rounds, args.time_limit, stop, session,
                               versions, errors, timings, pairs, cancels),
                *(reader(port, session.slug, p.pk, c, stop, seen, latencies, errors, random.Random(n))
                  for n, (p, c) in enumerate(zip(people, cookies, strict=True))),
            )  # fmt: skip

        started = time.perf_counter()
        asyncio.run(morning())
        elapsed = time.perf_counter() - started
    mixed = sum(1 for pk, meetings in seen if all(meetings != v.get(pk, frozenset()) for v in versions))
    changed = sum(1 for a, b in itertools.pairwise(versions) if a != b)
    p50, p95, p99 = percentiles(latencies)
    print(f"PostgreSQL, gunicorn {args.workers} workers x {args.threads} threads, runs by the {mode}")
    print(f"before: {before}; after: {load_average()}")
    print(
        f"{len(people)} participants reloading for {elapsed:.0f} s while {len(timings)} runs were made and "
        f"published ({changed} changed the agendas; run to publication {', '.join(f'{t:.0f}' for t in timings)} s)"
    )
    print(
        f"{len(seen)} agenda pages, {len(latencies) / elapsed:.0f}/s, p50 {p50:.0f} ms, p95 {p95:.0f} ms, "
        f"p99 {p99:.0f} ms; errors {len(errors)}; mixed agendas {mixed}"
    )
    for error in errors[:5]:
        print("  error:", error)
    for pk, meetings in [(pk, m) for pk, m in seen if all(m != v.get(pk, frozenset()) for v in versions)][:3]:
        nearest = min((v.get(pk, frozenset()) for v in versions), key=lambda v: len(v ^ meetings))
        print(f"  participant {pk}: page {sorted(meetings)}, nearest version {sorted(nearest)}")
    print(f"target (0 errors, never a mix): {'met' if not errors and not mixed and timings else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
