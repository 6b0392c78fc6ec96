"""Step 5: the practitioner's own decision and reasons, the child's voice, and next steps.

The decision starts empty on every new assessment and nothing here ever copies the level the
guidance indicates into it (hazard H01). The indicated level is shown beside it for comparison.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.case.decision import below_guidance_notice
from thresholds_app.core.case.limits import MAX_ROWS
from thresholds_app.core.case.record import NextStep
from thresholds_app.core.report.rationale import guidance_headline
from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.ui.assessment.question_row import QuestionRow
from thresholds_app.ui.assessment.radio_list import ChoiceWords
from thresholds_app.ui.assessment.stacked_form import StackedForm
from thresholds_app.ui.assessment.widgets import (
    card_frame,
    chain_tab_order,
    focus_in,
    heading,
    identifier_line,
    landing,
    muted_label,
    plain_label,
    required,
    text_edit,
)
from thresholds_app.ui.case_state import CaseState

# (field on FreeText, label, description); REQUIRED_TEXT are needed before export (readiness)
FREE_TEXT_FIELDS = (
    ("worry", "What are you worried about?", "What you saw or heard, when, and how often."),
    ("impact_on_daily_life", "How does it affect the child's daily life?", ""),
    ("child_voice", "The child's voice, in their own words", "What the child said or showed."),
    (
        "child_voice_not_obtained_reason",
        "If you could not hear the child's views, why not?",
        "For example their age, communication needs, or it was not safe to ask.",
    ),
    ("family_views", "The family's views", "Or say why they are not known."),
    ("relatives_concerns", "Concerns raised by relatives or others", ""),
    ("going_well", "What is going well", "Strengths in the child's life and family."),
    ("tried_so_far", "What has been tried so far", ""),
)
REQUIRED_TEXT = {
    "worry": "(required)",
    "child_voice": "(required, or say under More detail why you could not hear it)",
    "family_views": "(required)",
}


# how the next-step row shares its width: action, who, by when (about their examples' lengths)
NEXT_STEP_SHARES = (22, 10, 20)


def _required_label(text: str) -> QLabel:
    label = plain_label(text)
    label.setProperty("role", "required")
    return label


class DecisionStep(QWidget):
    """The practitioner's decision, their reasons and everything only they can write."""

    def __init__(self, state: CaseState) -> None:
        super().__init__()
        self.state = state
        case = state.case
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(heading(self.tr("Your decision"), 1))
        layout.addWidget(
            muted_label(
                self.tr(
                    "This is your professional judgement. The guidance's indication is shown "
                    "for comparison only; choose the level you judge applies and say why."
                )
            )
        )
        decision_card = card_frame("decisionCard")
        box = QVBoxLayout(decision_card)
        box.setContentsMargins(20, 16, 20, 16)
        box.setSpacing(10)
        self.indicated = plain_label("")
        self.indicated.setObjectName("indicatedForComparison")
        box.addWidget(self.indicated)
        # before the levels, in the focus chain too: Tab from it ("Go there") reaches them
        self.level_heading = plain_label(required(self.tr("The level of need you judge applies")))
        self.level_heading.setProperty("role", "required")
        box.addWidget(landing(self.level_heading))
        grid = QGridLayout()
        self.level_group = QButtonGroup(self)
        self.level_buttons: dict[int, QRadioButton] = {}
        for index, number in enumerate(sorted(state.pack.levels)):
            # A radio button's text cannot wrap: the level's long name goes in a label beside
            # it that wraps (at 150% text "Level 4: Specialist and statutory (children's social
            # care)" made the whole step wider than the view) and picks the level when clicked.
            button = QRadioButton(level_label(number))
            button.setAccessibleName(self.tr("My decision: Level {n}").format(n=number))
            button.setAccessibleDescription(state.pack.level_title(number))
            self.level_group.addButton(button, number)
            self.level_buttons[number] = button
            grid.addWidget(button, index, 0, Qt.AlignmentFlag.AlignTop)
            found = state.pack.levels.get(number)
            name = ChoiceWords(found.name if found else "", button)
            grid.addWidget(name, index, 1, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)
        if case.decision.level in self.level_buttons:
            self.level_buttons[case.decision.level].setChecked(True)
        self.level_group.idClicked.connect(self._level_chosen)
        self.reasons = text_edit(
            self.tr("Reasons for your decision"),
            self.tr("Why you judge this level applies."),
            placeholder=self.tr("Why you judge this level applies"),
        )
        self.reasons.setPlainText(case.decision.reasons)
        self.reasons.textChanged.connect(self._save_decision)
        box.addWidget(_required_label(required(self.tr("Reasons for your decision"))))
        box.addWidget(self.reasons)
        self.differs = text_edit(
            self.tr("Why your decision differs from the guidance"),
            self.tr("Needed when your decision is not what the guidance indicates."),
            placeholder=self.tr("Only needed if your decision differs from the guidance"),
        )
        self.differs.setPlainText(case.decision.differs_reason)
        self.differs.textChanged.connect(self._save_decision)
        box.addWidget(plain_label(self.tr("If your decision differs from the guidance, why")))
        box.addWidget(self.differs)
        # Below the guidance: what it still says (its route, a pathway's duties), in core's words.
        self.below_notice = plain_label("")
        self.below_notice.setObjectName("belowGuidanceNotice")
        self.below_notice.setProperty("role", "warning")
        self.below_notice.setWordWrap(True)
        self.below_notice.setVisible(False)
        box.addWidget(self.below_notice)
        layout.addWidget(decision_card)

        # What export needs comes first, in the order Tab takes; the rest follows under
        # "More detail" (required fields at the foot of a long page cost a trip back).
        layout.addWidget(heading(self.tr("In your own words"), 2))
        self.free_text: dict[str, QPlainTextEdit] = {}
        form = StackedForm()  # each label over its field, with the whole row to wrap in
        more = StackedForm()
        later: list[tuple[str, QPlainTextEdit]] = []
        for field_name, label, description in FREE_TEXT_FIELDS:
            edit = text_edit(self.tr(label), self.tr(description) or self.tr(label))
            edit.setObjectName(f"text-{field_name}")
            edit.setPlainText(getattr(case.free_text, field_name))
            edit.textChanged.connect(lambda f=field_name, e=edit: self._save_text(f, e))
            marker = REQUIRED_TEXT.get(field_name)
            if marker:
                form.add_row(_required_label(f"{self.tr(label)} {self.tr(marker)}"), edit)
            elif field_name == "child_voice_not_obtained_reason":  # first: it pairs the voice
                more.add_row(self.tr(label), edit)
            else:
                later.append((self.tr(label), edit))
            self.free_text[field_name] = edit
        for label, edit in later:
            more.add_row(label, edit)
        layout.addLayout(form)
        layout.addWidget(heading(required(self.tr("Next steps")), 2))
        layout.addWidget(muted_label(self.tr("What will happen, who will do it, and by when.")))
        self.steps_grid = QGridLayout()
        self.steps_grid.setHorizontalSpacing(8)
        for column, title in enumerate((self.tr("Action"), self.tr("Who"), self.tr("By when"))):
            self.steps_grid.addWidget(muted_label(title), 0, column)
        self.step_rows: list[tuple[QLineEdit, QLineEdit, QLineEdit]] = []
        layout.addLayout(self.steps_grid)
        for step in case.next_steps or [NextStep()]:
            self.add_step_row(step)
        self.add_step_button = add = QPushButton(self.tr("Add a next step"))
        add.clicked.connect(lambda: self.add_step_row(NextStep())[0].setFocus())
        layout.addWidget(add)

        layout.addWidget(heading(self.tr("About you (the referrer)"), 2))
        referrer = StackedForm(spacing=10)
        self.referrer: dict[str, QLineEdit] = {}
        for field_name, label in (
            ("name", required(self.tr("Your &name:"))),
            ("agency", required(self.tr("Your &agency:"))),
            ("role", self.tr("Your &role:")),
            ("contact", self.tr("How to &contact you:")),
        ):
            line = identifier_line(getattr(case.referrer, field_name))
            line.setAccessibleName(label.replace("&", "").rstrip(":").replace(" (required)", ""))
            line.textEdited.connect(self._save_referrer)
            referrer.add_row(label.removesuffix(":"), line)
            self.referrer[field_name] = line
        layout.addLayout(referrer)

        layout.addWidget(heading(self.tr("More detail (optional)"), 2))
        for question in state.pack.questions.values():
            if question.group == "voice":
                layout.addWidget(QuestionRow(state, question))
        layout.addLayout(more)
        layout.addStretch(1)
        state.assessment_changed.connect(self.show_indicated)
        self.show_indicated(state.assessment, force=True)

    def focus_field(self, name: str) -> bool:
        """Focus a field by its case-record name; False if there is no such field here.

        Names: ``decision.level``, ``decision.reasons``, ``decision.differs_reason``,
        ``free_text.<field>``, ``next_steps`` or ``next_steps.N``, ``referrer.<field>``.
        """
        fields: dict[str, QWidget] = {
            "decision.reasons": self.reasons,
            "decision.differs_reason": self.differs,
            # the question, never a level's button: a stray Space would choose Level 1
            "decision.level": self.level_heading,
            "decision": self.level_heading,
        }
        fields.update({f"free_text.{k}": edit for k, edit in self.free_text.items()})
        fields.update({f"referrer.{k}": edit for k, edit in self.referrer.items()})
        for number, (action, who, by_when) in enumerate(self.step_rows, start=1):
            empty = next((e for e in (action, who, by_when) if not e.text().strip()), action)
            fields[f"next_steps.{number}"] = empty
            for part, edit in (("action", action), ("who", who), ("by_when", by_when)):
                fields[f"next_steps[{number - 1}].{part}"] = edit
        if self.step_rows:
            fields["next_steps"] = fields["next_steps.1"]
        return focus_in(fields, name, self)

    def catch_up(self) -> None:
        """Show the latest indication (called by the page just before the step is shown)."""
        self.show_indicated(self.state.assessment, force=True)

    def show_indicated(self, assessment: Assessment, *, force: bool = False) -> None:
        """Show what the guidance indicates, for comparison (never copied into the decision)."""
        if not force and not self.isVisible():
            return  # updated when shown: keeps answering fast
        self.indicated.setText(
            self.tr("For comparison, the guidance indicates: {level}").format(
                level=guidance_headline(self.state.pack, assessment)
            )
        )
        self._show_below(assessment)

    def _show_below(self, assessment: Assessment) -> None:
        notice = below_guidance_notice(self.state.pack, self.state.case, assessment)
        self.below_notice.setText(notice)
        self.below_notice.setVisible(bool(notice))

    def add_step_row(self, step: NextStep) -> tuple[QLineEdit, QLineEdit, QLineEdit]:
        """Add a row of next-step fields."""
        number = len(self.step_rows) + 1
        row = (QLineEdit(step.action), QLineEdit(step.who), QLineEdit(step.by_when))
        for column, (edit, name) in enumerate(zip(row, ("action", "who", "by when"), strict=True)):
            edit.setAccessibleName(f"Next step {number}: {name}")
            edit.textEdited.connect(self._save_steps)
            self.steps_grid.addWidget(edit, number, column)
        row[0].setPlaceholderText(self.tr("e.g. Call the MASH"))
        row[2].setPlaceholderText(self.tr("e.g. by 5pm"))
        # The row's width shared as the examples need it, not in thirds: at 150% text the
        # examples were cut ("e.g. Refer to th…", "e.g. today, by …").
        for column, share in enumerate(NEXT_STEP_SHARES):
            row[column].setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self.steps_grid.setColumnStretch(column, share)
        self.step_rows.append(row)
        add = getattr(self, "add_step_button", None)
        if add is not None:  # a row added later: Tab still goes row by row, "Add", "Your name"
            chain_tab_order([w for r in self.step_rows for w in r] + [add, self.referrer["name"]])
            add.setEnabled(len(self.step_rows) < MAX_ROWS)  # as many as a case file may hold
        return row

    def _level_chosen(self, number: int) -> None:
        self.state.set_decision(level=number)
        self._show_below(self.state.assessment)

    def _save_decision(self) -> None:
        self.state.set_decision(
            reasons=self.reasons.toPlainText(), differs_reason=self.differs.toPlainText()
        )

    def _save_text(self, field_name: str, edit: QPlainTextEdit) -> None:
        self.state.set_free_text(field_name, edit.toPlainText())

    def _save_steps(self) -> None:
        self.state.set_next_steps(
            [
                NextStep(action=a.text(), who=w.text(), by_when=b.text())
                for a, w, b in self.step_rows
                if a.text() or w.text() or b.text()
            ]
        )

    def _save_referrer(self) -> None:
        self.state.set_referrer(**{name: edit.text() for name, edit in self.referrer.items()})

    def decision_level(self) -> int | None:
        """The level the practitioner chose, or None."""
        checked = self.level_group.checkedId()
        return checked if checked > 0 else None
