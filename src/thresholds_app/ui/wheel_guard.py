"""The mouse wheel scrolls the page, not the value of a choice the pointer happens to cross.

Qt gives combo boxes and spin boxes the wheel (and the keyboard focus) as soon as the pointer is
over them, so scrolling down a step could change an age band from 5-10 to 16-17 unseen. Guarded
widgets take the wheel only once they have the focus (a click or Tab); until then the wheel
scrolls the page around them, as in a careful desktop app.

A wheel gesture is also "latched", as in a web browser: once one wheel movement went to the page,
the following ones within ``GESTURE_GAP`` seconds go to the page too, even when a focused choice
slides under the pointer as the page moves. A focused choice changes by wheel only when the
gesture began on it, or after it was clicked or tabbed to. (A touchpad's ``ScrollBegin`` phase
starts a new gesture at once.)

The main window guards every page each time it is shown, and a screen that adds such widgets
later (a household row) guards them as it adds them. One shared filter sees only those widgets'
and their scroll areas' events, never every event of the app. (A proxy style's ``polish`` would
cover new widgets by itself, but a Python ``polish`` crashes PySide6 6.12 with a reference-count
error.)
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QWidget,
)

GUARDED = "wheelGuarded"  # a property marking widgets already guarded
GESTURE_GAP = 0.5  # seconds: wheel movements closer together than this are one gesture


def _is_choice(widget: QObject) -> bool:
    return isinstance(widget, (QComboBox, QAbstractSpinBox))


def _page_around(widget: QWidget) -> QAbstractScrollArea | None:
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    return area


class _WheelFilter(QObject):
    def __init__(self, parent: QObject | None, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.clock = clock
        self._last_target: QWidget | None = None  # where the last wheel movement went
        self._last_time = float("-inf")

    def _latched_elsewhere(self, widget: QWidget, event: QWheelEvent, now: float) -> bool:
        """True while a gesture that began somewhere other than ``widget`` is going on."""
        if event.phase() == Qt.ScrollPhase.ScrollBegin or now - self._last_time > GESTURE_GAP:
            return False
        return self._last_target is not None and self._last_target is not widget

    def _note(self, target: QWidget | None, now: float) -> None:
        self._last_target, self._last_time = target, now

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn and _is_choice(watched):
            self._note(None, float("-inf"))  # a click or Tab on a choice ends any gesture
            return False
        if event.type() != QEvent.Type.Wheel or not isinstance(watched, QWidget):
            return False
        assert isinstance(event, QWheelEvent)
        now = self.clock()
        if not _is_choice(watched):  # a scroll area's viewport: the page takes this movement
            self._note(watched, now)
            return False
        if watched.hasFocus() and not self._latched_elsewhere(watched, event, now):
            self._note(watched, now)  # chosen on purpose: the wheel changes the value
            return False
        area = _page_around(watched)
        if area is not None:  # the page around it scrolls instead (it ignores the position)
            QApplication.sendEvent(area.viewport(), event.clone())
            self._note(area.viewport(), now)
        return True


@functools.cache
def _filter() -> _WheelFilter:
    return _WheelFilter(QApplication.instance())


def guard_wheel(root: QWidget) -> None:
    """Guard every combo box and spin box in ``root`` (and ``root`` itself) not yet guarded.

    The viewports of the scroll areas in and around ``root`` are watched too, so a gesture that
    began on the page is known when it reaches a choice.
    """
    widgets: list[QWidget] = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    if _is_choice(root):
        widgets.append(root)
    for widget in widgets:
        if widget.property(GUARDED):
            continue
        widget.setProperty(GUARDED, True)
        if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.installEventFilter(_filter())
        area = _page_around(widget)
        while area is not None:
            _watch_viewport(area)
            area = _page_around(area)
    for area in root.findChildren(QAbstractScrollArea):
        if not _is_choice(area):
            _watch_viewport(area)


def _watch_viewport(area: QAbstractScrollArea) -> None:
    viewport = area.viewport()
    if not viewport.property(GUARDED):
        viewport.setProperty(GUARDED, True)
        viewport.installEventFilter(_filter())
