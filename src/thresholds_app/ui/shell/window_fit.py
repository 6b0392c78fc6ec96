"""Keep the main window within its screen when the text size changes.

Larger text makes the window's widgets ask for more room, and Qt grows the window to match, past
the screen's edge at 1280x720 (the red emergency button was then off screen), and never shrinks
it again when the text gets smaller. After each change of text size the window is brought back
within the screen, as far as its content allows.
"""

from __future__ import annotations

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
