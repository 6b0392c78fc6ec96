"""A damaged machine policy is told once at start-up, in words that are true.

The app is started in a child process (as ``test_app_trust.py`` does) with a policy file that
is not valid JSON; the driver prints what the window would tell the user after the first paint.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DRIVER = """
import sys
from pathlib import Path
from thresholds_app.core.config import current, policy
import thresholds_app.ui.app as app_module
import thresholds_app.ui.pack_trust as pack_trust

path = Path(sys.argv[1])
current.read_machine_policy = lambda: policy.read_policy_file(path)
shown = {}
original = pack_trust.show_trust
def spy(window, opened, messages, quiet=False):
    original(window, opened, messages, quiet=quiet)
    shown["notice"] = window.trust_notice
    shown["warnings"] = list(window.settings.warnings)
    shown["authoring"] = window.settings.managed["packs.authoring_mode"]
    shown["label"] = window.pack_label.text()
pack_trust.show_trust = spy
code = app_module.run_app(["thresholds-app", "--quit-when-ready"])
print("EXIT", code)
print("AUTHORING", shown.get("authoring"))
told = [shown.get("notice", ""), *shown.get("warnings", [])]
print("TOLD", sum(t.count("could not be read") for t in told))
print("NOTED", sum(t.count(current.DEVELOPMENT_NOTE) for t in told))
print("LABEL", shown.get("label", ""))
"""


def test_a_damaged_policy_is_told_once_and_truly(tmp_path: Path) -> None:
    path = tmp_path / "policy.json"
    path.write_text('{"locked": {"privacy.idle_minutes": 3,}', encoding="utf-8")
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(path)],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    out = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert out.get("EXIT") == "0", done.stderr
    assert out["TOLD"] == "1"  # one dialog, not the same words twice
    # A source checkout keeps authoring mode for development, and the message says so (an
    # installed app gets authoring mode off: tests/core/test_config.py).
    assert out["AUTHORING"] == "always"
    assert out["NOTED"] == "1"
    assert out["LABEL"].endswith("Authoring mode: guidance not verified")
