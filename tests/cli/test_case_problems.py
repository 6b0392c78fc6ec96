"""``assess`` and ``render`` list every problem in a case file, located, and never crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from thresholds_app.cli import main
from thresholds_app.paths import examples_dir

EXAMPLE = examples_dir() / "level-2-attendance.json"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", ["assess", "render"])
def test_every_problem_is_printed_with_file_line_and_column(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["decision"]["levle"] = data["decision"].pop("level")
    data["child"]["age_band"] = "5-11"
    path = _write(tmp_path, json.dumps(data, indent=2))
    extra = ["-o", str(tmp_path / "r.pdf")] if command == "render" else []
    assert main([command, str(path), *extra]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"thresholds {command}: case.json cannot be used:"
    assert len(err) == 3
    assert any(
        line.startswith("  case.json:")
        and "decision has a field this app does not know, 'levle' (did you mean 'level'?)" in line
        for line in err
    )
    assert any('child.age_band should be one of null, "pre-birth"' in line for line in err)
    assert not (tmp_path / "r.pdf").exists()


def test_render_text_of_a_case_with_a_lone_surrogate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('"worry": "', '"worry": "\\ud83d', 1)
    path = _write(tmp_path, text)
    out, words = tmp_path / "r.pdf", tmp_path / "r.txt"
    assert main(["render", str(path), "-o", str(out), "--text", str(words)]) == 0
    assert "\ufffd" in words.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "thresholds render: note: case.json:" in err
    assert "broken character" in err
    assert out.stat().st_size > 1000


@pytest.mark.parametrize("command", ["assess", "render"])
def test_an_answer_to_an_unknown_id_is_reported_and_shown(
    tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    data["answers"]["fe-domestic-abuse-l44"] = "yes"  # a mistyped Level 4 indicator
    path = _write(tmp_path, json.dumps(data, indent=2))
    out, words = tmp_path / "r.pdf", tmp_path / "r.txt"
    extra = ["-o", str(out), "--text", str(words)] if command == "render" else []
    assert main([command, str(path), *extra]) == 0
    err = capsys.readouterr().err
    assert "case.json:" in err
    assert "'fe-domestic-abuse-l44' was not used" in err
    assert "(did you mean 'fe-domestic-abuse-l4'?)" in err
    if command == "render":
        assert "NOTICE: Not used: " in words.read_text(encoding="utf-8")
        pdf = " ".join(page.extract_text() or "" for page in PdfReader(out).pages)
        assert "fe-domestic-abuse-l44 (yes)" in " ".join(pdf.split())
