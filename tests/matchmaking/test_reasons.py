import pytest
from django.utils import translation

from maillage.engine.meetings import SENTENCES, parse_instance, solve
from maillage.matchmaking import selectors
from maillage.matchmaking.models import SchedulingRun
from maillage.matchmaking.reasons import MESSAGES, reason_display, reason_of, reason_translate

from .factories import participant_make, schedule_and_publish


@pytest.mark.parametrize(
    ("item", "french"),
    [
        ({"code": "own_booths", "a": "p1", "b": "p2"}, "les deux ont leur propre kiosque (Ana et Bo)"),
        (
            {"code": "no_common_slot", "a": "p1", "b": "p2"},
            "aucun créneau libre en commun : Ana et Bo ne sont jamais disponibles en même temps",
        ),
        ({"code": "max_meetings", "a": "p7", "n": 8}, "p7 a atteint 8 rencontres"),
        ({"code": "max_meetings", "a": "p1", "n": 1}, "Ana a atteint 1 rencontre"),
        (
            {"code": "booth_taken", "t": "t3"},
            "le kiosque Table 3 est pris dans chaque créneau libre commun",
        ),
        ({"code": "time_limit"}, "laissée de côté quand la durée limite a été atteinte"),
        ({"code": "a_code_the_engine_may_add_later"}, "a_code_the_engine_may_add_later"),
    ],
)
def test_engine_reason_codes_read_in_french_with_names(item, french):
    with translation.override("fr"):
        assert (
            reason_display(
                {"request": "r1", **item, "reason": "ignored"},
                people={"p1": "Ana", "p2": "Bo"},
                tables={"t3": "Table 3"},
            )
            == french
        )


@pytest.mark.parametrize(
    ("english", "french"),
    [
        ("both have their own booth (p1 and p2)", "les deux ont leur propre kiosque (p1 et p2)"),
        (
            "no common free slot: p1 and p2 are never available at the same time",
            "aucun créneau libre en commun : p1 et p2 ne sont jamais disponibles en même temps",
        ),
        ("p7 has reached 8 meetings", "p7 a atteint 8 rencontres"),
        ("p7 has reached 1 meeting", "p7 a atteint 1 rencontre"),
        (
            "booth t3 is taken in every common free slot",
            "le kiosque t3 est pris dans chaque créneau libre commun",
        ),
        ("left out when the time limit was reached", "laissée de côté quand la durée limite a été atteinte"),
        ("a sentence the engine may add later", "a sentence the engine may add later"),
    ],
)
def test_reasons_stored_before_the_codes_still_read_in_french(english, french):
    with translation.override("fr"):
        assert reason_translate(english) == french


def test_every_engine_code_has_a_message_and_its_sentence_reads_back():
    assert set(SENTENCES) <= set(MESSAGES) | {"max_meetings"}
    for code, sentence in SENTENCES.items():
        params = {"a": "p1", "b": "p2", "t": "t3", "n": 4}
        text = sentence.format(**params)
        found = reason_of({"request": "r1", "reason": text})
        assert found is not None, text
        assert found[0] == code, text
        assert all(params[key] == value for key, value in found[1].items())


def test_the_engines_own_reasons_are_all_translated():
    """Real reasons from the real engine: if it returns a new code, this test names the code to add."""
    slot = {"start": "2027-04-07T09:00:00-04:00", "end": "2027-04-07T09:20:00-04:00", "session": "am"}
    data = {
        "slots": [{"id": "s1", **slot}, {"id": "s2", **slot, "start": "2027-04-07T09:25:00-04:00",
                  "end": "2027-04-07T09:45:00-04:00"}],
        "tables": [{"id": "t1"}, {"id": "t2"}, {"id": "t3"}],
        "participants": [
            {"id": "p1", "table": "t1"}, {"id": "p2", "table": "t2"},
            {"id": "p3", "available": ["s1"]}, {"id": "p4", "available": ["s2"]},
            {"id": "p5", "max_meetings": 1}, {"id": "p6"}, {"id": "p7"},
        ],
        "requests": [
            {"id": "r1", "participants": ["p1", "p2"]},
            {"id": "r2", "participants": ["p3", "p4"]},
            {"id": "r3", "participants": ["p5", "p6"]},
            {"id": "r4", "participants": ["p5", "p7"]},
        ],
    }  # fmt: skip
    schedule = solve(parse_instance(data), time_limit=2, workers=1)
    items = [u.to_json() for u in schedule.unscheduled]
    assert [item["code"] for item in items] == ["own_booths", "no_common_slot", "max_meetings"]
    assert items[0] == {
        "request": "r1",
        "code": "own_booths",
        "a": "p1",
        "b": "p2",
        "reason": "both have their own booth (p1 and p2)",
    }
    with translation.override("fr"):
        french = [reason_display(item, people={}, tables={}) for item in items]
    assert [text != item["reason"] for text, item in zip(french, items, strict=True)] == [True] * 3, french


@pytest.mark.django_db
def test_a_run_stored_before_the_codes_reads_with_names(session):
    alice, bob = participant_make(session), participant_make(session)
    run = schedule_and_publish(session)
    SchedulingRun.objects.filter(pk=run.pk).update(
        unscheduled=[
            {"request": "r0", "reason": f"p{alice.pk} has reached 2 meetings"},
            {"request": "r0", "reason": f"no common free slot: p{alice.pk} and p{bob.pk} are never available "
             "at the same time"},
            {"request": "r0", "reason": "the chosen parts of days leave no slot where both are available"},
        ]
    )  # fmt: skip
    run.refresh_from_db()
    with translation.override("fr"):
        report = selectors.run_report(run)
    assert [text for _request, text in report.unscheduled] == [
        f"{alice.name} a atteint 2 rencontres",
        f"aucun créneau libre en commun : {alice.name} et {bob.name} ne sont jamais disponibles en même temps",
        "les périodes de journée choisies ne laissent aucun créneau où les deux personnes sont disponibles",
    ]
