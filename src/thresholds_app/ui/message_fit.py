"""Message boxes that fit the screen at every text size.

A QMessageBox grows with its text and never scrolls, and it wraps its text at a narrow width of
its own: at 175% text on a 1280 x 720 screen a message of eight lines was taller than the screen,
its OK button below the bottom edge. :func:`fit_to_screen` gives the text a readable line (as wide
as the screen allows) and shows as many of its lines as fit in under half the screen's height; the
rest, with the whole text, goes under Show Details, whose own view adds about as much again.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QMessageBox

LINE_CHARACTERS = 72  # a readable line, in average characters (as ui/reading_view.py)
SHARE_OF_SCREEN = 0.45  # of the screen's height, for the text before Show Details


def fit_to_screen(box: QMessageBox, more: Callable[[int], str] | None = None) -> None:
    """Widen ``box``'s text to a readable line and cut it to the lines that fit the screen.

    ``more(n)`` words the line that replaces the ``n`` lines left out (they are under Show
    Details with the rest of the text); without it, a box whose text is too long keeps it all.
    """
    label = box.findChild(QLabel, "qt_msgbox_label")  # Qt's own name for the box's text
    screen = box.screen()
    if label is None or screen is None:
        return
    room = screen.availableGeometry()
    metrics = label.fontMetrics()
    width = min(metrics.averageCharWidth() * LINE_CHARACTERS, int(room.width() * 0.6))
    label.setMinimumWidth(width)
    budget = max(3, int(room.height() * SHARE_OF_SCREEN) // metrics.lineSpacing())
    lines = box.text().splitlines()
    shown: list[str] = []
    used = 0
    for line in lines:
        rows = max(1, math.ceil(metrics.horizontalAdvance(line) / width))
        if used + rows > budget - 1:  # a row left for the line that says what is left out
            break
        shown.append(line)
        used += rows
    if more is None or len(shown) == len(lines):
        return
    if not box.detailedText():
        box.setDetailedText(box.text())
    box.setText("\n".join([*shown, more(len(lines) - len(shown))]))
