"""The mouse wheel scrolls the page, not the value of a choice the pointer happens to cross.

Qt gives combo boxes and spin boxes the wheel (and the keyboard focus) as soon as the pointer is
over them, so scrolling down a step could change an age band from 5-10 to 16-17 unseen. Guarded
widgets take the wheel only once they have the focus (a click or Tab); until then the wheel
scrolls the page around them, as in a careful desktop app.

The main window guards every page each time it is shown, and a screen that adds such widgets
later (a household row) guards them as it adds them. One shared filter sees only those widgets'
events, never every event of the app. (A proxy style's ``polish`` would cover new widgets by
itself, but a Python ``polish`` crashes PySide6 6.12 with a reference-count error.)
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

GUARDED = "wheelGuarded"  # a property marking widgets already guarded


class _WheelFilter(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        if watched.hasFocus():
            return False  # chosen on purpose: the wheel changes the value
        area = watched.parentWidget()
        while area is not None and not isinstance(area, QAbstractScrollArea):
            area = area.parentWidget()
        if area is not None:  # the page around it scrolls instead (it ignores the position)
            QApplication.sendEvent(area.viewport(), event.clone())
        return True


@functools.cache
def _filter() -> _WheelFilter:
    return _WheelFilter(QApplication.instance())


def guard_wheel(root: QWidget) -> None:
    """Guard every combo box and spin box in ``root`` (and ``root`` itself) not yet guarded."""
    widgets: list[QWidget] = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    if isinstance(root, (QComboBox, QAbstractSpinBox)):
        widgets.append(root)
    for widget in widgets:
        if widget.property(GUARDED):
            continue
        widget.setProperty(GUARDED, True)
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_filter())
