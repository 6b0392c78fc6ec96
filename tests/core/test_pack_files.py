"""The pack loader refuses what is not a plain file in the pack, and bounds its work (issue 16).

Each case once gave a traceback, hung, followed a link out of the pack or read without limit.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from thresholds_app.core.pack.load import MAX_PACK_NODES, load_pack
from thresholds_app.paths import default_pack_dir

MINIMAL = Path(__file__).parent.parent / "data" / "packs" / "minimal"


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(MINIMAL, folder)
    assert load_pack(folder).ok
    return folder


def _messages(folder: Path) -> list[str]:
    result = load_pack(folder)
    assert result.pack is None
    return [str(p) for p in result.problems]


def test_a_number_of_thousands_of_digits_is_a_located_problem(pack: Path) -> None:
    levels = pack / "levels.yaml"
    text = levels.read_text(encoding="utf-8")
    levels.write_text(text.replace("number: 1", "number: " + "9" * 5000, 1), encoding="utf-8")
    messages = _messages(pack)
    assert any(m.startswith("levels.yaml:") and "5000 digits" in m for m in messages), messages


def test_a_file_that_cannot_be_read_is_a_problem(
    pack: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("rules.yaml"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    assert "rules.yaml: the file could not be read (Permission denied)" in _messages(pack)


def test_provenance_is_size_checked_before_it_is_read(pack: Path) -> None:
    (pack / "PROVENANCE.md").write_bytes(b"x" * (3 * 1024 * 1024))
    assert any(m.startswith("PROVENANCE.md") and "3.0 MiB" in m for m in _messages(pack))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_hanging(pack: Path) -> None:
    os.mkfifo(pack / "domains" / "pipe.yaml")
    assert any("domains/pipe.yaml" in m and "not a plain file" in m for m in _messages(pack))


def test_links_are_refused_wherever_they_point(pack: Path, tmp_path: Path) -> None:
    (pack / "domains" / "zero.yaml").symlink_to("/dev/zero")
    (pack / "domains" / "gone.yaml").symlink_to(tmp_path / "nowhere.yaml")
    messages = _messages(pack)
    assert any("domains/zero.yaml" in m and "links are not allowed" in m for m in messages)
    assert any("domains/gone.yaml" in m and "links are not allowed" in m for m in messages)


def test_a_linked_folder_outside_the_pack_is_not_followed(pack: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    shutil.move(str(pack / "topics"), outside)
    (pack / "topics").symlink_to(outside, target_is_directory=True)
    assert any(m.startswith("topics/") and "links are not allowed" in m for m in _messages(pack))


def test_sub_folders_and_stray_files_are_named(pack: Path) -> None:
    (pack / "topics" / "more").mkdir()
    (pack / "domains" / "notes.txt").write_text("hello", encoding="utf-8")
    messages = _messages(pack)
    assert any("topics/more" in m and "sub-folders are not read" in m for m in messages)
    assert any("domains/notes.txt" in m and "only .yaml files" in m for m in messages)


def test_the_bundled_pack_is_well_within_the_pack_wide_limit() -> None:
    from thresholds_app.core.pack.yamlsafe import load_yaml

    total = sum(load_yaml(p.read_bytes(), p.name).nodes for p in default_pack_dir().rglob("*.yaml"))
    assert total < MAX_PACK_NODES / 2


@pytest.mark.slow
def test_a_pack_of_many_large_files_is_refused_within_2s_and_256mb(pack: Path) -> None:
    """40 files of 45,000 values once took 33 s and 479 MB."""
    for n in range(40):
        values = "\n".join(f"- {i}" for i in range(45_000))
        (pack / "domains" / f"big{n:02}.yaml").write_text(values + "\n", encoding="utf-8")
    script = textwrap.dedent(
        f"""
        import json, resource, sys, time
        from thresholds_app.core.pack.load import load_pack
        start = time.perf_counter()
        result = load_pack({str(pack)!r})
        seconds = time.perf_counter() - start
        # VmHWM, not ru_maxrss: on Linux a child's ru_maxrss can carry its parent's peak over
        hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")]
        peak = int(hwm[0].split()[1]) / 1024 if hwm else resource.getrusage(
            resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({{"seconds": seconds, "mb": peak, "ok": result.ok,
            "problems": [str(p) for p in result.problems][:5]}}))
        """
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    figures = json.loads(out.stdout)
    assert not figures["ok"]
    assert any("values in all" in p for p in figures["problems"]), figures
    assert figures["seconds"] < 2.0, figures
    assert figures["mb"] < 256, figures
