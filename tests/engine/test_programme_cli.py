"""``schedule-programme``: the JSON command, its exit statuses and what it writes (or does not)."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from maillage.engine.programme.cli import main
from tests.engine.test_programme_parse import act, week


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_cli_writes_the_programme(tmp_path: Path) -> None:
    instance = write(tmp_path / "week.json", week([act("a"), act("b")], attendees=[["a", "b"]]))
    output = tmp_path / "programme.json"
    assert main([str(instance), "--time-limit", "0.2", "--output", str(output)]) == 0
    programme = json.loads(output.read_text(encoding="utf-8"))
    assert sorted(p["activity"] for p in programme["placements"]) == ["a", "b"]
    assert programme["unplaced"] == []
    assert programme["stats"]["missed_favourites"] == 0
    assert all(
        p["start"].startswith("2027-04-06T") and len(p["start"]) == 16 for p in programme["placements"]
    )


def test_cli_first_fit_to_standard_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    instance = write(tmp_path / "week.json", week([act("a")]))
    assert main([str(instance), "--solver", "first-fit"]) == 0
    assert json.loads(capsys.readouterr().out)["placements"] == [
        {"activity": "a", "room": "small", "start": "2027-04-06T09:00"}
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "empty file"),
        ("   \n", "empty file"),
        ("{not json", "not JSON: "),
        ("[]", "(root): expected an object, got a list"),
        (json.dumps(week([act("a", speakers=["s99"])])), 'activities[0].speakers[0]: unknown speaker "s99"'),
    ],
)
def test_cli_bad_input_exits_2_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    instance = tmp_path / "week.json"
    instance.write_text(content, encoding="utf-8")
    output = tmp_path / "programme.json"
    assert main([str(instance), "--output", str(output)]) == 2
    assert not output.exists()
    assert list(tmp_path.iterdir()) == [instance]
    captured = capsys.readouterr()
    assert captured.out == ""
    assert expected in captured.err
    assert captured.err.startswith("error: ")


def test_cli_missing_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nowhere.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_bad_option_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--time-limit", "soon", "week.json"]) == 2
    assert main([str(write(tmp_path / "w.json", week([]))), "--time-limit", "-1"]) == 2
    capsys.readouterr()


def test_cli_runs_through_python_m_maillage(tmp_path: Path) -> None:
    instance = write(tmp_path / "week.json", week([act("a")]))
    output = tmp_path / "programme.json"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "maillage",
            "schedule-programme",
            str(instance),
            "--time-limit",
            "0.1",
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(output.read_text(encoding="utf-8"))["placements"][0]["activity"] == "a"
    bad = write(tmp_path / "bad.json", {"timezone": "Europe/Paris"})
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "maillage",
            "schedule-programme",
            str(bad),
            "--output",
            str(tmp_path / "x.json"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stderr) == (2, "error: grid_minutes: missing\n")
    assert not (tmp_path / "x.json").exists()
