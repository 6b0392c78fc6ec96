"""Step 2: the child (age band and a case reference; a name only if chosen) and the household.

Every other child in the household or in contact is listed and either assessed (with an outcome)
or given a reason why not (hazard H09). The export stays blocked until each one is resolved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.case.record import HouseholdMember
from thresholds_app.core.pack.model import AGE_BANDS
from thresholds_app.ui.assessment.question_row import QuestionRow
from thresholds_app.ui.assessment.widgets import card_frame, heading, muted_label
from thresholds_app.ui.case_state import CaseState

AGE_BAND_WORDS = {
    "pre-birth": "Unborn baby (pre-birth)",
    "under-1": "Under 1, or not yet moving about independently",
    "1-4": "1 to 4 years",
    "5-10": "5 to 10 years",
    "11-15": "11 to 15 years",
    "16-17": "16 or 17 years",
    "18-25": "18 to 25 (care leavers, exploitation, missing)",
}
STATUS_CHOICES = ("Not yet considered", "Assessed", "Not assessed")


def age_band_combo(accessible_name: str) -> QComboBox:
    """A combo box of the pack's age bands, starting on 'Choose…' (no band)."""
    combo = QComboBox()
    combo.setAccessibleName(accessible_name)
    combo.addItem("Choose an age band…", None)
    for band in AGE_BANDS:
        combo.addItem(AGE_BAND_WORDS.get(band, band), band)
    return combo


class HouseholdRow(QFrame):
    """One other child: who, relationship, age band, and an outcome or a reason.

    Signals:
        remove_requested(): the user asked to remove this child from the list.
        edited(): a field changed.
    """

    remove_requested = Signal()
    edited = Signal()

    def __init__(self, member: HouseholdMember, number: int) -> None:
        super().__init__()
        self.member = member
        self.setObjectName("householdRow")
        self.setStyleSheet(
            "QFrame#householdRow { border: 1px solid palette(mid); border-radius: 8px; }"
        )
        form = QFormLayout(self)
        form.setContentsMargins(14, 10, 14, 10)
        who = f"child {number}"
        self.label_edit = QLineEdit(member.label)
        self.label_edit.setPlaceholderText(self.tr("Initials or a reference, e.g. Sibling A"))
        self.label_edit.setAccessibleName(f"Who is {who}")
        self.relationship = QLineEdit(member.relationship)
        self.relationship.setPlaceholderText(self.tr("e.g. brother, half-sister, cousin visiting"))
        self.relationship.setAccessibleName(f"Relationship of {who}")
        self.age = age_band_combo(f"Age band of {who}")
        index = self.age.findData(member.age_band)
        self.age.setCurrentIndex(max(index, 0))
        self.status = QComboBox()
        self.status.setAccessibleName(f"Has {who} been assessed")
        self.status.addItems([self.tr(s) for s in STATUS_CHOICES])
        if member.assessed:
            self.status.setCurrentIndex(1)
        elif member.reason_not_assessed:
            self.status.setCurrentIndex(2)
        self.detail = QLineEdit(member.outcome if member.assessed else member.reason_not_assessed)
        self.detail.setAccessibleName(f"Outcome or reason for {who}")
        remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(f"Remove {who}")
        remove.clicked.connect(self.remove_requested.emit)
        top = QHBoxLayout()
        top.addWidget(self.label_edit, 1)
        top.addWidget(remove)
        form.addRow(self.tr("Child:"), top)
        form.addRow(self.tr("Relationship:"), self.relationship)
        form.addRow(self.tr("Age band:"), self.age)
        form.addRow(self.tr("Considered?"), self.status)
        form.addRow(self.tr("Outcome or reason:"), self.detail)
        self._update_placeholder()
        for edit in (self.label_edit, self.relationship, self.detail):
            edit.textEdited.connect(self._save)
        self.age.currentIndexChanged.connect(self._save)
        self.status.currentIndexChanged.connect(self._save)

    def _update_placeholder(self) -> None:
        status = self.status.currentIndex()
        self.detail.setEnabled(status != 0)
        self.detail.setPlaceholderText(
            self.tr("Outcome, e.g. assessed at Level 2, referred with this child")
            if status == 1
            else self.tr("Why not, e.g. lives with father, assessed by his school")
            if status == 2
            else self.tr("Choose Assessed or Not assessed first")
        )

    def _save(self) -> None:
        m = self.member
        m.label = self.label_edit.text()
        m.relationship = self.relationship.text()
        m.age_band = self.age.currentData()
        status = self.status.currentIndex()
        m.assessed = status == 1
        m.outcome = self.detail.text() if status == 1 else ""
        m.reason_not_assessed = self.detail.text() if status == 2 else ""
        self._update_placeholder()
        self.edited.emit()


class ChildStep(QWidget):
    """The child and every other child in the household or in contact.

    Signals:
        age_band_changed(): the child's age band changed (indicators to show may differ).
    """

    age_band_changed = Signal()

    def __init__(self, state: CaseState) -> None:
        super().__init__()
        self.state = state
        child = state.case.child
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(heading(self.tr("The child and their household"), 1))

        about = card_frame("aboutChild")
        form = QFormLayout(about)
        form.setContentsMargins(20, 16, 20, 16)
        form.setVerticalSpacing(12)
        self.reference = QLineEdit(child.reference)
        self.reference.setPlaceholderText(self.tr("Your case or pupil reference, not a name"))
        self.reference.setAccessibleName(self.tr("Case reference"))
        self.reference.setAccessibleDescription(
            self.tr("Printed on every page of the rationale instead of the child's name.")
        )
        self.reference.textEdited.connect(self._save_child)
        form.addRow(self.tr("Case &reference:"), self.reference)
        self.age = age_band_combo(self.tr("The child's age band"))
        self.age.setCurrentIndex(max(self.age.findData(child.age_band), 0))
        self.age.currentIndexChanged.connect(self._age_changed)
        form.addRow(self.tr("&Age band:"), self.age)
        self.name_opt_in = QCheckBox(self.tr("Record the child's name in this case"))
        self.name_opt_in.setAccessibleDescription(
            self.tr("Off by default. The name is never shown in headers or file details.")
        )
        self.name = QLineEdit(child.name)
        self.name.setAccessibleName(self.tr("The child's name"))
        self.name_opt_in.setChecked(bool(child.name))
        self.name.setEnabled(bool(child.name))
        self.name_opt_in.toggled.connect(self._name_toggled)
        self.name.textEdited.connect(self._save_child)
        form.addRow("", self.name_opt_in)
        form.addRow(self.tr("&Name:"), self.name)
        layout.addWidget(about)

        layout.addWidget(heading(self.tr("Other children"), 2))
        layout.addWidget(
            muted_label(
                self.tr(
                    "List every other child in the household and any child in regular contact. "
                    "Each needs an outcome or a reason why they were not assessed."
                )
            )
        )
        question = state.pack.questions.get(state.pack.roles.other_children)
        if question is not None:
            layout.addWidget(QuestionRow(state, question))
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(10)
        layout.addLayout(self.rows_box)
        self.add_button = QPushButton(self.tr("Add another child"))
        self.add_button.setAccessibleName(self.tr("Add another child in the household"))
        self.add_button.clicked.connect(self.add_child)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addStretch(1)
        layout.addLayout(row)
        context = [q for q in state.pack.questions.values() if q.group == "context"]
        if context:
            layout.addWidget(heading(self.tr("The family's situation"), 2))
            for question in context:
                layout.addWidget(QuestionRow(state, question))
        layout.addStretch(1)
        self.rows: list[HouseholdRow] = []
        for member in state.case.household:
            self._add_row(member)

    def add_child(self) -> HouseholdRow:
        """Add an empty row for another child and focus it."""
        member = HouseholdMember()
        self.state.case.household.append(member)
        row = self._add_row(member)
        row.label_edit.setFocus()
        self.state.touch()
        return row

    def _add_row(self, member: HouseholdMember) -> HouseholdRow:
        row = HouseholdRow(member, len(self.rows) + 1)
        row.edited.connect(self.state.touch)
        row.remove_requested.connect(lambda r=row: self._remove_row(r))
        self.rows.append(row)
        self.rows_box.addWidget(row)
        return row

    def _remove_row(self, row: HouseholdRow) -> None:
        self.rows.remove(row)
        self.state.case.household.remove(row.member)
        row.setParent(None)
        row.deleteLater()
        self.add_button.setFocus()
        self.state.touch()

    def _name_toggled(self, on: bool) -> None:
        self.name.setEnabled(on)
        if not on:
            self.name.clear()
            self._save_child()

    def _save_child(self) -> None:
        self.state.case.child.reference = self.reference.text()
        self.state.case.child.name = self.name.text() if self.name_opt_in.isChecked() else ""
        self.state.touch()

    def _age_changed(self) -> None:
        self.state.set_age_band(self.age.currentData())
        self.age_band_changed.emit()

    def focus_first(self) -> None:
        """Put the keyboard focus on the case reference."""
        self.reference.setFocus()
