"""The files an IT team deploys with: desktop entry, case-file type, installer, signing check."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"
sys.path.insert(0, str(PACKAGING / "windows"))

import unsigned_files  # noqa: E402

MIME_TYPE = "application/vnd.thresholds-case+json"


def test_the_desktop_entry_opens_case_files_in_the_review_view() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(PACKAGING / "linux" / "thresholds-app.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "thresholds-app --review %f"
    assert desktop["MimeType"] == MIME_TYPE + ";"
    assert desktop["Icon"] == "thresholds-app"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="no desktop-file-utils")
def test_the_desktop_entry_is_valid() -> None:
    path = PACKAGING / "linux" / "thresholds-app.desktop"
    done = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_case_file_type_has_its_own_extension_and_an_icon(tmp_path: Path) -> None:
    root = ET.parse(PACKAGING / "linux" / "thresholds-app-mime.xml").getroot()
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    kind = root.find("m:mime-type", ns)
    assert kind is not None
    assert kind.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in kind.iterfind("m:glob", ns)] == ["*.rhrt"]
    ET.parse(PACKAGING / "linux" / "thresholds-app.svg")  # the icon is well-formed
    if shutil.which("update-mime-database"):
        (tmp_path / "mime" / "packages").mkdir(parents=True)
        shutil.copy(PACKAGING / "linux" / "thresholds-app-mime.xml", tmp_path / "mime" / "packages")
        subprocess.run(
            ["update-mime-database", str(tmp_path / "mime")], check=True, capture_output=True
        )
        assert f"{MIME_TYPE}:*.rhrt" in (tmp_path / "mime" / "globs2").read_text()


def test_the_msi_recipe_is_per_machine_with_a_shortcut_and_the_file_type() -> None:
    text = (PACKAGING / "windows" / "thresholds-app.wxs").read_text(encoding="utf-8")
    root = ET.fromstring(text)
    ns = {"w": "http://wixtoolset.org/schemas/v4/wxs"}
    package = root.find("w:Package", ns)
    assert package is not None
    assert package.get("Scope") == "perMachine"
    assert package.find("w:MajorUpgrade", ns) is not None
    assert root.find(".//w:Shortcut", ns) is not None
    extension = root.find(".//w:Extension", ns)
    assert extension is not None
    assert extension.get("Id") == "rhrt"
    assert extension.find("w:Verb", ns).get("Argument") == '--review "%1"'  # type: ignore[union-attr]


def pe_file(path: Path, *, signed: bool, pe32_plus: bool = True) -> Path:
    """The smallest PE header the checker reads, with or without a security directory."""
    data = bytearray(1024)
    data[:2] = b"MZ"
    struct.pack_into("<I", data, 0x3C, 0x80)
    data[0x80:0x84] = b"PE\0\0"
    optional = 0x80 + 4 + 20
    struct.pack_into("<H", data, optional, 0x20B if pe32_plus else 0x10B)
    entry = optional + (112 if pe32_plus else 96) + 8 * 4
    if signed:
        struct.pack_into("<II", data, entry, 0x400, 0x200)
    path.write_bytes(bytes(data))
    return path


def test_the_signing_check_lists_exactly_the_unsigned_program_files(tmp_path: Path, capsys) -> None:
    pe_file(tmp_path / "thresholds-app.exe", signed=True)
    pe_file(tmp_path / "Qt6Core.dll", signed=True, pe32_plus=False)
    (tmp_path / "PySide6").mkdir()
    pe_file(tmp_path / "PySide6" / "QtCore.pyd", signed=False)
    (tmp_path / "python3.dll").write_bytes(b"not a program at all")
    (tmp_path / "readme.txt").write_text("not a program file")
    found = [p.relative_to(tmp_path).as_posix() for p in unsigned_files.unsigned_files(tmp_path)]
    assert found == ["PySide6/QtCore.pyd", "python3.dll"]
    assert unsigned_files.main([str(tmp_path)]) == 1
    assert "2 of 4 program files are not signed" in capsys.readouterr().err
    (tmp_path / "python3.dll").unlink()
    pe_file(tmp_path / "PySide6" / "QtCore.pyd", signed=True)
    assert unsigned_files.main([str(tmp_path)]) == 0
