"""The call for proposals in "my data", in the erasure and in the retention rules: a speaker's proposals, the
invitations to speak, the reviews a reviewer wrote, organisers' scouting notes about a person."""

import csv
import datetime as dt
import io
import json
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from maillage.privacy import services as privacy
from maillage.proposals import selectors, services
from maillage.proposals.models import Proposal, ProposalSpeaker, Prospect, Review
from tests.factories import OrganisationFactory, OrganiserFactory
from tests.privacy.test_privacy import _every_text
from tests.proposals.factories import call_make, pdf_file, proposal_make, speaker_make, track

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _files_in_tmp(tmp_path, monkeypatch):
    from django.core.files.storage import FileSystemStorage

    for name in ("slides", "picture"):
        monkeypatch.setattr(Proposal._meta.get_field(name), "storage", FileSystemStorage(location=tmp_path))


@pytest.fixture
def world():
    """Sam submits a proposal (with slides) and invites Cora, reviews Otto's, and organisers scouted Sam."""
    organiser = OrganiserFactory()
    call = call_make()
    sam = speaker_make(OrganisationFactory(name="Acme"), name="Sam Samson", email="sam@example.org")
    otto = speaker_make(OrganisationFactory(name="Boréal"), name="Otto Other")
    mine = proposal_make(
        call,
        sam,
        title="Les capteurs de Sam",
        abstract="Résumé de Sam",
        notes="Note de Sam",
        slides=pdf_file(),
    )
    theirs = proposal_make(call, otto, title="Ville ouverte", track=track(call, "ville"))
    cora = services.cospeaker_invite(proposal=mine, by=sam, name="Cora Cospeaker", email="cora@example.org")
    services.reviewer_set(call=call, user=sam, tracks=[track(call, "ville")])
    services.review_save(proposal=theirs, reviewer=sam, score=-1, comment="Commentaire de Sam")
    services.prospect_add(
        call=call, added_by=organiser, person=sam.person, where_met="Salon de Sam", why="Sam parle bien"
    )
    return {"call": call, "sam": sam, "otto": otto, "mine": mine, "theirs": theirs, "cora": cora,
            "organiser": organiser}  # fmt: skip


def test_my_data_has_my_proposals_invitations_reviews_and_scouting_notes(client, world):
    client.force_login(world["sam"])
    data = json.loads(client.get(reverse("privacy:my_data_export", args=["json"])).content)
    assert [(p["title"], p["abstract"], p["notes"], p["submitted_by_you"]) for p in data["proposals"]] == [
        ("Les capteurs de Sam", "Résumé de Sam", "Note de Sam", True)
    ]
    assert data["proposals"][0]["slides"].endswith(".pdf")
    assert ("Les capteurs de Sam", "sam@example.org") in {
        (i["proposal"], i["email"]) for i in data["proposal_invitations"]
    }
    assert [(r["proposal"], r["score"], r["comment"]) for r in data["proposal_reviews"]] == [
        ("Ville ouverte", -1, "Commentaire de Sam")
    ]
    assert [(s["where_met"], s["why"]) for s in data["scouting"]] == [("Salon de Sam", "Sam parle bien")]
    assert "cora@example.org" not in json.dumps(data["proposals"])  # only what concerns Sam
    archive = zipfile.ZipFile(io.BytesIO(client.get(reverse("privacy:my_data_export", args=["csv"])).content))
    [review] = csv.DictReader(io.StringIO(archive.read("proposal_reviews.csv").decode("utf-8-sig")))
    assert review["comment"] == "Commentaire de Sam"
    assert {"proposals.csv", "proposal_invitations.csv", "scouting.csv"} <= set(archive.namelist())


def test_an_invited_co_speaker_finds_the_invitation_and_not_the_proposals_texts(client, world):
    from maillage.accounts.models import User

    cora = User.objects.get(email="cora@example.org")  # the invitation made her an account
    client.force_login(cora)
    data = json.loads(client.get(reverse("privacy:my_data_export", args=["json"])).content)
    assert [(i["proposal"], i["name"], i["accepted"]) for i in data["proposal_invitations"]] == [
        ("Les capteurs de Sam", "Cora Cospeaker", None)
    ]
    assert data["proposals"] == []


def _call_figures(call) -> tuple:
    proposals = Proposal.objects.filter(call=call)
    return (
        sorted(proposals.values_list("state", "track_id", "session_type_id")),
        sorted(Review.objects.filter(proposal__call=call).values_list("proposal_id", "score")),
        ProposalSpeaker.objects.filter(proposal__call=call).count(),
        Prospect.objects.filter(call=call).count(),
        [selectors.scores_of(p) for p in selectors.with_scores(proposals).order_by("pk")],
    )


def test_erasure_anonymises_the_call_for_proposals_and_keeps_its_figures(
    world, django_capture_on_commit_callbacks
):
    call, sam = world["call"], world["sam"]
    slides = Proposal.objects.get(pk=world["mine"].pk).slides
    storage, name = slides.storage, slides.name
    assert storage.exists(name)
    before = _call_figures(call)
    with django_capture_on_commit_callbacks(execute=True):  # files go once the erasure is committed
        privacy.person_anonymise(by=world["organiser"], user=sam)
    assert _call_figures(call) == before
    mine = Proposal.objects.get(pk=world["mine"].pk)
    assert (mine.title, mine.abstract, mine.notes, mine.answers, mine.slides.name) == (
        "Proposition anonymisée", "", "", {}, ""
    )  # fmt: skip
    assert not storage.exists(name)
    assert Review.objects.get(reviewer=sam).comment == ""
    speaker = ProposalSpeaker.objects.get(proposal=mine, user=sam)
    assert (speaker.name, speaker.email.endswith("@invalid")) == ("Personne anonymisée", True)
    prospect = Prospect.objects.get(call=call)
    assert (prospect.name, prospect.where_met, prospect.why) == ("Personne anonymisée", "", "")
    everything = _every_text()
    for trace in ("sam@example.org", "Sam Samson", "Les capteurs de Sam", "Résumé de Sam", "Note de Sam",
                  "Commentaire de Sam", "Salon de Sam", "Sam parle bien"):  # fmt: skip
        assert trace not in everything, trace
    # Others keep theirs: Cora's invitation, Otto's proposal.
    assert ProposalSpeaker.objects.get(pk=world["cora"].pk).email == "cora@example.org"
    assert Proposal.objects.get(pk=world["theirs"].pk).title == "Ville ouverte"


def test_retention_clears_proposals_not_accepted_and_deletes_scouting_notes_after_a_year(world, settings):
    call = world["call"]
    services.proposals_decide(call=call, proposal_ids=[world["theirs"].pk], state="accepted", notify=False)
    services.proposals_decide(call=call, proposal_ids=[world["mine"].pk], state="rejected", notify=False)
    early = privacy.retention_apply(now=call.deadline + dt.timedelta(days=300))
    assert (early["proposals"], early["scouting"]) == (0, 0)
    later = call.deadline + dt.timedelta(days=31 * settings.MAILLAGE_RETAIN_PROPOSALS_MONTHS + 1)
    done = privacy.retention_apply(now=later)
    assert (done["proposals"], done["proposal_speakers"], done["scouting"]) == (1, 2, 1)
    rejected, accepted = (Proposal.objects.get(pk=world[k].pk) for k in ("mine", "theirs"))
    assert (rejected.state, rejected.title, rejected.abstract) == ("rejected", "Proposition anonymisée", "")
    assert (accepted.title, accepted.abstract != "") == ("Ville ouverte", True)
    assert Review.objects.get(proposal=accepted).comment == "Commentaire de Sam"  # an accepted one's
    assert not Prospect.objects.exists()
    again = privacy.retention_apply(now=later)
    assert (again["proposals"], again["proposal_speakers"]) == (0, 0)


def test_retention_forgets_emails_sent_a_month_ago_and_keeps_those_waiting():
    from maillage.common.models import OutboundEmail

    old = timezone.now() - dt.timedelta(days=40)
    OutboundEmail.objects.create(to="a@example.org", subject="Vieux", body="x", status="sent", created=old)
    OutboundEmail.objects.create(to="b@example.org", subject="En attente", body="x", created=old)
    OutboundEmail.objects.create(to="c@example.org", subject="Récent", body="x", status="sent")
    assert privacy.retention_apply()["emails"] == 1
    assert sorted(OutboundEmail.objects.values_list("subject", flat=True)) == ["En attente", "Récent"]


def test_the_privacy_page_says_these_rules(client, settings):
    settings.MAILLAGE_RETAIN_PROPOSALS_MONTHS, settings.MAILLAGE_RETAIN_EMAILS_DAYS = 7, 45
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get(reverse("privacy:policy"))
    assert (response.context["proposals_months"], response.context["emails_days"]) == (7, 45)
    page = response.content.decode()
    assert "cleared 7 months after the call" in page
    assert "the record (address, subject, date) 45 days after" in page


def test_an_erasure_keeps_other_peoples_emails_that_only_share_a_first_name(world):
    from maillage.common.models import OutboundEmail

    sam = world["sam"]
    sam.name = "Sam"  # a lone first name
    sam.save(update_fields=["name"])
    OutboundEmail.objects.create(to="x@example.org", subject="Bonjour", body="Sam Other vous écrit")
    OutboundEmail.objects.create(to="sam@example.org", subject="Pour Sam", body="Corps")
    privacy.person_anonymise(by=world["organiser"], user=sam)
    mine = OutboundEmail.objects.filter(subject__in=["Bonjour", "Pour Sam"])
    assert list(mine.values_list("to", flat=True)) == ["x@example.org"]
