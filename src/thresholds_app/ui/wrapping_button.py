"""A push button whose words wrap onto more lines when the row is too narrow for them.

A ``QPushButton`` never wraps its text: at 150% text one long special-pathway name ("Physical
abuse, injuries and harsh punishment") made the needs step wider than its view, with the button
under the scrollbar (QA item 18). Here the words are a wrapping label inside the button; a label
with no text interaction passes clicks on, so the whole button stays one click target.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QPushButton, QSizePolicy, QVBoxLayout

from thresholds_app.ui.assessment.widgets import plain_label


class WrappingButton(QPushButton):
    """A button sized by its wrapping label: one line if there is room, more if not."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setAccessibleName(text)
        self.column = column = QVBoxLayout(self)
        column.setContentsMargins(14, 5, 14, 5)  # the stylesheet's padding, inside the border
        self.words = plain_label(text)
        column.addWidget(self.words)
        policy = QSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        """The button's words."""
        return self.words.text()

    def sizeHint(self) -> QSize:
        """All the words on one line (the flow layout narrows it to the row)."""
        margins = self.column.contentsMargins()
        width = self.words.fontMetrics().horizontalAdvance(self.words.text()) + 2
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        """As narrow as the wrapped words allow."""
        return self.column.minimumSize()

    def hasHeightForWidth(self) -> bool:
        """The words wrap, so the height follows the width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the wrapped words need at ``width``."""
        return self.column.totalHeightForWidth(width)
