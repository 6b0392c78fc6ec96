"""The dialog shown when no pack can be used still gives 999 and the MASH, and F9 works there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLabel

from thresholds_app.core.pack.fallback import fallback_contacts
from thresholds_app.ui.pack_problems import problems_dialog


def test_the_problems_dialog_lists_the_emergency_numbers_and_where_they_come_from(qtbot):
    dialog = problems_dialog("/some/pack", "a.yaml:1:1: bad", fallback_contacts(None))
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert text.startswith("If a child is in immediate danger, call 999 now.")
    assert "0121 788 4300" in text  # the MASH
    assert "0121 605 6060" in text  # out of hours
    assert "built into the app and may be out of date" in text
    assert "a.yaml:1:1" in dialog.detailedText()


def test_f9_on_the_problems_dialog_shows_the_numbers_in_large_print(qtbot):
    dialog = problems_dialog("/some/pack", "a.yaml:1:1: bad", fallback_contacts(None))
    qtbot.addWidget(dialog)
    dialog.open()  # window-modal, as exec() would be, without blocking the test
    qtbot.waitExposed(dialog)
    window = dialog.windowHandle()
    dialog.emergency_key.watch(window)  # as focusWindowChanged does on a real desktop
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F9, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, press)
    emergency = dialog.emergency_dialog
    qtbot.waitUntil(emergency.isVisible)
    words = " ".join(label.text() for label in emergency.findChildren(QLabel))
    assert "999" in words
    assert "0121 788 4300" in words
    assert "may be out of date" in words
    assert emergency.windowModality() == Qt.WindowModality.ApplicationModal
