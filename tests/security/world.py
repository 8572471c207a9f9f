"""One realistic world for the permission matrix and the hostile-input tests: a directory, a published
programme with a speaker, a B2B session with a published agenda, held meetings and outcomes, a mission with
its delegation and outcomes, a call for proposals with reviewers, and ten roles.

Every private field of every role holds a unique marker (`PRIVATE_<ROLE>_<FIELD>`), so a test finds a leak by
searching response bodies for the markers of people other than the one logged in."""

import datetime as dt
import io
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from maillage.accounts.models import User
from maillage.directory.models import Person
from maillage.matchmaking import services as b2b
from maillage.matchmaking.models import Meeting, MeetingOutcome
from maillage.missions import services as missions
from maillage.missions.models import FollowUpSurvey, Lead
from maillage.privacy import services as privacy
from maillage.programme import services as programme
from maillage.proposals import services as proposals
from tests.factories import OrganiserFactory, PersonFactory, UserFactory
from tests.matchmaking.factories import DAY, participant_make, schedule_and_publish, session_make
from tests.missions.factories import PARIS, application_fields, mission_make, visit_make
from tests.programme.factories import (
    ActivityFactory,
    EditionFactory,
    EventFactory,
    RoomFactory,
    SpeakerFactory,
    VenueFactory,
    at,
)
from tests.proposals.factories import call_make, pdf_file, proposal_make, track

ROLES = [
    "visitor",
    "member",
    "other_member",
    "participant",
    "other_participant",
    "speaker",
    "reviewer",
    "delegate",
    "organiser",
    "superuser",
]
# The roles whose private fields carry markers (organisers' own details are the network's contact points).
MARKED = ["member", "other_member", "participant", "other_participant", "speaker", "reviewer", "delegate"]


def marker(role: str, what: str) -> str:
    return f"PRIVATE_{role.upper()}_{what.upper()}"


def email_marker(role: str) -> str:
    return f"private.{role.replace('_', '')}.email@example.org"


def phone_marker(role: str) -> str:
    return f"+1 418 555 01{MARKED.index(role):02d} PRIVATEPHONE{MARKED.index(role)}"


def png_file(name: str = "photo.png") -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "blue").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@dataclass
class World:
    users: dict[str, User | None]
    # role -> {field: marker}: what must never reach someone the policy does not name
    markers: dict[str, dict[str, str]] = field(default_factory=dict)
    # URL kwarg values, by app namespace then kwarg name; `pk` is per URL name (PKS)
    slugs: dict[str, dict] = field(default_factory=dict)
    pks: dict[str, object] = field(default_factory=dict)

    def user(self, role: str) -> User | None:
        return self.users[role]


def _person(role: str, user: User | None = None, **fields) -> Person:
    return PersonFactory(user=user, email=email_marker(role), phone=phone_marker(role), **fields)


def _account(role: str, **fields) -> User:
    user = UserFactory(email=email_marker(role), name=f"{role.replace('_', ' ').title()} Person", **fields)
    _person(role, user=user, first_name=role.replace("_", " ").title(), last_name="Person")
    return user


def build_world() -> World:
    organiser = OrganiserFactory(email="organiser@example.org", name="Olivia Organiser")
    superuser = User.objects.create_superuser("root@example.org", "secret-password-1", name="Root")
    users: dict[str, User | None] = {"visitor": None, "organiser": organiser, "superuser": superuser}
    for role in MARKED:
        users[role] = _account(role)
    markers = {role: {"email": email_marker(role), "phone": phone_marker(role)} for role in MARKED}
    person = {role: Person.objects.get(user=users[role]) for role in MARKED}

    # B2B: participant meets Bob, other_participant meets Carol; notes, messages and outcomes are private.
    session = session_make(organiser=organiser, slots=4, tables=3)
    part = b2b.participant_register(
        session=session,
        person=person["participant"],
        offers="Capteurs",
        needs="Distributeurs",
        by_organiser=True,
    )
    other = b2b.participant_register(
        session=session,
        person=person["other_participant"],
        offers="Logiciel",
        needs="Clients",
        by_organiser=True,
    )
    bob, carol, dave = participant_make(session), participant_make(session), participant_make(session)
    sent = b2b.meeting_request_send(sender=part, recipient=bob, message=marker("participant", "request"))
    b2b.meeting_request_accept(request=sent, notify=False)
    other_sent = b2b.meeting_request_send(
        sender=other, recipient=carol, message=marker("other_participant", "request")
    )
    b2b.meeting_request_accept(request=other_sent, notify=False)
    pending = b2b.meeting_request_send(sender=dave, recipient=part, message="Bonjour de Dave")
    other_pending = b2b.meeting_request_send(sender=dave, recipient=other, message="Bonjour encore")
    markers["participant"]["request"] = marker("participant", "request")
    markers["other_participant"]["request"] = marker("other_participant", "request")
    run = schedule_and_publish(session, organiser)
    local = ZoneInfo(session.timezone)
    with time_machine.travel(dt.datetime.combine(DAY, dt.time(13), tzinfo=local)):
        meeting = Meeting.objects.get(request=sent, published=True)
        other_meeting = Meeting.objects.get(request=other_sent, published=True)
        for m, who, role in ((meeting, part, "participant"), (other_meeting, other, "other_participant")):
            b2b.meeting_check_in(meeting=m, status=Meeting.Status.HELD)
            b2b.meeting_outcome_record(
                meeting=m, participant=who, outcome=MeetingOutcome.Result.LEAD, notes=marker(role, "outcome")
            )
            markers[role]["outcome"] = marker(role, "outcome")

    # Programme: a published edition, the speaker's talk placed in a room, favourites.
    edition = EditionFactory(slug="semaine-matrice", name="Semaine de la matrice")
    event = EventFactory(edition=edition)
    room = RoomFactory(venue=VenueFactory(edition=edition))
    speaker = SpeakerFactory(edition=edition, person=person["speaker"], bio_fr="Biographie publique")
    activity = ActivityFactory(
        event=event, speakers=[speaker], room=room, start=at(edition, "2027-04-06 09:00")
    )
    ActivityFactory(event=event)
    programme.favourite_star(user=users["participant"], activity=activity)
    data_track = programme.track_create(edition=edition, name_fr="Données", name_en="Data", slug="donnees")
    room_off = programme.room_unavailability_add(
        room=room, start=at(edition, "2027-04-07 09:00"), end=at(edition, "2027-04-07 10:00")
    )
    speaker_off = programme.speaker_unavailability_add(
        speaker=speaker, start=at(edition, "2027-04-08 09:00"), end=at(edition, "2027-04-08 10:00")
    )
    programme_run = programme.programme_run_start(edition=edition, user=organiser, time_limit=2)
    programme_run = programme.programme_run_execute(run_id=programme_run.pk)

    # A mission: the delegate applied (phone, objectives) and travels; outcomes, a photo, a survey.
    mission = mission_make(organiser=organiser)
    item = visit_make(
        mission,
        start=dt.datetime(2027, 3, 26, 10, tzinfo=PARIS),
        end=dt.datetime(2027, 3, 26, 12, tzinfo=PARIS),
    )
    application = missions.application_submit(
        mission=mission,
        user=users["delegate"],
        **application_fields(
            email=email_marker("delegate"),
            phone="+33 6 PRIVATEAPP",
            objectives=marker("delegate", "objectives"),
        ),
    )
    delegate = missions.delegate_add(
        mission=mission,
        person=person["delegate"],
        diet=marker("delegate", "diet"),
        accessibility=marker("delegate", "access"),
    )
    markers["delegate"].update(
        application_phone="+33 6 PRIVATEAPP",
        objectives=marker("delegate", "objectives"),
        diet=marker("delegate", "diet"),
        accessibility=marker("delegate", "access"),
    )
    lead = missions.lead_record(
        mission=mission,
        recorded_by=delegate,
        kind=Lead.Kind.INVITE,
        title="Piste",
        notes=marker("delegate", "lead"),
    )
    markers["delegate"]["lead"] = marker("delegate", "lead")
    discovery = missions.discovery_record(
        mission=mission,
        recorded_by=delegate,
        organisation_name="Rencontre SAS",
        notes=marker("delegate", "met"),
    )
    markers["delegate"]["discovery"] = marker("delegate", "met")
    testimonial = missions.testimonial_add(delegate=delegate, text="Un beau voyage")
    photo = missions.photo_add(
        mission=mission, uploaded_by=users["delegate"], image=png_file(), caption="Photo"
    )
    partner = missions.mission_partner_add(
        mission=mission, organisation=person["member"].organisation, role="funder"
    )
    FollowUpSurvey.objects.create(
        mission=mission, delegate=delegate, wave=3, due=mission.end_date, sent=timezone.now()
    )

    # A call for proposals on another edition: the speaker's proposal (notes for organisers), a reviewer.
    call = call_make()
    proposal = proposal_make(
        call, users["speaker"], slides=pdf_file(), notes=marker("speaker", "notes"), title="Matrice et IA"
    )
    markers["speaker"]["notes"] = marker("speaker", "notes")
    accepted = proposal_make(call, users["speaker"], title="Acceptée")
    proposals.proposals_decide(call=call, proposal_ids=[accepted.pk], state="accepted", notify=False)
    proposals.reviewer_set(call=call, user=users["reviewer"], tracks=[track(call)])
    proposals.review_save(
        proposal=proposal, reviewer=users["reviewer"], score=2, comment=marker("reviewer", "review")
    )
    markers["reviewer"]["review"] = marker("reviewer", "review")
    prospect = proposals.prospect_add(
        call=call, added_by=organiser, name="Prospect", email="prospect@example.org"
    )
    cospeaker = proposals.cospeaker_invite(
        proposal=proposal, by=users["speaker"], name="Camille Cointervenante", email="co@example.org"
    )
    privacy.erasure_request_create(user=users["other_member"])

    world = World(users=users, markers=markers)
    world.slugs = {
        "matchmaking": {"slug": session.slug},
        "missions": {"slug": mission.slug, "wave": 3},
        "programme": {
            "edition": edition.slug,
            "day": "2027-04-06",
            "track": data_track.slug,
            "venue": room.venue_id,
        },
        "proposals": {"edition": call.edition.slug, "kind": "slides", "token": cospeaker.token},
        "directory": {"slug": person["member"].organisation.slug, "kind": "people", "fmt": "csv"},
        "privacy": {"fmt": "json"},
        "": {"edition": call.edition.slug},  # the root's scouting of people met on missions
        "accounts": {"uidb64": "MQ", "token": "set-password"},
    }
    from maillage.matchmaking.views import feed_token
    from maillage.missions.views import feed_token as mission_feed_token

    world.slugs["matchmaking"]["token"] = feed_token(part)
    world.slugs["missions"]["token"] = mission_feed_token(delegate)
    from maillage.programme.views import agenda_feed_token

    world.slugs["programme"]["token"] = agenda_feed_token(users["participant"])
    world.pks = {
        # accounts
        "accounts:second_factor_reset": users["participant"].pk,
        # directory
        "directory:person_detail": person["member"].pk,
        "directory:person_edit": person["member"].pk,
        "directory:person_invite": person["member"].pk,
        # matchmaking: the participant's things
        "matchmaking:request_send": bob.pk,
        "matchmaking:request_answer": pending.pk,
        "matchmaking:outcome_record": meeting.pk,
        "matchmaking:organiser_request_remove": pending.pk,
        "matchmaking:run_detail": run.pk,
        "matchmaking:run_publish": run.pk,
        "matchmaking:check_in_mark": meeting.pk,
        # missions: the delegate's things
        "missions:decide": application.pk,
        "missions:partner_viewer_add": partner.pk,
        "missions:item_edit": item.pk,
        "missions:item_delete": item.pk,
        "missions:item_edit_check": item.pk,
        "missions:testimonial_publish": testimonial.pk,
        "missions:photo_publish": photo.pk,
        "missions:photo": photo.pk,
        "missions:lead_status": lead.pk,
        # programme: the speaker's things
        "programme:manage_event": event.pk,
        "programme:manage_venue": room.venue_id,
        "programme:manage_venue_travel": room.venue_id,
        "programme:manage_room": room.pk,
        "programme:manage_room_unavailable": room.pk,
        "programme:manage_track": data_track.pk,
        "programme:manage_speaker": speaker.pk,
        "programme:manage_speaker_unavailable": speaker.pk,
        "programme:manage_activity": activity.pk,
        "programme:manage_place": activity.pk,
        "programme:manage_run": programme_run.pk,
        "programme:manage_run_decide": programme_run.pk,
        "programme:activity_detail": activity.pk,
        "programme:favourite_toggle": activity.pk,
        "programme:speaker_detail": speaker.pk,
        "programme:speaker_edit": speaker.pk,
        "programme:export_speaker_ical": speaker.pk,
        # proposals: the speaker's proposal
        "proposals:star": accepted.pk,
        "proposals:review": proposal.pk,
        "proposals:proposal": proposal.pk,
        "proposals:edit": proposal.pk,
        "proposals:withdraw": proposal.pk,
        "proposals:cospeaker_invite": proposal.pk,
        "proposals:confirm": accepted.pk,
        "proposals:file": proposal.pk,
        "proposals:prospect_invite": prospect.pk,
        "scouting_missions_add": discovery.pk,
        # privacy
        "privacy:person_erase": person["other_member"].pk,
    }
    world.objects = {  # for the hostile-input test: ids of other people's things
        "other_ids": [other.pk, other_pending.pk, other_meeting.pk, person["other_member"].pk],
        "room_off": room_off.pk,
        "speaker_off": speaker_off.pk,
        "now": timezone.now(),
    }
    return world
