"""F9 shows whom to call from every window and state: dialogs of each kind and the idle lock.

Keys are sent to the top-level window, as the system delivers them (through Qt's shortcut
handling), not straight to a widget.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from assessment_kit import make_window, start_assessment
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QWidget,
)

from thresholds_app.core.drafts.store import DraftInfo
from thresholds_app.ui import autosave
from thresholds_app.ui.main_window import MainWindow


def ready_window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    qtbot.mouseMove(window)  # F9's watcher over every window starts at the first sign of use
    qtbot.waitUntil(lambda: window.emergency_key is not None)
    return window


def press_f9(widget: QWidget) -> None:
    handle = widget.window().windowHandle()
    assert handle is not None
    QTest.keyClick(handle, Qt.Key.Key_F9)


def emergency_usable_over(window: MainWindow, dialog: QWidget) -> None:
    """The emergency contacts are on screen, above ``dialog`` and not blocked by it."""
    emergency = window.emergency_dialog
    assert emergency is not None
    assert emergency.isVisible()
    assert emergency.phone_numbers()[0] == "999"
    assert QApplication.activeModalWidget() is emergency  # on top: nothing blocks it
    emergency.close()
    assert QApplication.activeModalWidget() is dialog  # back to the dialog, still open


def inside_blocking_dialog(kind: type, check: Callable[[QWidget], None]) -> list[str]:
    """Run ``check`` on the blocking dialog of ``kind`` once it is open, then close it."""
    seen: list[str] = []

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        focused = (
            isinstance(dialog, kind) and QGuiApplication.focusWindow() is dialog.windowHandle()
        )
        if not focused:  # the system sends keys to the window with the focus
            QTimer.singleShot(20, act)
            return
        try:
            check(dialog)
            seen.append("checked")
        finally:
            dialog.close() if not isinstance(dialog, QDialog) else dialog.reject()

    QTimer.singleShot(50, act)
    return seen


@pytest.mark.parametrize("which", ["open", "save"])
def test_f9_in_the_file_dialogs(qtbot, which: str) -> None:
    window = ready_window(qtbot)
    page = start_assessment(qtbot, window)

    def check(dialog: QWidget) -> None:
        assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's, so keys reach us
        press_f9(dialog)
        emergency_usable_over(window, dialog)

    seen = inside_blocking_dialog(QFileDialog, check)
    if which == "open":
        assert window.ask_open_path() == ""
    else:
        assert page.ask_save_path("Save", "case-REF.json", "Case files (*.json)") == ""
    assert seen == ["checked"]


def test_f9_in_the_recovery_question(qtbot) -> None:
    window = ready_window(qtbot)
    info = DraftInfo(id="x", updated=0.0, answers=2, interrupted=True, damaged=False)

    def check(dialog: QWidget) -> None:
        press_f9(dialog)
        emergency_usable_over(window, dialog)

    seen = inside_blocking_dialog(QMessageBox, check)
    assert autosave.ask_recovery(window, info) == "later"
    assert seen == ["checked"]


@pytest.mark.parametrize("which", ["question", "message", "shortcuts", "about"])
def test_f9_in_the_non_blocking_dialogs(qtbot, which: str) -> None:
    window = ready_window(qtbot)
    if which == "question":
        dialog: QWidget = window.ask("Start again?", "Clear it?", lambda: None)
    elif which == "message":
        window.inform("Cannot open the case file", "It is damaged.")
        dialog = QApplication.activeModalWidget()
    elif which == "shortcuts":
        dialog = window.show_shortcuts()
    else:
        dialog = window.show_about()
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is dialog.windowHandle())
    assert QApplication.activeModalWidget() is dialog  # it blocks the main window
    press_f9(dialog)
    emergency_usable_over(window, dialog)
    dialog.close()


def test_f9_and_the_red_button_on_the_idle_lock_screen(qtbot) -> None:
    window = ready_window(qtbot)
    start_assessment(qtbot, window)
    window.privacy.lock_now()
    screen = window.idle_lock.screen
    assert screen is not None
    qtbot.waitUntil(screen.emergency_button.isVisible)  # the red button is not hidden
    press_f9(window)
    emergency = window.emergency_dialog
    qtbot.waitUntil(lambda: emergency is not None and emergency.isVisible())
    assert window.idle_lock.is_locked  # F9 shows help; it does not reveal the child's details
    close = emergency.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Close)
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)  # the contacts work while locked
    qtbot.waitUntil(lambda: not emergency.isVisible())
    assert window.idle_lock.is_locked
    # a real click reaches the window first (the lock used to swallow it there)
    centre = screen.emergency_button.rect().center()
    where = screen.emergency_button.mapTo(window, centre)
    handle = window.windowHandle()
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
    qtbot.waitUntil(emergency.isVisible)
    assert window.idle_lock.is_locked


def test_every_file_dialog_is_the_apps_own() -> None:
    """No view asks QFileDialog directly: a system dialog would keep F9 from the practitioner."""
    ui = Path(__file__).resolve().parents[2] / "src" / "thresholds_app" / "ui"
    direct = [
        path.relative_to(ui).as_posix()
        for path in ui.rglob("*.py")
        if path.name != "file_dialogs.py" and "QFileDialog.get" in path.read_text("utf-8")
    ]
    assert direct == []


def test_a_dialog_without_a_folder_starts_in_documents(qtbot) -> None:
    documents = Path.home() / "Documents"
    expected = documents if documents.is_dir() else Path.home()
    window = ready_window(qtbot)
    page = start_assessment(qtbot, window)
    where: list[str] = []

    def check(dialog: QWidget) -> None:
        where.append(dialog.directory().absolutePath())

    inside_blocking_dialog(QFileDialog, check)
    page.ask_save_path("Save", "case-REF.json", "Case files (*.json)")
    assert where == [expected.as_posix()]  # not the program's own folder
