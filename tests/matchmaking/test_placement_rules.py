"""Placing a request by hand on the day: the page says which of the scheduler's hard rules it would break,
translated from the validator's code, with names (not one sentence for every rule)."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from maillage.engine.meetings import RULES
from maillage.matchmaking import reasons, services
from maillage.matchmaking.models import B2BSession

from . import test_freed_slots

pytestmark = pytest.mark.django_db

day = test_freed_slots.day  # the fixture: Alice meets Bob; Dave asks Bob and Alice asks Erin afterwards


def refusal(request, slot, table) -> ValidationError:
    with translation.override("en"), pytest.raises(ValidationError) as caught:
        services.meeting_place(request=request, slot=slot, table=table, notify=False)
    assert caught.value.error_list[0].code == "hard_rule"
    return caught.value


def test_a_taken_table_is_named(session, day):
    meeting, late, other = day
    services.meeting_request_cancel(request=meeting.request)
    services.meeting_place(request=late, slot=meeting.slot, table=meeting.table, notify=False)
    error = refusal(other, meeting.slot, meeting.table)
    assert error.messages == [f"Table {meeting.table.label} is already taken at {meeting.slot}."]


def test_someone_away_is_named(session, day, alice):
    meeting, _late, other = day
    services.meeting_request_cancel(request=meeting.request)
    free_table = session.tables.exclude(pk=meeting.table_id).first()
    alice.unavailable.set(session.day_parts.all())
    error = refusal(other, meeting.slot, free_table)
    assert error.messages == [f"{alice.name} is not available at {meeting.slot}."]


def test_someone_already_busy_then_is_named(session, day, alice):
    meeting, _late, other = day  # Alice still meets Bob in that slot
    free_table = session.tables.exclude(pk=meeting.table_id).first()
    error = refusal(other, meeting.slot, free_table)
    assert error.messages == [f"{alice.name} already has a meeting at {meeting.slot}."]


def test_the_sessions_cap_is_named_with_its_numbers(session, day, alice):
    meeting, _late, other = day
    later = session.slots.filter(start__gt=meeting.slot.start).order_by("start").first()
    table = session.tables.exclude(pk=meeting.table_id).first()
    B2BSession.objects.filter(pk=session.pk).update(max_meetings=1)
    error = refusal(other, later, table)
    assert error.messages == [f"{alice.name} would have 2 meetings, more than the 1 allowed."]


def test_rule_display_reads_ids_it_has_no_name_for_as_they_are():
    item = {"code": "table_is_booth", "request": "r1", "table": "t9"}
    with translation.override("en"):
        assert (
            reasons.rule_display(item, people={}, tables={}, slots={}) == "Table t9 is someone else's booth."
        )
        assert reasons.rule_display({"code": "new_rule"}, people={}, tables={}, slots={}) == "new_rule"


def test_infeasible_text_from_the_code_and_from_an_old_sentence():
    with translation.override("en"):
        coded = {
            "infeasible": {"code": "spread_not_met", "n": 1, "weight": 4},
            "infeasible_reason": "ignored",
        }
        assert reasons.infeasible_text(coded) == (
            "No schedule of weight 4 keeps every participant within 1 break of the others."
        )
        unproven = {"infeasible": {"code": "spread_not_found", "n": 2}}
        assert reasons.infeasible_text(unproven).startswith(
            "No schedule keeping every participant within 2 breaks"
        )
        assert reasons.infeasible_text({"infeasible_reason": "old sentence"}) == "old sentence"
        assert reasons.infeasible_text({"infeasible": None, "infeasible_reason": None}) == ""


def test_every_rule_of_the_validator_has_words_in_the_app():
    assert set(RULES) - {"too_many_meetings"} == set(reasons.RULES)
