"""The app opens only guidance it can trust, falls back to the newest trusted pack, and says so."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from thresholds_app.core.pack.signing import generate_keys, read_secret_key, sign_pack
from thresholds_app.paths import default_pack_dir

# Starts the app with a machine policy that trusts KEY and makes the bundled pack BUNDLED, then
# prints the exit code, the guidance label and the notice it would show after the first paint.
DRIVER = """
import sys
from pathlib import Path
from thresholds_app.core.config import current
from thresholds_app.core.config.layers import PolicyData
from thresholds_app.core.pack import trust_setup
import thresholds_app.ui.app as app_module

key, bundled, mode, *args = sys.argv[1:]
locked = {"packs.trusted_keys": [Path(key).read_text()], "packs.authoring_mode": mode}
current.read_machine_policy = lambda: PolicyData(locked, {})
trust_setup.default_pack_dir = lambda: Path(bundled)
shown = {}
import thresholds_app.ui.pack_trust as pack_trust
original = pack_trust.show_trust
def spy(window, opened, messages, quiet=False):
    original(window, opened, messages, quiet=quiet)
    shown["label"] = window.pack_label.text()
    shown["notice"] = window.trust_notice
pack_trust.show_trust = spy
code = app_module.run_app(["thresholds-app", *args, "--quit-when-ready"])
print("EXIT", code)
print("LABEL", shown.get("label", ""))
print("NOTICE", shown.get("notice", "").replace(chr(10), " | "))
"""


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """A signed copy of the bundled pack, a tampered signed copy, and the key that checks them."""
    folder = tmp_path_factory.mktemp("trust")
    secret, public = generate_keys(folder / "k", None)
    good = folder / "good"
    shutil.copytree(default_pack_dir(), good)
    sign_pack(good, read_secret_key(secret, None))
    bad = folder / "bad"
    shutil.copytree(good, bad)
    rules = bad / "rules.yaml"
    rules.write_bytes(rules.read_bytes().replace(b"at_least: 3", b"at_least: 4", 1))
    return good, bad, public


def start(
    tmp_path: Path, key: Path, bundled: Path, *args: str, mode: str = "off"
) -> dict[str, str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(key), str(bundled), mode, *args],
        capture_output=True, text=True, timeout=120, env=env, check=False,
    )  # fmt: skip
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    lines["stderr"] = done.stderr
    return lines


@pytest.mark.slow
def test_a_tampered_pack_is_refused_and_the_trusted_bundled_pack_used(tmp_path, signed) -> None:
    good, bad, public = signed
    out = start(tmp_path, public, good, "--pack", str(bad))
    assert out["EXIT"] == "0", out["stderr"]
    assert "rules.yaml: this file has changed since the pack was signed" in out["NOTICE"]
    assert f"from {good} instead: the newest pack this computer trusts" in out["NOTICE"]
    assert "Authoring" not in out["LABEL"]


@pytest.mark.slow
def test_nothing_trusted_means_the_app_does_not_start(tmp_path, signed) -> None:
    _good, bad, public = signed
    out = start(tmp_path, public, bad)  # the only pack there is has been changed
    assert out["EXIT"] == "1"
    assert "rules.yaml" in out["stderr"]


@pytest.mark.slow
def test_authoring_cannot_be_asked_for_when_the_policy_says_off(tmp_path, signed) -> None:
    good, bad, public = signed
    out = start(tmp_path, public, good, "--pack", str(bad), "--authoring")
    assert out["EXIT"] == "1"
    assert "Authoring mode is turned off on this computer" in out["stderr"]


@pytest.mark.slow
def test_authoring_mode_is_marked_on_the_guidance_label(tmp_path, signed) -> None:
    good, _bad, public = signed
    out = start(tmp_path, public, good, "--pack", str(default_pack_dir()), mode="always")
    assert out["EXIT"] == "0", out["stderr"]
    assert out["LABEL"].endswith("Authoring mode: guidance not verified")


def test_the_changes_are_shown_when_a_new_version_is_first_used(qtbot) -> None:
    from PySide6.QtWidgets import QMessageBox

    from thresholds_app.core.pack.load import load_pack
    from thresholds_app.ui.main_window import MainWindow
    from thresholds_app.ui.pack_trust import show_changes

    data = Path(__file__).resolve().parents[1] / "data" / "packs"
    new = load_pack(data / "minimal-v2").pack
    assert new is not None
    window = MainWindow(new)
    qtbot.addWidget(window)
    box = show_changes(window, data / "minimal")
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert "The partnership's guidance has been updated" in box.text()
    assert "Level 3 is now called “Targeted” (was “Complex”)." in box.text()
    assert "now needs at least 2 matching answers (was 1)" in box.text()
    box.close()
