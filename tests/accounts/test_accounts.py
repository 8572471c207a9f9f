import re

import pytest
from django.core import mail
from django.urls import reverse

from maillage.accounts.forms import LoginForm
from maillage.accounts.models import User
from tests.factories import PASSWORD, PersonFactory

pytestmark = pytest.mark.django_db


def log_in(client, email: str, password: str) -> bool:
    """Through the log-in page, as a person does (the throttling backend needs the request)."""
    client.logout()
    response = client.post(reverse("accounts:login"), {"username": email, "password": password})
    return response.status_code == 302


def test_login_with_email_and_logout(client, member):
    response = client.post(reverse("accounts:login"), {"username": member.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("directory:my_profile")).status_code == 302
    client.post(reverse("accounts:logout"))
    assert client.get(reverse("directory:my_profile")).url.startswith(reverse("accounts:login"))


def test_wrong_password_gives_the_forms_own_error(client, member):
    # The sentence is the form's own (Django's names the field wrongly in French); its French version is
    # checked with the catalogues (tests/common/test_translations.py).
    response = client.post(reverse("accounts:login"), {"username": member.email, "password": "wrong"})
    assert response.context["form"].errors["__all__"] == [str(LoginForm.error_messages["invalid_login"])]


def test_password_reset_sends_a_working_link(client, member, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": member.email})
    assert len(mail.outbox) == 1
    assert "nouveau mot de passe" in mail.outbox[0].subject
    link = re.search(r"https?://\S+", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[1]
    form_page = client.get(path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Une-nouvelle-phrase-1", "new_password2": "Une-nouvelle-phrase-1"},
    )
    assert log_in(client, member.email, "Une-nouvelle-phrase-1")


def test_organiser_invites_a_person_who_then_sets_a_password(
    client, organiser_client, django_capture_on_commit_callbacks
):
    person = PersonFactory(email="invitee@example.org", languages=["en"])
    with django_capture_on_commit_callbacks(execute=True):
        organiser_client.post(reverse("directory:person_invite", args=[person.pk]))
    person.refresh_from_db()
    user = person.user
    assert (user.email, user.role, user.has_usable_password()) == (
        "invitee@example.org",
        User.Role.MEMBER,
        False,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["invitee@example.org"]
    assert "invites you" in message.subject  # the person's language, English
    path = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    form_page = client.get(path, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "Bienvenue-au-maillage-9", "new_password2": "Bienvenue-au-maillage-9"},
    )
    assert log_in(client, "invitee@example.org", "Bienvenue-au-maillage-9")


def test_inviting_twice_reuses_the_account(organiser_client, django_capture_on_commit_callbacks):
    person = PersonFactory(email="twice@example.org")
    for _ in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            organiser_client.post(reverse("directory:person_invite", args=[person.pk]))
    assert User.objects.filter(email="twice@example.org").count() == 1
    assert len(mail.outbox) == 2


def test_members_cannot_invite(member_client, django_capture_on_commit_callbacks):
    person = PersonFactory()
    with django_capture_on_commit_callbacks(execute=True):
        assert member_client.post(reverse("directory:person_invite", args=[person.pk])).status_code == 403
    assert len(mail.outbox) == 0


def test_login_ignores_the_case_of_the_email(client, member):
    response = client.post(
        reverse("accounts:login"), {"username": member.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302


def test_email_subjects_stay_on_one_line_and_unescaped(organiser, django_capture_on_commit_callbacks):
    from maillage.accounts.services import user_invite

    organiser.name = "Dan O'Brien\r\nBcc: x@example.org"
    with django_capture_on_commit_callbacks(execute=True):
        user_invite(email="new@example.org", name="New", language="en", invited_by=organiser)
    assert mail.outbox[0].subject == "Dan O'Brien Bcc: x@example.org invites you to Maillage"
