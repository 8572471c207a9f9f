"""The request deadline rush: 500 participants send, accept and decline B2B meeting requests in the last
minutes before the deadline, the 10 minutes compressed into --window seconds (PostgreSQL, gunicorn).

    .venv/bin/python bench/load_deadline.py --participants 500 --sends 3 --window 60
    .venv/bin/python bench/load_deadline.py --participants 500 --sends 3 --shape rush --windows 600,300,120,60

Each participant is a client with its own keep-alive connection and session: it sends its planned requests
(the request form, as the participants page posts it), opens its requests page, and answers the requests it
received (accept, decline, or leave pending) at planned moments, all before the deadline. At the end the
database must hold every planned request once (none lost, none doubled) in the planned state.
Target: 0 errors, 0 lost or doubled requests, p95 < 300 ms.

--shape uniform (the default, the first measure): requests sent at even odds over the first 60% of the window,
each answered 2 s to 35% of the window later. --shape rush: the rate rises toward the deadline, as people
leave it to the last minutes: each answer (and each request left unanswered) is drawn with a density growing
linearly from 0 at the window's start, an answered request sent 2 s to a tenth of the window before its answer;
the last tenth carries about 1.6 times the mean rate, the busiest 10 s about twice; all before the deadline. The literal scenario is --window 600 --shape
rush: 10 real minutes. --windows runs several windows one after the other, each on a fresh database.
"""

import argparse
import asyncio
import datetime as dt
import random
import re
import sys
import time
from collections import Counter
from unittest import mock

from load_common import (
    SERVER_PIDS,
    Client,
    django_setup,
    fresh_database,
    gunicorn,
    load_average,
    percentiles,
    redis_and_worker,
    session_cookie,
    tree_cpu_seconds,
)


def load(participants: int, window: float):
    from django.utils import timezone

    from maillage.accounts.models import User
    from maillage.directory import services as directory
    from maillage.matchmaking import services
    from maillage.matchmaking.models import B2BSession

    organiser = User.objects.create_user("organiser@bench.example", None, role=User.Role.ORGANISER)
    day = timezone.localdate() + dt.timedelta(days=30)
    session = services.b2b_session_create(
        organiser=organiser,
        name="Forum de la ruée",
        days=[day],
        parts=[services.DayPartSpec("am", dt.time(9), dt.time(17))],
        tables=60,
        timezone_name="America/Toronto",
        status=B2BSession.Status.OPEN,
        max_meetings=12,
        request_deadline=timezone.now() + dt.timedelta(seconds=window + 600),
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
        participant = services.participant_register(
            session=session, person=person, offers="Capteurs", needs="Distributeurs", by_organiser=True
        )
        people.append((participant.pk, f"Pers{n:04d} Bench", session_cookie(user)))
    quiet.stop()
    return session, people


def plan(
    people: list,
    sends: int,
    window: float,
    accept: float,
    decline: float,
    rng: random.Random,
    shape: str = "uniform",
):
    """Every request to send (sender, recipient, at) and its answer ("accept", "decline", None, at)."""
    pairs: set[tuple[int, int]] = set()
    actions = []
    n = len(people)
    for i in range(n):
        for _ in range(sends):
            for _try in range(20):
                j = rng.randrange(n)
                if j != i and (i, j) not in pairs and (j, i) not in pairs:
                    break
            else:
                continue
            pairs.add((i, j))
            if shape == "uniform":
                at = rng.uniform(0, window * 0.6)
                draw = rng.random()
                answer = "accept" if draw < accept else "decline" if draw < accept + decline else None
                actions.append((i, j, at, answer, at + rng.uniform(2, window * 0.35)))
                continue
            # rush: density 2t/W on [0, W] (t = W·sqrt(u)); an answer is drawn so, its request sent 2 s to a
            # tenth of the window before it: sends and answers together keep about the rising density.
            draw = rng.random()
            answer = "accept" if draw < accept else "decline" if draw < accept + decline else None
            last = window * 0.995  # before the deadline
            moment = min(window * rng.random() ** 0.5, last)
            if answer is None:
                actions.append((i, j, moment, None, 0.0))
            else:
                actions.append((i, j, max(0.0, moment - rng.uniform(2, window * 0.1)), answer, moment))
    return actions


def offered(actions) -> list[float]:
    """The moments of the planned HTTP requests: a send is one, an answer two (the requests page, the answer)."""
    moments = [at for _i, _j, at, _a, _t in actions]
    moments += [t for _i, _j, _at, answer, t in actions if answer for _twice in range(2)]
    return sorted(moments)


def busiest(moments: list[float], span: float = 10.0) -> float:
    """Requests per second in the busiest `span` seconds (a sliding window over sorted moments)."""
    best, start = 0, 0
    for end, moment in enumerate(moments):
        while moment - moments[start] > span:
            start += 1
        best = max(best, end - start + 1)
    return best / span


async def participant(
    port, slug, me, people, mine_sends, mine_answers, sent_events, latencies, errors, t0, done
):
    _pk, _name, cookie = people[me]
    client = Client(port, cookie)
    timeline = [(at, "send", j, None) for (_i, j, at, _a, _t) in mine_sends]
    timeline += [(at_answer, "answer", i, answer) for (i, _j, _at, answer, at_answer) in mine_answers]
    timeline.sort(key=lambda t: t[0])
    try:
        for at, kind, other, answer in timeline:
            await asyncio.sleep(max(0.0, t0 + at - time.perf_counter()))
            if kind == "send":
                recipient = people[other][0]
                status, body, ms = await client.request(
                    "POST", f"/b2b/{slug}/participants/{recipient}/demander/",
                    {"message": f"Rencontrons-nous ({me}->{other})", "priority": "1"}, {"HX-Request": "true"},
                )  # fmt: skip
                latencies.append(ms)
                done.append(time.perf_counter() - t0)
                by_kind["send"].append(ms)
                if status != 200 or 'class="error' in body or "errorlist" in body:
                    errors.append(("send", me, other, status, body[:200]))
                sent_events[(me, other)].set()
            else:
                await sent_events[(other, me)].wait()  # the request exists before its recipient answers it
                status, body, ms = await client.request("GET", f"/b2b/{slug}/demandes/")
                latencies.append(ms)
                done.append(time.perf_counter() - t0)
                by_kind["requests page"].append(ms)
                if status != 200:
                    errors.append(("page", me, status))
                    continue
                sender_name = people[other][1]
                found = re.findall(r'id="request-row-(\d+)">\s*<h3>([^<·]+)', body)
                ids = [rid for rid, name in found if name.strip() == sender_name]
                if not ids:
                    errors.append(("missing on the requests page", me, other))
                    continue
                status, body, ms = await client.request(
                    "POST", f"/b2b/{slug}/demandes/{ids[0]}/repondre/", {"answer": answer}, {"HX-Request": "true"}
                )  # fmt: skip
                latencies.append(ms)
                done.append(time.perf_counter() - t0)
                by_kind["answer"].append(ms)
                if status != 200:
                    errors.append(("answer", me, other, status, body[:200]))
    except Exception as error:  # counted and shown
        errors.append(("client", me, repr(error)))
    finally:
        client.close()


by_kind: dict[str, list[float]] = {"send": [], "requests page": [], "answer": []}


def check(session, people, actions) -> tuple[int, int, int]:
    """(lost, doubled, wrong state) against the plan."""
    from maillage.matchmaking.models import MeetingRequest

    index = {pk: i for i, (pk, _n, _c) in enumerate(people)}
    rows = Counter()
    states = {}
    for sender, recipient, status in MeetingRequest.objects.filter(session=session).values_list(
        "sender", "recipient", "status"
    ):
        key = (index[sender], index[recipient])
        rows[key] += 1
        states[key] = status
    planned = {(i, j): answer for i, j, _at, answer, _t in actions}
    lost = sum(1 for key in planned if rows[key] == 0)
    doubled = sum(c - 1 for c in rows.values() if c > 1) + sum(1 for key in rows if key not in planned)
    expected = {None: "pending", "accept": "accepted", "decline": "declined"}
    wrong = sum(1 for key, answer in planned.items() if rows[key] and states[key] != expected[answer])
    return lost, doubled, wrong


def measure(args, window: float, env: dict | None) -> tuple[dict, dict]:
    """One rush on a fresh database: (env, the figures of its summary line)."""
    rng = random.Random(args.seed)
    if env is None:
        env = django_setup(fresh_database("maillage_load_deadline"))
    else:  # a later window: the same database name, dropped and made again
        from django.core.management import call_command
        from django.db import connections

        connections.close_all()
        fresh_database("maillage_load_deadline")
        call_command("migrate", verbosity=0)
    for values in by_kind.values():
        values.clear()
    began = time.perf_counter()
    session, people = load(args.participants, window)
    actions = plan(people, args.sends, window, args.accept, args.decline, rng, args.shape)
    print(f"loaded {len(people)} participants in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    by_sender = {i: [] for i in range(len(people))}
    by_recipient = {i: [] for i in range(len(people))}
    for action in actions:
        by_sender[action[0]].append(action)
        if action[3]:
            by_recipient[action[1]].append(action)
    latencies: list[float] = []
    done: list[float] = []
    errors: list = []
    before = load_average()
    with (
        redis_and_worker(env) as app_env,
        gunicorn(app_env, workers=args.workers, threads=args.threads) as port,
    ):
        # Warm every worker (imports, templates) before the rush is measured.
        async def warm():
            clients = [Client(port, people[n][2]) for n in range(args.workers * args.threads)]
            await asyncio.gather(*(c.request("GET", f"/b2b/{session.slug}/demandes/") for c in clients))
            for c in clients:
                c.close()

        asyncio.run(warm())

        async def run():
            events = {(i, j): asyncio.Event() for i, j, *_rest in actions}
            t0 = time.perf_counter() + 1
            await asyncio.gather(
                *(
                    participant(port, session.slug, me, people, by_sender[me], by_recipient[me], events,
                                latencies, errors, t0, done)
                    for me in range(len(people))
                )
            )  # fmt: skip

        cpu_before = tree_cpu_seconds(SERVER_PIDS[port])
        started = time.perf_counter()
        asyncio.run(run())
        elapsed = time.perf_counter() - started
        server_cpu = tree_cpu_seconds(SERVER_PIDS[port]) - cpu_before
    after = load_average()
    lost, doubled, wrong = check(session, people, actions)
    p50, p95, p99 = percentiles(latencies)
    answers = sum(1 for a in actions if a[3])
    moments = offered(actions)
    offered_peak, served_peak = busiest(moments), busiest(sorted(done))
    cpu_ms = server_cpu * 1000 / max(len(latencies), 1)
    print(
        f"PostgreSQL, gunicorn {args.workers} workers x {args.threads} threads; before: {before}; after: {after}"
    )
    print(
        f"{len(people)} participants, {len(actions)} requests sent and {answers} answered in {elapsed:.0f} s "
        f"(window {window:g} s, shape {args.shape}): {len(latencies)} HTTP requests, {len(latencies) / elapsed:.0f}/s"
    )
    last_tenth = sum(1 for m in moments if m >= window * 0.9) / (window * 0.1)
    print(
        f"offered: {len(moments) / window:.1f}/s on average, {last_tenth:.1f}/s in the window's last tenth, "
        f"{offered_peak:.1f}/s in the busiest 10 s; "
        f"served: {served_peak:.1f}/s in the busiest 10 s"
    )
    print(
        f"gunicorn CPU time: {server_cpu:.1f} s, {cpu_ms:.1f} ms per HTTP request "
        "(its own work: less distorted by the machine's other load than latencies)"
    )
    print(
        f"p50 {p50:.0f} ms, p95 {p95:.0f} ms, p99 {p99:.0f} ms; errors {len(errors)}; lost {lost}, doubled {doubled}, wrong state {wrong}"
    )
    for kind, values in by_kind.items():
        k50, k95, _k99 = percentiles(values)
        print(f"  {kind}: {len(values)}, p50 {k50:.0f} ms, p95 {k95:.0f} ms")
    for error in errors[:5]:
        print("  error:", error)
    met = not errors and not lost and not doubled and not wrong and p95 < 300
    print(f"target (0 errors, 0 lost or doubled, p95 < 300 ms): {'met' if met else 'NOT met'}", flush=True)
    figures = {
        "window": window, "offered_mean": len(moments) / window, "offered_peak": offered_peak,
        "served_peak": served_peak, "p50": p50, "p95": p95, "cpu_ms": cpu_ms,
        "errors": len(errors), "lost": lost, "doubled": doubled, "wrong": wrong, "met": met,
        "load": f"{before.split(' (')[0]} -> {after.split(' (')[0].removeprefix('load average ')}",
    }  # fmt: skip
    return env, figures


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--sends", type=int, default=3, help="requests each participant sends")
    parser.add_argument("--window", type=float, default=60, help="seconds standing for the last 10 minutes")
    parser.add_argument(
        "--windows",
        default="",
        help="several windows, one run each on a fresh database (e.g. 600,300,120,60)",
    )
    parser.add_argument(
        "--shape", choices=["uniform", "rush"], default="uniform",
        help="uniform: sends even over the window's first 60%% (the first measure); rush: rising to the deadline",
    )  # fmt: skip
    parser.add_argument("--accept", type=float, default=0.5)
    parser.add_argument("--decline", type=float, default=0.3)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    windows = [float(w) for w in args.windows.split(",")] if args.windows else [args.window]
    env, rows = None, []
    for window in windows:
        if len(windows) > 1:
            print(f"--- window {window:g} s", flush=True)
        env, figures = measure(args, window, env)
        rows.append(figures)
    if len(rows) > 1:
        print(f"shape {args.shape}, gunicorn {args.workers} x {args.threads}:")
        print("window s | offered /s mean, busiest 10 s | served busiest 10 s | p50 ms | p95 ms | CPU ms/req | "
              "errors lost doubled wrong | target | load average")  # fmt: skip
        for f in rows:
            print(
                f"{f['window']:g} | {f['offered_mean']:.1f}, {f['offered_peak']:.1f} | {f['served_peak']:.1f} | "
                f"{f['p50']:.0f} | {f['p95']:.0f} | {f['cpu_ms']:.1f} | {f['errors']} {f['lost']} {f['doubled']} "
                f"{f['wrong']} | {'met' if f['met'] else 'NOT met'} | {f['load']}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
