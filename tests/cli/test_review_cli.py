"""``thresholds review FOLDER --csv OUT``: the listing and the counts from the command line."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "core" / "review"))
from olderpack import MARKER, marked_case

from thresholds_app.cli import main
from thresholds_app.core.case.record import save_case
from thresholds_app.core.pack.load import load_pack
from thresholds_app.paths import default_pack_dir, examples_dir


def test_review_lists_every_file_and_writes_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(6):
        save_case(marked_case(number, pack), folder / f"c{number}.json", touch=False)
    shutil.copy(examples_dir() / "level-2-attendance.json", folder / "example.json")
    (folder / "broken.json").write_text("[1, 2", encoding="utf-8")
    out = tmp_path / "counts.csv"
    pdf = tmp_path / "counts.pdf"
    code = main(
        ["review", str(folder), "--csv", str(out), "--pdf", str(pdf), "--now", "2026-12-02T10:00Z"]
    )
    assert code == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0].startswith("reference\treceived")
    assert lines[1].startswith("broken.json\tnot read: broken.json cannot be opened")
    assert len(lines) == 1 + 8
    assert "8 files: 7 referrals read, 1 not read." in captured.err
    text = out.read_text(encoding="utf-8")
    assert text.startswith("table,row,column,count\n")
    assert MARKER not in text
    from pypdf import PdfReader

    pdf_text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "MASH referrals: counts for the partnership" in pdf_text
    assert MARKER not in pdf_text


def test_review_of_a_missing_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["review", str(tmp_path / "nope")]) == 2
    assert "is not a folder" in capsys.readouterr().err


def test_review_lists_a_tricky_reference_on_one_line_and_flags_answers_not_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    case = marked_case(0, pack)
    case.child.reference = "REF\u202e1234"
    case.answers["dn-sexual-abuse-l44"] = "yes"
    save_case(case, tmp_path / "tricky.json", touch=False)
    assert main(["review", str(tmp_path), "--now", "2026-12-02T10:00Z"]) == 0
    row = capsys.readouterr().out.splitlines()[1]
    assert row.startswith("REF1234\t")
    assert "\u202e" not in row
    assert "Answers not used" in row


def test_review_lists_the_rag_rating_and_outcome_in_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from thresholds_app.core.case.reviews import Review

    pack = load_pack(default_pack_dir()).pack
    assert pack is not None
    case = marked_case(1, pack)
    case.reviews = [
        Review(
            stage="screening",
            reviewer="Sam Reviewer",
            reviewed_at="2026-12-01T14:05:00Z",
            received_at="2026-12-01T09:00:00Z",
            level=3,
            agrees=True,
            rag="amber",
            outcome="cin-assessment",
        )
    ]
    save_case(case, tmp_path / "reviewed.json", touch=False)
    assert main(["review", str(tmp_path), "--now", "2026-12-02T10:00Z"]) == 0
    header, row = capsys.readouterr().out.splitlines()[:2]
    cells = dict(zip(header.split("\t"), row.split("\t"), strict=True))
    assert cells["RAG"] == "Amber"
    assert cells["MASH"] == "Level 3"  # in words, as the guidance's columns are
    assert cells["now"].startswith(("Level ", "At least Level ", "Not enough answered"))
    assert cells["outcome"] == "Child in need assessment (section 17)"
