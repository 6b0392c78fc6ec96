"""A bar chart of the room's votes per level, painted directly (no chart library needed)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget


class VoteChart(QWidget):
    """Votes per level as labelled bars; the expected level is outlined once revealed."""

    def __init__(self, levels: list[int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.levels = levels
        self.votes: dict[int, int] = {}
        self.expected: int | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName("The room's votes per level")

    def _label_height(self) -> float:
        return self.fontMetrics().height() * 2.2  # "Level N" and the count, under each bar

    def minimumSizeHint(self) -> QSize:
        """Room for bars a room can compare from the back: five lines of text tall at least.

        Without it the slide's text took the height at 1280x720 and the bars were a few pixels
        high (the presenter's fitting shrinks the text instead, down to its smallest size).
        """
        bars = self.fontMetrics().height() * 5
        return QSize(
            len(self.levels) * self.fontMetrics().averageCharWidth() * 8,
            int(bars + self._label_height()),
        )

    def sizeHint(self) -> QSize:
        """As tall as the minimum, wider; the layout gives it any spare height."""
        hint = self.minimumSizeHint()
        return QSize(hint.width() * 2, hint.height())

    def show_votes(self, votes: Mapping[int, int], expected: int | None) -> None:
        """Draw ``votes``; outline ``expected`` (None: the answer is not revealed)."""
        self.votes = dict(votes)
        self.expected = expected
        words = ", ".join(f"Level {lv}: {self.votes.get(lv, 0)}" for lv in self.levels)
        self.setAccessibleDescription(words)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """Paint one bar per level, tallest bar full height."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        ink = palette.windowText().color()
        bar = palette.highlight().color()
        width, height = self.width(), self.height()
        label_h = self._label_height()
        slot = width / max(1, len(self.levels))
        top = max(1, *self.votes.values()) if self.votes else 1
        for index, level in enumerate(self.levels):
            count = self.votes.get(level, 0)
            x = index * slot + slot * 0.15
            w = slot * 0.7
            full = height - label_h
            h = full * count / top if top else 0
            painter.fillRect(QRectF(x, full - h, w, h), bar)
            if self.expected == level:
                pen = painter.pen()
                pen.setColor(ink)
                pen.setWidth(4)
                painter.setPen(pen)
                painter.drawRect(QRectF(x - 3, 2, w + 6, full - 2))
            painter.setPen(ink)
            painter.drawText(
                QRectF(index * slot, full, slot, label_h),
                int(Qt.AlignmentFlag.AlignCenter),
                f"Level {level}\n{count}",
            )
        painter.end()
