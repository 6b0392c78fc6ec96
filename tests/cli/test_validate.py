"""``thresholds validate``: exit codes, text and JSON output, through the real entry point."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from thresholds_app.cli import main

DATA = Path(__file__).resolve().parent.parent / "data"
MINIMAL = DATA / "packs" / "minimal"


def test_bundled_pack_is_valid_with_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["valid"] is True
    assert out["problems"] == []
    counts = out["counts"]
    assert set(counts) == {"levels", "indicators", "rules", "topics", "scenarios", "tests"}
    assert counts["levels"] == 4
    assert counts["indicators"] >= 150
    assert counts["scenarios"] >= 30
    assert counts["tests"] >= 2 * counts["rules"]


def test_invalid_pack_prints_every_problem_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    shutil.copyfile(DATA / "broken" / "unknown-key" / "questions.yaml", pack / "questions.yaml")
    (pack / "contacts.yaml").unlink()
    assert main(["validate", str(pack)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines() == [
        "contacts.yaml: this file is missing from the pack",
        "questions.yaml:2:5: the required key 'group' is missing",
        "questions.yaml:4:5: unknown key 'gruop' (did you mean 'group'?); allowed keys: id, "
        "text, help, group, source",
    ]
    assert "3 problem(s) found" in captured.err


def test_json_problems_carry_file_line_column_path_and_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack)
    shutil.copyfile(
        DATA / "broken" / "unquoted-yes" / "tests" / "basic.yaml", pack / "tests" / "basic.yaml"
    )
    assert main(["validate", "--json", str(pack)]) == 1
    out = json.loads(capsys.readouterr().out)
    assert out["valid"] is False
    assert out["problems"][0] == {
        "file": "tests/basic.yaml",
        "line": 3,
        "column": 33,
        "path": "cases[0].answers.immediate-danger",
        "message": 'unquoted no is read as true/false by YAML; write "no" in quotes if you mean '
        "the word",
    }


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert main(["validate", str(tmp_path / "no-such-folder")]) == 2
    with pytest.raises(SystemExit) as raised:
        main(["validate", "--no-such-option"])
    assert raised.value.code == 2


def test_console_script_runs_in_a_fresh_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "thresholds_app.cli", "validate", str(MINIMAL)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.strip() == (
        "minimal 1.0.0: valid (3 indicators, 4 rules, 1 scenarios, 1 test cases)"
        " in authoring mode, not verified"  # a source checkout, an unsigned pack
    )
