"""Run work the first screen does not need at the first sign of use, not just after the paint.

Work queued "after the first paint" still kept the app busy once its window was up, so a first
click could lag and the app took over three times a bare window to go quiet (issue 11). What can
wait runs when the user first moves the mouse, touches the keyboard or scrolls, or after a short
idle spell if they do not.

The watcher is an event filter, in Python, on the main window's own ``QWindow`` (which receives
its mouse and keyboard input before any widget does), only until it fires. It is installed after
the first paint and removed at the first input. It is deliberately not application-wide: handing
PySide6 every event of every object makes it resolve the Python type of each new kind of event,
which built some 170 enum types (60 ms or more) just after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QWidget

IDLE_START_MS = 2_000  # with no input at all, run after this long anyway

_INPUT_EVENTS: frozenset[object] = frozenset()


def _input_events() -> frozenset[object]:
    # QEvent is imported here, not at the top: PySide6 builds the class and its 170-odd event
    # types on first touch (about 14 ms), and this module is imported on the start path.
    global _INPUT_EVENTS
    if not _INPUT_EVENTS:
        from PySide6.QtCore import QEvent

        kinds = QEvent.Type
        _INPUT_EVENTS = frozenset(
            {
                kinds.MouseMove,
                kinds.MouseButtonPress,
                kinds.KeyPress,
                kinds.ShortcutOverride,
                kinds.TouchBegin,
                kinds.Wheel,
            }
        )
    return _INPUT_EVENTS


class FirstUse(QObject):
    """Calls ``callback`` once: at the first input ``window`` receives, or after an idle spell.

    ``window`` is a top-level widget (its ``QWindow`` is watched) or None (the idle spell only).
    ``owner`` is what the callback belongs to: when it goes, this goes (and never calls).
    :meth:`fire` runs the callback at once (when something needs the work done now).
    """

    def __init__(
        self,
        window: QWidget | None,
        callback: Callable[[], object],
        owner: QObject,
        *,
        idle_ms: int | None = None,
    ) -> None:
        super().__init__(owner)
        self._callback: Callable[[], object] | None = callback
        self._watched: QObject | None = window.windowHandle() if window is not None else None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_START_MS if idle_ms is None else idle_ms)
        self._idle.timeout.connect(self.fire)
        if self._watched is not None:
            self._watched.installEventFilter(self)
        self._idle.start()

    @property
    def fired(self) -> bool:
        """Whether the callback has run (or is running)."""
        return self._callback is None

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """Fire at the first input event; never consumes the event."""
        if self._callback is not None and event.type() in _input_events():
            QTimer.singleShot(0, self, self.fire)  # after the event itself is handled
        return False

    def fire(self) -> None:
        """Run the callback now, if it has not run yet."""
        callback, self._callback = self._callback, None
        if callback is None:
            return
        self._idle.stop()
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        callback()
