"""A list whose item titles wrap onto more lines instead of being cut off with "…".

Qt's list view works out an item's height for its whole width, then paints the text inside the
stylesheet's item padding: a title that only just fits the first measure is elided when painted.
This delegate measures with the same padding (and an optional indent for sub-items), so a long
title at a large text size wraps cleanly.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QListWidget, QStyle, QStyledItemDelegate, QStyleOptionViewItem

INDENT_ROLE = Qt.ItemDataRole.UserRole + 1  # an item's indent in pixels (sub-items)
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2  # True: a heading item, drawn bold
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

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        """Paint a heading item bold in the list's current font (never a stale copy)."""
        super().initStyleOption(option, index)
        if index.data(HEADING_ROLE):
            font = QFont(option.font)
            font.setBold(True)
            option.font = font
            option.fontMetrics = QFontMetrics(font)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """As tall as the title wrapped inside the padding."""
        pad_x, pad_y = ITEM_PADDING
        bar = self.view.verticalScrollBar()
        # measured as if the scroll bar were there: it appears only once the items are laid
        # out, and narrows them after they were measured ("Self-care …" at 120% text)
        reserve = 0 if bar.isVisible() else max(bar.sizeHint().width(), 12)
        # the style also keeps a text margin inside the padding (its focus frame's, plus one)
        style = self.view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        room = self.view.viewport().width() - 2 * (pad_x + margin) - self._indent(index) - 4
        width = room - reserve
        painted = QStyleOptionViewItem(option)
        self.initStyleOption(painted, index)  # measured in the very font it is painted in
        metrics = QFontMetrics(painted.font)
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


class _Relayout(QObject):
    """Lays ``view``'s items out again once its font has really changed.

    The app's text size reaches a list under the stylesheet only when the sheet re-polishes
    it, after the window has fitted its lists: items measured in the old font kept their old
    height, and the last words of a long title were lost ("Emotional and behavioural").
    """

    def __init__(self, view: QListWidget) -> None:
        super().__init__(view)
        self.view = view
        self._font_change = QEvent.Type.FontChange
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == self._font_change:
            QTimer.singleShot(0, self.view, self.view.doItemsLayout)
        return False


def make_wrapping(view: QListWidget) -> None:
    """Give ``view`` wrapped titles that are never cut off."""
    view.setWordWrap(True)
    view.setTextElideMode(Qt.TextElideMode.ElideNone)
    view.setResizeMode(QListWidget.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setItemDelegate(WrappingDelegate(view))
    _Relayout(view)
