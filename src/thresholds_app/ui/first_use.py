"""Run work the first screen does not need at the first sign of use, not just after the paint.

Work queued "after the first paint" still kept the app busy once its window was up, so a first
click could lag and the app took over three times a bare window to go quiet (issue 11). What can
wait runs when the user first moves the mouse, touches the keyboard or scrolls, or after a short
idle spell if they do not.

The watcher is an application-wide event filter, in Python, only until it fires: it is installed
after the first paint (it would otherwise see every event of the window being built) and removed
at the first input.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent

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
    """Calls ``callback`` once: at the first input event ``app`` sees, or after an idle spell.

    ``owner`` is what the callback belongs to: when it goes, this goes (and never calls).
    :meth:`fire` runs the callback at once (when something needs the work done now).
    """

    def __init__(
        self,
        app: QObject,
        callback: Callable[[], object],
        owner: QObject,
        *,
        idle_ms: int | None = None,
    ) -> None:
        super().__init__(owner)
        self._app: QObject | None = app
        self._callback = callback
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_START_MS if idle_ms is None else idle_ms)
        self._idle.timeout.connect(self.fire)
        app.installEventFilter(self)
        self._idle.start()

    @property
    def fired(self) -> bool:
        """Whether the callback has run (or is running)."""
        return self._app is None

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """Fire at the first input event; never consumes the event."""
        if self._app is not None and event.type() in _input_events():
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
