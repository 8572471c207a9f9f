import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from maillage.engine.recommend.cli import main

PROFILES = {
    "language": "en",
    "corridors": [["Capitale-Nationale", "Nouvelle-Aquitaine"]],
    "profiles": [
        {
            "id": "capteo",
            "organisation": "Capteo",
            "kind": "startup",
            "country": "Canada",
            "region": "Capitale-Nationale",
            "sectors": ["Objets connectés"],
            "offers": "Capteurs pour objets connectés et conception de cartes électroniques",
            "needs": "Un distributeur en France",
            "languages": ["fr", "en"],
            "looking_for": ["distributor"],
        },
        {
            "id": "bordeaux-iot",
            "organisation": "Bordeaux IoT",
            "kind": "distributor",
            "country": "France",
            "region": "Nouvelle-Aquitaine",
            "sectors": ["IoT"],
            "offers": "Distribution of IoT devices to French manufacturers",
            "needs": "IoT sensor design for industrial monitoring",
            "languages": ["fr", "en"],
            "looking_for": ["supplier"],
        },
        {
            "id": "vr-studio",
            "organisation": "Studio VR",
            "kind": "sme",
            "country": "Belgique",
            "region": "Wallonie",
            "sectors": ["Réalité virtuelle"],
            "offers": "Expériences de réalité virtuelle pour musées",
            "needs": "Des musées clients",
            "languages": ["fr"],
            "looking_for": ["client"],
        },
    ],
}


@pytest.fixture
def profiles_file(tmp_path):
    path = tmp_path / "profiles.json"
    path.write_text(json.dumps(PROFILES), encoding="utf-8")
    return path


def test_cli_round_trip(profiles_file, tmp_path):
    output = tmp_path / "recs.json"
    assert main([str(profiles_file), "--top", "2", "--output", str(output)]) == 0
    recs = json.loads(output.read_text(encoding="utf-8"))["recommendations"]
    assert set(recs) == {"capteo", "bordeaux-iot", "vr-studio"}
    first = recs["capteo"][0]
    assert first["id"] == "bordeaux-iot"
    assert set(first) == {"id", "score", "reasons", "reason_codes"}
    assert len(first["reasons"]) == len(first["reason_codes"])
    assert "their region is in the Capitale-Nationale–Nouvelle-Aquitaine corridor" in first["reasons"]
    assert any(text.startswith("your need 'distributeur en France'") for text in first["reasons"])
    for pid, items in recs.items():
        assert len(items) == 2
        assert pid not in [item["id"] for item in items]


def test_cli_language_option_overrides_input(profiles_file, capsys):
    assert main([str(profiles_file), "--top", "1", "--language", "fr"]) == 0
    recs = json.loads(capsys.readouterr().out)["recommendations"]
    assert recs["capteo"][0]["reasons"][0].startswith("votre besoin « distributeur en France »")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON: line 1 column 2"),
        (
            json.dumps(
                {
                    "profiles": [
                        {"id": "a", "offers": "x", "needs": "y", "languages": ["fr"], "looking_for": ["boss"]}
                    ]
                }
            ),
            "profiles[0].looking_for[0]: unknown role 'boss'",
        ),
        (
            json.dumps({"profiles": [{"id": "a", "offers": "x", "needs": "y"}]}),
            "profiles[0].languages: is required",
        ),
    ],
)
def test_cli_bad_input_exits_2_and_writes_nothing(tmp_path, capsys, content, message):
    source = tmp_path / "bad.json"
    source.write_text(content, encoding="utf-8")
    output = tmp_path / "recs.json"
    assert main([str(source), "--output", str(output)]) == 2
    assert message in capsys.readouterr().err
    assert not output.exists()


def test_cli_missing_file_exits_2(tmp_path, capsys):
    assert main([str(tmp_path / "nope.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_bad_top_exits_2(profiles_file, tmp_path):
    output = tmp_path / "recs.json"
    assert main([str(profiles_file), "--top", "0", "--output", str(output)]) == 2
    assert not output.exists()


def test_module_entry_point(profiles_file, tmp_path):
    output = tmp_path / "recs.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "maillage",
            "recommend",
            str(profiles_file),
            "--top",
            "1",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (
        json.loads(output.read_text(encoding="utf-8"))["recommendations"]["bordeaux-iot"][0]["id"] == "capteo"
    )


WORDS = [
    "capteurs",
    "sensors",
    "IoT",
    "distribution",
    "financement",
    "funding",
    "logiciel",
    "software",
    "VR",
    "réalité virtuelle",
    "cloud",
    "santé",
    "",
    "jeux vidéo",
    "recrutement",
    "é",
    "l'IA",
]
profile_strategy = st.fixed_dictionaries(
    {
        "offers": st.lists(st.sampled_from(WORDS), max_size=5).map(" ".join),
        "needs": st.lists(st.sampled_from(WORDS), max_size=5).map(" ".join),
        "sectors": st.lists(st.sampled_from(["IoT", "VR", "pâtisserie", "Fintech"]), min_size=1, max_size=2),
        "languages": st.sampled_from([["fr"], ["en"], ["fr", "en"]]),
        "looking_for": st.lists(
            st.sampled_from(["client", "supplier", "investor", "distributor", "rd_partner", "mentor"]),
            max_size=3,
        ),
        "kind": st.sampled_from(["startup", "investor", "distributor", "", "martian"]),
        "country": st.sampled_from(["Canada", "France", "BE", ""]),
        "region": st.sampled_from(["Montréal", "Occitanie", ""]),
    }
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(profiles=st.lists(profile_strategy, min_size=1, max_size=8), top=st.integers(1, 10))
def test_any_valid_input_gives_valid_recommendations(tmp_path, profiles, top):
    raw = {
        "profiles": [{"id": f"p{k}", **p} for k, p in enumerate(profiles)],
        "corridors": [["Montréal", "Occitanie"]],
    }
    source = tmp_path / "in.json"
    source.write_text(json.dumps(raw), encoding="utf-8")
    output = tmp_path / "out.json"
    assert main([str(source), "--top", str(top), "--output", str(output)]) == 0
    recs = json.loads(output.read_text(encoding="utf-8"))["recommendations"]
    assert set(recs) == {f"p{k}" for k in range(len(profiles))}
    for pid, items in recs.items():
        assert len(items) == min(top, len(profiles) - 1)
        assert pid not in [item["id"] for item in items]
        assert len({item["id"] for item in items}) == len(items)
        scores = [item["score"] for item in items]
        assert scores == sorted(scores, reverse=True)
        assert all(item["reasons"] for item in items)
