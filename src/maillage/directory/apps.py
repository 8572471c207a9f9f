from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _keep_sqlite_search(sender, using, **kwargs) -> None:
    """After every ``migrate``: a migration that rebuilt a directory table on SQLite dropped its search
    triggers with the old table; put them back before anyone writes."""
    from django.db import connections

    from maillage.directory.sqlite_search import ensure_sqlite_search

    ensure_sqlite_search(connections[using])


class DirectoryConfig(AppConfig):
    name = "maillage.directory"
    verbose_name = _("Directory")

    def ready(self) -> None:
        post_migrate.connect(_keep_sqlite_search, sender=self, dispatch_uid="directory-sqlite-search")
