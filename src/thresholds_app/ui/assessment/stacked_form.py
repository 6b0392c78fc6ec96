"""A form with each label above its field (GOV.UK style), the label wrapping across the row.

A ``QFormLayout`` gives a label only its own size hint, even with its rows wrapped: a wrapping
label such as "What are you worried about? (required)" was squeezed into a narrow column of
three lines above a wide box (QA item 21), and labels beside their fields left the fields narrow
at 150% text. Here every label has the whole width of the form to wrap in.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from thresholds_app.ui.assessment.widgets import plain_label

LABEL_GAP = 4  # between a label and its field: closer than between one field and the next


class StackedForm(QVBoxLayout):
    """Rows of a label over its field; ``add_row`` returns the label (its buddy is the field)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 12) -> None:
        if parent is None:
            super().__init__()
        else:
            super().__init__(parent)
        self.setSpacing(spacing)

    def add_row(self, label: str | QLabel, field: QWidget | None = None) -> QLabel | None:
        """Add ``label`` over ``field``; a "&" in a text label makes Alt+letter go to the field.

        An empty ``label`` adds the field alone (a tick box that carries its own words).
        """
        row = QVBoxLayout()
        row.setSpacing(LABEL_GAP)
        words = plain_label(label) if isinstance(label, str) else label
        if words.text():
            words.setWordWrap(True)
            row.addWidget(words)
            if field is not None:
                words.setBuddy(field)
        if field is not None:
            row.addWidget(field)
        self.addLayout(row)
        return words if words.text() else None
