"""B2B pages at forum scale: a participant's agenda and recommendations, 3,000 participants, 24,000 requests.

    .venv/bin/python bench/matchmaking_pages.py --participants 3000 --requests 24000 --pages 200 --seed 1

Builds the PostgreSQL database maillage_bench_mm afresh (BENCH_POSTGRES_URL to use another server), loads the
directory's generated ecosystem, then a two-day session with bulk inserts: participants with their
organisation's offers, needs and sectors; requests (70 % accepted, 20 % waiting, 10 % declined); a published
schedule placed greedily (every hard rule kept: one meeting per person and per table in a slot). The
recommendations are ranked once by the real background service (timed). Then it requests each page for
`--pages` different participants with Django's test client, in-process (no network), logged in as them, and
prints p50, p95, max and the queries per request. Target: p95 under 150 ms.
"""

import argparse
import random
import sys
import time

from load_common import pages_database, percentiles


def _forum(participants: int, requests: int, seed: int):
    import datetime as dt

    from django.contrib.auth.hashers import make_password

    from maillage.accounts.models import User
    from maillage.demo.directory import directory_demo_load as demo_load
    from maillage.directory.models import Organisation, Person
    from maillage.matchmaking import services
    from maillage.matchmaking.models import (
        LookingFor,
        Meeting,
        MeetingRequest,
        Participant,
        SchedulingRun,
    )

    rng = random.Random(seed)
    demo_load(organisations=max(300, participants // 2), people=0, seed=seed)
    organiser = User.objects.create_user("bench-organiser@example.org", "x", role=User.Role.ORGANISER)
    session = services.b2b_session_create(
        organiser=organiser,
        name="Forum 3000",
        days=[dt.date(2027, 6, 1), dt.date(2027, 6, 2)],
        parts=[
            services.DayPartSpec("am", dt.time(9), dt.time(12)),
            services.DayPartSpec("pm", dt.time(14), dt.time(17)),
        ],
        tables=participants // 4,
        timezone_name="Europe/Paris",
        status="published",
    )
    organisations = list(Organisation.objects.prefetch_related("sectors").order_by("pk"))
    password = make_password(None)
    users = User.objects.bulk_create(
        User(email=f"p{n}@bench.example.org", name=f"Person {n}", password=password)
        for n in range(participants)
    )
    people = Person.objects.bulk_create(
        Person(
            first_name=f"Prénom{n}",
            last_name=f"Nom{n}",
            organisation=organisations[n % len(organisations)],
            languages=rng.choice([["fr"], ["fr", "en"], ["en"]]),
            email=user.email,
            user=user,
        )
        for n, user in enumerate(users)
    )
    members = Participant.objects.bulk_create(
        Participant(
            session=session,
            person=person,
            organisation=person.organisation,
            offers=person.organisation.offers,
            needs=person.organisation.needs,
            languages=person.languages,
            looking_for=rng.sample(LookingFor.values, 2),
        )
        for person in people
    )
    through = Participant.sectors.through
    through.objects.bulk_create(
        through(participant_id=m.pk, sector_id=s.pk) for m in members for s in m.organisation.sectors.all()
    )
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < requests:
        a, b = rng.sample(range(participants), 2)
        if (b, a) not in pairs:
            pairs.add((a, b))
    statuses = ["accepted"] * 7 + ["pending"] * 2 + ["declined"]
    made = MeetingRequest.objects.bulk_create(
        (
            MeetingRequest(
                session=session,
                sender=members[a],
                recipient=members[b],
                priority=rng.choice([1, 1, 2, 3]),
                status=rng.choice(statuses),
                message="Bonjour",
            )
            for a, b in sorted(pairs)
        ),
        batch_size=2000,
    )
    run = SchedulingRun.objects.create(
        session=session, requested_by=organiser, status="done", published=session.created
    )
    slots = list(session.slots.order_by("start"))
    tables = list(session.tables.order_by("number"))
    busy: set[tuple[int, int]] = set()
    used = [0] * len(slots)
    meetings = []
    for request in made:
        if request.status != "accepted":
            continue
        for index, slot in enumerate(slots):
            if (
                used[index] < len(tables)
                and not {
                    (request.sender_id, slot.pk),
                    (request.recipient_id, slot.pk),
                }
                & busy
            ):
                busy |= {(request.sender_id, slot.pk), (request.recipient_id, slot.pk)}
                meetings.append(
                    Meeting(
                        session=session,
                        request=request,
                        run=run,
                        slot=slot,
                        table=tables[used[index]],
                        published=True,
                        version=1,
                    )
                )
                used[index] += 1
                break
    Meeting.objects.bulk_create(meetings, batch_size=2000)
    return session, members, len(made), len(meetings)


def _measure(client, url: str) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        response = client.get(url)
        elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    return elapsed, len(queries.captured_queries)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=3000)
    parser.add_argument("--requests", type=int, default=24_000)
    parser.add_argument("--pages", type=int, default=200, help="requests per page (one participant each)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    pages_database("maillage_bench_mm")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from maillage.matchmaking import recommendations

    setup_test_environment()  # the test client's host, in-memory e-mail
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    session, members, request_count, meeting_count = _forum(args.participants, args.requests, args.seed)
    load = time.perf_counter() - started
    started = time.perf_counter()
    recommendations.recommendations_refresh(session=session)
    ranking = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"database: {connection.vendor}, participants: {len(members)}, requests: {request_count}, "
        f"published meetings: {meeting_count}, load: {load:.1f} s, "
        f"recommendations ranked (background task): {ranking:.1f} s"
    )
    rng = random.Random(args.seed)
    chosen = rng.sample(members, min(args.pages, len(members)))
    client = Client()
    print(f"{'page':<16} {'requests':>8} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'queries':>8}")
    for name in ("agenda", "recommendations"):
        url = reverse(f"matchmaking:{name}", args=[session.slug])
        client.force_login(chosen[0].person.user)
        client.get(url)  # warm-up (templates, connections)
        timings, queries = [], []
        for participant in chosen:
            client.force_login(participant.person.user)
            elapsed, count = _measure(client, url)
            timings.append(elapsed)
            queries.append(count)
        p50, p95, _ = percentiles(timings)
        print(f"{name:<16} {len(timings):>8} {p50:>8.1f} {p95:>8.1f} {max(timings):>8.1f} {max(queries):>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
