from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from . import views
from .forms import BackgroundPasswordResetForm

app_name = "accounts"

urlpatterns = [
    path("connexion/", views.LoginView.as_view(), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("second-facteur/", views.second_factor, name="second_factor"),
    path("second-facteur/configurer/", views.second_factor_setup, name="second_factor_setup"),
    path("securite/", views.security, name="security"),
    path("securite/deverrouiller/", views.unlock, name="unlock"),
    path("securite/second-facteur/<int:pk>/effacer/", views.second_factor_reset, name="second_factor_reset"),
    path(
        "mot-de-passe/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=BackgroundPasswordResetForm,
            email_template_name="accounts/email/password_reset_body.txt",
            subject_template_name="accounts/email/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "mot-de-passe/envoye/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "mot-de-passe/<uidb64>/<token>/",
        views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "mot-de-passe/fait/",
        auth_views.PasswordResetCompleteView.as_view(template_name="accounts/password_reset_complete.html"),
        name="password_reset_complete",
    ),
]
