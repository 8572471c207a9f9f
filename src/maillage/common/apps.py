from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommonConfig(AppConfig):
    name = "maillage.common"
    verbose_name = _("Common")

    def ready(self) -> None:
        # Attach the Celery app now that Django is configured, so @shared_task binds to it.
        from maillage.celery import app  # noqa: F401
