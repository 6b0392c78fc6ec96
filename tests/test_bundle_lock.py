"""The bundle's lock file agrees with pyproject.toml; the build refuses an environment off it."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))
import build_bundle  # noqa: E402


def test_the_lock_agrees_with_pyproject() -> None:
    assert build_bundle.lock_disagreements() == []


def test_the_lock_is_made_for_every_platform_with_hashes() -> None:
    text = build_bundle.LOCK.read_text(encoding="utf-8")
    command = text.splitlines()[1]
    for option in ("--generate-hashes", "--universal", "--extra build", "--python-version 3.11"):
        assert option in command
    assert re.search(r"^tzdata==\S+ ; sys_platform == 'win32'", text, re.M)  # Windows' too
    assert re.search(r"^pyinstaller==", text, re.M)


def edited(tmp_path: Path, old: str, new: str) -> Path:
    path = tmp_path / "pyproject.toml"
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_new_dependency_without_relocking_is_found(tmp_path: Path) -> None:
    pyproject = edited(tmp_path, '  "PyYAML>=6.0.1",\n', '  "PyYAML>=6.0.1",\n  "attrs2>=1",\n')
    assert build_bundle.lock_disagreements(pyproject) == [
        "attrs2>=1 is in pyproject.toml but not in the lock"
    ]


def test_a_raised_lower_bound_without_relocking_is_found(tmp_path: Path) -> None:
    pyproject = edited(tmp_path, '"reportlab>=4.0"', '"reportlab>=99"')
    assert (
        "reportlab>=99 is in pyproject.toml; the lock pins"
        in build_bundle.lock_disagreements(pyproject)[0]
    )


def test_a_dropped_dependency_without_relocking_is_found(tmp_path: Path) -> None:
    pyproject = edited(tmp_path, '  "holidays>=0.60",', "")
    assert build_bundle.lock_disagreements(pyproject) == [
        "holidays is in the lock as a dependency of pyproject.toml, which no longer names it"
    ]


def test_a_pin_without_its_hash_is_found(tmp_path: Path) -> None:
    lock = tmp_path / "bundle.lock"
    text = build_bundle.LOCK.read_text(encoding="utf-8")
    lock.write_text(re.sub(r"(?m)^(pyyaml==\S+) \\\n(    --hash=\S+( \\)?\n)+", r"\1\n", text))
    assert build_bundle.lock_disagreements(lock=lock) == ["pyyaml is pinned without a hash"]


def test_the_build_refuses_versions_other_than_the_locks(tmp_path: Path) -> None:
    lock = tmp_path / "bundle.lock"
    yaml_version = metadata.version("pyyaml")
    lock.write_text(
        f"pyyaml=={yaml_version} \\\n    --hash=sha256:{'0' * 64}\n"
        f"jsonschema==0.0.1 \\\n    --hash=sha256:{'1' * 64}\n"
        f"nosuchthing==1.0 ; sys_platform == 'nonesuch' \\\n    --hash=sha256:{'2' * 64}\n",
        encoding="utf-8",
    )
    assert set(build_bundle.locked_versions(lock)) == {"pyyaml", "jsonschema"}
    found = metadata.version("jsonschema")
    assert build_bundle.lock_mismatches(lock) == [
        f"jsonschema: the lock says 0.0.1, this environment has {found}"
    ]


def test_a_bundle_with_an_unused_qt_library_is_refused(tmp_path: Path) -> None:
    lib = tmp_path / "_internal" / "PySide6" / "Qt" / "lib"
    lib.mkdir(parents=True)
    for name in ("libQt6Core.so.6", "libQt6Pdf.so.6", "libQt6WebEngineCore.so.6", "Qt6Quick.dll"):
        (lib / name).write_bytes(b"")
    (lib / "QtCore.abi3.so").write_bytes(b"")  # a Python module, not a Qt library
    assert build_bundle.unexpected_qt_libraries(tmp_path) == [
        "Qt6Quick.dll",
        "libQt6WebEngineCore.so.6",
    ]
