"""A step's scroll area that follows its content's height (no squashed fields, no cut-off text).

A resizable ``QScrollArea`` sizes its widget from the widget's height for its width, but it
re-reads that height only when the widget is resized or its minimum size changes. Text that
wraps onto another line, a row's labels filled in, or the column made narrower for a readable
line length all change the height for width without either, so the step stayed at its old
height and its layout squashed everything into it: line edits 10 px high, help text cut off,
radio buttons hidden (seen in every screenshot of the child step). The step's layout asks for
a new layout each time its content changes; this passes that request on to the scroll area.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QScrollArea


class FollowContent(QObject):
    """Passes each layout request of ``area``'s widget on to ``area``."""

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        self._layout_request = QEvent.Type.LayoutRequest
        widget = area.widget()
        if widget is not None:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """On the widget's layout request, ask the scroll area to size it again."""
        if event.type() == self._layout_request:
            QCoreApplication.postEvent(self._area, QEvent(self._layout_request))
        return False


def follow_content(area: QScrollArea) -> None:
    """Keep ``area``'s widget as tall as its content needs at its width."""
    FollowContent(area)
