"""A quiet start (issue 11): nothing slow runs on the GUI thread after the first paint.

The drafts store (key-store probe, cryptography) opens on a worker thread at the first sign of
use; work begun before it opens is kept and saved the moment it does; F9 works in a dialog that
appears before any input; and a normal start imports none of the slow libraries.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from thresholds_app.core.drafts.store import DraftStore
from thresholds_app.core.pack.load import load_pack
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui import autosave
from thresholds_app.ui.autosave import case_from_draft
from thresholds_app.ui.main_window import MainWindow
from thresholds_app.ui.shell.store_opener import THREAD_NAME


class MemoryKeys:
    available = True
    reason = ""

    def __init__(self) -> None:
        self._key = Fernet.generate_key()

    def key(self) -> bytes:
        return self._key


class SlowStore:
    """A drafts-store factory that takes as long as the test says (a slow key store)."""

    def __init__(self, folder: Path, keys: MemoryKeys | None = None) -> None:
        self.folder = folder
        self.keys = keys or MemoryKeys()
        self.go = threading.Event()
        self.made_on: list[str] = []

    def __call__(self) -> DraftStore:
        self.made_on.append(threading.current_thread().name)
        assert self.go.wait(10), "the test never let the store open"
        return DraftStore(self.folder, self.keys)


@pytest.fixture(scope="module")
def pack():
    result = load_pack(default_pack_dir())
    assert result.pack is not None
    return result.pack


@pytest.fixture(autouse=True)
def _never_block(monkeypatch) -> None:
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, _i: "later")


@pytest.fixture
def slow(tmp_path: Path):
    factory = SlowStore(tmp_path / "drafts")
    yield factory
    factory.go.set()  # never leave a worker waiting


def _window(qtbot, pack, factory) -> MainWindow:
    window = MainWindow(pack, drafts=factory)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.after_first_paint()
    return window


def test_the_window_is_up_before_the_store_opens_and_it_opens_off_the_gui_thread(
    qtbot, pack, slow
) -> None:
    window = _window(qtbot, pack, slow)
    qtbot.wait(50)
    assert slow.made_on == []  # nothing after the first paint: the window is quiet
    assert window.isVisible()
    assert not window.drafts.is_open
    qtbot.mouseMove(window, QPoint(40, 40))  # the user's first move
    qtbot.mouseMove(window, QPoint(60, 60))
    qtbot.waitUntil(lambda: slow.made_on != [])
    assert slow.made_on == [THREAD_NAME]  # the worker, not the GUI thread
    assert not window.drafts.is_open
    slow.go.set()
    qtbot.waitUntil(lambda: window.drafts.is_open)
    assert window.drafts.label.text() == "Drafts: encrypted"


def test_typing_before_the_store_opens_is_saved_once_it_opens(qtbot, pack, slow) -> None:
    window = _window(qtbot, pack, slow)
    window.new_assessment()  # the store starts opening now, on the worker
    page = window.assessment()
    assert page is not None
    page.state.case.free_text.worry = "Typed while the store was opening"
    page.state.touch()
    qtbot.wait(50)
    assert not window.drafts.is_open
    assert not slow.folder.exists()  # nothing on disk yet: it is kept waiting in memory
    slow.go.set()
    qtbot.waitUntil(lambda: window.drafts.is_open)
    store = window.drafts.store
    (info,) = store.pending_drafts()
    assert case_from_draft(store.load(info.id)).free_text.worry == (
        "Typed while the store was opening"
    )
    page.state.set_answer("immediate-danger", "no")  # and autosave carries on as usual
    assert store.load(info.id).answers == {"immediate-danger": "no"}


def test_an_answer_before_the_store_opens_waits_for_it_and_is_on_disk_at_once(
    qtbot, pack, slow
) -> None:
    window = _window(qtbot, pack, slow)
    window.new_assessment()
    page = window.assessment()
    assert page is not None
    threading.Timer(0.2, slow.go.set).start()  # the key store answers a moment later
    page.state.set_answer("immediate-danger", "no")  # a kill right after must lose nothing
    (info,) = DraftStore(slow.folder, window.drafts.store.key_provider).pending_drafts()
    assert info.answers == 1


def test_recovery_is_offered_once_the_store_opens(qtbot, pack, tmp_path, monkeypatch) -> None:
    keys = MemoryKeys()
    left = DraftStore(tmp_path / "drafts", keys).new_draft()
    left.record_answer("immediate-danger", "no")  # a draft left by a crash
    offered: list[str] = []
    monkeypatch.setattr(autosave, "ask_recovery", lambda _p, i: offered.append(i.id) or "later")
    slow = SlowStore(tmp_path / "drafts", keys)
    window = _window(qtbot, pack, slow)
    qtbot.wait(50)
    assert offered == []  # not offered on the GUI thread straight after the first paint
    slow.go.set()
    qtbot.mouseMove(window, QPoint(40, 40))
    qtbot.mouseMove(window, QPoint(60, 60))
    qtbot.waitUntil(lambda: offered == [left.id])


def test_f9_works_in_a_dialog_shown_before_any_input(qtbot, pack, slow) -> None:
    slow.go.set()
    window = _window(qtbot, pack, slow)
    assert window.emergency_key is None  # not yet: nothing has used the app
    window.inform("A notice", "Shown at start-up, before the user did anything.")
    dialog = QApplication.activeModalWidget()
    assert dialog is not None
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    assert window.emergency_key is not None  # the dialog took the focus: F9 watched at once
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_F9)
    emergency = window.emergency_dialog
    assert emergency is not None
    assert emergency.isVisible()
    emergency.close()
    dialog.close()


START_PROBE = """
import enum, os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
import PySide6.QtCore as core, PySide6.QtWidgets as widgets
made = []
create = enum.EnumType._create_
def counting(cls, *args, **kwargs):
    made.append(1)
    return create(cls, *args, **kwargs)
import thresholds_app.ui.main_window as main_window
real_show = main_window.MainWindow.show
def show(self):
    real_show(self)
    enum.EnumType._create_ = counting  # count from the moment the window is shown
    core.QTimer.singleShot(800, widgets.QApplication.instance().quit)  # before any idle work
main_window.MainWindow.show = show
from thresholds_app.ui.app import run_app
code = run_app(["app"])
heavy = ("yaml", "jsonschema", "cryptography", "keyring", "reportlab")
slow = [m for m in heavy if m in sys.modules]
import json
print(json.dumps({"code": code, "slow": slow, "enums": len(made)}))
"""


@pytest.mark.slow
def test_after_the_first_paint_the_idle_app_stays_quiet(tmp_path: Path) -> None:
    """No slow library is loaded, and PySide6 builds next to no enum types while idle.

    An application-wide Python event filter once made PySide6 build some 170 enum types
    just after the first paint; the key-store probe and the contrast query ran there too.
    """
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    warm = [sys.executable, "-m", "thresholds_app", "--quit-when-ready"]  # fills the pack cache
    subprocess.run(warm, capture_output=True, timeout=60, check=True, env=env)
    result = subprocess.run(
        [sys.executable, "-c", START_PROBE],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    lines = result.stdout.strip().splitlines()
    assert lines, result.stderr
    found = json.loads(lines[-1])
    assert found["code"] == 0, result.stderr
    assert found["slow"] == []
    assert found["enums"] < 30, found
