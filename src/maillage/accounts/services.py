from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from maillage.common.emails import email_send_later

from .models import User


def password_set_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:password_reset_confirm", args=[uid, token])


@transaction.atomic
def user_invite(
    *, email: str, name: str, language: str, invited_by: User, role: str = User.Role.MEMBER
) -> User:
    """Create (or reuse) the account for email and send a link to choose a password.

    An existing account is re-invited rather than duplicated, so an organiser may click twice safely.
    """
    user, created = User.objects.get_or_create(
        email=email.strip().lower(), defaults={"name": name, "language": language, "role": role}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    email_send_later(
        to=user.email,
        language=user.language,
        template="accounts/email/invitation",
        context={"user": user, "invited_by": invited_by, "url": password_set_url(user)},
    )
    return user
