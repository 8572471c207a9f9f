"""The audit log: one call, ``audit_record(...)``, wherever personal data leaves or an organiser changes
what others see. Actions are codes with a sentence each (``ACTIONS``), translated when the log is read."""

from django.utils.translation import gettext_lazy as _

from .http import client_ip
from .logging import request_id_var
from .models import AuditEvent

# code -> what it means; params (counts, formats) are shown beside it. A code missing here is shown as is.
ACTIONS = {
    # accounts
    "accounts.unlocked": _("Unlocked a locked log-in"),
    "accounts.totp_enrolled": _("Set up a second factor"),
    "accounts.totp_removed": _("Removed a second factor"),
    # personal data
    "privacy.data_exported": _("Downloaded their own data"),
    "privacy.erasure_requested": _("Asked for their data to be erased"),
    "privacy.person_anonymised": _("Anonymised a person"),
    "privacy.consent_changed": _("Changed consent to be listed"),
    "privacy.audit_viewed": _("Searched the audit log"),
    "privacy.retention_applied": _("Retention rules applied"),
    # lists of people and their exports (to be recorded by the apps' views)
    "directory.people.viewed": _("Viewed the list of people"),
    "directory.exported": _("Exported the directory"),
    "directory.imported": _("Imported into the directory"),
    "directory.person.deleted": _("Deleted a person"),
    "directory.organisation.deleted": _("Deleted an organisation"),
    "matchmaking.participants.viewed": _("Viewed a B2B session's participants"),
    "matchmaking.exported": _("Exported a B2B session"),
    "matchmaking.history_imported": _("Imported B2B meeting history"),
    "matchmaking.published": _("Published B2B agendas"),
    "matchmaking.deleted": _("Deleted from a B2B session"),
    "programme.exported": _("Exported a programme"),
    "programme.published": _("Published a programme"),
    "programme.deleted": _("Deleted from a programme"),
    "missions.applications.viewed": _("Viewed a mission's applications"),
    "missions.exported": _("Exported a mission's delegates"),
    "missions.published": _("Published a mission"),
    "missions.deleted": _("Deleted from a mission"),
}


def audit_record(
    *,
    action: str,
    request=None,
    actor=None,
    obj=None,
    object_type: str = "",
    object_id: str | int = "",
    params: dict | None = None,
) -> AuditEvent:
    """Record one event. With ``request``, the actor, address and request id come from it; ``obj`` names
    the object (its model label and pk). Written in the caller's transaction: an action rolled back leaves
    no event. ``params`` must hold figures and codes, never names or contact details."""
    if request is not None and actor is None:
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
    if obj is not None:
        object_type, object_id = obj._meta.label_lower, obj.pk
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        object_type=object_type,
        object_id=str(object_id) if object_id not in (None, "") else "",
        params=params or {},
        ip=client_ip(request) if request is not None else None,
        request_id=getattr(request, "request_id", "")
        or ("" if request_id_var.get() == "-" else request_id_var.get()),
    )


def action_label(code: str) -> str:
    return str(ACTIONS.get(code, code))
