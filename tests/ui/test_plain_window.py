"""The start-up benchmark's plain window is a fair yardstick: it uses no Qt class the app does not.

``benchmarks/plain_window.py`` stands for "the same widgets, no app logic". A yardstick that
built more kinds of widget than the app's start screen would flatter the app, so this checks
that every Qt class it brings in is one the app's own start brings in too.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Run a script or module, then list the PySide6 classes it made Python types for (PySide6
# creates a class's type on first use, and only then does the name appear in the module).
RECORD = """
import atexit, runpy, sys
import PySide6.QtCore as core, PySide6.QtGui as gui, PySide6.QtWidgets as widgets
def used():
    names = sorted(f"{m.__name__}.{n}" for m in (core, gui, widgets) for n in vars(m)
                   if n.startswith("Q") and isinstance(vars(m)[n], type))
    print(repr(names))
atexit.register(used)
target, *sys.argv[1:] = sys.argv[1:]
if target.endswith(".py"):
    sys.argv[0] = target
    runpy.run_path(target, run_name="__main__")
else:
    sys.argv[0] = target
    runpy.run_module(target, run_name="__main__")
"""


def qt_classes(tmp_path: Path, *args: str) -> set[str]:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    done = subprocess.run(
        [sys.executable, "-c", RECORD, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    names: list[str] = ast.literal_eval(done.stdout.strip().splitlines()[-1])
    return set(names)


@pytest.mark.slow
def test_plain_window_uses_only_qt_classes_the_app_start_uses(tmp_path):
    plain = qt_classes(tmp_path, str(ROOT / "benchmarks" / "plain_window.py"))
    app = qt_classes(tmp_path, "thresholds_app", "--quit-when-ready")
    assert "PySide6.QtWidgets.QPushButton" in plain  # it is a real window, not an empty one
    assert plain - app == set()


def test_ready_can_end_the_process_the_moment_the_window_is_shown(tmp_path: Path) -> None:
    """``count_startup.py`` counts launch -> shown only: READY_EXIT ends the run at "ready"."""
    script = tmp_path / "window.py"
    script.write_text(
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication, QMainWindow\n"
        "app = QApplication(sys.argv)\n"
        "window = QMainWindow()\n"
        "window.show()\n"
        "QTimer.singleShot(0, app.quit)\n"
        "app.exec()\n"
        "print('after the event loop')\n",
        encoding="utf-8",
    )
    ready = str(ROOT / "benchmarks" / "ready.py")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    runs = [
        subprocess.run(
            [sys.executable, ready, str(script)],
            capture_output=True,
            text=True,
            timeout=60,
            env={**env, **extra},
            check=False,
        )
        for extra in ({}, {"READY_EXIT": "1"})
    ]
    assert [run.returncode for run in runs] == [0, 0], runs[1].stderr
    assert all(run.stdout.startswith("ready ") for run in runs)
    assert "after the event loop" in runs[0].stdout
    assert "after the event loop" not in runs[1].stdout
