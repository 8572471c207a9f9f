"""Submissions at the deadline (PostgreSQL): 50 speakers submit at once, seconds before the call closes.

    .venv/bin/python bench/cfp_deadline.py --speakers 50 --rounds 3 --seed 1

Builds the PostgreSQL database maillage_bench_cfp afresh (BENCH_POSTGRES_URL to use another server): an
edition, a call whose deadline falls a few seconds after the burst starts, its formats and a required
question, and one account per speaker. Each round, `--speakers` threads (each with its own database
connection and Django test client, logged in) wait at a barrier, then post the submission form at the same
instant (every other one with a PDF of slides); the round's proposals are then counted. A last round starts
after the deadline: every post must be refused and nothing saved. Prints, per round: errors (a status other
than the redirect to the new proposal), proposals lost (answered as saved but not in the database), the
latency p50/p95/max and the load average. Target: no error, no lost proposal.
"""

import argparse
import os
import sys
import threading
import time

from load_common import pages_database, percentiles_text


def _burst(users, call, question, tag: str) -> tuple[list[int], list[float], list[str]]:
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.db import connection
    from django.test import Client

    barrier = threading.Barrier(len(users))
    codes: list[int] = [0] * len(users)
    times: list[float] = [0.0] * len(users)
    titles = [f"{tag} proposition {n}" for n in range(len(users))]
    session_type = call.session_types.first().pk
    track = call.edition.tracks.first().pk
    url = f"/propositions/{call.edition.slug}/soumettre/"

    def speaker(n: int) -> None:
        client = Client()
        client.force_login(users[n])
        data = {
            "title": titles[n],
            "abstract": "Résumé de la proposition, quelques phrases.",
            "description": "Plan détaillé. " * 50,
            "session_type": session_type,
            "track": track,
            "audience": "both",
            "language": "fr",
            "notes": "",
            f"question_{question.pk}": "Expert",
        }
        if n % 2:
            data["slides"] = SimpleUploadedFile("slides.pdf", b"%PDF-1.4\n" + b"0" * 200_000 + b"\n%%EOF\n")
        try:
            barrier.wait()
            begin = time.perf_counter()
            response = client.post(url, data)
            times[n] = time.perf_counter() - begin
            codes[n] = response.status_code
        finally:
            connection.close()

    threads = [threading.Thread(target=speaker, args=(n,)) for n in range(len(users))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return codes, times, titles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--speakers", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pages_database("maillage_bench_cfp")
    import django

    django.setup()
    import datetime as dt
    import tempfile

    from django.conf import settings
    from django.core.files.storage import FileSystemStorage
    from django.core.management import call_command
    from django.test.utils import setup_test_environment
    from django.utils import timezone

    from maillage.accounts.models import User
    from maillage.programme import services as programme_services
    from maillage.proposals import services
    from maillage.proposals.models import Proposal

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
    uploads = FileSystemStorage(location=tempfile.mkdtemp(prefix="cfp-bench-"))
    for name in ("slides", "picture"):
        Proposal._meta.get_field(name).storage = uploads
    setup_test_environment()
    call_command("migrate", verbosity=0)
    today = timezone.localdate()
    edition = programme_services.edition_create(
        name="Semaine (échéance)", slug="echeance", start_date=today + dt.timedelta(days=100),
        end_date=today + dt.timedelta(days=102),
    )  # fmt: skip
    programme_services.track_create(edition=edition, name_fr="IA")
    now = timezone.now()
    call = services.call_create(
        edition=edition, opens=now - dt.timedelta(days=1), deadline=now + dt.timedelta(hours=1)
    )
    services.session_type_add(call=call, name_fr="Conférence", duration=30)
    question = services.question_add(
        call=call, text_fr="Niveau", kind="choice", choices="Débutant\nExpert", required=True
    )
    users = [
        User.objects.create_user(f"speaker{n}@example.org", "x", name=f"Speaker {n}")
        for n in range(args.speakers)
    ]
    for person_user in users:
        services.person_for_user(person_user)
    print(
        f"PostgreSQL, {args.speakers} concurrent speakers (threads, test client); load {os.getloadavg()[0]:.2f}"
    )
    failures = 0
    for round_number in range(args.rounds):
        # The deadline falls a few seconds after the burst starts: the last seconds of the call.
        call = services.call_update(call=call, deadline=timezone.now() + dt.timedelta(seconds=20))
        codes, times, titles = _burst(users, call, question, f"R{round_number}")
        saved = set(Proposal.objects.filter(title__in=titles).values_list("title", flat=True))
        errors = sum(code != 302 for code in codes)
        lost = sum(code == 302 and title not in saved for code, title in zip(codes, titles, strict=True))
        failures += errors + lost
        print(
            f"round {round_number + 1}: {len(saved)}/{len(titles)} saved, {errors} errors, {lost} lost; "
            f"{percentiles_text(times)}; load {os.getloadavg()[0]:.2f}"
        )
    # After the deadline: every submission refused (the page redirects to the call), nothing saved.
    call = services.call_update(call=call, deadline=timezone.now() + dt.timedelta(seconds=1))
    time.sleep(1.5)
    codes, times, titles = _burst(users, call, question, "late")
    late = Proposal.objects.filter(title__in=titles).count()
    failures += late
    print(
        f"after the deadline: {late} saved (0 expected), statuses {sorted(set(codes))}; load {os.getloadavg()[0]:.2f}"
    )
    print("OK: no error, no lost proposal" if failures == 0 else f"FAILED: {failures} problems")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
