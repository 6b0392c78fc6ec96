"""Run work the first screen does not need at the first sign of use, not just after the paint.

Work queued "after the first paint" still kept the app busy once its window was up, so a
first click could lag and the app took three times a bare window to go quiet (issue 11). What
can wait runs when the user first moves the mouse, touches the keyboard or scrolls, or after a
short idle spell if they do not.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

IDLE_START_MS = 2_000  # with no input at all, run after this long anyway


@cache
def _input_events() -> frozenset[QEvent.Type]:
    # QEvent is imported here, not at the top: PySide6 builds the class and its 170-odd event
    # types on first touch (about 14 ms), and this module is imported on the start path
    from PySide6.QtCore import QEvent

    kinds = QEvent.Type
    return frozenset(
        {kinds.MouseMove, kinds.MouseButtonPress, kinds.KeyPress, kinds.TouchBegin, kinds.Wheel}
    )


class FirstUse(QObject):
    """Calls ``callback`` once: at the first input event ``app`` sees, or after an idle spell.

    ``owner`` is what the callback belongs to: when it goes, this goes (and never calls).
    """

    def __init__(self, app: QObject, callback: Callable[[], object], owner: QObject) -> None:
        super().__init__(owner)
        self._app: QObject | None = app
        self._callback = callback
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_START_MS)
        self._idle.timeout.connect(self.fire)
        app.installEventFilter(self)
        self._idle.start()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """Fire at the first input event; never consumes the event."""
        if event.type() in _input_events():
            QTimer.singleShot(0, self, self.fire)  # after the event itself is handled
        return False

    def fire(self) -> None:
        """Run the callback now, if it has not run yet."""
        if self._app is None:
            return
        self._idle.stop()
        self._app.removeEventFilter(self)
        self._app = None
        self._callback()
