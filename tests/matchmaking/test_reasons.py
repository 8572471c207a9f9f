import pytest
from django.utils import translation

from maillage.engine.meetings import solve
from maillage.engine.meetings.parse import parse_instance
from maillage.matchmaking.reasons import reason_translate


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
def test_engine_reasons_read_in_french(english, french):
    with translation.override("fr"):
        assert reason_translate(english) == french


def test_the_engines_own_reasons_are_all_translated():
    """Real reasons from the real engine: if its wording changes, this test names the sentence to add."""
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
    schedule = solve.solve(parse_instance(data), time_limit=2, workers=1)
    reasons = [u.reason for u in schedule.unscheduled]
    assert len(reasons) == 3
    with translation.override("fr"):
        assert [reason_translate(r) == r for r in reasons] == [False, False, False], reasons
