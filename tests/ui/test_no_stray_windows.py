"""No widget becomes a window of its own while an assessment is built, searched or re-banded.

A widget shown (``show()`` / ``setVisible(True)``) before it has a parent is a top-level
window: it flashed at the corner of the screen and took the keyboard focus from the main
window, so what the user typed next (after Ctrl+N, say) went nowhere.
"""

from __future__ import annotations

from assessment_kit import make_window, search_for, start_assessment, type_into
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDialog, QMenu, QMessageBox, QWidget


class StrayWindows(QObject):
    """Records every top-level widget shown that is not a dialog, menu or tooltip."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not isinstance(watched, (QDialog, QMenu))
            and watched.windowType() not in (Qt.WindowType.ToolTip, Qt.WindowType.Popup)
        ):
            self.shown.append(f"{type(watched).__name__} {watched.objectName()!r}")
        return False


def test_nothing_flashes_up_as_a_window_of_its_own(qtbot) -> None:
    window = make_window(qtbot)
    watch = StrayWindows()
    QApplication.instance().installEventFilter(watch)
    try:
        page = start_assessment(qtbot, window)
        page.go_to_step("needs")
        search_for(qtbot, page.needs, "missing")
        page.needs.search.clear()
        page.go_to_step("child")
        type_into(qtbot, page.child.reference, "HV-001")
        page.child.age.setCurrentIndex(page.child.age.count() - 1)  # areas rebuilt
        page.go_to_step("needs")
        assert watch.shown == []
        qtbot.keyClick(page.child.reference, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
        box = QApplication.activeModalWidget()
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: window.assessment() is not page)
        new = window.assessment()
        assert new is not None
        # The new assessment's first step holds the focus (its heading: never "Yes", where a
        # stray Space would answer it), ready for the keyboard.
        assert new.safety.isAncestorOf(window.focusWidget())
        assert window.focusWidget().property("headingLevel") == "1"
        assert watch.shown == []
    finally:
        QApplication.instance().removeEventFilter(watch)
