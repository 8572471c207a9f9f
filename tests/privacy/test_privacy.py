import csv
import dataclasses
import datetime as dt
import io
import json
import zipfile

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from maillage.accounts.models import KnownDevice, User
from maillage.common.models import AuditEvent
from maillage.directory.models import Person
from maillage.matchmaking.models import MeetingOutcome, MeetingRequest, Participant
from maillage.matchmaking.selectors import session_report
from maillage.missions import models as missions_models
from maillage.missions.models import Application, Delegate
from maillage.missions.selectors import mission_figures
from maillage.privacy import services
from maillage.privacy.models import ErasureRequest, ListingConsent
from maillage.programme.models import Activity, Speaker
from tests.factories import PASSWORD, OrganiserFactory, PersonFactory

pytestmark = pytest.mark.django_db


# The page


def test_the_privacy_page_is_public_and_says_the_retention_periods(client):
    response = client.get(reverse("privacy:policy"))
    page = response.content.decode()
    assert response.status_code == 200
    assert response.context["notes_months"] == settings.MAILLAGE_RETAIN_MEETING_NOTES_MONTHS
    assert f"{settings.MAILLAGE_RETAIN_MEETING_NOTES_MONTHS} " in page
    assert "Personne anonymisée" in page
    assert reverse("privacy:policy") in client.get(reverse("home")).content.decode()  # linked from the footer


def test_the_privacy_page_says_an_emails_text_goes_once_sent(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get(reverse("privacy:policy")).content.decode()
    assert "Its text is deleted once it is sent" in page
    assert f"the record (address, subject, date) {settings.MAILLAGE_RETAIN_EMAILS_DAYS} days after" in page


# Access: one's own data


def test_a_person_downloads_all_their_data_as_json(client, world):
    client.force_login(world.alice)
    response = client.get(reverse("privacy:my_data_export", args=["json"]))
    assert response["Content-Disposition"].startswith('attachment; filename="maillage-my-data-')
    data = json.loads(response.content)
    assert data["account"][0]["email"] == "alice.fortin@example.org"
    assert data["person"][0]["phone"] == "+1 418 555 0199"
    assert data["organisation"][0]["name"] == world.a.person.organisation.name
    assert [p["offers"] for p in data["b2b_participations"]] == ["Capteurs d'Alice"]
    assert [(r["direction"], r["message"]) for r in data["b2b_requests"]] == [
        ("sent", "Message privé d'Alice")
    ]
    assert [m["status"] for m in data["b2b_meetings"]] == ["held"]
    assert [(o["outcome"], o["notes"]) for o in data["b2b_outcomes"]] == [("lead", "Notes privées d'Alice")]
    assert [s["biography_fr"] for s in data["speaker_profiles"]] == ["Biographie d'Alice"]
    assert len(data["favourites"]) == 2
    assert [a["phone"] for a in data["mission_applications"]] == ["+33 6 00 00 00 00"]
    assert [d["diet"] for d in data["mission_delegations"]] == ["Végétarienne"]
    assert [t["text"] for t in data["mission_testimonials"]] == ["Témoignage d'Alice"]
    # Nobody else's private data rides along.
    assert world.b.person.email not in response.content.decode()
    event = AuditEvent.objects.get(action="privacy.data_exported")
    assert (event.actor, event.params) == (world.alice, {"format": "json"})


def test_the_csv_download_has_one_sheet_per_section_safe_for_spreadsheets(client, world):
    Person.objects.filter(pk=world.a.person.pk).update(role='=HYPERLINK("http://x")')
    client.force_login(world.alice)
    response = client.get(reverse("privacy:my_data_export", args=["csv"]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert {"account.csv", "person.csv", "b2b_requests.csv", "mission_applications.csv"} <= set(
        archive.namelist()
    )
    [row] = list(csv.DictReader(io.StringIO(archive.read("person.csv").decode("utf-8-sig"))))
    assert row["job_title"] == '\'=HYPERLINK("http://x")'
    assert row["last_name"] == "Fortin"


def test_the_data_pages_need_a_log_in(client):
    assert client.get(reverse("privacy:my_data")).status_code == 302
    assert client.get(reverse("privacy:my_data_export", args=["json"])).status_code == 302


# Consent to be listed


def test_the_choice_to_be_listed_is_kept_with_its_date_and_way(client, member):
    person = member.person
    client.force_login(member)
    client.post(reverse("privacy:my_data"), {})  # box unticked: not listed
    client.post(reverse("privacy:my_data"), {})  # the same again: nothing new to record
    person.refresh_from_db()
    assert person.is_listed is False
    [consent] = ListingConsent.objects.filter(person=person)
    assert (consent.listed, consent.source, consent.recorded_by) == (False, "person", member)
    assert abs(consent.created - timezone.now()) < dt.timedelta(minutes=1)
    client.post(reverse("privacy:my_data"), {"listed": "on"})
    assert list(ListingConsent.objects.filter(person=person).values_list("listed", flat=True)) == [
        True,
        False,
    ]


# Erasure


def _programme_counts(activities: list[Activity]) -> list[tuple[int, int]]:
    return [
        (a.favourites.count(), a.speakers.count())
        for a in Activity.objects.filter(pk__in=[x.pk for x in activities])
    ]


def _report_figures(session) -> dict:
    report = dataclasses.asdict(session_report(session))
    report["rows"] = [{k: v for k, v in row.items() if k not in ("a", "b")} for row in report["rows"]]
    return report


def _every_text() -> str:
    quote = connection.ops.quote_name
    parts = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {quote(table)}")  # noqa: S608 - names from introspection
            parts.extend(repr(row) for row in cursor.fetchall())
    return "\n".join(parts)


def test_a_member_asks_for_erasure_and_an_organiser_anonymises_them_everywhere(client, world):
    before = (
        _report_figures(world.session),
        _programme_counts(world.activities),
        mission_figures(world.mission),
    )
    assert "alice.fortin@example.org" in _every_text()
    client.force_login(world.alice)
    client.post(reverse("privacy:erasure_ask"))
    client.force_login(world.organiser)
    listed = client.get(reverse("privacy:erasure_list"))
    assert [r.user for r in listed.context["pending"]] == [world.alice]
    confirm = client.get(reverse("privacy:person_erase", args=[world.a.person.pk]))
    assert confirm.status_code == 200
    client.post(reverse("privacy:person_erase", args=[world.a.person.pk]))

    # Every report keeps its figures.
    after = (
        _report_figures(world.session),
        _programme_counts(world.activities),
        mission_figures(world.mission),
    )
    assert after == before
    # Nothing identifies Alice any more, anywhere in the database.
    everything = _every_text()
    for trace in (
        "alice.fortin@example.org",
        "Fortin",
        "+1 418 555 0199",
        "+33 6 00 00 00 00",
        "Message privé d'Alice",
        "Notes privées d'Alice",
        "Biographie d'Alice",
        "Témoignage d'Alice",
        "Capteurs d'Alice",
        "Végétarienne",
    ):
        assert trace not in everything, trace
    person = Person.objects.get(pk=world.a.person.pk)
    assert (person.full_name, person.email, person.phone, person.is_listed) == (
        "Personne anonymisée",
        None,
        "",
        False,
    )
    user = User.objects.get(pk=world.alice.pk)
    assert (user.is_active, user.has_usable_password(), user.name) == (False, False, "Personne anonymisée")
    assert Participant.objects.get(pk=world.a.pk).offers == ""
    assert MeetingRequest.objects.get(sender=world.a).message == ""
    assert MeetingOutcome.objects.get(participant=world.a).notes == ""
    assert Speaker.objects.get(person=person).bio_fr == ""
    assert Application.objects.get(pk=world.application.pk).full_name == "Personne anonymisée"
    assert Delegate.objects.get(pk=world.delegate.pk).diet == ""
    assert missions_models.Testimonial.objects.get(delegate=world.delegate).published is False
    # Others keep theirs.
    assert Participant.objects.get(pk=world.b.pk).person.email == world.b.person.email
    assert MeetingRequest.objects.get(sender=world.b).message == "Bonjour"
    assert ErasureRequest.objects.get(user=user).status == "done"
    assert AuditEvent.objects.filter(action="privacy.person_anonymised", actor=world.organiser).count() == 1
    # The old password no longer opens anything.
    client.logout()
    response = client.post(
        reverse("accounts:login"), {"username": "alice.fortin@example.org", "password": PASSWORD}
    )
    assert response.status_code == 200


def test_an_organiser_cannot_erase_their_own_data(client):
    organiser = OrganiserFactory()
    person = PersonFactory(user=organiser, email=organiser.email)
    client.force_login(organiser)
    client.post(reverse("privacy:person_erase", args=[person.pk]))
    person.refresh_from_db()
    assert person.email == organiser.email


def test_members_cannot_erase_anyone(member_client):
    victim = PersonFactory()
    assert member_client.post(reverse("privacy:person_erase", args=[victim.pk])).status_code == 403
    assert member_client.get(reverse("privacy:erasure_list")).status_code == 403
    victim.refresh_from_db()
    assert victim.first_name == "Julie"


def test_a_request_can_be_withdrawn(client, member):
    client.force_login(member)
    client.post(reverse("privacy:erasure_ask"))
    client.post(reverse("privacy:erasure_ask"))  # twice: one request
    assert ErasureRequest.objects.filter(user=member, status="pending").count() == 1
    client.post(reverse("privacy:erasure_withdraw"))
    assert list(ErasureRequest.objects.filter(user=member).values_list("status", flat=True)) == ["cancelled"]


# Retention


def test_retention_clears_old_notes_and_unselected_applications_and_keeps_the_rest(world):
    from maillage.missions.models import Mission

    services.listing_consent_record(person=world.a.person, listed=True, source="person")
    later = timezone.now() + dt.timedelta(days=150)  # the session is about four months ahead
    assert services.retention_apply(now=later)["meeting_notes"] == 0
    two_years_after = later + dt.timedelta(days=31 * settings.MAILLAGE_RETAIN_MEETING_NOTES_MONTHS)

    past = world.mission
    Mission.objects.filter(pk=past.pk).update(start_date=dt.date(2025, 1, 10), end_date=dt.date(2025, 1, 15))
    declined = Application.objects.create(
        mission=past,
        first_name="Paul",
        last_name="Roy",
        email="paul@example.org",
        organisation_name="X",
        organisation_country="CA",
        objectives="…",
        status=Application.Status.DECLINED,
    )
    Application.objects.filter(pk=world.application.pk).update(status=Application.Status.SELECTED)
    old_device = KnownDevice.objects.create(
        user=world.alice, fingerprint="f", label="x", last_seen=timezone.now()
    )
    KnownDevice.objects.filter(pk=old_device.pk).update(last_seen=timezone.now() - dt.timedelta(days=800))

    AccessAttempt.objects.create(
        username="x@example.org",
        ip_address="192.0.2.1",
        user_agent="",
        failures_since_start=2,
        attempt_time=timezone.now() - dt.timedelta(days=2),
        get_data="",
        post_data="",
        http_accept="",
        path_info="/",
    )
    done = services.retention_apply(now=two_years_after)
    assert done["meeting_notes"] == 1
    assert MeetingOutcome.objects.filter(notes="").count() == 2
    assert not Application.objects.filter(pk=declined.pk).exists()
    assert Application.objects.filter(pk=world.application.pk).exists()  # selected: kept
    assert not KnownDevice.objects.filter(pk=old_device.pk).exists()
    assert done["login_attempts"] == 1
    assert AuditEvent.objects.filter(action="privacy.retention_applied").count() == 1


def test_retention_deletes_expired_sessions_and_keeps_live_ones(client, world):
    from django.contrib.sessions.models import Session

    client.force_login(world.alice)  # a live session
    Session.objects.create(
        session_key="expired" + "x" * 25, session_data="", expire_date=timezone.now() - dt.timedelta(days=1)
    )
    done = services.retention_apply()
    assert done["sessions"] == 1
    assert Session.objects.count() == 1
    assert client.get(reverse("privacy:my_data")).status_code == 200  # still logged in


@pytest.mark.django_db(transaction=True)
def test_retention_is_all_or_nothing(world, monkeypatch):
    """A rule that fails undoes the rules applied before it, and nothing is recorded as done."""
    two_years_after = timezone.now() + dt.timedelta(
        days=150 + 31 * settings.MAILLAGE_RETAIN_MEETING_NOTES_MONTHS
    )
    noted = MeetingOutcome.objects.exclude(notes="").count()
    assert noted

    def broken(now):
        raise RuntimeError("the session table is locked")

    monkeypatch.setattr(services, "_sessions_expired_delete", broken)
    with pytest.raises(RuntimeError):
        services.retention_apply(now=two_years_after)
    assert MeetingOutcome.objects.exclude(notes="").count() == noted
    assert not AuditEvent.objects.filter(action="privacy.retention_applied").exists()


def test_retention_runs_daily_and_from_the_command(capsys):
    assert (
        settings.CELERY_BEAT_SCHEDULE["privacy-retention"]["task"]
        == "maillage.privacy.tasks.retention_apply_task"
    )
    call_command("privacy_retention")
    assert "meeting_notes: 0" in capsys.readouterr().out


def test_a_member_sees_their_data_page(client, world):
    client.force_login(world.alice)
    response = client.get(reverse("privacy:my_data"))
    assert response.status_code == 200
    counts = dict(response.context["sections"])
    assert counts["Demandes de rencontre B2B"] == 1
