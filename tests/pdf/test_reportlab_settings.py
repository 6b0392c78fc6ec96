"""reportlab must not run the user's settings files as code (issue 16)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLE = Path(__file__).parents[2] / "examples"


def test_settings_files_in_home_and_the_working_folder_are_not_run(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    marker_home = tmp_path / "ran-home"
    marker_cwd = tmp_path / "ran-cwd"
    (home / ".reportlab_settings").write_text(
        f"open({str(marker_home)!r}, 'w').write('ran')\n", encoding="utf-8"
    )
    work = tmp_path / "work"
    work.mkdir()
    (work / "reportlab_settings.py").write_text(
        f"open({str(marker_cwd)!r}, 'w').write('ran')\n", encoding="utf-8"
    )
    case = next(EXAMPLE.glob("*.json"))
    env = {**os.environ, "HOME": str(home), "PYTHONPATH": os.pathsep.join(sys.path)}
    code = (
        "import sys; sys.path.insert(0, '');"
        "from thresholds_app.cli import main;"
        f"sys.exit(main(['render', {str(case)!r}, '-o', 'out.pdf', '--draft']))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=work, env=env, capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert (work / "out.pdf").read_bytes().startswith(b"%PDF")
    assert not marker_home.exists()
    assert not marker_cwd.exists()


def test_without_the_guard_the_same_files_would_run(tmp_path: Path) -> None:
    """The test above can fail: plain reportlab does run ~/.reportlab_settings."""
    home = tmp_path / "home"
    home.mkdir()
    marker = tmp_path / "ran"
    (home / ".reportlab_settings").write_text(
        f"open({str(marker)!r}, 'w').write('ran')\n", encoding="utf-8"
    )
    env = {**os.environ, "HOME": str(home)}
    subprocess.run(
        [sys.executable, "-c", "import reportlab.rl_config"], env=env, check=True, timeout=60
    )
    assert marker.exists()
