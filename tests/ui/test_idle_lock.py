"""The idle lock hides child details after inactivity and comes back on a key or Continue."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.ui.idle_lock import IdleLock

CANARY = "Quokka-canary-91"


def _window(qtbot) -> tuple[QMainWindow, QLineEdit]:
    window = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(QLabel(f"Child: {CANARY}"))
    edit = QLineEdit(CANARY)
    layout.addWidget(edit)
    window.setCentralWidget(central)
    qtbot.addWidget(window)
    window.resize(600, 400)
    with qtbot.waitExposed(window):
        window.show()
    return window, edit


def _visible_texts() -> list[str]:
    texts = []
    for widget in QApplication.allWidgets():
        if not widget.isVisible():
            continue
        for getter in ("text", "toPlainText", "windowTitle"):
            if hasattr(widget, getter):
                texts.append(str(getattr(widget, getter)()))
        texts.append(widget.accessibleName())
    return texts


def test_minutes_default_and_clamp(qtbot) -> None:
    window, _ = _window(qtbot)
    lock = IdleLock(window)
    assert lock.interval_ms == 5 * 60_000
    lock.set_minutes(60)
    assert lock.interval_ms == 15 * 60_000
    lock.set_minutes(0)
    assert lock.interval_ms == 60_000
    lock.stop()


def test_locks_after_idle_and_hides_child_data(qtbot) -> None:
    window, _ = _window(qtbot)
    dialog = QDialog(window)
    dialog.setWindowTitle("Preview")
    QVBoxLayout(dialog).addWidget(QLabel(CANARY))
    dialog.show()
    lock = IdleLock(window)
    lock.set_interval_ms(30)
    with qtbot.waitSignal(lock.locked, timeout=2000):
        pass
    assert lock.is_locked
    assert not any(CANARY in t for t in _visible_texts())
    assert not dialog.isVisible()
    lock.unlock()
    assert dialog.isVisible()
    assert any(CANARY in t for t in _visible_texts())
    lock.stop()


def test_activity_postpones_the_lock(qtbot) -> None:
    window, edit = _window(qtbot)
    edit.setFocus()
    lock = IdleLock(window)
    lock.set_interval_ms(1_000)
    # Input as the system delivers it: to the window first, then to the widget it is for.
    handle = window.windowHandle()
    qtbot.waitUntil(lambda: 0 <= lock.remaining_ms() < 600, timeout=3000)
    QTest.keyClick(handle, Qt.Key.Key_A)  # a key press restarts the countdown
    assert lock.remaining_ms() > 800
    assert edit.text().endswith("a")  # and still types
    qtbot.waitUntil(lambda: 0 <= lock.remaining_ms() < 600, timeout=3000)
    QTest.mouseClick(handle, Qt.MouseButton.LeftButton, pos=edit.geometry().center())
    assert lock.remaining_ms() > 800
    assert not lock.is_locked
    lock.stop()


def test_input_to_a_dialog_counts_as_activity(qtbot) -> None:
    window, _edit = _window(qtbot)
    lock = IdleLock(window)
    lock.set_interval_ms(1_000)
    dialog = QDialog(window)
    dialog_edit = QLineEdit(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    dialog.activateWindow()
    dialog_edit.setFocus()
    qtbot.waitUntil(lambda: 0 <= lock.remaining_ms() < 600, timeout=3000)
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_B)
    assert lock.remaining_ms() > 800
    dialog.close()
    lock.stop()


def test_unlocked_lock_runs_no_python_for_the_apps_own_events(qtbot, monkeypatch) -> None:
    """Laying out and painting new widgets must not go through a Python filter (search speed)."""
    import thresholds_app.ui.idle_lock as idle_lock

    calls: list[int] = []
    for cls in (idle_lock.IdleLock, idle_lock._ActivityWatcher):
        original = cls.eventFilter

        def counted(self, watched, event, _original=original) -> bool:
            calls.append(event.type())
            return _original(self, watched, event)

        monkeypatch.setattr(cls, "eventFilter", counted)
    window, _edit = _window(qtbot)
    lock = IdleLock(window)
    central = window.centralWidget()
    calls.clear()
    labels = [QLabel(f"Line {n}", central) for n in range(40)]
    for n, label in enumerate(labels):
        label.move(10 + n, 10 + n)
        label.show()
    qtbot.wait(50)  # the layout and the paint run
    # 40 new widgets make hundreds of events; only a handful reach the window itself
    assert len(calls) < 40, calls
    lock.stop()


def test_no_event_filter_while_disabled(qtbot) -> None:
    window, edit = _window(qtbot)
    lock = IdleLock(window)
    lock.set_enabled(False)
    assert not lock.counting
    qtbot.keyClick(edit, Qt.Key.Key_A)
    assert not lock.counting  # input is not even watched
    lock.set_enabled(True)
    assert lock.counting
    lock.stop()


def test_a_key_unlocks_and_types_nothing(qtbot) -> None:
    window, edit = _window(qtbot)
    lock = IdleLock(window)
    lock.lock()
    before = edit.text()
    with qtbot.waitSignal(lock.unlocked, timeout=1000):
        qtbot.keyClick(window, Qt.Key.Key_X)
    assert edit.text() == before
    assert edit.isVisible()
    lock.stop()


def test_continue_button_unlocks(qtbot) -> None:
    window, _ = _window(qtbot)
    lock = IdleLock(window)
    lock.lock()
    button = next(b for b in window.findChildren(QPushButton) if b.accessibleName() == "Continue")
    assert button.isVisible()
    with qtbot.waitSignal(lock.unlocked, timeout=1000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not lock.is_locked
    lock.stop()


def test_lock_screen_follows_window_size(qtbot) -> None:
    window, _ = _window(qtbot)
    lock = IdleLock(window)
    lock.lock()
    window.resize(700, 500)
    screen = window.findChild(QWidget, "idleLockScreen")
    qtbot.waitUntil(lambda: screen.size() == window.size())
    lock.stop()


def test_disabled_lock_never_locks(qtbot) -> None:
    window, _ = _window(qtbot)
    lock = IdleLock(window)
    lock.set_enabled(False)
    lock.set_interval_ms(10)
    lock.lock()
    assert not lock.is_locked
    lock.stop()
