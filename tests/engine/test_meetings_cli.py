import json
import subprocess
import sys

from maillage.engine.meetings import render
from maillage.engine.meetings.cli import main
from maillage.engine.meetings.generate import generate
from maillage.engine.meetings.model import Meeting
from maillage.engine.meetings.parse import parse_instance
from maillage.engine.meetings.problem import Problem
from maillage.engine.meetings.validate import schedule_errors


def _small() -> dict:
    return generate(participants=12, requests=20, days=1, tables=3, kind="mission", seed=4)


def test_cli_writes_a_valid_schedule(tmp_path):
    data = _small()
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "schedule.json"

    code = main([str(source), "--time-limit", "3", "--output", str(target)])

    result = json.loads(target.read_text(encoding="utf-8"))
    problem = Problem.build(parse_instance(data))
    meetings = [Meeting(**m) for m in result["meetings"]]
    assert code == 0
    assert schedule_errors(problem, meetings) == []
    assert len(result["meetings"]) + len(result["unscheduled"]) == 20
    for item in result["unscheduled"]:  # a code with its parameters, and its sentence for people reading
        params = {key: value for key, value in item.items() if key not in ("request", "code", "reason")}
        assert item["reason"] == render(item["code"], params)
    assert result["stats"]["weight"] <= result["stats"]["upper_bound"]
    assert set(result["stats"]) >= {"scheduled", "weight", "upper_bound", "holes", "seconds"}


def test_cli_bad_reference_exits_2_without_output(tmp_path, capsys):
    data = _small()
    data["requests"][5]["participants"][1] = "p900"
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "schedule.json"

    code = main([str(source), "--output", str(target)])

    assert code == 2
    assert 'requests[5].participants[1]: unknown participant "p900"' in capsys.readouterr().err
    assert not target.exists()


def test_cli_empty_file_exits_2(tmp_path, capsys):
    source = tmp_path / "instance.json"
    source.write_text("", encoding="utf-8")

    code = main([str(source), "--output", str(tmp_path / "out.json")])

    assert code == 2
    assert "the file is empty" in capsys.readouterr().err
    assert not (tmp_path / "out.json").exists()


def test_cli_missing_file_exits_2(tmp_path, capsys):
    code = main([str(tmp_path / "nope.json")])

    assert code == 2
    assert "cannot read" in capsys.readouterr().err


def test_cli_through_maillage_entry_point(tmp_path):
    source = tmp_path / "instance.json"
    source.write_text("not json", encoding="utf-8")
    target = tmp_path / "schedule.json"

    run = subprocess.run(
        [sys.executable, "-m", "maillage", "schedule-meetings", str(source), "--output", str(target)],
        capture_output=True,
        text=True,
        check=False,
    )

    assert run.returncode == 2
    assert "not valid JSON" in run.stderr
    assert not target.exists()


def test_cli_output_folder_missing_exits_2(tmp_path, capsys):
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(_small()), encoding="utf-8")

    code = main([str(source), "--output", str(tmp_path / "nope" / "schedule.json")])

    assert code == 2
    assert "no such folder" in capsys.readouterr().err


def test_cli_reports_breaks_and_their_bound(tmp_path):
    data = _small()
    data["requests"][0]["available"] = [s["id"] for s in data["slots"][:7]]  # morning only
    data["options"] = {"max_break_spread": 2}
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "schedule.json"

    code = main([str(source), "--time-limit", "3", "--output", str(target)])

    result = json.loads(target.read_text(encoding="utf-8"))
    stats = result["stats"]
    assert code == 0
    assert set(stats) >= {
        "breaks",
        "breaks_lower_bound",
        "breaks_proven_optimal",
        "max_breaks_per_participant",
        "break_spread",
        "infeasible_reason",
        "holes",
        "proven_optimal",
        "weight_proven_optimal",
    }
    assert stats["breaks"] >= stats["breaks_lower_bound"]
    assert all(
        m["slot"] in data["requests"][0]["available"] for m in result["meetings"] if m["request"] == "r1"
    )


def _exit_2(tmp_path, capsys, data: dict) -> str:
    source = tmp_path / "instance.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "schedule.json"

    code = main([str(source), "--output", str(target)])

    assert code == 2
    assert not target.exists()
    return capsys.readouterr().err


def test_cli_window_with_unknown_slot_exits_2(tmp_path, capsys):
    data = _small()
    data["requests"][3]["available"] = ["s1", "s99"]

    assert 'requests[3].available[1]: unknown slot "s99"' in _exit_2(tmp_path, capsys, data)


def test_cli_window_leaving_no_slot_exits_2(tmp_path, capsys):
    data = _small()
    data["requests"][3]["available"] = []

    assert "requests[3].available: the window holds no slot" in _exit_2(tmp_path, capsys, data)


def test_cli_bad_max_break_spread_exits_2(tmp_path, capsys):
    data = _small()
    data["options"] = {"max_break_spread": -1}

    assert "options.max_break_spread: expected a whole number of at least 0" in _exit_2(
        tmp_path, capsys, data
    )
