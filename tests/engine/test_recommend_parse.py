import pytest

from maillage.engine import contract
from maillage.engine.recommend import InputError, parse_problem


def profile(**overrides):
    base = {
        "id": "a",
        "organisation": "Capteo",
        "kind": "startup",
        "country": "Canada",
        "region": "Montréal",
        "sectors": ["IoT"],
        "offers": "capteurs",
        "needs": "distributeurs",
        "languages": ["fr"],
        "looking_for": ["distributor"],
    }
    return {**base, **overrides}


def error_of(raw):
    with pytest.raises(InputError) as caught:
        parse_problem(raw)
    return caught.value


def test_errors_are_the_engines_shared_input_error():
    """One class for every engine's bad input: an app catches it once."""
    error = error_of({"profiles": [profile(languages=["fr", "French"])]})
    assert isinstance(error, contract.InputError)
    assert error.path == "profiles[0].languages[1]"
    assert str(error).startswith("profiles[0].languages[1]: ")


def test_parse_problem_valid_defaults():
    problem = parse_problem({"profiles": [profile(), profile(id=7)]})
    assert [p.id for p in problem.profiles] == ["a", "7"]
    assert problem.language == "fr"
    assert problem.corridors == ()
    assert problem.profiles[0].looking_for == ("distributor",)


@pytest.mark.parametrize(
    ("raw", "path"),
    [
        ([], "$"),
        ({}, "profiles"),
        ({"profiles": {}}, "profiles"),
        ({"profiles": [], "extra": 1}, "extra"),
        ({"profiles": [3]}, "profiles[0]"),
        ({"profiles": [profile(id="")]}, "profiles[0].id"),
        ({"profiles": [profile(id=None)]}, "profiles[0].id"),
        ({"profiles": [profile(), profile()]}, "profiles[1].id"),
        ({"profiles": [profile(looking_for=["client", "friend"])]}, "profiles[0].looking_for[1]"),
        ({"profiles": [profile(languages=[])]}, "profiles[0].languages"),
        ({"profiles": [profile(languages=["french"])]}, "profiles[0].languages[0]"),
        ({"profiles": [profile(sectors="IoT")]}, "profiles[0].sectors"),
        ({"profiles": [profile(sectors=["IoT", 4])]}, "profiles[0].sectors[1]"),
        ({"profiles": [profile(offers=None)]}, "profiles[0].offers"),
        ({"profiles": [profile(colour="blue")]}, "profiles[0].colour"),
        ({"profiles": [profile(offers="", needs="", sectors=[])]}, "profiles[0]"),
        ({"profiles": [profile()], "corridors": [["Montréal"]]}, "corridors[0]"),
        ({"profiles": [profile()], "corridors": "QC"}, "corridors"),
        ({"profiles": [profile()], "language": "de"}, "language"),
    ],
)
def test_parse_problem_error_names_the_place(raw, path):
    assert error_of(raw).path == path


def test_parse_problem_missing_field_is_named():
    raw = profile()
    del raw["needs"]
    assert error_of({"profiles": [profile(id="b"), raw]}).path == "profiles[1].needs"
