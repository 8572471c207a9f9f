"""Review: reviewers by track, conflicts of interest excluded automatically, anonymous review, scores with
their spread, the progress dashboard (in a fixed number of queries), CSV exports."""

import csv
import io

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from maillage.proposals import presenters, selectors, services
from maillage.proposals.models import Proposal
from tests.factories import OrganisationFactory, OrganiserFactory

from .factories import call_make, proposal_make, speaker_make, track

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    call = call_make()
    acme, other_org = OrganisationFactory(name="Acme"), OrganisationFactory(name="Boréal")
    speaker = speaker_make(acme)
    outsider = speaker_make(other_org)
    ai = proposal_make(call, speaker, title="IA frugale")
    city = proposal_make(call, outsider, title="Ville ouverte", track=track(call, "ville"))
    reviewer = speaker_make(OrganisationFactory(name="Cégep"), name="Rita Reviewer")
    conflicted = speaker_make(acme, name="Colin Conflict")  # same organisation as the speaker of `ai`
    for user in (reviewer, conflicted):
        services.reviewer_set(call=call, user=user, tracks=[track(call), track(call, "ville")])
    return {
        "call": call, "ai": ai, "city": city, "speaker": speaker, "outsider": outsider,
        "reviewer": reviewer, "conflicted": conflicted,
    }  # fmt: skip


def test_a_reviewer_of_the_same_organisation_never_sees_the_proposal(world):
    call, ai, city = world["call"], world["ai"], world["city"]
    assert list(selectors.proposals_to_review(call, world["conflicted"]).order_by("pk")) == [city]
    assert list(selectors.proposals_to_review(call, world["reviewer"]).order_by("pk")) == [ai, city]
    with pytest.raises(ValidationError):
        services.review_save(proposal=ai, reviewer=world["conflicted"], score=2)
    services.review_save(proposal=ai, reviewer=world["reviewer"], score=1, comment="Solide")
    assert selectors.reviews_visible(ai, world["conflicted"]) == []
    assert selectors.access(ai, world["conflicted"]).sees_scores is False


def test_a_conflict_follows_the_directory_and_covers_co_speakers(world):
    call, city = world["call"], world["city"]
    invited = services.cospeaker_invite(
        proposal=city, by=world["outsider"], name="Co", email=world["conflicted"].email
    )
    # Invited but not accepted: already a conflict (their directory person is known).
    assert city not in selectors.proposals_to_review(call, world["conflicted"])
    services.cospeaker_accept(token=invited.token, user=world["conflicted"])
    assert list(selectors.proposals_to_review(call, world["conflicted"])) == []


def test_reviewers_see_only_their_tracks(world):
    call = world["call"]
    services.reviewer_set(call=call, user=world["reviewer"], tracks=[track(call, "ville")])
    assert list(selectors.proposals_to_review(call, world["reviewer"])) == [world["city"]]
    with pytest.raises(ValidationError):
        services.review_save(proposal=world["ai"], reviewer=world["reviewer"], score=1)
    services.reviewer_set(call=call, user=world["reviewer"], tracks=[])
    assert selectors.reviewer_of(call, world["reviewer"]) is None


def test_a_speaker_cannot_review_their_own_proposal(world):
    call = world["call"]
    services.reviewer_set(call=call, user=world["outsider"], tracks=[track(call, "ville")])
    assert list(selectors.proposals_to_review(call, world["outsider"])) == []


def test_scores_aggregate_with_their_spread(world):
    call, ai = world["call"], world["ai"]
    third = speaker_make(name="Tess")
    services.reviewer_set(call=call, user=third, tracks=[track(call)])
    services.review_save(proposal=ai, reviewer=world["reviewer"], score=2)
    services.review_save(proposal=ai, reviewer=third, score=-1)
    services.review_save(proposal=ai, reviewer=third, score=0, comment="Revu")  # changed, not added
    row = selectors.proposals_for_organisers(call).get(pk=ai.pk)
    scores = selectors.scores_of(row)
    assert (scores.count, scores.mean, scores.std, scores.low, scores.high) == (2, 1.0, 1.0, 0, 2)
    assert presenters.proposal_rows([row])[0].spread == "+0 … +2"
    ordered = [p.title for p in selectors.proposals_for_organisers(call)]
    assert ordered == ["IA frugale", "Ville ouverte"]  # unreviewed last


def test_reviews_close_with_the_decision(world):
    call, ai = world["call"], world["ai"]
    services.proposals_decide(call=call, proposal_ids=[ai.pk], state="rejected", notify=False)
    ai.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        services.review_save(proposal=ai, reviewer=world["reviewer"], score=2)
    assert error.value.code == "decided"


def test_a_reviewer_sees_the_others_only_after_their_own(world):
    call, city = world["call"], world["city"]
    services.review_save(proposal=city, reviewer=world["conflicted"], score=-2, comment="Non")
    assert selectors.reviews_visible(city, world["reviewer"]) == []
    mine = services.review_save(proposal=city, reviewer=world["reviewer"], score=1)
    assert len(selectors.reviews_visible(city, world["reviewer"])) == 2
    assert selectors.reviews_visible(city, world["outsider"]) == []  # the speaker
    assert mine in selectors.reviews_visible(city, OrganiserFactory())
    assert city.call == call


def test_anonymous_review_hides_the_speakers(client, world):
    call = services.call_update(call=world["call"], anonymous_review=True)
    client.force_login(world["reviewer"])
    page = client.get(reverse("proposals:review", args=[call.edition.slug, world["ai"].pk]))
    assert page.status_code == 200
    assert world["speaker"].person.full_name not in page.content.decode()
    services.call_update(call=call, anonymous_review=False)
    page = client.get(reverse("proposals:review", args=[call.edition.slug, world["ai"].pk]))
    assert world["speaker"].person.full_name in page.content.decode()


def test_the_review_form_keeps_the_comment_when_the_score_is_missing(client, world):
    client.force_login(world["reviewer"])
    url = reverse("proposals:review", args=[world["call"].edition.slug, world["ai"].pk])
    page = client.post(url, {"comment": "Très bon sujet <b>vraiment</b>"})
    assert page.status_code == 200
    assert "Très bon sujet &lt;b&gt;vraiment&lt;/b&gt;" in page.content.decode()
    assert world["ai"].reviews.count() == 0


def test_the_dashboard_counts_per_reviewer_and_track(world, django_assert_max_num_queries):
    call, ai, city = world["call"], world["ai"], world["city"]
    services.review_save(proposal=ai, reviewer=world["reviewer"], score=1)
    services.review_save(proposal=city, reviewer=world["reviewer"], score=0)
    services.review_save(proposal=city, reviewer=world["conflicted"], score=2)
    with django_assert_max_num_queries(8):
        board = selectors.dashboard(call)
    progress = {r.name: (r.assigned, r.done) for r in board.reviewers}
    assert progress == {"Rita Reviewer": (2, 2), "Colin Conflict": (1, 1)}
    assert {t.name: (t.proposals, t.reviews, t.short) for t in board.tracks} == {
        "Intelligence artificielle": (1, 1, 1),
        "Ville intelligente": (1, 2, 1),
    }
    assert [(pk, count) for pk, _title, _track, count in board.short] == [(ai.pk, 1), (city.pk, 2)]


def test_the_dashboard_queries_do_not_grow_with_proposals(world, django_assert_num_queries):
    call = world["call"]
    with django_assert_num_queries(7):
        selectors.dashboard(call)
    for n in range(3):
        proposal_make(call, speaker_make(), title=f"Plus {n}")
    with django_assert_num_queries(7):
        selectors.dashboard(call)


def test_csv_exports_neutralise_formulas(client, world):
    call, ai = world["call"], world["ai"]
    Proposal.objects.filter(pk=ai.pk).update(title='=HYPERLINK("http://evil")')
    services.review_save(proposal=world["city"], reviewer=world["reviewer"], score=1, comment="+1 pour moi")
    client.force_login(OrganiserFactory())
    content = client.get(reverse("proposals:proposals_csv", args=[call.edition.slug])).content.decode(
        "utf-8-sig"
    )
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) == 3
    assert len(rows[0]) == 22  # 21 columns and the call's one question
    titles = {row[1] for row in rows[1:]}
    assert '\'=HYPERLINK("http://evil")' in titles
    reviews = client.get(reverse("proposals:reviews_csv", args=[call.edition.slug])).content.decode(
        "utf-8-sig"
    )
    assert list(csv.reader(io.StringIO(reviews)))[1][5] == "'+1 pour moi"


def test_the_organisers_list_does_not_grow_in_queries(client, world, django_assert_num_queries):
    call = world["call"]
    client.force_login(OrganiserFactory())
    url = reverse("proposals:manage", args=[call.edition.slug])
    client.get(url)
    with django_assert_num_queries(11) as captured:
        client.get(url)
    for n in range(3):
        proposal_make(call, speaker_make(), title=f"Encore {n}")
    with django_assert_num_queries(len(captured)):
        client.get(url)
