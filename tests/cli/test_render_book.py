"""``thresholds render`` and ``thresholds book`` from the command line (in process)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from thresholds_app.cli import main
from thresholds_app.core.case.record import load_case, save_case
from thresholds_app.paths import examples_dir

EXAMPLES = sorted(examples_dir().glob("*.json"))


def pdf_text(path: Path) -> str:
    return " ".join(page.extract_text() or "" for page in PdfReader(path).pages)


@pytest.mark.parametrize("example", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_render_examples(
    tmp_path: Path, example: Path, capsys: pytest.CaptureFixture[str], signed_bundled
) -> None:
    out, text = tmp_path / "r.pdf", tmp_path / "r.txt"
    pack, public = signed_bundled
    code = main(
        [
            "render",
            str(example),
            "--pack",
            str(pack),
            "--pubkey",
            str(public),
            "-o",
            str(out),
            "--text",
            str(text),
            "--now",
            "2026-01-12T11:30:00Z",
        ]
    )
    assert code == 0, capsys.readouterr().err
    case = load_case(example)
    body = pdf_text(out)
    assert case.child.reference in body
    assert "Produced 2026-01-12 11:30 GMT" in body
    words = text.read_text(encoding="utf-8")
    assert words.startswith("OFFICIAL-SENSITIVE\nReferral rationale: " + case.child.reference)
    assert case.free_text.worry in words
    assert "DRAFT" not in words
    assert case.free_text.worry not in capsys.readouterr().out  # nothing personal on screen


def test_level_4_sibling_group_lists_every_child(tmp_path: Path) -> None:
    example = examples_dir() / "level-4-sibling-group.json"
    out, text = tmp_path / "r.pdf", tmp_path / "r.txt"
    assert main(["render", str(example), "-o", str(out), "--text", str(text)]) == 0
    words = text.read_text(encoding="utf-8")
    for label in ("Sibling, age 3", "Baby, 7 months", "Half-brother, 16"):
        assert f"Child: {label};" in words


def test_same_time_same_bytes(tmp_path: Path) -> None:
    example = EXAMPLES[0]
    outputs = []
    for name in ("a.pdf", "b.pdf"):
        assert (
            main(
                [
                    "render",
                    str(example),
                    "-o",
                    str(tmp_path / name),
                    "--now",
                    "2026-01-12T11:30:00Z",
                ]
            )
            == 0
        )
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]


def test_not_ready_is_refused_unless_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = load_case(EXAMPLES[0])
    case.decision.level = None
    path = tmp_path / "case.json"
    save_case(case, path)
    out = tmp_path / "r.pdf"
    assert main(["render", str(path), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Record your own decision: the level of need you judge applies." in err
    assert not out.exists()
    assert main(["render", str(path), "-o", str(out), "--draft"]) == 0
    assert "DRAFT: not ready to send." in pdf_text(out)


def test_damaged_case_gives_a_plain_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "case.json"
    path.write_text('{"format": "thresholds-case", "format_version": 1', encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.strip() == (
        "thresholds render: case.json cannot be used:\n"
        "  case.json:1:50: it is not valid JSON: the file ends too early: ',' or '}' was expected."
    )


def test_case_from_another_pack_version_lists_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = json.loads(EXAMPLES[0].read_text(encoding="utf-8"))
    data["pack"]["version"] = "0.0.1"
    path = tmp_path / "case.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["render", str(path), "-o", str(tmp_path / "r.pdf")]) == 0
    assert "This case was made with version 0.0.1 of the guidance" in capsys.readouterr().err


def test_book(tmp_path: Path) -> None:
    out = tmp_path / "book.pdf"
    assert main(["book", "-o", str(out)]) == 0
    reader = PdfReader(out)
    assert len(reader.pages) > 10
    first = reader.pages[0].extract_text() or ""
    assert "Right Help, Right Time" in first


def test_book_bad_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["book", str(tmp_path / "nowhere"), "-o", str(tmp_path / "b.pdf")]) == 2
    assert "is not a folder" in capsys.readouterr().err


@pytest.mark.slow
def test_two_fresh_processes_write_the_same_bytes(tmp_path: Path) -> None:
    import subprocess
    import sys

    outputs = []
    for name in ("a.pdf", "b.pdf"):
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import sys; from thresholds_app.cli import main; sys.exit(main(sys.argv[1:]))",
                "render",
                str(EXAMPLES[0]),
                "-o",
                str(tmp_path / name),
                "--now",
                "2026-01-12T11:30:00Z",
            ],
            check=True,
            capture_output=True,
        )
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
