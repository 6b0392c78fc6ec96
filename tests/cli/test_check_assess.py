"""``thresholds check`` and ``thresholds assess`` on the bundled pack and on broken copies."""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from thresholds_app.cli import assess as assess_cli
from thresholds_app.cli import check as check_cli
from thresholds_app.core.case.record import new_case, save_case
from thresholds_app.paths import default_pack_dir

# THRESHOLDS_PACK_DIR points these tests at another pack than the bundled one.
PACK_DIR = Path(os.environ.get("THRESHOLDS_PACK_DIR") or default_pack_dir())
MONDAY_MORNING = "2026-11-23T10:00"
SATURDAY_NIGHT = "2026-11-28T23:00"


def run(module: ModuleType, *argv: str) -> int:
    parser = argparse.ArgumentParser()
    module.add_arguments(parser)
    if module is assess_cli:
        argv = (*argv, "--pack", str(PACK_DIR))
    result: int = module.run(parser.parse_args(list(argv)))
    return result


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(PACK_DIR, target)
    return target


def test_check_passes_the_bundled_pack(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(check_cli, str(PACK_DIR)) == 0
    last = capsys.readouterr().out.strip().splitlines()[-1]
    passed, failed = last.split(", ")
    assert passed.endswith(" passed")
    assert int(passed.split()[0]) >= 30
    assert failed == "0 failed"


def test_check_reports_a_failing_case_with_file_name_and_expected_vs_actual(
    pack_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cases = pack_copy / "tests" / "level-rules.yaml"
    text = cases.read_text(encoding="utf-8")
    marker = "  - name: A single Level 4 concern indicates Level 4 without an emergency.\n"
    assert marker in text
    cases.write_text(
        text.replace(marker, marker.replace("indicates Level 4", "is only Level 3"), 1).replace(
            'answers: {immediate-danger: "no", pc-basic-care-l4: "yes"}\n    expected:\n'
            "      level: 4",
            'answers: {immediate-danger: "no", pc-basic-care-l4: "yes"}\n    expected:\n'
            "      level: 3",
            1,
        ),
        encoding="utf-8",
    )
    assert run(check_cli, str(pack_copy)) == 1
    out = capsys.readouterr().out
    assert "tests/level-rules.yaml:" in out
    assert "'A single Level 4 concern is only Level 3 without an emergency.'" in out
    assert "level: expected Level 3, got Level 4" in out
    assert out.strip().splitlines()[-1].endswith(", 1 failed")


def test_check_refuses_an_invalid_pack_and_prints_its_problems(
    pack_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rules = pack_copy / "rules.yaml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("policy: highest-level", "policy: lowest"),
        encoding="utf-8",
    )
    assert run(check_cli, str(pack_copy)) == 2
    err = capsys.readouterr().err
    assert "is not valid" in err
    assert "rules.yaml" in err


def test_check_usage_error_for_a_missing_folder(tmp_path: Path) -> None:
    assert run(check_cli, str(tmp_path / "nowhere")) == 2


def _case_file(tmp_path: Path, answers: dict[str, str], age_band: str | None) -> Path:
    case = new_case()
    case.answers = dict(answers)
    case.child.age_band = age_band
    path = tmp_path / "case.json"
    save_case(case, path)
    return path


def test_assess_json_has_the_promised_fields(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _case_file(
        tmp_path, {"immediate-danger": "no", "dn-bruise-explained-l1": "yes"}, "under-1"
    )
    assert run(assess_cli, str(path), "--format", "json", "--now", MONDAY_MORNING) == 0
    data = json.loads(capsys.readouterr().out)
    for key in (
        "indicated_level", "emergency", "rules_fired", "reasons", "missing", "warnings",
        "consent", "next_steps", "pack",
    ):  # fmt: skip
        assert key in data
    assert data["indicated_level"] == 4
    assert data["emergency"] is False
    assert "non-mobile-baby-bruise" in data["rules_fired"]
    assert data["pack"]["id"] == "solihull-rhrt"
    assert len(data["pack"]["hash"]) == 64
    assert data["contacts"][0]["id"] == "mash"


def test_assess_json_null_level_when_information_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _case_file(tmp_path, {}, None)
    assert run(assess_cli, str(path), "--format", "json", "--now", MONDAY_MORNING) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["indicated_level"] is None
    assert [m["id"] for m in data["missing"]] == ["immediate-danger"]


def test_assess_text_says_a_danger_not_known_before_anything_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _case_file(tmp_path, {"immediate-danger": "not-known"}, "5-10")
    assert run(assess_cli, str(path), "--now", MONDAY_MORNING) == 0
    lines = capsys.readouterr().out.splitlines()
    (line,) = [n for n, text in enumerate(lines) if text.startswith("POSSIBLE DANGER: ")]
    assert "call 999" in lines[line]
    assert line <= 3  # with the headline, before the sections


def test_assess_text_in_an_emergency_out_of_hours(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _case_file(tmp_path, {"immediate-danger": "yes"}, "5-10")
    assert run(assess_cli, str(path), "--now", SATURDAY_NIGHT) == 0
    out = capsys.readouterr().out
    assert "The guidance indicates: Level 4" in out
    assert "EMERGENCY" in out
    contacts = out.split("Contacts:")[1]
    assert contacts.index("999") < contacts.index("0121 605 6060")
    assert "0121 788 4300" not in contacts
    # QA #1: "no" would leave too little answered, not "lower it to Level 1".
    changes = out.split("What would change this:")[1].split("\n\n")[0]
    assert "immediate-danger answered no would leave too little answered" in changes
    assert "Level 1" not in changes


def test_assess_an_unusable_case_file_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    assert run(assess_cli, str(bad)) == 1
    assert "thresholds assess:" in capsys.readouterr().err


def test_assess_a_bad_time_is_a_usage_error(tmp_path: Path) -> None:
    path = _case_file(tmp_path, {}, None)
    assert run(assess_cli, str(path), "--now", "teatime") == 2


def test_the_thresholds_command_dispatches_check(
    pack_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from thresholds_app.cli import main

    status = main(["check", str(pack_copy)])
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1].endswith(" failed")
    assert status == (0 if out[-1].endswith(", 0 failed") else 1)


def test_a_closed_pipe_ends_quietly_without_a_traceback() -> None:
    """``thresholds scenarios | head -1`` once ended with a BrokenPipeError traceback."""
    import os
    import subprocess
    import sys

    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader has gone, as when head has read its lines
    done = subprocess.run(
        [sys.executable, "-m", "thresholds_app.cli", "scenarios"],
        stdout=write_end,
        stderr=subprocess.PIPE,
        timeout=120,
        check=False,
    )
    os.close(write_end)
    assert b"Traceback" not in done.stderr, done.stderr.decode()
    assert done.returncode == 1


def test_assess_text_never_states_level_1_from_one_answer(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _case_file(tmp_path, {"immediate-danger": "no"}, "5-10")
    assert run(assess_cli, str(path), "--now", MONDAY_MORNING) == 0
    out = capsys.readouterr().out
    assert "The guidance indicates: Not enough answered yet." in out
    assert "Level 1" not in out.split("Still to answer")[0]
    assert "Still to answer before relying on a level:" in out
