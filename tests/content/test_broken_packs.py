"""Every class of broken pack is rejected with the right file, line, column and message.

Each folder under tests/data/broken/ holds files that replace (or, listed in DELETE, remove)
files of the valid minimal pack, and expected.txt: the exact problems, one per line.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from thresholds_app.core.pack.load import load_pack

DATA = Path(__file__).resolve().parent.parent / "data"
MINIMAL = DATA / "packs" / "minimal"
CASES = sorted(p for p in (DATA / "broken").iterdir() if p.is_dir())


def build_broken_pack(case: Path, into: Path) -> Path:
    pack = into / "pack"
    shutil.copytree(MINIMAL, pack)
    for path in case.rglob("*"):
        if path.is_file() and path.name not in ("DELETE", "expected.txt"):
            target = pack / path.relative_to(case)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    delete = case / "DELETE"
    if delete.exists():
        for name in delete.read_text().split():
            (pack / name).unlink()
    return pack


def test_minimal_pack_is_valid() -> None:
    result = load_pack(MINIMAL)
    assert result.problems == []
    assert result.pack is not None
    assert result.pack.manifest.id == "minimal"


def test_corpus_covers_every_failure_class() -> None:
    names = {case.name for case in CASES}
    assert {
        "syntax-error",
        "tab-indentation",
        "duplicate-key",
        "alias-bomb",
        "wrong-type",
        "unknown-key",
        "unquoted-yes",
        "dangling-reference",
        "missing-file",
        "empty-file",
        "invalid-utf8",
        "binary-file",
        "level-does-not-exist",
        "unquoted-date",
        "custom-tag",
        "merge-key",
        "deep-nesting",
        "duplicate-id",
        "unreachable-rule",
        "dropped-id",
        "retired-id-reused",
        "unrecorded-id",
        "route-not-level-4",
        "retired-id-referenced",
    } <= names


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_pack_reports_exact_problems(case: Path, tmp_path: Path) -> None:
    pack_dir = build_broken_pack(case, tmp_path)
    before = {p: p.read_bytes() for p in pack_dir.rglob("*") if p.is_file()}
    result = load_pack(pack_dir)
    assert result.pack is None
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert [str(p) for p in result.problems] == expected
    # The validator never writes into a pack.
    assert {p: p.read_bytes() for p in pack_dir.rglob("*") if p.is_file()} == before


def test_ten_megabyte_file_is_refused_before_parsing(tmp_path: Path) -> None:
    pack_dir = build_broken_pack(DATA / "broken" / "wrong-type", tmp_path)
    (pack_dir / "questions.yaml").write_bytes(b"questions:\n" + b"  # padding\n" * 900_000)
    result = load_pack(pack_dir)
    assert [str(p) for p in result.problems] == [
        "questions.yaml: the file is 10.3 MiB, over the 2 MiB limit"
    ]


def test_too_many_nodes_is_refused(tmp_path: Path) -> None:
    pack_dir = build_broken_pack(DATA / "broken" / "wrong-type", tmp_path)
    (pack_dir / "questions.yaml").write_text("questions: [" + "1, " * 60_000 + "1]\n")
    problems = [str(p) for p in load_pack(pack_dir).problems]
    assert problems == ["questions.yaml:1:150004: the file has more than 50000 values; split it up"]


def test_problems_in_several_files_are_all_reported(tmp_path: Path) -> None:
    pack_dir = build_broken_pack(DATA / "broken" / "unknown-key", tmp_path)
    shutil.copyfile(DATA / "broken" / "unquoted-date" / "pack.yaml", pack_dir / "pack.yaml")
    files = {p.file for p in load_pack(pack_dir).problems}
    assert files == {"pack.yaml", "questions.yaml"}
