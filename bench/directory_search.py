"""Directory search time on 10,000 organisations, on SQLite and on PostgreSQL.

    .venv/bin/python bench/directory_search.py --db sqlite --organisations 10000 --seed 1
    .venv/bin/python bench/directory_search.py --db postgres --organisations 10000 --seed 1

Builds a fresh database (a temporary SQLite file, or the PostgreSQL database maillage_bench), loads the
generated ecosystem through the real import code, then runs each query as the directory page does
(filters, count for the paginator, first page of 24) and prints median and p95 times.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time

QUERIES = [
    ("one word, accents folded", {"query": "numerique"}),
    ("two words", {"query": "objets connectes"}),
    ("English words", {"query": "machine learning"}),
    ("stemmed plural", {"query": "incubateurs"}),
    ("word + kind filter", {"query": "capteurs", "kind": "company"}),
    ("sector filter only", {"sector": "iot"}),
    ("region + sector", {"region": "fr-occitanie", "sector": "ai"}),
    ("no match", {"query": "zzzyxw"}),
    ("no filter (page 1)", {}),
]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    if args.db == "postgres":
        url = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/maillage_bench")
        import psycopg

        admin = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute("DROP DATABASE IF EXISTS maillage_bench")
            conn.execute("CREATE DATABASE maillage_bench")
        os.environ["DATABASE_URL"] = url
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ.setdefault("MAILLAGE_DEMO", "1")
    os.environ["DJANGO_SETTINGS_MODULE"] = "maillage.settings"

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from maillage.directory.demo import demo_load
    from maillage.directory.selectors import OrganisationFilters, organisations_search

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    demo_load(organisations=args.organisations, people=args.organisations // 10, seed=args.seed)
    load_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    print(f"database: {connection.vendor}, organisations: {args.organisations}, load: {load_seconds:.1f} s")
    print(f"{'query':<28} {'results':>8} {'median ms':>10} {'p95 ms':>8}")
    for label, params in QUERIES:
        filters = OrganisationFilters(**params)
        timings = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            page = organisations_search(filters, page=1)
            count = page.paginator.count
            rows = [o.name for o in page.object_list] + [
                s.slug for o in page.object_list for s in o.sectors.all()
            ]
            timings.append((time.perf_counter() - t0) * 1000)
        assert rows is not None
        timings.sort()
        p95 = timings[int(0.95 * (len(timings) - 1))]
        print(f"{label:<28} {count:>8} {statistics.median(timings):>10.1f} {p95:>8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
