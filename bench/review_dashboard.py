"""The review pages of a large call for proposals (PostgreSQL): 1,000 proposals × 3 reviews.

    .venv/bin/python bench/review_dashboard.py --proposals 1000 --reviews 3 --reviewers 30 --pages 50 --seed 1

Builds the PostgreSQL database maillage_bench_proposals afresh (BENCH_POSTGRES_URL to use another server), then
with bulk inserts: an edition with 6 tracks, a call with 4 formats and a question, 200 organisations, one
speaker per proposal (a directory person with an account), reviewers assigned to 2 or 3 tracks each, and
`--reviews` reviews per proposal by reviewers of its track who are not in conflict with it. Then it requests,
with Django's test client, in-process, logged in: the organisers' progress dashboard, the organisers' list of
proposals with their score aggregates (best mean first, and filtered by track), and a reviewer's list; and
prints p50, p95, max and the queries per request. Target: dashboard p95 < 200 ms.
"""

import argparse
import os
import random
import sys
import time

from load_common import pages_database, percentiles_text


def _build(proposals: int, reviews: int, reviewers: int, seed: int):
    import datetime as dt

    from django.db import transaction
    from django.utils import timezone

    from maillage.accounts.models import User
    from maillage.directory.models import Organisation, Person
    from maillage.programme import services as programme_services
    from maillage.proposals import services
    from maillage.proposals.models import Proposal, ProposalSpeaker, Review, Reviewer

    rng = random.Random(seed)
    today = timezone.localdate()
    with transaction.atomic():
        edition = programme_services.edition_create(
            name="Semaine numérique (banc d'essai)",
            slug="banc",
            start_date=today + dt.timedelta(days=120),
            end_date=today + dt.timedelta(days=124),
        )
        tracks = [
            programme_services.track_create(edition=edition, name_fr=f"Thème {n}", slug=f"theme-{n}")
            for n in range(6)
        ]
        now = timezone.now()
        call = services.call_create(
            edition=edition, opens=now - dt.timedelta(days=30), deadline=now + dt.timedelta(days=1)
        )
        types = [
            services.session_type_add(call=call, name_fr=name, duration=minutes)
            for name, minutes in (("Conférence", 30), ("Atelier", 90), ("Panel", 60), ("Démo", 15))
        ]
        services.question_add(call=call, text_fr="Niveau", kind="choice", choices="Débutant\nExpert")
        organisations = Organisation.objects.bulk_create(
            [Organisation(name=f"Organisation {n}", slug=f"organisation-{n}") for n in range(200)]
        )
        organiser = User.objects.create_user("bench-organiser@example.org", "x", role=User.Role.ORGANISER)
        users = User.objects.bulk_create(
            [
                User(email=f"speaker{n}@example.org", name=f"Speaker {n}", password="!")
                for n in range(proposals)
            ]
            + [
                User(email=f"reviewer{n}@example.org", name=f"Reviewer {n}", password="!")
                for n in range(reviewers)
            ]
        )
        speakers, reviewer_users = users[:proposals], users[proposals:]
        people = Person.objects.bulk_create(
            [
                Person(
                    first_name=u.name.split()[0],
                    last_name=u.name.split()[1],
                    email=u.email,
                    user=u,
                    organisation=rng.choice(organisations),
                )
                for u in users
            ]
        )
        organisation_of = {p.user_id: p.organisation_id for p in people}
        made = Proposal.objects.bulk_create(
            [
                Proposal(
                    call=call,
                    submitter=u,
                    title=f"Proposition {n}",
                    abstract="Résumé " * 20,
                    session_type=rng.choice(types),
                    track=rng.choice(tracks),
                    language=rng.choice(["fr", "en"]),
                )
                for n, u in enumerate(speakers)
            ]
        )
        ProposalSpeaker.objects.bulk_create(
            [
                ProposalSpeaker(
                    proposal=p, user=u, person_id=people[n].pk, name=u.name, email=u.email, accepted=now
                )
                for n, (p, u) in enumerate(zip(made, speakers, strict=True))
            ]
        )
        by_track: dict[int, list] = {t.pk: [] for t in tracks}
        for n, u in enumerate(reviewer_users):
            reviewer = Reviewer.objects.create(call=call, user=u)
            chosen = rng.sample(tracks, 2 + n % 2)
            reviewer.tracks.set(chosen)
            for t in chosen:
                by_track[t.pk].append(u)
        rows = []
        for p in made:
            eligible = [
                u for u in by_track[p.track_id] if organisation_of[u.pk] != organisation_of[p.submitter_id]
            ]
            for u in rng.sample(eligible, min(reviews, len(eligible))):
                rows.append(Review(proposal=p, reviewer=u, score=rng.randint(-2, 2), comment="Avis"))
        Review.objects.bulk_create(rows, batch_size=2000)
    return organiser, call, tracks, reviewer_users


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--proposals", type=int, default=1000)
    parser.add_argument("--reviews", type=int, default=3)
    parser.add_argument("--reviewers", type=int, default=30)
    parser.add_argument("--pages", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pages_database("maillage_bench_proposals")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from maillage.proposals.models import Review

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    setup_test_environment()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    organiser, call, tracks, reviewers = _build(args.proposals, args.reviews, args.reviewers, args.seed)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"built {call.proposals.count()} proposals, {Review.objects.count()} reviews, {len(reviewers)} reviewers "
        f"in {time.perf_counter() - started:.1f} s; load {os.getloadavg()[0]:.2f}"
    )
    slug = call.edition.slug
    pages = {
        "dashboard": (organiser, [f"/propositions/{slug}/gestion/tableau/"]),
        "proposals list (100 a page, best mean first)": (
            organiser,
            [f"/propositions/{slug}/gestion/"]
            + [f"/propositions/{slug}/gestion/?track={t.slug}" for t in tracks],
        ),
        "reviewer's list": (reviewers[0], [f"/propositions/{slug}/evaluation/"]),
    }
    for label, (user, urls) in pages.items():
        client = Client()
        client.force_login(user)
        client.get(urls[0])  # warm-up (templates, connection)
        times, queries = [], []
        for n in range(args.pages):
            with CaptureQueriesContext(connection) as captured:
                begin = time.perf_counter()
                response = client.get(urls[n % len(urls)])
                times.append(time.perf_counter() - begin)
            assert response.status_code == 200, response.status_code
            queries.append(len(captured))
        print(f"{label} ({args.pages} requests): {percentiles_text(times)}; {max(queries)} queries; "
              f"load {os.getloadavg()[0]:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
