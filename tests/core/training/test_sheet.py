"""The session sheet: golden text, the same words in the PDF, and the CLI that writes both.

A deliberate wording change updates the golden file with
``UPDATE_GOLDEN=1 pytest tests/core/training/test_sheet.py``; review the diff before committing.
"""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from thresholds_app.cli import main
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.training.session import RoomScenario, RoomSession
from thresholds_app.core.training.sheet import build_session_sheet, sheet_to_text
from thresholds_app.pdf.training_sheet import render_certificate_pdf, render_session_sheet_pdf

HERE = Path(__file__).parent
MINIMAL = HERE.parent.parent / "data" / "packs" / "minimal"
SCENARIOS = """\
scenarios:
  - id: sc-injury
    title: An injury
    story: A child has an injury.
    age_band: 5-10
    key_indicators: [health-injury-l4]
    other_answers: {immediate-danger: "no"}
    expected_level: 4
    good_rationale_mentions: [The injury.]
    discussion_points: [Why refer now.]
  - id: sc-missed
    title: Missed appointments
    story: A child has missed a health check.
    key_indicators: [health-missed-l2]
    other_answers: {immediate-danger: "no"}
    expected_level: 2
    themes: [over-referral]
    good_rationale_mentions: [Which appointments.]
    discussion_points: [Is this a pattern?, What do the parents say?]
"""
VOTES = {"sc-injury": {1: 0, 2: 1, 3: 4, 4: 9}, "sc-missed": {1: 3, 2: 10, 3: 1, 4: 0}}


@pytest.fixture
def training_pack(tmp_path: Path) -> Path:
    pack_dir = tmp_path / "pack"
    shutil.copytree(MINIMAL, pack_dir)
    (pack_dir / "scenarios" / "basic.yaml").write_text(SCENARIOS, encoding="utf-8")
    return pack_dir


def _load(pack_dir: Path) -> Pack:
    result = load_pack(pack_dir)
    assert result.pack is not None, result.problems
    return result.pack


def _sheet_text(pack: Pack, votes: dict[str, dict[int, int]]) -> str:
    session = RoomSession(pack, tuple(RoomScenario(s, votes.get(s.id, {})) for s in pack.scenarios))
    text = sheet_to_text(build_session_sheet(session, "2026-12-01 10:00 UTC"))
    return text.replace(pack.short_hash, "<content hash>")  # the fixture pack's edits are not news


def _check(name: str, actual: str) -> None:
    path = HERE / "golden" / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def test_session_sheet_golden_with_votes(training_pack: Path) -> None:
    _check("session-sheet-votes.txt", _sheet_text(_load(training_pack), VOTES))


def test_session_sheet_golden_without_votes(training_pack: Path) -> None:
    _check("session-sheet.txt", _sheet_text(_load(training_pack), {}))


def test_the_pdf_carries_the_sheets_words(training_pack: Path) -> None:
    pack = _load(training_pack)
    session = RoomSession(pack, tuple(RoomScenario(s, VOTES[s.id]) for s in pack.scenarios))
    sheet = build_session_sheet(session, "2026-12-01 10:00 UTC")
    reader = PdfReader(io.BytesIO(render_session_sheet_pdf(sheet, "9.9")))
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)
    for line in (
        "Expected: Level 4",
        "Why refer now.",
        "Room's votes: Level 1: 0, Level 2: 1, Level 3: 4, Level 4: 9 (14 in all)",
        "Agreement with the expected level: 64%",
        "Fleiss' kappa:",
        sheet.pack_identity,
    ):
        assert line in text


def test_the_cli_writes_the_sheet_from_filters_and_votes(
    training_pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    votes = tmp_path / "votes.json"
    votes.write_text(json.dumps({"sc-missed": {"2": 5, "3": 1}}), encoding="utf-8")
    text_out = tmp_path / "sheet.txt"
    pdf_out = tmp_path / "sheet.pdf"
    code = main(
        [
            "scenarios",
            str(training_pack),
            "--direction",
            "over",
            "--votes",
            str(votes),
            "--text",
            str(text_out),
            "--sheet",
            str(pdf_out),
        ]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith("sc-missed\tLevel 2")
    written = text_out.read_text(encoding="utf-8")
    assert "1. Missed appointments" in written
    assert "An injury" not in written
    assert "Agreement with the expected level: 83%" in written
    assert pdf_out.read_bytes().startswith(b"%PDF")


def test_the_cli_refuses_bad_votes_and_a_bad_local_file(
    training_pack: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    votes = tmp_path / "votes.json"
    votes.write_text('{"sc-missed": {"2": -1}}', encoding="utf-8")
    assert main(["scenarios", str(training_pack), "--votes", str(votes), "--text", "x"]) == 1
    assert "cannot be negative" in capsys.readouterr().err
    local = tmp_path / "mine.yaml"
    local.write_text("scenarios: nope\n", encoding="utf-8")
    assert main(["scenarios", str(training_pack), "--local", str(local)]) == 1
    err = capsys.readouterr().err.splitlines()  # after the authoring-mode line (unsigned pack)
    assert any(line.startswith("mine.yaml:1:") for line in err)


def test_certificate_holds_only_the_typed_name(training_pack: Path) -> None:
    from thresholds_app.core.training.practice import score_practice
    from thresholds_app.core.training.session import score_set

    pack = _load(training_pack)
    results = [score_practice(pack, s, s.answers(), s.expected_level) for s in pack.scenarios]
    pdf = render_certificate_pdf(pack, score_set(pack, results), "Sam <b>Teacher</b>", "1 Dec", "9")
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Sam <b>Teacher</b>" in " ".join(text.split())
    assert "placed 2 of 2" in text
    assert "passed" in text


def test_a_sheet_made_in_authoring_mode_says_so_on_every_page() -> None:
    from thresholds_app.core.pack.opening import TrustPolicy, open_pack
    from thresholds_app.paths import default_pack_dir

    pack = open_pack([default_pack_dir()], TrustPolicy(authoring=True)).result.pack
    assert pack is not None  # the bundled pack is unsigned: authoring mode
    session = RoomSession(pack, tuple(RoomScenario(s, {}) for s in pack.scenarios[:12]))
    sheet = build_session_sheet(session, "2026-12-01 10:00 UTC")
    assert sheet_to_text(sheet).startswith("AUTHORING MODE: GUIDANCE NOT VERIFIED")
    pages = PdfReader(io.BytesIO(render_session_sheet_pdf(sheet, "9.9"))).pages
    assert len(pages) > 1
    for page in pages:
        assert "AUTHORING MODE: GUIDANCE NOT VERIFIED" in (page.extract_text() or "")


def test_the_sheet_says_why_an_escalation_scenario_is_level_4() -> None:
    from thresholds_app.paths import default_pack_dir

    pack = _load(default_pack_dir())
    scenario = next(s for s in pack.scenarios if s.id == "sc-esc-neglect-two-reviews-no-change")
    sheet = build_session_sheet(RoomSession(pack, (RoomScenario(scenario, {}),)), "now")
    (item,) = sheet.scenarios
    assert item.expected.startswith("Level 4")
    assert all("(Level 3)" in words for words in item.key_indicators)  # why the slide misled
    assert "Early help has not changed things for a child with complex needs" in item.why
    assert sheet.marking == ""  # loaded without the trust check: not marked
