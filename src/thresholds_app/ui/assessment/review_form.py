"""The MASH reviewer's notes on an opened case (added to the case's reviews)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.case.record import Review
from thresholds_app.ui.assessment.widgets import card_frame, heading, text_edit
from thresholds_app.ui.case_state import CaseState


class ReviewForm(QWidget):
    """A MASH reviewer's notes on an opened case (added to the case's reviews)."""

    def __init__(self, state: CaseState) -> None:
        super().__init__()
        self.state = state
        self.review = Review(date=state.now().date().isoformat())
        state.case.reviews.append(self.review)
        card = card_frame("reviewCard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(card)
        form = QFormLayout(card)
        form.setContentsMargins(20, 14, 20, 14)
        form.addRow(heading(self.tr("MASH review"), 2))
        self.reviewer = QLineEdit()
        self.role = QLineEdit()
        self.level = QComboBox()
        self.level.addItem(self.tr("No view yet"), None)
        for number in sorted(state.pack.levels):
            self.level.addItem(level_label(number), number)
        self.notes = text_edit(self.tr("Reviewer's notes"), self.tr("The MASH reviewer's notes."))
        for label, widget, name in (
            (self.tr("&Reviewer:"), self.reviewer, self.tr("Reviewer's name")),
            (self.tr("R&ole:"), self.role, self.tr("Reviewer's role")),
            (self.tr("&Level in your view:"), self.level, self.tr("Level in the reviewer's view")),
            (self.tr("&Notes:"), self.notes, self.tr("Reviewer's notes")),
        ):
            widget.setAccessibleName(name)
            form.addRow(label, widget)
        self.reviewer.textEdited.connect(self._save)
        self.role.textEdited.connect(self._save)
        self.level.currentIndexChanged.connect(self._save)
        self.notes.textChanged.connect(self._save)

    def _save(self) -> None:
        self.review.reviewer = self.reviewer.text()
        self.review.role = self.role.text()
        self.review.view_level = self.level.currentData()
        self.review.notes = self.notes.toPlainText()
        self.state.touch()
