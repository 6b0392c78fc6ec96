"""Step 2: the child (age band and a case reference; a name only if chosen) and the household.

Every other child in the household or in contact is listed and either assessed (with an outcome)
or given a reason why not (hazard H09). The export stays blocked until each one is resolved.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.case.limits import MAX_ROWS
from thresholds_app.core.case.record import HouseholdMember
from thresholds_app.core.pack.model import AGE_BANDS, Question
from thresholds_app.ui.assessment.question_row import QuestionRow
from thresholds_app.ui.assessment.stacked_form import StackedForm
from thresholds_app.ui.assessment.widgets import (
    ask_yes_no,
    card_frame,
    chain_tab_order,
    enter_presses_buttons,
    focus_in,
    heading,
    identifier_line,
    muted_label,
    required,
)
from thresholds_app.ui.case_state import CaseState
from thresholds_app.ui.wheel_guard import guard_wheel

AGE_BAND_WORDS = {
    "pre-birth": "Unborn baby (pre-birth)",
    "under-1": "Under 1",
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
    # as wide as the form allows, not as wide as the longest band (which would push the form
    # off a small screen at large text sizes)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(14)
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
        self.number = number
        self.setObjectName("householdRow")
        # each label over its field: beside them, at 150% text the fields were left a third of
        # the row, too narrow for an outcome
        form = StackedForm(self, spacing=8)
        form.setContentsMargins(14, 10, 14, 10)
        who = f"child {number}"
        self.label_edit = identifier_line(member.label)
        self.label_edit.setPlaceholderText(self.tr("Initials or a reference, e.g. Sibling A"))
        self.label_edit.setAccessibleName(f"Who is {who}")
        self.relationship = identifier_line(member.relationship)
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
        self.remove_button = remove = QPushButton(self.tr("Remove"))
        remove.setAccessibleName(f"Remove {who}")
        remove.clicked.connect(self.remove_requested.emit)
        form.add_row(self.tr("Child"), self.label_edit)
        form.add_row(self.tr("Relationship"), self.relationship)
        form.add_row(self.tr("Age band"), self.age)
        form.add_row(required(self.tr("Considered?")), self.status)
        form.add_row(required(self.tr("Outcome or reason")), self.detail)
        # Remove comes last, on screen and for Tab: never the next stop after the child's name
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(remove)
        form.addLayout(bottom)
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

    def fields(self) -> dict[str, object]:
        """What the row records, as household-member fields."""
        status = self.status.currentIndex()
        return {
            "label": self.label_edit.text(),
            "relationship": self.relationship.text(),
            "age_band": self.age.currentData(),
            "assessed": status == 1,
            "outcome": self.detail.text() if status == 1 else "",
            "reason_not_assessed": self.detail.text() if status == 2 else "",
        }

    def is_empty(self) -> bool:
        """Whether nothing has been recorded in the row yet."""
        return not (
            self.label_edit.text().strip()
            or self.relationship.text().strip()
            or self.detail.text().strip()
            or self.age.currentData() is not None
            or self.status.currentIndex() != 0
        )

    def _save(self) -> None:
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
        form = StackedForm(about)  # each label over its field (GOV.UK)
        form.setContentsMargins(20, 16, 20, 16)
        self.reference = identifier_line(child.reference)
        self.reference.setPlaceholderText(self.tr("Your case or pupil reference, not a name"))
        self.reference.setAccessibleName(self.tr("Case reference"))
        self.reference.setAccessibleDescription(
            self.tr("Printed on every page of the rationale instead of the child's name.")
        )
        self.reference.textEdited.connect(self._save_child)
        self.reference.setAccessibleDescription(
            self.tr("Required. Printed on every page of the rationale instead of the name.")
        )
        form.add_row(required(self.tr("Case &reference")), self.reference)
        self.age = age_band_combo(self.tr("The child's age band"))
        self.age.setCurrentIndex(max(self.age.findData(child.age_band), 0))
        self.age.currentIndexChanged.connect(self._age_changed)
        form.add_row(self.tr("&Age band"), self.age)
        self.name_opt_in = QCheckBox(self.tr("Record the child's name in this case"))
        self.name_opt_in.setAccessibleDescription(
            self.tr("Off by default. The name is never shown in headers or file details.")
        )
        self.name = identifier_line(child.name)
        self.name.setAccessibleName(self.tr("The child's name"))
        self.name_opt_in.setChecked(bool(child.name))
        self.name.setEnabled(bool(child.name))
        self.name_opt_in.toggled.connect(self._name_toggled)
        self.name.textEdited.connect(self._save_child)
        form.add_row("", self.name_opt_in)
        form.add_row(self.tr("&Name"), self.name)
        self.household_reference = identifier_line(child.household_reference)
        self.household_reference.setPlaceholderText(self.tr("Optional; shared by siblings"))
        self.household_reference.setAccessibleName(self.tr("Household reference"))
        self.household_reference.setAccessibleDescription(
            self.tr("Lets the MASH see referrals about brothers and sisters together.")
        )
        self.household_reference.textEdited.connect(self._save_child)
        form.add_row(self.tr("Household reference"), self.household_reference)
        layout.addWidget(about)
        for question in self._questions("child"):  # e.g. whether the child moves about alone
            layout.addWidget(QuestionRow(state, question))

        layout.addWidget(heading(required(self.tr("Other children")), 2))
        layout.addWidget(
            muted_label(
                self.tr(
                    "List every other child in the household and any child in regular contact. "
                    "Each needs an outcome or a reason why they were not assessed."
                )
            )
        )
        other_children = state.pack.questions.get(state.pack.roles.other_children)
        self.other_children: QuestionRow | None = None
        if other_children is not None:
            self.other_children = QuestionRow(state, other_children)
            layout.addWidget(self.other_children)
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
        # what Tab reaches after "Add another child": rows added later must not move it
        self._after_add: QWidget | None = None
        for group, title in (
            ("context", self.tr("The family's situation")),
            ("involvement", self.tr("Who is already involved")),
            ("history", self.tr("What has been tried already")),
        ):
            questions = self._questions(group)
            if questions:
                layout.addWidget(heading(title, 2))
                for question in questions:
                    question_row = QuestionRow(state, question)
                    layout.addWidget(question_row)
                    if self._after_add is None:
                        self._after_add = question_row.answers.buttons["yes"]
        layout.addStretch(1)
        self.rows: list[HouseholdRow] = []
        for member in state.case.household:
            self._add_row(member)

    def add_child(self) -> HouseholdRow:
        """Add an empty row for another child and focus it."""
        row = self._add_row(self.state.add_household_member())
        row.label_edit.setFocus()
        enter_presses_buttons(row)
        return row

    def _add_row(self, member: HouseholdMember) -> HouseholdRow:
        row = HouseholdRow(member, len(self.rows) + 1)
        row.edited.connect(lambda r=row: self.state.update_household_member(r.member, **r.fields()))
        row.remove_requested.connect(lambda r=row: self.ask_to_remove(r))
        self.rows.append(row)
        self.rows_box.addWidget(row)
        guard_wheel(row)  # its choices take the wheel only once focused
        self._keep_tab_order()
        self._limit_rows()
        return row

    def _limit_rows(self) -> None:
        """No more rows than a case file may hold (core/case/limits.py), saying why."""
        button = getattr(self, "add_button", None)
        if button is None:
            return
        full = len(self.rows) >= MAX_ROWS
        button.setEnabled(not full)
        button.setToolTip(
            self.tr("A case lists at most {n} other children.").format(n=MAX_ROWS) if full else ""
        )

    def _keep_tab_order(self) -> None:
        """Tab goes question → each row, top to bottom → "Add another child" → the next question.

        A row's fields are made after the rest of the step, so they come last in Qt's focus
        chain; moving them into place must not leave the button before the window's first
        widget (Tab from "Add another child" went to "← Start", skipping the rest of the step).
        """
        before: list[QWidget] = []
        if self.other_children is not None:
            before = [self.other_children.answers.buttons["not-known"]]
        chain: list[QWidget] = []
        for row in self.rows:
            chain += [
                row.label_edit,
                row.relationship,
                row.age,
                row.status,
                row.detail,
                row.remove_button,
            ]
        after = [self._after_add] if self._after_add is not None else []
        chain_tab_order(before + chain + [self.add_button, *after])

    def ask_to_remove(self, row: HouseholdRow) -> None:
        """Remove ``row`` at once if it is empty; otherwise ask first (No is the default).

        A Space or Enter meant for another control must never delete what was recorded about
        a child (the Remove button is one Tab away from the child's name).
        """
        if row.is_empty():
            self._remove_row(row)
            return
        who = row.label_edit.text().strip() or self.tr("child {n}").format(n=row.number)
        ask_yes_no(
            self,
            self.tr("Remove this child?"),
            self.tr(
                "Remove {who} from the household? What you recorded about them is deleted."
            ).format(who=who),
            lambda: self._remove_row(row),
        )

    def _remove_row(self, row: HouseholdRow) -> None:
        if row not in self.rows:
            return
        self.rows.remove(row)
        self.state.remove_household_member(row.member)
        row.setParent(None)
        row.deleteLater()
        self._limit_rows()
        self.add_button.setFocus()

    def _name_toggled(self, on: bool) -> None:
        self.name.setEnabled(on)
        if not on:
            self.name.clear()
            self._save_child()

    def _save_child(self) -> None:
        name = self.name.text() if self.name_opt_in.isChecked() else ""
        self.state.set_child_details(
            reference=self.reference.text(),
            household_reference=self.household_reference.text(),
            name=name,
        )

    def _questions(self, group: str) -> list[Question]:
        """The pack's questions asked in ``group`` on this step, in pack order."""
        return [q for q in self.state.pack.questions.values() if q.group == group]

    def _age_changed(self) -> None:
        self.state.set_age_band(self.age.currentData())
        self.age_band_changed.emit()

    def focus_first(self) -> None:
        """Put the keyboard focus on the case reference."""
        self.reference.setFocus()

    def focus_field(self, name: str) -> bool:
        """Focus a field by its case-record name, e.g. ``child.reference``, ``household.2``.

        ``household`` alone is the other-children question (or the first child listed);
        ``household.N`` is the N-th child's outcome or reason. False if there is no such field.
        """
        fields: dict[str, QWidget] = {
            "child.reference": self.reference,
            "child.age_band": self.age,
            "child.name": self.name,
            "household": self.add_button,
        }
        for index, row in enumerate(self.rows):
            outcome = row.detail if row.detail.isEnabled() else row.status
            fields[f"household.{index + 1}"] = outcome
            for part, widget in (
                ("label", row.label_edit),
                ("relationship", row.relationship),
                ("age_band", row.age),
                ("assessed", row.status),
                ("outcome", outcome),
                ("reason_not_assessed", outcome),
            ):
                fields[f"household[{index}].{part}"] = widget
        if self.rows:
            fields["household"] = self.rows[0].label_edit
        elif name == "household":
            name = f"answers.{self.state.pack.roles.other_children}"
        return focus_in(fields, name, self)
