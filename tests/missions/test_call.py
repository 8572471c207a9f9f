"""The call for delegates: applications, selection within the capacity, the waiting list, e-mails, and
inbound applicants added to the directory without duplicates."""

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from maillage.directory.models import Organisation, Person
from maillage.missions import services
from maillage.missions.models import Application, Delegate, Mission
from tests.factories import OrganisationFactory, PersonFactory, UserFactory

from .factories import application_fields, mission_make

pytestmark = pytest.mark.django_db(transaction=True)  # e-mails leave after commit


def _apply(mission, n, **fields):
    return services.application_submit(
        mission=mission, user=UserFactory(), **application_fields(email=f"a{n}@example.org", **fields)
    )


def test_an_application_is_received_and_the_applicant_told():
    mission = mission_make()
    application = _apply(mission, 1)
    assert application.status == Application.Status.SUBMITTED
    assert [m.to for m in mail.outbox] == [["a1@example.org"]]
    assert "Candidature reçue" in mail.outbox[0].subject or mission.title in mail.outbox[0].subject


def test_the_call_refuses_applications_after_its_deadline_and_writes_nothing():
    mission = mission_make(call_deadline=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(ValidationError) as error:
        _apply(mission, 1)
    assert error.value.code == "closed"
    assert Application.objects.count() == 0
    assert mail.outbox == []


def test_a_draft_mission_takes_no_application():
    mission = mission_make(status=Mission.Status.DRAFT)
    with pytest.raises(ValidationError):
        _apply(mission, 1)


def test_one_application_per_email():
    mission = mission_make()
    _apply(mission, 1)
    with pytest.raises(ValidationError) as error:
        _apply(mission, 1)
    assert error.value.code == "duplicate"
    assert Application.objects.count() == 1


def test_selection_stops_at_the_capacity_and_the_waiting_list_takes_a_freed_place():
    mission = mission_make(capacity=2)
    a, b, c = (_apply(mission, n) for n in range(3))
    services.application_decide(application=a, decision="selected")
    services.application_decide(application=b, decision="selected")
    with pytest.raises(ValidationError) as error:
        services.application_decide(application=c, decision="selected")
    assert error.value.code == "full"
    services.application_decide(application=c, decision="waitlisted")
    mail.outbox.clear()
    services.application_withdraw(application=a)
    c.refresh_from_db()
    assert c.status == Application.Status.SELECTED
    assert sorted(Delegate.objects.values_list("person__email", flat=True)) == [
        "a1@example.org",
        "a2@example.org",
    ]
    assert [m.to for m in mail.outbox] == [["a2@example.org"]]  # c is told they are in


def test_each_decision_is_told_in_the_applicants_language():
    mission = mission_make(title_en="Occitania mission")
    a = _apply(mission, 1, language="en")
    b = _apply(mission, 2)
    mail.outbox.clear()
    services.application_decide(application=a, decision="declined")
    services.application_decide(application=b, decision="waitlisted")
    assert mail.outbox[0].subject == "Your application for the mission Occitania mission"
    assert mail.outbox[1].subject.endswith("Mission Occitanie")  # the French title for a French applicant


def test_selecting_an_inbound_applicant_new_to_the_directory_adds_them_once():
    mission = mission_make(direction=Mission.Direction.INBOUND)
    existing = OrganisationFactory(name="Écolab Numérique")
    a = _apply(mission, 1, organisation_name="ecolab  numerique", organisation_country="FR")
    b = _apply(mission, 2, organisation_name="Jeune Pousse SAS", organisation_country="FR")
    c = _apply(mission, 3, organisation_name="JEUNE POUSSE sas", organisation_country="FR")
    for application in (a, b, c):
        services.application_decide(application=application, decision="selected")
    assert Person.objects.get(email="a1@example.org").organisation == existing
    assert Organisation.objects.filter(name__iexact="Jeune Pousse SAS").count() == 1
    assert Person.objects.get(email="a3@example.org").organisation.name == "Jeune Pousse SAS"
    assert Delegate.objects.filter(mission=mission).count() == 3


def test_selecting_someone_already_in_the_directory_reuses_their_person():
    mission = mission_make()
    person = PersonFactory(email="a1@example.org")
    before = Person.objects.count()
    application = _apply(mission, 1)
    services.application_decide(application=application, decision="selected")
    assert Person.objects.count() == before
    assert Delegate.objects.get().person == person


def test_the_applicants_account_is_linked_to_the_new_person():
    mission = mission_make()
    user = UserFactory()
    application = services.application_submit(
        mission=mission, user=user, **application_fields(email=user.email)
    )
    services.application_decide(application=application, decision="selected")
    assert Person.objects.get(email=user.email).user == user


def test_a_delegate_added_by_an_organiser_gets_the_language_every_app_writes_to_them_in():
    mission = mission_make()
    english = PersonFactory(user=None, languages=["en"])
    account = PersonFactory(user=UserFactory(language="en"), languages=["fr", "en"])
    french = PersonFactory(user=None, languages=["fr", "en"])
    languages = [
        services.delegate_add(mission=mission, person=person).language
        for person in (english, account, french)
    ]
    assert languages == ["en", "en", "fr"]


def test_the_call_deadline_is_shown_in_the_missions_zone_and_named_by_its_places(client):
    """The server runs on Québec's clock; a Paris mission's deadline at 18:00 in Paris once read 12:00."""
    paris = dt.timezone(dt.timedelta(hours=1))  # Paris in winter
    mission = mission_make(timezone="Europe/Paris", call_deadline=dt.datetime(2027, 3, 1, 18, tzinfo=paris))
    user = UserFactory()
    client.force_login(user)
    for url in (mission.get_absolute_url(), f"{mission.get_absolute_url()}candidature/"):
        html = client.get(url).content.decode()
        assert "1 mars 2027, 18:00 (fuseau horaire : France)" in html, url
