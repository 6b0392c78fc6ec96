"""A date and time field that Tab leaves in one press.

Qt's QDateTimeEdit moves Tab from section to section (day, month, year, hour, minute), so a
keyboard user pressed Tab five times to get past each of the review form's two times. Here Tab
goes to the next field, as in every other field; the arrow keys move between the sections and
Up and Down change the one selected, as they already did.
"""

from __future__ import annotations

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDateTimeEdit, QWidget

SECTIONS_HINT = "Left and right arrows move between the parts of the date; up and down change one."


class DateTimeField(QDateTimeEdit):
    """A QDateTimeEdit whose Tab and Shift+Tab move to the next and previous field."""

    def __init__(self, value: QDateTime, display_format: str, parent: QWidget | None = None):
        super().__init__(value, parent)
        self.setDisplayFormat(display_format)
        self.setAccessibleDescription(SECTIONS_HINT)
        self.setToolTip(SECTIONS_HINT)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Move to the next or previous field (never to the next section of the date)."""
        return QWidget.focusNextPrevChild(self, next)
