"""A layout that places its widgets in a row and starts a new row when the next one would not fit.

Qt has no such layout of its own (it is one of Qt's examples). The special pathways of the needs
step use it: in a plain row, at 150% text three pathway buttons made the step wider than its
view, and the last one sat under the scrollbar (QA item 18).
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Widgets left to right, wrapping onto as many rows as the width needs."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    # -- QLayout's item list ---------------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        """Add ``item`` at the end of the flow."""
        self._items.append(item)

    def count(self) -> int:
        """How many items the flow holds."""
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        """The item at ``index``, or None."""
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        """Remove and return the item at ``index``, or None."""
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    # -- sizes -------------------------------------------------------------------------------
    def expandingDirections(self) -> Qt.Orientation:
        """Neither: the flow takes the width it is given and the height it needs."""
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        """The rows, and so the height, follow the width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the rows need at ``width``."""
        return self._place(QRect(0, 0, width, 0), move=False)

    def sizeHint(self) -> QSize:
        """The minimum size: the flow wraps rather than asking for width."""
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        """As wide as the widest single widget: anything wider goes onto the next row."""
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def setGeometry(self, rect: QRect) -> None:
        """Place the items in ``rect``."""
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); return the height used."""
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            widget = item.widget()
            if widget is not None and widget.isHidden():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), area.width())  # a wrapping label gets the whole row
            if item.hasHeightForWidth():
                hint = QSize(width, item.heightForWidth(width))
            if x > area.x() and x + width > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, hint.height())))
            x += width + self._spacing
            row_height = max(row_height, hint.height())
        return y + row_height - rect.y() + margins.bottom()
