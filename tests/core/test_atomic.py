"""Atomic writes: the old file or the new one, never half of one, and no stray temp files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from thresholds_app.core.base import atomic
from thresholds_app.core.base.atomic import atomic_write_bytes, atomic_write_text


def test_writes_new_file(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    atomic_write_text(target, "héllo ŵ\n")
    assert target.read_text(encoding="utf-8") == "héllo ŵ\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


def test_replaces_existing_file_and_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    target.write_text("old")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o640


def test_new_file_is_private_on_posix(tmp_path: Path) -> None:
    target = tmp_path / "case.json"
    atomic_write_bytes(target, b"x")
    if os.name == "posix":
        assert target.stat().st_mode & 0o077 == 0


def test_failure_before_replace_keeps_old_file_and_leaves_no_temp(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "case.json"
    target.write_text("old")

    def crash(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(atomic.os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        atomic_write_text(target, "new")
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["case.json"]


def test_fsyncs_file_and_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(atomic.os, "fsync", lambda fd: (calls.append(fd), real_fsync(fd))[1])
    atomic_write_text(tmp_path / "a.json", "x")
    assert len(calls) == (2 if os.name == "posix" else 1)


def test_temp_file_is_in_the_same_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: object) -> None:
        seen.append(src)
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic.os, "replace", spy)
    atomic_write_text(tmp_path / "a.json", "x")
    assert Path(seen[0]).parent == tmp_path
