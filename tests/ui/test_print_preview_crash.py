"""The print preview keeps its printer alive (it crashed the app with exit 139: issue 11)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("preview_driver.py")
EXAMPLES = Path(__file__).parents[2] / "examples"


@pytest.mark.parametrize("example", ["level-2-attendance.json", "level-4-sibling-group.json"])
def test_print_preview_of_an_example_does_not_crash(example: str, tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, str(DRIVER), str(EXAMPLES / example)],
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
    )
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:])
    pages = [line for line in done.stdout.splitlines() if line.startswith("PAGES ")]
    assert pages, done.stdout
    assert int(pages[0].split()[1]) >= 1
