"""Recording a session that already took place, from the organisers' spreadsheet: all rows or none."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from maillage.common.tabular import read_table
from maillage.directory.imports import ImportRejected
from maillage.matchmaking import selectors
from maillage.matchmaking.history import b2b_session_history_import
from maillage.matchmaking.models import B2BSession, Meeting, MeetingOutcome, MeetingRequest, Participant
from tests.factories import PersonFactory

from .factories import session_make

pytestmark = pytest.mark.django_db
PAST = dt.date.today() - dt.timedelta(days=40)


@pytest.fixture
def past(db):
    from maillage.matchmaking import services
    from tests.factories import OrganiserFactory

    return services.b2b_session_create(
        organiser=OrganiserFactory(),
        name="Mission passée",
        days=[PAST],
        parts=[services.DayPartSpec("am", dt.time(9), dt.time(10))],
        tables=2,
        status=B2BSession.Status.CLOSED,
    )


@pytest.fixture
def people(db):
    return [PersonFactory(email=f"p{n}@example.org") for n in range(4)]


def sheet(rows: list[str]):
    header = "day,start,table,participant_a,participant_b,status,outcome_a,outcome_b,notes_a,notes_b"
    return read_table(("\n".join([header, *rows]) + "\n").encode(), "history.csv")


def test_a_good_file_becomes_the_published_checked_in_agenda_with_outcomes(past, people):
    day = PAST.isoformat()
    result = b2b_session_history_import(
        session=past,
        sheet=sheet(
            [
                f"{day},09:00,1,p0@example.org,P1@Example.org,tenue,lead,Un partenariat,,à rappeler",
                f"{day},09:00,2,p2@example.org,p3@example.org,no-show,,,,",
                f"{day},09:25,1,p0@example.org,p2@example.org,,contract,,,",
            ]
        ),
        user=past.organiser,
    )
    assert (result.meetings, result.held, result.participants_added, result.outcomes) == (3, 2, 4, 3)
    assert Participant.objects.filter(session=past).count() == 4
    assert MeetingRequest.objects.filter(session=past, status="accepted").count() == 3
    statuses = sorted(Meeting.objects.filter(session=past, published=True).values_list("status", flat=True))
    assert statuses == ["held", "held", "no_show"]
    assert sorted(MeetingOutcome.objects.values_list("outcome", "notes")) == [
        ("contract", ""),
        ("lead", ""),
        ("partnership", "à rappeler"),
    ]
    report = selectors.session_report(past)
    assert (report.scheduled, report.held, report.no_show) == (3, 2, 1)
    past.refresh_from_db()
    assert past.status == B2BSession.Status.CLOSED


def test_a_file_with_bad_rows_is_rejected_whole_naming_row_and_column(past, people):
    day = PAST.isoformat()
    rows = [
        f"{day},09:00,1,p0@example.org,p1@example.org,held,,,,",
        f"{day},09:10,1,p0@example.org,p2@example.org,held,,,,",  # no slot starts at 09:10
        f"{day},09:00,7,p2@example.org,p3@example.org,held,,,,",  # no table 7
        f"{day},09:00,2,p0@example.org,nobody@example.org,held,,,,",  # unknown person; p0 busy too
        f"{day},09:25,2,p2@example.org,p2@example.org,held,,,,",  # oneself
        f"{day},09:25,1,p1@example.org,p3@example.org,maybe,,,,",  # unknown status
        f"{day},09:25,2,p0@example.org,p3@example.org,no-show,lead,,,",  # outcome without a meeting
        "not a date,09:25,2,p0@example.org,p3@example.org,,,,,",
    ]
    with pytest.raises(ImportRejected) as caught:
        b2b_session_history_import(session=past, sheet=sheet(rows), user=past.organiser)
    assert [(e.row, e.column) for e in caught.value.errors] == [
        (3, "start"),
        (4, "table"),
        (5, "participant_b"),
        (6, "participant_b"),
        (7, "status"),
        (8, "outcome_a"),
        (9, "day"),
    ]
    assert not Meeting.objects.exists()
    assert not Participant.objects.exists()


def test_a_person_or_table_twice_in_one_slot_is_refused(past, people):
    day = PAST.isoformat()
    rows = [
        f"{day},09:00,1,p0@example.org,p1@example.org,,,,,",
        f"{day},09:00,2,p0@example.org,p2@example.org,,,,,",
        f"{day},09:00,1,p2@example.org,p3@example.org,,,,,",
    ]
    with pytest.raises(ImportRejected) as caught:
        b2b_session_history_import(session=past, sheet=sheet(rows), user=past.organiser)
    assert [(e.row, e.column) for e in caught.value.errors] == [(3, "start"), (4, "start"), (4, "table")]


def test_slots_still_to_come_are_left_to_the_scheduler(db, people):
    future = session_make()
    slot = future.slots.order_by("start").first().start.astimezone(future.tzinfo)
    with pytest.raises(ImportRejected) as caught:
        b2b_session_history_import(
            session=future,
            sheet=sheet([f"{slot:%Y-%m-%d},{slot:%H:%M},1,p0@example.org,p1@example.org,,,,,"]),
            user=future.organiser,
        )
    assert [(e.row, e.column) for e in caught.value.errors] == [(2, "start")]


def test_history_is_imported_once(past, people):
    day = PAST.isoformat()
    b2b_session_history_import(
        session=past, sheet=sheet([f"{day},09:00,1,p0@example.org,p1@example.org,,,,,"]), user=None
    )
    with pytest.raises(ValidationError):
        b2b_session_history_import(
            session=past, sheet=sheet([f"{day},09:25,1,p2@example.org,p3@example.org,,,,,"]), user=None
        )
    assert Meeting.objects.count() == 1


def test_the_import_page_shows_the_errors_and_only_organisers_reach_it(client, past, people):
    url = reverse("matchmaking:history_import", args=[past.slug])
    client.force_login(people[0].user) if people[0].user else None
    assert client.get(url).status_code in (302, 403)
    client.force_login(past.organiser)
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile(
        "h.csv", b"day,start,table,participant_a,participant_b\nx,09:00,1,a@b.c,d@e.f\n"
    )
    page = client.post(url, {"file": upload}).content.decode()
    assert 'role="alert"' in page
    good = f"day,start,table,participant_a,participant_b\n{PAST.isoformat()},09:00,1,p0@example.org,p1@example.org\n"
    response = client.post(url, {"file": SimpleUploadedFile("h.csv", good.encode())})
    assert response.url == reverse("matchmaking:report", args=[past.slug])
    assert Meeting.objects.filter(session=past, status="held").count() == 1
