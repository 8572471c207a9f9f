"""The roles of the world as audiences of the declared policies, and a snapshot of the database to prove
that a refused write changed nothing."""

import hashlib

from django.apps import apps
from django.db import connection

from maillage.policies import (
    ACCOUNT,
    ANYONE,
    DELEGATE,
    ORGANISER,
    PARTICIPANT,
    REVIEWER,
    SELF,
    SPEAKER,
    TOKEN,
)

# Whose objects each app's URLs name (world.pks): the role that is ``self`` there.
SELF_ROLE = {
    "accounts": "participant",
    "directory": "member",
    "matchmaking": "participant",
    "missions": "delegate",
    "programme": "speaker",
    "proposals": "speaker",
    "privacy": "other_member",
}
ROLE_AUDIENCES = {
    "participant": {PARTICIPANT},
    "other_participant": {PARTICIPANT},
    "speaker": {SPEAKER},
    "reviewer": {REVIEWER},
    "delegate": {DELEGATE},
    "organiser": {ORGANISER},
    "superuser": {ORGANISER},
}


def audiences(role: str, url_name: str) -> set[str]:
    found = {ANYONE, TOKEN}  # a secret address in the URL is the key, whoever holds it
    if role != "visitor":
        found.add(ACCOUNT)
    found |= ROLE_AUDIENCES.get(role, set())
    namespace = url_name.split(":")[0]
    if SELF_ROLE.get(namespace) == role:
        found.add(SELF)
    return found


# Bookkeeping a log-in or a refused request may legitimately write.
UNWATCHED_TABLES = {"django_session", "accounts_knowndevice", "common_auditevent"}
UNWATCHED_COLUMNS = {"accounts_user": {"last_login"}}


def _tables() -> list[tuple[str, list[str]]]:
    found = []
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy or meta.db_table in UNWATCHED_TABLES:
            continue
        if meta.db_table.startswith("axes_"):
            continue
        skip = UNWATCHED_COLUMNS.get(meta.db_table, set())
        columns = [f.column for f in meta.concrete_fields if f.column not in skip]
        found.append((meta.db_table, columns))
    return sorted({(t, tuple(c)) for t, c in found})


def snapshot() -> dict[str, str]:
    """A digest of every row of every watched table."""
    digests = {}
    with connection.cursor() as cursor:
        for table, columns in _tables():
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table)} ORDER BY 1")  # noqa: S608
            digests[table] = hashlib.blake2b(repr(cursor.fetchall()).encode(), digest_size=16).hexdigest()
    return digests


def changed(before: dict[str, str], after: dict[str, str]) -> list[str]:
    return sorted(t for t in after if before.get(t) != after[t])
