import datetime as dt
from zoneinfo import ZoneInfo

from maillage.missions import services
from maillage.missions.models import Delegate, Mission
from tests.factories import OrganisationFactory, PersonFactory, UserFactory

PARIS = ZoneInfo("Europe/Paris")
QUEBEC = ZoneInfo("America/Toronto")
# The European clocks go forward on the last Sunday of March 2027 (the 28th), the Québec ones on March 14.
START = dt.date(2027, 3, 25)
END = dt.date(2027, 3, 31)


def mission_make(*, status=Mission.Status.CALL_OPEN, organiser=None, **fields) -> Mission:
    fields.setdefault("direction", Mission.Direction.OUTBOUND)
    fields.setdefault("title_fr", "Mission Occitanie")
    fields.setdefault("start_date", START)
    fields.setdefault("end_date", END)
    fields.setdefault("is_public", True)
    fields.setdefault("cities", [("Toulouse", "FR", "Europe/Paris"), ("Labège", "FR", "Europe/Paris")])
    mission = services.mission_create(created_by=organiser, **fields)
    if status != Mission.Status.DRAFT:
        Mission.objects.filter(pk=mission.pk).update(status=status)
        mission.refresh_from_db()
    return mission


def application_fields(**fields) -> dict:
    return {
        "first_name": "Julie",
        "last_name": "Gagnon",
        "email": fields.pop("email", "julie@example.org"),
        "organisation_name": "Capteurs Boréal",
        "organisation_country": "CA",
        "objectives": "Trouver des distributeurs en France",
        "offers": "Capteurs IoT",
        "needs": "Distributeurs",
        **fields,
    }


def delegate_make(
    mission, *, user=None, role=Delegate.Role.DELEGATE, with_account=True, **fields
) -> Delegate:
    if with_account and user is None:
        user = UserFactory()
    person = PersonFactory(user=user, **({"email": user.email} if user else {}))
    return services.delegate_add(mission=mission, person=person, role=role, **fields)


def visit_make(mission, *, start, end, organisation=None, **fields):
    return services.item_save(
        mission=mission,
        kind="visit",
        organisation=organisation or OrganisationFactory(),
        start=start,
        end=end,
        timezone=fields.pop("timezone", "Europe/Paris"),
        notify=fields.pop("notify", False),
        **fields,
    )
