"""The corridor dashboard over ten years of missions, and a delegate's booklet (PostgreSQL).

    .venv/bin/python bench/missions_dashboard.py --missions 200 --delegates 5000 --meetings 50000 --pages 50 --seed 1

Builds the PostgreSQL database maillage_bench_missions afresh (BENCH_POSTGRES_URL to use another server),
loads the directory's generated ecosystem (its regions and corridors), then with bulk inserts: missions over
ten years on the corridors, their delegates, itineraries (visits, travel legs, a B2B item), one B2B session
per mission with its published meetings (held, no-shows, outcomes), discoveries, leads and answered
follow-up surveys. Then it requests the dashboard (`--pages` times, all corridors and each corridor in turn)
and a delegate's booklet PDF (20 delegates) with Django's test client, in-process, logged in, and prints p50,
p95, max and the queries per request. Targets: dashboard p95 < 200 ms, booklet < 2 s.
"""

import argparse
import os
import random
import sys
import time

from load_common import pages_database, percentiles_text


def _build(missions: int, delegates: int, meetings: int, seed: int):
    import datetime as dt
    from zoneinfo import ZoneInfo

    from django.db import transaction

    from maillage.accounts.models import User
    from maillage.demo.directory import directory_demo_load as demo_load
    from maillage.directory.models import Corridor, Organisation, Person
    from maillage.matchmaking.models import (
        B2BSession,
        DayPart,
        Meeting,
        MeetingOutcome,
        MeetingRequest,
        Participant,
        SchedulingRun,
        Slot,
        Table,
    )
    from maillage.missions.models import Delegate, Discovery, FollowUpSurvey, ItineraryItem, Lead, Mission

    rng = random.Random(seed)
    paris, quebec = ZoneInfo("Europe/Paris"), ZoneInfo("America/Toronto")
    demo_load(organisations=400, people=0, seed=seed)
    organiser = User.objects.create_user("bench-organiser@example.org", "x", role=User.Role.ORGANISER)
    corridors = list(Corridor.objects.all())
    organisations = list(Organisation.objects.all())
    per_mission = delegates // missions
    meetings_per = meetings // missions
    with transaction.atomic():
        rows = []
        for n in range(missions):
            start = dt.date(2017, 1, 15) + dt.timedelta(days=int(n * 3650 / missions))
            rows.append(
                Mission(
                    direction=rng.choice(["outbound", "inbound"]),
                    title_fr=f"Mission {n}",
                    slug=f"mission-{n}",
                    start_date=start,
                    end_date=start + dt.timedelta(days=6),
                    corridor=corridors[n % len(corridors)],
                    status="finished",
                    is_public=True,
                    created_by=organiser,
                )
            )
        mission_rows = Mission.objects.bulk_create(rows)
        people = Person.objects.bulk_create(
            [
                Person(
                    first_name="Délégué",
                    last_name=str(i),
                    email=f"d{i}@bench.example",
                    organisation=rng.choice(organisations),
                )
                for i in range(per_mission * missions)
            ]
            + [
                Person(
                    first_name="Hôte",
                    last_name=str(i),
                    email=f"h{i}@bench.example",
                    organisation=rng.choice(organisations),
                )
                for i in range(per_mission * missions)
            ],
            batch_size=2000,
        )
        delegate_people, host_people = people[: per_mission * missions], people[per_mission * missions :]
        delegate_rows = Delegate.objects.bulk_create(
            [
                Delegate(mission=m, person=delegate_people[k * per_mission + i], role="delegate")
                for k, m in enumerate(mission_rows)
                for i in range(per_mission)
            ],
            batch_size=2000,
        )
        for k, mission in enumerate(mission_rows):
            session = B2BSession.objects.create(
                name=f"B2B {k}",
                slug=f"b2b-{k}",
                organiser=organiser,
                timezone="Europe/Paris",
                status="closed",
            )
            day = mission.start_date + dt.timedelta(days=2)
            part = DayPart.objects.create(
                session=session,
                date=day,
                part="am",
                start=dt.datetime.combine(day, dt.time(9), tzinfo=paris),
                end=dt.datetime.combine(day, dt.time(18), tzinfo=paris),
            )
            slots = Slot.objects.bulk_create(
                [
                    Slot(
                        session=session,
                        day_part=part,
                        start=part.start + dt.timedelta(minutes=25 * s),
                        end=part.start + dt.timedelta(minutes=25 * s + 20),
                    )
                    for s in range(20)
                ]
            )
            tables = Table.objects.bulk_create(
                [Table(session=session, number=t + 1) for t in range(meetings_per // 20 + 1)]
            )
            ours = Participant.objects.bulk_create(
                [
                    Participant(session=session, person=delegate_people[k * per_mission + i])
                    for i in range(per_mission)
                ]
            )
            theirs = Participant.objects.bulk_create(
                [
                    Participant(session=session, person=host_people[k * per_mission + i])
                    for i in range(per_mission)
                ]
            )
            pairs = [(a, b) for a in ours for b in theirs]
            rng.shuffle(pairs)
            requests = MeetingRequest.objects.bulk_create(
                [
                    MeetingRequest(session=session, sender=a, recipient=b, status="accepted")
                    for a, b in pairs[:meetings_per]
                ]
            )
            run = SchedulingRun.objects.create(session=session, status="done", published=part.end)
            made = Meeting.objects.bulk_create(
                [
                    Meeting(
                        session=session,
                        request=r,
                        run=run,
                        slot=slots[i % 20],
                        table=tables[i // 20],
                        published=True,
                        status="held" if rng.random() < 0.85 else "no_show",
                    )
                    for i, r in enumerate(requests)
                ]
            )
            MeetingOutcome.objects.bulk_create(
                [
                    MeetingOutcome(
                        meeting=m,
                        participant=m.request.sender,
                        outcome=rng.choice(["lead", "follow_up", "partnership", "nothing"]),
                    )
                    for m in made
                    if m.status == "held" and rng.random() < 0.4
                ]
            )
            visited = rng.sample(organisations, 6)
            base = dt.datetime.combine(mission.start_date, dt.time(9), tzinfo=paris)
            items = [
                ItineraryItem(
                    mission=mission,
                    kind="travel",
                    start=dt.datetime.combine(mission.start_date, dt.time(7), tzinfo=quebec)
                    - dt.timedelta(hours=12),
                    end=base - dt.timedelta(hours=1),
                    city="Québec",
                    timezone="America/Toronto",
                    arrival_city="Paris",
                    arrival_timezone="Europe/Paris",
                )
            ]
            items += [
                ItineraryItem(
                    mission=mission,
                    kind="visit",
                    organisation=org,
                    start=base + dt.timedelta(days=d // 2, hours=4 * (d % 2)),
                    end=base + dt.timedelta(days=d // 2, hours=4 * (d % 2) + 2),
                    city="Paris",
                    timezone="Europe/Paris",
                )
                for d, org in enumerate(visited)
            ]
            items.append(
                ItineraryItem(
                    mission=mission,
                    kind="b2b",
                    b2b_session=session,
                    start=part.start,
                    end=part.end,
                    city="Paris",
                    timezone="Europe/Paris",
                )
            )
            ItineraryItem.objects.bulk_create(items)
            Discovery.objects.bulk_create(
                [
                    Discovery(mission=mission, organisation=org, favourite=rng.random() < 0.3)
                    for org in rng.sample(organisations, 5)
                ]
            )
            Lead.objects.bulk_create(
                [
                    Lead(
                        mission=mission,
                        kind=rng.choice(["invite", "partnership", "business"]),
                        title="Piste",
                        organisation=rng.choice(visited + organisations[:50]),
                    )
                    for _ in range(6)
                ]
            )
        FollowUpSurvey.objects.bulk_create(
            [
                FollowUpSurvey(
                    mission_id=d.mission_id,
                    delegate=d,
                    wave=wave,
                    due=dt.date(2017, 1, 1),
                    sent=dt.datetime(2017, 1, 1, tzinfo=paris),
                    answered=dt.datetime(2017, 1, 2, tzinfo=paris) if rng.random() < 0.5 else None,
                    contract=rng.random() < 0.2,
                    hire=rng.random() < 0.1,
                    office_abroad=rng.random() < 0.05,
                    hosted_startup=rng.random() < 0.05,
                )
                for d in delegate_rows
                for wave in (3, 6)
            ],
            batch_size=2000,
        )
    user = User.objects.create_user("bench-delegate@example.org", "x")
    first = delegate_rows[0]
    Person.objects.filter(pk=first.person_id).update(user=user)
    return organiser, corridors, mission_rows, delegate_rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--missions", type=int, default=200)
    parser.add_argument("--delegates", type=int, default=5000)
    parser.add_argument("--meetings", type=int, default=50000)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pages_database("maillage_bench_missions")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from maillage.matchmaking.models import Meeting

    # Pages link their static files by name: no collected manifest is needed to time them.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    organiser, corridors, missions, delegates = _build(
        args.missions, args.delegates, args.meetings, args.seed
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"built {len(missions)} missions, {len(delegates)} delegates, {Meeting.objects.count()} meetings "
        f"in {time.perf_counter() - started:.1f} s; load {os.getloadavg()[0]:.2f}"
    )
    client = Client()
    client.force_login(organiser)
    urls = ["/missions/corridors/"] + [f"/missions/corridors/?corridor={c.pk}" for c in corridors]
    client.get(urls[0])  # warm-up (templates, connection)
    times, queries = [], []
    for n in range(args.pages):
        with CaptureQueriesContext(connection) as captured:
            begin = time.perf_counter()
            response = client.get(urls[n % len(urls)])
            times.append(time.perf_counter() - begin)
        assert response.status_code == 200, response.status_code
        queries.append(len(captured))
    print(
        f"dashboard ({args.pages} requests): {percentiles_text(times)}; {max(queries)} queries; load {os.getloadavg()[0]:.2f}"
    )
    booklet_times = []
    for delegate in delegates[:: max(1, len(delegates) // 20)][:20]:
        url = f"/missions/{delegate.mission.slug}/livret.pdf?delegate={delegate.pk}"
        begin = time.perf_counter()
        response = client.get(url)
        booklet_times.append(time.perf_counter() - begin)
        assert response.status_code == 200
        assert response.content.startswith(b"%PDF")
    print(f"booklet (20 delegates): {percentiles_text(booklet_times)}; load {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
