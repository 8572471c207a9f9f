"""The app's e-mails: plain text, no HTML escapes, one-line subjects."""

import pytest
from django.core import mail
from django.urls import reverse

from maillage.matchmaking import services
from maillage.matchmaking.models import MeetingRequest

from .factories import participant_make, session_make

pytestmark = pytest.mark.django_db


def test_names_with_apostrophes_are_not_escaped(session, alice, bob, django_capture_on_commit_callbacks):
    alice.person.last_name = "O'Brien"
    alice.person.save()
    session.name = 'Forum "Québec & Bordeaux"'
    session.save()
    alice.session.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        request = services.meeting_request_send(sender=alice, recipient=bob, message="L'IoT <vite>")
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_request_accept(request=request)
    received, accepted = mail.outbox
    assert received.subject == f'{alice.name} souhaite vous rencontrer lors de Forum "Québec & Bordeaux"'
    assert "O'Brien" in received.subject
    assert "O'Brien" in received.body
    assert "L'IoT <vite>" in received.body
    assert "&" not in accepted.body.replace("& Bordeaux", "")


def test_subjects_are_one_line(session, alice, bob, django_capture_on_commit_callbacks):
    session.name = "Mission\nQuébec–Bordeaux  "
    session.save()
    alice.session.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_request_send(sender=alice, recipient=bob)
    assert mail.outbox[0].subject.endswith("lors de Mission Québec–Bordeaux")


@pytest.mark.django_db(transaction=True)
def test_an_smtp_server_that_is_down_does_not_undo_the_page(client, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", 9  # nothing listens on the discard port
    session = session_make()
    alice, bob = participant_make(session), participant_make(session)
    client.force_login(alice.person.user)
    response = client.post(
        reverse("matchmaking:request_send", args=[session.slug, bob.pk]), {"message": "", "priority": 1}
    )
    assert response.status_code in (200, 302)
    assert MeetingRequest.objects.filter(sender=alice, recipient=bob).exists()
