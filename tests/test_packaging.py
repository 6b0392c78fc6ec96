"""The built wheel carries the content, and an installed copy finds and loads it."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
    )
    return next(out.glob("thresholds_app-*.whl"))


@pytest.mark.slow
def test_wheel_contains_pack_schemas_fonts_and_examples(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "thresholds_app/_content/guidance/solihull-rhrt/pack.yaml",
        "thresholds_app/_content/guidance/solihull-rhrt/rules.yaml",
        "thresholds_app/_content/guidance/solihull-rhrt/PROVENANCE.md",
        "thresholds_app/_content/resources/fonts/DejaVuSans.ttf",
        "thresholds_app/schemas/domain.schema.json",
        "thresholds_app/schemas/case.schema.json",
    ):
        assert required in names
    assert any(n.startswith("thresholds_app/_content/examples/") for n in names)
    assert not any(n.startswith(("tests/", "thresholds_app/_content/tests")) for n in names)


@pytest.mark.slow
def test_installed_copy_loads_its_own_bundled_pack(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    code = (
        "from thresholds_app.paths import default_pack_dir\n"
        "from thresholds_app.core.pack.load import load_pack\n"
        "r = load_pack(default_pack_dir())\n"
        "print(default_pack_dir(), r.ok)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(target))
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out[0].startswith(str(target / "thresholds_app" / "_content"))
    assert out[1] == "True"
