import datetime as dt

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from maillage.common.audit import action_label, audit_record
from maillage.common.models import AuditEvent
from tests.factories import OrganiserFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_audit_record_takes_who_where_and_which_request_from_the_request(organiser, settings):
    settings.PROXY_COUNT = 1
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 203.0.113.9")
    request.user = organiser
    request.request_id = "req-12345678"
    person = PersonFactory()
    event = audit_record(action="directory.exported", request=request, obj=person, params={"rows": 3})
    event.refresh_from_db()
    assert (event.actor, event.ip, event.request_id, event.object_type, event.object_id, event.params) == (
        organiser,
        "203.0.113.9",  # the proxy's view of the client, not what the client claims further left
        "req-12345678",
        "directory.person",
        str(person.pk),
        {"rows": 3},
    )


def test_unknown_action_codes_are_shown_as_they_are():
    assert action_label("directory.exported") == "Export de l'annuaire"
    assert action_label("something.new") == "something.new"


def test_organisers_search_the_audit_log_by_person_action_and_day(client):
    alice = OrganiserFactory(name="Alice Gagnon", email="alice@example.org")
    bob = OrganiserFactory(name="Bob Roy")
    old = audit_record(action="directory.exported", actor=alice)
    AuditEvent.objects.filter(pk=old.pk).update(created=timezone.now() - dt.timedelta(days=40))
    recent = audit_record(action="directory.exported", actor=alice)
    audit_record(action="programme.published", actor=alice)
    audit_record(action="directory.exported", actor=bob)
    client.force_login(bob)
    since = (timezone.localdate() - dt.timedelta(days=7)).isoformat()
    response = client.get(
        reverse("privacy:audit_log"), {"person": "gagnon", "action": "directory.exported", "start": since}
    )
    assert response.status_code == 200
    assert [event.pk for event, _label in response.context["rows"]] == [recent.pk]
    # Reading the log is itself recorded.
    assert AuditEvent.objects.filter(action="privacy.audit_viewed", actor=bob).count() == 1


def test_members_cannot_read_the_audit_log(client):
    client.force_login(UserFactory())
    assert client.get(reverse("privacy:audit_log")).status_code == 403


def test_the_audit_page_reads_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    organiser = OrganiserFactory()
    for n in range(30):
        audit_record(action="directory.exported", actor=OrganiserFactory(), params={"n": n})
    client.force_login(organiser)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("privacy:audit_log")).status_code == 200
