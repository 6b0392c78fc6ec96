"""Crash recovery (H14) and the canary scan (H15), with the real app in a subprocess.

The app runs offscreen with its data, config, cache and temp folders inside ``tmp_path`` and a
TEST-ONLY key provider that ``app_driver.py`` installs (a key file named by an environment
variable these tests set), so a second process can read the first one's drafts after a SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

DRIVER = Path(__file__).with_name("app_driver.py")
MARKER = "Okapi7Canary3Zq"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="uses SIGKILL"),
]


def _env(root: Path) -> dict[str, str]:
    env = dict(os.environ)
    home = root / "home"
    for sub in ("data", "config", "cache", "tmp"):
        (home / sub).mkdir(parents=True, exist_ok=True)
    env.update(
        {
            "HOME": str(home),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "TMPDIR": str(home / "tmp"),
            "QT_QPA_PLATFORM": "offscreen",
            "THRESHOLDS_TEST_KEY_FILE": str(root / "test-only-key"),
        }
    )
    return env


def _run_and_kill(env: dict[str, str]) -> list[str]:
    proc = subprocess.Popen(
        [sys.executable, str(DRIVER), "edit", MARKER],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:  # blocks until the app says it has saved
            lines.append(line.strip())
            if line.startswith("SAVED"):
                break
        proc.send_signal(signal.SIGKILL)  # no clean-up of any kind
    finally:
        proc.kill()
        proc.wait(timeout=30)  # reaped, so its pid is gone
        if proc.stdout is not None:
            proc.stdout.close()
    assert proc.returncode != 3, "the app hung (watchdog fired): is the pack valid?"
    assert "ANSWERED" in lines, lines
    assert "SAVED" in lines, lines
    return lines


def _recover(env: dict[str, str]) -> dict:
    done = subprocess.run(
        [sys.executable, str(DRIVER), "recover"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    result = [line for line in done.stdout.splitlines() if line.startswith("RESULT ")]
    assert result, done.stdout + done.stderr
    assert done.returncode == 0, done.stderr
    return json.loads(result[0][len("RESULT ") :])


def _hits(folder: Path, needle: str) -> list[str]:
    patterns = [needle.encode("utf-8"), needle.encode("utf-16-le")]
    found = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if any(p in data for p in patterns):
                found.append(str(path.relative_to(folder)))
    return found


def test_killed_mid_assessment_recovers_answers_and_text_and_leaks_nothing(
    tmp_path: Path,
) -> None:
    env = _env(tmp_path)
    lines = _run_and_kill(env)
    fields = int(next(line.split()[1] for line in lines if line.startswith("FIELDS")))
    assert fields >= 5
    drafts = tmp_path / "home" / "data" / "thresholds_app" / "drafts"
    assert any(drafts.glob("*.snapshot"))
    assert _hits(tmp_path / "home", MARKER) == []  # after the crash: only ciphertext

    result = _recover(env)
    (offer,) = result["offered"]
    assert offer["interrupted"]
    assert offer["answers"] == 2
    assert result["answers"] == {"immediate-danger": "no", "fe-domestic-abuse-l4": "yes"}
    texts = result["free_text"]
    assert texts["worry"].endswith(MARKER)
    assert texts["child_voice"].endswith(MARKER)

    # after crash, recovery and a clean quit: the marker is nowhere in plain text
    assert _hits(tmp_path / "home", MARKER) == []
    settings = list((tmp_path / "home" / "config").rglob("*.conf"))
    settings += list((tmp_path / "home" / "config").rglob("*.ini"))
    assert settings, "settings were written (window geometry)"
    assert not [p for p in drafts.iterdir() if MARKER in p.name]


# SIGKILLs at random moments while typing: tests/ui/test_kill_harness.py (5 in the suite) and
# tools/kill_harness.py (the release run, 120).
