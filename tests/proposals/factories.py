"""A call for proposals ready to use: an edition a few months ahead, two tracks, formats, one question, a call
open now (every date computed from today), speakers with accounts in two organisations."""

import datetime as dt
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from maillage.proposals import services
from maillage.proposals.models import Call, Proposal
from tests.factories import OrganisationFactory, PersonFactory, UserFactory
from tests.programme.factories import EditionFactory, EventFactory, RoomFactory, TrackFactory, VenueFactory


def edition_make(**fields):
    start = timezone.localdate() + dt.timedelta(days=120)
    fields.setdefault("start_date", start)
    fields.setdefault("end_date", start + dt.timedelta(days=2))
    fields.setdefault("published", True)
    return EditionFactory(**fields)


def call_make(edition=None, *, opens=None, deadline=None, **fields) -> Call:
    edition = edition or edition_make()
    now = timezone.now()
    call = services.call_create(
        edition=edition,
        opens=opens or now - dt.timedelta(days=10),
        deadline=deadline or now + dt.timedelta(days=10),
        **fields,
    )
    TrackFactory(
        edition=edition, slug="ia", name_fr="Intelligence artificielle", name_en="Artificial intelligence"
    )
    TrackFactory(edition=edition, slug="ville", name_fr="Ville intelligente", name_en="Smart city")
    services.session_type_add(call=call, name_fr="Conférence", name_en="Talk", kind="talk", duration=30)
    services.session_type_add(call=call, name_fr="Atelier", name_en="Workshop", kind="workshop", duration=90)
    services.question_add(
        call=call,
        text_fr="Niveau",
        text_en="Level",
        kind="choice",
        choices="Débutant | Beginner\nExpert | Expert",
    )
    return call


def track(call, slug="ia"):
    return call.edition.tracks.get(slug=slug)


def speaker_make(organisation=None, *, language="fr", **fields):
    user = UserFactory(language=language, **fields)
    PersonFactory(user=user, email=user.email, organisation=organisation or OrganisationFactory())
    return user


def proposal_fields(call, **fields) -> dict:
    return {
        "title": "L'IA au service des PME",
        "abstract": "Comment une PME adopte l'IA en six mois.",
        "description": "Plan : constats, méthode, résultats.",
        "session_type": call.session_types.first(),
        "track": track(call),
        "audience": "both",
        "language": "fr",
        "notes": "",
        "answers": {str(call.questions.first().pk): "Débutant"},
        **fields,
    }


def proposal_make(call, user, **fields) -> Proposal:
    return services.proposal_submit(call=call, user=user, **proposal_fields(call, **fields))


def room_make(edition, capacity=200):
    event = EventFactory(edition=edition, name="Conférence")
    room = RoomFactory(venue=VenueFactory(edition=edition), name="Agora", capacity=capacity)
    return event, room


def pdf_file(name="slides.pdf", size=0) -> SimpleUploadedFile:
    return SimpleUploadedFile(
        name, b"%PDF-1.4\n" + b"0" * size + b"\n%%EOF\n", content_type="application/pdf"
    )


def png_file(name="photo.png") -> SimpleUploadedFile:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def accept_and_confirm(proposal, user, unavailable=()):
    services.proposals_decide(call=proposal.call, proposal_ids=[proposal.pk], state="accepted", notify=False)
    proposal.refresh_from_db()
    return services.proposal_confirm(proposal=proposal, user=user, unavailable=unavailable)
