"""Keep the main window within its screen when the text size changes, and fit to widths.

Larger text makes the window's widgets ask for more room, and Qt grows the window to match, past
the screen's edge at 1280x720 (the red emergency button was then off screen), and never shrinks
it again when the text gets smaller. After each change of text size the window is brought back
within the screen, as far as its content allows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget


def keep_on_screen(window: QWidget) -> None:
    """Shrink and move ``window`` (not maximised) so its frame lies within its screen."""
    screen = window.screen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    room = screen.availableGeometry()
    frame = window.frameGeometry()
    edge_w, edge_h = frame.width() - window.width(), frame.height() - window.height()
    width = min(window.width(), room.width() - edge_w)
    height = min(window.height(), room.height() - edge_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)  # no smaller than its content's minimum
    frame = window.frameGeometry()
    x = max(room.left(), min(frame.left(), room.right() + 1 - frame.width()))
    y = max(room.top(), min(frame.top(), room.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)


class WidthFollower(QObject):
    """Calls ``fit`` (once the layouts are done) whenever one of ``widgets`` changes width.

    Made at the first use of the window, not at start-up: a Python event filter builds
    PySide6's QEvent enums (about 4 ms), which F9's watcher pays for at that moment anyway.
    """

    def __init__(self, fit: Callable[[], object], *widgets: QWidget) -> None:
        super().__init__(widgets[0])
        self._fit = fit
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A resize with a new width: fit after this layout pass."""
        if (
            event.type() == QEvent.Type.Resize
            and isinstance(event, QResizeEvent)
            and event.size().width() != event.oldSize().width()
        ):
            QTimer.singleShot(0, self, self._fit)
        return False
