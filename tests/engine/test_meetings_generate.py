from maillage.engine.meetings.generate import SIZES, generate, generate_size
from maillage.engine.meetings.parse import parse_instance


def test_generate_is_seeded():
    assert generate_size("mission", seed=3) == generate_size("mission", seed=3)
    assert generate_size("mission", seed=3) != generate_size("mission", seed=4)


def test_generate_mission_has_the_requested_size_and_parses():
    data = generate_size("mission", seed=1)
    instance = parse_instance(data)

    assert (len(instance.participants), len(instance.requests), len(instance.tables)) == (120, 300, 30)
    assert {s.session for s in instance.slots} == {"d1-am", "d1-pm"}


def test_generate_forum_mixes_weights_booths_caps_and_availability():
    data = generate(participants=200, requests=800, days=2, tables=30, seed=2)
    instance = parse_instance(data)

    assert {r.weight for r in instance.requests} == {1, 2, 3}
    assert any(p.table for p in instance.participants)
    assert any(p.max_meetings is not None for p in instance.participants)
    assert any(p.available is not None for p in instance.participants)
    assert len({frozenset(r.participants) for r in instance.requests}) == 800


def test_generate_sizes_match_the_issue():
    assert SIZES["stress"]["requests"] == 120_000
    assert SIZES["large"]["tables"] == 400
