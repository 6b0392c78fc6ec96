"""A row of buttons that wraps onto more lines when its column is too narrow for it.

A plain box layout is as wide as all its buttons side by side: at 200% text the MASH review's
feedback buttons, the training library's choices and the practice result's four buttons made
their screens wider than a 1280-pixel screen. This places them left to right and starts a new
line where the next one would not fit, so it is only as wide as its widest item. A widget that
expands sideways (a search box, a screen's title) takes the room its line leaves; a title that
wraps is as tall as its lines.

A widget that places its children itself, not a QLayout subclass: a layout written in Python
keeps its items in a Python list, and PySide6 then deleted items Qt still used (a crash at the
idle lock, seen in the tests).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QWidget


class FlowRow(QWidget):
    """Its widgets in lines, each line as full as the width allows (Tab goes in that order)."""

    def __init__(self, *, right: bool = False, spacing: int = 8) -> None:
        super().__init__()
        self._widgets: list[QWidget] = []
        self._gap = spacing
        self._right = right  # each line against the right edge (a bar of actions)
        # not Fixed in height: a layout caps a fixed widget at its one-line size hint
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def addWidget(self, widget: QWidget) -> None:
        """Put ``widget`` at the end of the row."""
        widget.setParent(self)
        self._widgets.append(widget)
        widget.show()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        """Every widget on one line."""
        shown = self._shown()
        width = sum(w.sizeHint().width() for w in shown) + self._gap * max(0, len(shown) - 1)
        return QSize(width, max((w.sizeHint().height() for w in shown), default=0))

    def minimumSizeHint(self) -> QSize:
        """As wide as the widest widget: the others go onto lines of their own.

        One line high: the layout it is in asks :meth:`heightForWidth` for its real height.
        """
        shown = self._shown()
        width = max((_least_width(w) for w in shown), default=0)
        return QSize(width, max((w.sizeHint().height() for w in shown), default=0))

    def hasHeightForWidth(self) -> bool:
        """Its height depends on its width (how many lines)."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height of the lines at ``width``."""
        return self._arrange(width, move=False)

    def event(self, event: QEvent) -> bool:
        """A widget in it changed its size (new text, a larger font): lay the lines out again.

        Qt tells a parent without a layout only while it is visible, so showing counts too.
        """
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Show):
            self.updateGeometry()
            self.resizeEvent(None)
        return super().event(event)

    def resizeEvent(self, event: object) -> None:
        """Lay the lines out for the new width, and keep the room they take at it.

        A layout short of height squeezes a widget down to its minimum, which a layout cannot
        work out for a width: it took a wrapped title's second line (MASH list, 200% text).
        """
        needed = self._arrange(self.width(), move=True)
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)

    def _shown(self) -> list[QWidget]:
        return [w for w in self._widgets if not w.isHidden()]

    def _arrange(self, room: int, *, move: bool) -> int:
        lines: list[list[tuple[QWidget, QSize]]] = [[]]
        used = 0  # the width of the line being filled
        for widget in self._shown():
            hint = widget.sizeHint()
            size = QSize(min(hint.width(), room), hint.height())
            if lines[-1] and used + self._gap + size.width() > room:  # a new line
                lines.append([])
                used = 0
            used += (self._gap if lines[-1] else 0) + size.width()
            lines[-1].append((widget, size))
        y = 0
        for line in lines:
            if not line:
                continue
            width = sum(size.width() for _w, size in line) + self._gap * (len(line) - 1)
            wide = [size for w, size in line if _widens(w)]
            for size in wide:  # a search box takes what its line leaves
                size.setWidth(size.width() + (room - width) // len(wide))
            x = 0 if wide or not self._right else room - width
            for widget, size in line:  # a title that wraps: as tall as its lines at its width
                if widget.hasHeightForWidth():
                    size.setHeight(max(size.height(), widget.heightForWidth(size.width())))
                if move:
                    widget.setGeometry(QRect(x, y, size.width(), size.height()))
                x += size.width() + self._gap
            y += max(size.height() for _w, size in line) + self._gap
        return max(0, y - self._gap)


def _least_width(widget: QWidget) -> int:
    return max(widget.minimumSizeHint().width(), widget.minimumWidth())


def _widens(widget: QWidget) -> bool:
    return bool(widget.sizePolicy().expandingDirections() & Qt.Orientation.Horizontal)
