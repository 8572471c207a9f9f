"""What came of a mission: discoveries added to the directory once, photos checked, follow-up surveys sent
once each at 3 and 6 months, figures, and forms that refuse bad input, keep it, and write nothing."""

import datetime as dt
import io

import icalendar
import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from maillage.directory.models import Organisation
from maillage.missions import selectors, services
from maillage.missions.models import Discovery, FollowUpSurvey, ItineraryItem, Mission, Photo
from maillage.missions.views import feed_token

from .factories import END, PARIS, QUEBEC, delegate_make, mission_make, visit_make

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(buffer, "PNG")
    return buffer.getvalue()


def test_a_discovery_adds_the_organisation_to_the_directory_once_with_where_it_was_met():
    mission = mission_make()
    delegate = delegate_make(mission)
    services.discovery_record(
        mission=mission,
        recorded_by=delegate,
        organisation_name="Andorra Digital Hub",
        where_met="Innovation Day",
        origin_country="Andorre",
    )
    services.discovery_record(
        mission=mission, recorded_by=delegate, organisation_name="andorra digital  hub", favourite=True
    )
    assert Organisation.objects.filter(name="Andorra Digital Hub").count() == 1
    discovery = Discovery.objects.get()
    assert (discovery.where_met, discovery.origin_country, discovery.favourite) == (
        "Innovation Day",
        "Andorre",
        True,
    )


def test_a_photo_must_be_an_image_whatever_its_name_says():
    mission = mission_make()
    fake = SimpleUploadedFile("photo.jpg", b"<html>not an image</html>", content_type="image/jpeg")
    with pytest.raises(ValidationError):
        services.photo_add(mission=mission, uploaded_by=None, image=fake)
    assert Photo.objects.count() == 0
    photo = services.photo_add(mission=mission, uploaded_by=None, image=SimpleUploadedFile("p.png", _png()))
    assert photo.content_type == "image/png"


def test_a_photo_too_large_is_refused(monkeypatch):
    monkeypatch.setattr(services, "PHOTO_MAX_BYTES", 10)
    with pytest.raises(ValidationError):
        services.photo_add(
            mission=mission_make(), uploaded_by=None, image=SimpleUploadedFile("p.png", _png())
        )


@pytest.mark.django_db(transaction=True)
def test_follow_up_surveys_go_out_once_each_at_3_and_6_months():
    mission = mission_make(status=Mission.Status.FINISHED)
    delegate_make(mission)
    delegate_make(mission, role="staff")  # staff are not surveyed
    day = dt.datetime.combine(END, dt.time(12), tzinfo=PARIS)
    assert services.followups_send(now=day + dt.timedelta(days=30)) == []
    assert FollowUpSurvey.objects.count() == 2  # planned: 3 and 6 months, for the one delegate
    first = services.followups_send(now=day + dt.timedelta(days=93))
    again = services.followups_send(now=day + dt.timedelta(days=94))
    assert [s.wave for s in first] == [3]
    assert again == []
    later = services.followups_send(now=day + dt.timedelta(days=190))
    assert [s.wave for s in later] == [6]
    assert services.followups_send(now=day + dt.timedelta(days=400)) == []
    assert len(mail.outbox) == 2


def test_the_follow_up_command_and_answers_reach_the_figures(client):
    from django.core.management import call_command

    mission = mission_make(
        status=Mission.Status.FINISHED, end_date=dt.date(2026, 8, 1), start_date=dt.date(2026, 7, 25)
    )
    delegate = delegate_make(mission)
    call_command("missions_send_followups")
    survey = FollowUpSurvey.objects.get(delegate=delegate, wave=3)
    assert survey.sent is not None
    client.force_login(delegate.person.user)
    url = reverse("missions:survey", args=[mission.slug, 3])
    assert (
        client.post(
            url, {"contract": "yes", "office_abroad": "yes", "comments": "Bureau ouvert à Lyon"}
        ).status_code
        == 302
    )
    figures = selectors.mission_figures(mission)
    assert (figures.results["contract"], figures.results["office_abroad"], figures.results["hire"]) == (
        1,
        1,
        0,
    )


def test_an_item_form_with_bad_input_keeps_what_was_typed_and_writes_nothing(client, organiser):
    mission = mission_make()
    client.force_login(organiser)
    response = client.post(
        reverse("missions:itinerary", args=[mission.slug]),
        {
            "kind": "travel",
            "title_fr": "Vol retour",
            "start": "2027-03-31T13:00",
            "end": "2027-03-31T11:00",
            "timezone": "Europe/Paris",
            "city": "Paris",
            "everyone": "on",
        },
    )
    assert response.status_code == 400
    content = response.content.decode()
    assert 'value="Vol retour"' in content
    assert "arrive" in content.lower() or "arriv" in content.lower()
    assert ItineraryItem.objects.count() == 0


def test_an_application_with_bad_input_keeps_what_was_typed(client, member):
    mission = mission_make()
    client.force_login(member)
    response = client.post(
        reverse("missions:apply", args=[mission.slug]),
        {"first_name": "Léa", "email": "pas-une-adresse", "objectives": "Rencontrer des incubateurs"},
    )
    assert response.status_code == 200
    assert "Rencontrer des incubateurs" in response.content.decode()
    assert mission.applications.count() == 0


def test_the_feed_follows_the_itinerary_in_each_places_zone(client):
    mission = mission_make()
    delegate = delegate_make(mission)
    services.item_save(
        mission=mission,
        kind="travel",
        start=dt.datetime(2027, 3, 26, 19, 30, tzinfo=QUEBEC),
        end=dt.datetime(2027, 3, 27, 8, 45, tzinfo=PARIS),
        city="Québec",
        timezone="America/Toronto",
        arrival_city="Paris",
        arrival_timezone="Europe/Paris",
        notify=False,
    )
    visit_make(
        mission,
        city="Paris",
        start=dt.datetime(2027, 3, 28, 10, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 28, 11, tzinfo=PARIS),
    )
    response = client.get(reverse("missions:agenda_ical", args=[mission.slug, feed_token(delegate)]))
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    flight = events[0]
    assert (str(flight["dtstart"].dt.tzinfo), flight["dtstart"].dt.hour) == ("America/Toronto", 19)
    assert (str(flight["dtend"].dt.tzinfo), flight["dtend"].dt.hour) == ("Europe/Paris", 8)
    assert events[1]["dtstart"].dt.hour == 10  # after the clock change, still 10:00 in Paris
    assert {str(tz["tzid"]) for tz in calendar.walk("VTIMEZONE")} == {"America/Toronto", "Europe/Paris"}
    user = delegate.person.user
    user.is_active = False
    user.save()
    assert (
        client.get(reverse("missions:agenda_ical", args=[mission.slug, feed_token(delegate)])).status_code
        == 404
    )


def test_the_booklet_is_a_pdf_with_the_delegations_contacts(client):
    mission = mission_make()
    delegate = delegate_make(mission)
    visit_make(
        mission,
        start=dt.datetime(2027, 3, 26, 10, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 26, 12, tzinfo=PARIS),
        title_fr="Visite de l'incubateur — cœur de Marseille 北京",
    )
    client.force_login(delegate.person.user)
    response = client.get(reverse("missions:booklet", args=[mission.slug]))
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_the_organisation_page_shows_the_missions_that_visited_it(client):
    mission = mission_make()
    item = visit_make(
        mission,
        start=dt.datetime(2027, 3, 26, 10, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 26, 12, tzinfo=PARIS),
    )
    services.lead_record(
        mission=mission,
        recorded_by=None,
        kind="partnership",
        title="Incubation croisée",
        organisation=item.organisation,
    )
    response = client.get(item.organisation.get_absolute_url())
    content = response.content.decode()
    assert mission.title in content
    assert "organisation-missions" in content
