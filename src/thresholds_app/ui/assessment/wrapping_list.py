"""A list whose item titles wrap onto more lines instead of being cut off with "…".

Qt's list view works out an item's height for its whole width, then paints the text inside the
stylesheet's item padding: a title that only just fits the first measure is elided when painted.
This delegate measures with the same padding (and an optional indent for sub-items), so a long
title at a large text size wraps cleanly.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QListWidget, QStyledItemDelegate, QStyleOptionViewItem

INDENT_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's indent in pixels (sub-items)
ITEM_PADDING = (10, 6)  # horizontal, vertical: the same as ::item in app.qss
Index = QModelIndex | QPersistentModelIndex


class WrappingDelegate(QStyledItemDelegate):
    """Measures and paints each title wrapped to the list's width."""

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view

    def _indent(self, index: Index) -> int:
        value = index.data(INDENT_ROLE)
        return int(value) if isinstance(value, int) else 0

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """As tall as the title wrapped inside the padding."""
        pad_x, pad_y = ITEM_PADDING
        width = self.view.viewport().width() - 2 * pad_x - self._indent(index) - 4
        font = index.data(Qt.ItemDataRole.FontRole)
        metrics = QFontMetrics(font) if isinstance(font, QFont) else option.fontMetrics
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        box = metrics.boundingRect(
            QRect(0, 0, max(width, 40), 10_000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(self.view.viewport().width() - 4, box.height() + 2 * pad_y + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint inside the indent, word-wrapped."""
        indent = self._indent(index)
        if indent:
            option = QStyleOptionViewItem(option)
            option.rect = option.rect.adjusted(indent, 0, 0, 0)
        super().paint(painter, option, index)


def make_wrapping(view: QListWidget) -> None:
    """Give ``view`` wrapped titles that are never cut off."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setItemDelegate(WrappingDelegate(view))
