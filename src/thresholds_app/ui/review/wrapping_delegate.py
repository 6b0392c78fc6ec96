"""Table cells whose text wraps onto as many lines as it needs at the column's width.

Qt's own size hint for a word-wrapped cell leaves out the stylesheet's item padding, so under
the app's stylesheet a wrapped cell came out a line short and its last words ended in "…".
This delegate measures the text at the width the column actually gives it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QTableView

# The stylesheet's QTableView::item padding (4px 6px), with the style's text margins.
PAD_X = 2 * (6 + 4)
PAD_Y = 2 * (4 + 2)


class WrappingDelegate(QStyledItemDelegate):
    """Word-wrapped cells sized for every line of their text."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """Tall enough for the text wrapped at the column's width, padding included."""
        hint = super().sizeHint(option, index)
        text = str(index.data() or "")
        width = max(1, self.table.columnWidth(index.column()) - PAD_X)
        metrics = self.table.fontMetrics()
        box = QRect(0, 0, width, 100_000)
        needed = metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), text).height()
        return QSize(hint.width(), max(hint.height(), needed + PAD_Y))
