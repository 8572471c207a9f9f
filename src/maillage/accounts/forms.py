from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.template import loader
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from maillage.common.outbox import email_queue


class LoginForm(AuthenticationForm):
    username = forms.EmailField(label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True}))
    # Django's own sentence is built from the field's name and, in French, gets its gender wrong; it also
    # says the e-mail is case-sensitive, which it is not here.
    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "This e-mail address and password do not match an account. Check them and try again: "
            "capitals matter in the password, not in the address."
        ),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autofocus": True, "autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )


class BackgroundPasswordResetForm(PasswordResetForm):
    """Sends the reset link from a background task, in the account's own language; a few per hour per
    account at most (services.password_reset_allowed)."""

    def get_users(self, email):
        from .services import password_reset_allowed

        return (user for user in super().get_users(email) if password_reset_allowed(user))

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        with translation.override(context["user"].language or "fr"):
            subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
            body = loader.render_to_string(email_template_name, context)
        email_queue(subject=subject, body=body, to=[to_email])
