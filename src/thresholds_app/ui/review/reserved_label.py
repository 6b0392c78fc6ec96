"""A word-wrapped label that keeps room for the longest of the texts it may show.

Used for words that appear when a choice is made (what a RAG rating means, and by when to
decide): reserving their height means the controls below do not jump down under the pointer
as the reviewer moves on to them.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel

from thresholds_app.ui.qtprops import show_as_plain_text


class ReservedLabel(QLabel):
    """A plain-text, word-wrapped label as tall as the tallest of :meth:`reserve`'s texts."""

    def __init__(self) -> None:
        super().__init__()
        show_as_plain_text(self)
        self.setWordWrap(True)
        self._texts: list[str] = []

    def reserve(self, texts: Iterable[str]) -> None:
        """Keep room for each of ``texts`` (the one on show is always counted)."""
        texts = [t for t in texts if t]
        if texts != self._texts:
            self._texts = texts
            self.updateGeometry()

    def heightForWidth(self, width: int) -> int:
        """The height for ``width``: enough for the longest text it may show."""
        own = super().heightForWidth(width)
        margins = self.contentsMargins()
        inner = max(1, width - margins.left() - margins.right() - 2 * self.margin())
        box = QRect(0, 0, inner, 100_000)
        metrics = self.fontMetrics()
        flags = int(Qt.TextFlag.TextWordWrap)
        heights = [metrics.boundingRect(box, flags, text).height() for text in self._texts]
        tallest = max(heights, default=0)
        extra = margins.top() + margins.bottom() + 2 * self.margin()
        return max(own, tallest + extra if tallest else 0)

    def sizeHint(self) -> QSize:
        """As wide as a label's hint, as tall as the reserved height at the width it has.

        Layouts place this label by its hint, so the hint (not only heightForWidth) must
        hold the reserved height.
        """
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(self.width()))

    def minimumSizeHint(self) -> QSize:
        """Never squeezed below the reserved height at its width."""
        return QSize(super().minimumSizeHint().width(), self.heightForWidth(self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """A new width wraps the texts differently: ask the layout again."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()
