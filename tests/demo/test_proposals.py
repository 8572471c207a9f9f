"""The demo call loads through the services, dated from today, and twice changes nothing."""

import pytest
from django.utils import timezone

from maillage.demo.proposals import proposals_demo_load
from maillage.programme.models import Activity
from maillage.proposals import selectors
from maillage.proposals.models import Call, Proposal, Review

pytestmark = pytest.mark.django_db


def test_the_demo_call_is_open_with_proposals_at_every_stage():
    assert proposals_demo_load().created
    call = Call.objects.get()
    assert call.is_open()
    assert call.edition.start_date > timezone.localdate()
    states = sorted(set(Proposal.objects.values_list("state", flat=True)))
    assert states == ["accepted", "confirmed", "submitted", "waitlisted"]
    confirmed = Proposal.objects.get(state="confirmed")
    assert confirmed.activity.status == Activity.Status.DRAFT
    assert confirmed.activity.favourites.count() == 6
    assert Review.objects.count() == 8  # Nadia, of Louis Bergeron's organisation, never sees his proposals
    board = selectors.dashboard(call)
    assert board.proposals == 6
    assert [row.prospect.name for row in selectors.prospects_with_answers(call) if row.proposals] == [
        "Inês Ferreira"
    ]
    again = proposals_demo_load()
    assert (again.created, again.call, again.proposals) == (False, call, 6)
    assert (Call.objects.count(), Proposal.objects.count()) == (1, 6)
