"""Directory search on 10,000 organisations, on SQLite and on PostgreSQL: ranking quality and time.

    .venv/bin/python bench/directory_search.py --db sqlite --organisations 10000 --seed 1
    .venv/bin/python bench/directory_search.py --db postgres --organisations 10000 --seed 1

Builds a fresh database (a temporary SQLite file, or the PostgreSQL database maillage_bench), loads the
generated ecosystem through the real import code, then runs every query as the directory page does (filters,
count for the paginator, first page of 24, sectors prefetched) and measures:

- exact name first: every organisation's name typed without accents ("Web a Quebec (WAQ)"); a hit when the first
  result has that name, accents, case and punctuation aside. Several organisations may share a name (the
  generator repeats some): any of them first is a hit, and the figure says how many names are shared;
- typo in the top 3: for --typos organisations (seeded), one word of 5+ letters of the name gets one edit (a
  letter replaced, deleted, inserted, or two neighbours swapped, in turn) and the name is typed without accents;
  a hit when an organisation of that name is among the first three;
- median and p95 times of all those searches and of a fixed list of everyday queries.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import unicodedata

QUERIES = [
    ("one word, accents folded", {"query": "numerique"}),
    ("two words", {"query": "objets connectes"}),
    ("English words", {"query": "machine learning"}),
    ("stemmed plural", {"query": "incubateurs"}),
    ("typo", {"query": "numerik"}),
    ("word + kind filter", {"query": "capteurs", "kind": "company"}),
    ("sector filter only", {"sector": "iot"}),
    ("region + sector", {"region": "fr-occitanie", "sector": "ai"}),
    ("no match", {"query": "zzzyxw"}),
    ("no filter (page 1)", {}),
]
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def without_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def one_typo(word: str, kind: int, rng: random.Random) -> str:
    """One edit of ``word``, never at its first letter (people rarely miss that one), always a change."""
    i = rng.randrange(1, len(word) - 1)
    if kind == 0:
        return word[:i] + rng.choice([c for c in LETTERS if c != word[i].lower()]) + word[i + 1 :]
    if kind == 1:
        return word[:i] + word[i + 1 :]
    if kind == 2:
        return word[:i] + rng.choice(LETTERS) + word[i:]
    if word[i] == word[i + 1]:
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[int(q * (len(ordered) - 1))]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    parser.add_argument("--organisations", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--names", type=int, default=0, help="names to type (default 0: every organisation)")
    parser.add_argument("--typos", type=int, default=2000, help="names typed with a typo")
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

    from maillage.demo.directory import directory_demo_load as demo_load
    from maillage.directory.models import Organisation
    from maillage.directory.search import name_key
    from maillage.directory.selectors import OrganisationFilters, organisations_search

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    demo_load(organisations=args.organisations, people=args.organisations // 10, seed=args.seed)
    load_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")  # as autovacuum would, after the import's updates

    def search(params: dict) -> tuple[int, list[str], float]:
        t0 = time.perf_counter()
        page = organisations_search(OrganisationFilters(**params), page=1)
        count = page.paginator.count
        names = [o.name for o in page.object_list]
        for organisation in page.object_list:  # what the page shows: the sectors, prefetched
            list(organisation.sectors.all())
        return count, names, (time.perf_counter() - t0) * 1000

    print(f"database: {connection.vendor}, organisations: {args.organisations}, load: {load_seconds:.1f} s")
    print(f"{'query':<28} {'results':>8} {'median ms':>10} {'p95 ms':>8}")
    search({"query": "warm up"})
    for label, params in QUERIES:
        timings = []
        for _ in range(args.repeat):
            count, _names, ms = search(params)
            timings.append(ms)
        print(f"{label:<28} {count:>8} {statistics.median(timings):>10.1f} {percentile(timings, 0.95):>8.1f}")

    rng = random.Random(args.seed)
    names = list(Organisation.objects.order_by("pk").values_list("name", flat=True))
    keys = [name_key(n) for n in names]
    shared = len(keys) - len(set(keys))
    sample = names if not args.names else rng.sample(names, min(args.names, len(names)))
    hits, timings, misses = 0, [], []
    for name in sample:
        _count, found, ms = search({"query": without_accents(name)})
        timings.append(ms)
        if found and name_key(found[0]) == name_key(name):
            hits += 1
        else:
            misses.append((name, found[:3]))
    print(
        f"exact name first: {hits}/{len(sample)} ({100 * hits / len(sample):.2f} %), "
        f"{shared} organisations share a name with another; "
        f"median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
    )
    for name, found in misses[:10]:
        print(f"  missed {name!r}: {found}")

    candidates = [n for n in names if any(len(w) >= 5 and w.isalpha() for w in without_accents(n).split())]
    typo_sample = rng.sample(candidates, min(args.typos, len(candidates)))
    hits, timings, misses = 0, [], []
    for k, name in enumerate(typo_sample):
        typed = without_accents(name).split()
        positions = [i for i, w in enumerate(typed) if len(w) >= 5 and w.isalpha()]
        i = rng.choice(positions)
        typed[i] = one_typo(typed[i], k % 4, rng)
        _count, found, ms = search({"query": " ".join(typed)})
        timings.append(ms)
        if any(name_key(f) == name_key(name) for f in found[:3]):
            hits += 1
        else:
            misses.append((name, " ".join(typed), found[:3]))
    print(
        f"typo in the top 3: {hits}/{len(typo_sample)} ({100 * hits / len(typo_sample):.2f} %); "
        f"median {statistics.median(timings):.1f} ms, p95 {percentile(timings, 0.95):.1f} ms"
    )
    for name, typed, found in misses[:10]:
        print(f"  missed {name!r} typed {typed!r}: {found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
