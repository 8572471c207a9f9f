import datetime as dt

from maillage.matchmaking import services
from maillage.matchmaking.models import B2BSession
from tests.factories import OrganiserFactory, PersonFactory, UserFactory

# A Wednesday about four months ahead, whatever the day the tests run (a fixed date would turn past).
_AHEAD = dt.date.today() + dt.timedelta(days=120)
DAY = _AHEAD + dt.timedelta(days=(2 - _AHEAD.weekday()) % 7)


def session_make(
    *, status=B2BSession.Status.OPEN, tables=3, slots=4, timezone_name="America/Toronto", **fields
):
    """A one-morning session: `slots` meetings of 20 minutes from 09:00 (with 5-minute breaks)."""
    end = dt.time(9 + (slots * 25) // 60, (slots * 25) % 60)
    return services.b2b_session_create(
        organiser=fields.pop("organiser", None) or OrganiserFactory(),
        name=fields.pop("name", "Mission Québec–Bordeaux"),
        days=[DAY],
        parts=[services.DayPartSpec("am", dt.time(9), end)],
        tables=tables,
        timezone_name=timezone_name,
        status=status,
        **fields,
    )


def participant_make(session, *, user=None, with_account=True, **fields):
    if with_account and user is None:
        user = UserFactory()
    person = PersonFactory(user=user, **({"email": user.email} if user else {}))
    return services.participant_register(
        session=session,
        person=person,
        offers=fields.pop("offers", "Conception de capteurs IoT"),
        needs=fields.pop("needs", "Distributeurs en Europe"),
        by_organiser=True,
        **fields,
    )


def schedule_and_publish(session, organiser=None):
    """Run the scheduler in-process and publish its result (no e-mails)."""
    run = services.scheduling_run_start(session=session, user=organiser or session.organiser, time_limit=2)
    run = services.scheduling_run_execute(run_id=run.pk)
    services.scheduling_run_publish(run=run, notify=False)
    return run
