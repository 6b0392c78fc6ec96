"""``thresholds validate`` refuses a pack that does not give the app what its rules need."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from thresholds_app.cli import main
from thresholds_app.paths import default_pack_dir


def copied(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), pack)
    return pack


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(pack: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["validate", str(pack)]) == 1
    return capsys.readouterr().out.splitlines()


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def test_a_pack_without_roles_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = copied(tmp_path)
    manifest = pack / "pack.yaml"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(re.sub(r"(?ms)^roles:\n(  .*?\n)+", "", text), encoding="utf-8")
    assert problems(pack, capsys) == ["pack.yaml:2:1: the required key 'roles' is missing"]


def test_a_missing_role_and_a_role_naming_nothing_are_refused_with_their_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = copied(tmp_path)
    manifest = pack / "pack.yaml"
    edit(manifest, "  consent_refused: consent-refused\n", "")
    edit(manifest, "  front_door: mash\n", "  front_door: front-door\n")
    roles_line = line_of(manifest, "roles:")
    door_line = line_of(manifest, "front_door:")
    assert problems(pack, capsys) == [
        f"pack.yaml:{roles_line}:1: the required key 'consent_refused' is missing",
        f"pack.yaml:{door_line}:15: the contact 'front-door' does not exist",
    ]


def test_a_front_door_with_hours_must_name_who_covers_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pack = copied(tmp_path)
    contacts = pack / "contacts.yaml"
    edit(contacts, "    out_of_hours: edt\n", "")
    line = line_of(contacts, "- id: mash")
    (message,) = problems(pack, capsys)
    assert message.startswith(f"contacts.yaml:{line}:")
    assert "must name its out_of_hours contact" in message


def test_levels_must_have_no_gap(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = copied(tmp_path)
    levels = pack / "levels.yaml"
    text = levels.read_text(encoding="utf-8")
    start = text.index("  - number: 2")
    end = text.index("  - number: 3")
    levels.write_text(text[:start] + text[end:], encoding="utf-8")
    found = problems(pack, capsys)
    assert any(
        p.startswith("levels.yaml:") and "numbered 1, 2, 3... with no gap; found 1, 3, 4" in p
        for p in found
    ), found
