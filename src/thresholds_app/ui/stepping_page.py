"""The step-up / step-down review: what has changed, what the guidance advises, and the handover.

The practitioner records the level the child is supported at now and the current plan, answers
the indicators that have changed since the last review (a case file opened here supplies the
previous answers), and ticks the step-up or step-down criteria that apply. The advice comes only
from :func:`thresholds_app.core.rules.stepping.review_stepping` (hazard H11: no step-down while
a Level 4 concern is unresolved); this screen shows it and the pack's handover checklist, then
hands a case record, with its ``stepping`` part filled, to the rationale. The practitioner's own
decision is never filled in here (H01).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.base.wording import answer_words, level_label
from thresholds_app.core.case.assemble import stepping_record
from thresholds_app.core.case.record import CaseRecord, PackRef
from thresholds_app.core.pack.model import AGE_BANDS, Answer, Pack
from thresholds_app.core.rules.assessment import Context
from thresholds_app.core.rules.stepping import SteppingAdvice, SteppingChanges, review_stepping
from thresholds_app.ui.appearance import Heading
from thresholds_app.ui.assessment.widgets import AnswerButtons, plain_label, text_edit
from thresholds_app.ui.browser_model import ID_ROLE, IndicatorFilter, IndicatorModel
from thresholds_app.ui.case_state import CaseState
from thresholds_app.ui.reading_view import reading_view
from thresholds_app.ui.stepping_advice import (
    NO_LEVEL_HTML,
    STEPPING,
    HandoverChecklist,
    advice_html,
    card,
    wrapping,
)


class SteppingPage(QWidget):
    """Review whether a child's support should step up or down.

    Signals:
        advice_changed(object): the engine's new :class:`SteppingAdvice` (None until the level
            the child is supported at is chosen).
        rationale_requested(object): a :class:`CaseRecord` for the rationale.
        answer_changed(str): an answer was set or cleared (autosave journals it).
        changed(): anything changed (autosave snapshots the review as a case).
    """

    advice_changed = Signal(object)
    rationale_requested = Signal(object)
    answer_changed = Signal(str)  # for autosave: an answer was set or cleared
    changed = Signal()  # for autosave: anything on the page changed

    def __init__(
        self,
        pack: Pack,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        # The review's case: the same state object (and named changes) as the assessment.
        self.state = CaseState(pack, clock=clock or datetime.now, parent=self)
        self.state.answer_changed.connect(self.answer_changed.emit)
        self.setAccessibleName(self.tr("Step-up or step-down review"))
        self.previous: dict[str, Answer] = {}
        self.advice: SteppingAdvice | None = None
        self.criteria_boxes: dict[str, QCheckBox] = {}
        self.origin_case_id: str | None = None  # the assessment this review started from
        self._dirty = False

        left = QVBoxLayout()
        left.setSpacing(16)
        left.addWidget(self._build_where())
        left.addWidget(self._build_changes())
        left.addWidget(self._build_criteria())
        left.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(16)
        right.addWidget(self._build_advice())
        right.addWidget(self._build_handover())
        self.to_rationale = QPushButton(self.tr("Continue to the &rationale"))
        self.to_rationale.setProperty("role", "primary")
        self.to_rationale.setAccessibleName(self.tr("Continue to the rationale"))
        self.to_rationale.setAccessibleDescription(
            self.tr("Opens the assessment with these answers to record your decision and reasons")
        )
        self.to_rationale.clicked.connect(self.request_rationale)
        right.addWidget(self.to_rationale, 0, Qt.AlignmentFlag.AlignRight)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(20)
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(24, 16, 24, 24)
        body_layout.setSpacing(12)
        body_layout.addWidget(Heading(self.tr("Step-up or step-down review"), 1.5))
        intro = QLabel(
            self.tr(
                "Record where things stand and what has changed. The guidance's advice updates "
                "as you go; the decision stays yours."
            )
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        body_layout.addWidget(intro)
        body_layout.addLayout(columns, 1)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, not to it
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()
        self.changed.connect(self._mark_dirty)

    # -- building ------------------------------------------------------------------------------

    def _build_where(self) -> QWidget:
        frame, layout = card(self.tr("Where things stand"))
        self.level = QComboBox()
        # No level until the practitioner chooses one (a review once opened at Level 3).
        self.level.addItem(self.tr("Choose the level…"), None)
        for number in sorted(self.pack.levels):
            self.level.addItem(self.pack.level_title(number), number)
        self.level.setAccessibleName(self.tr("Level the child is supported at now"))
        self.age = QComboBox()
        self.age.addItem(self.tr("Not given"), None)
        for band in AGE_BANDS:
            self.age.addItem(band, band)
        self.age.setAccessibleName(self.tr("Child's age band"))
        self.plan = text_edit(
            self.tr("Current plan"),
            self.tr("The plan the child has now, and who leads it"),
            placeholder=self.tr("e.g. child in need plan led by the social worker since March"),
        )
        for combo in (self.level, self.age):
            # As wide as the column allows, not as the longest level's title (at 150% text it
            # pushed the page past a 1280-wide screen); the list opens wide enough to read it.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        form = QFormLayout()
        form.addRow(self.tr("Supported at &level"), self.level)
        form.addRow(self.tr("&Age band"), self.age)
        form.addRow(self.tr("Current &plan"), self.plan)
        layout.addLayout(form)
        self.consent_note = QLabel()
        self.consent_note.setWordWrap(True)
        self.consent_note.setProperty("role", "warning")
        self.consent_note.hide()
        layout.addWidget(self.consent_note)
        self.plan.textChanged.connect(self.changed.emit)
        self.level.currentIndexChanged.connect(lambda _i: self.refresh())
        self.age.currentIndexChanged.connect(self._age_chosen)
        return frame

    def _build_changes(self) -> QWidget:
        frame, layout = card(self.tr("What has changed"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find an indicator: e.g. drinking, missing"))
        self.search.setAccessibleName(self.tr("Find an indicator"))
        self.search.setClearButtonEnabled(True)
        self.model = IndicatorModel(self.pack, self)
        self.proxy = IndicatorFilter(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(2)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setModelColumn(2)
        self.list.setWordWrap(True)
        self.list.setMinimumHeight(160)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Indicators"))
        self.list.setAccessibleDescription(self.tr("Choose an indicator, then answer it below"))
        self.chosen = QLabel(self.tr("Choose an indicator above."))
        self.chosen.setWordWrap(True)
        self.chosen.setTextFormat(Qt.TextFormat.PlainText)
        self.buttons = AnswerButtons(self.tr("the chosen indicator, now"))
        self.buttons.setEnabled(False)
        self.changed_list = QListWidget()
        self.changed_list.setAccessibleName(self.tr("Answers changed since the last review"))
        self.changed_list.setMinimumHeight(60)
        self.changed_list.setMaximumHeight(120)
        self.changed_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.changed_list.setWordWrap(True)
        self.notes = text_edit(
            self.tr("What has changed, in your words"),
            self.tr("What has happened since the last review"),
        )
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(self.chosen)
        layout.addWidget(self.buttons)
        layout.addWidget(plain_label(self.tr("Answers that differ from the last review:")))
        layout.addWidget(self.changed_list)
        layout.addWidget(plain_label(self.tr("What has changed, in your words:")))
        layout.addWidget(self.notes)
        self.notes.textChanged.connect(self.changed.emit)
        self.search.textChanged.connect(lambda text: self.proxy.set_criteria(search=text))
        self.list.selectionModel().currentChanged.connect(lambda cur, _prev: self._choose(cur))
        self.buttons.answered.connect(self._answered)
        return frame

    def _build_criteria(self) -> QWidget:
        frame, layout = card(self.tr("Criteria that apply"))
        for title, procedure in (
            (self.tr("Stepping up"), self.pack.step_up),
            (self.tr("Stepping down"), self.pack.step_down),
        ):
            label = QLabel(f"<b>{escape(title)}</b>")
            layout.addWidget(label)
            for criterion in procedure.criteria:
                box = QCheckBox(criterion.text)
                box.setAccessibleName(criterion.text)
                box.setAccessibleDescription(title)
                box.toggled.connect(lambda _on: self.refresh())
                self.criteria_boxes[criterion.id] = box
                layout.addWidget(wrapping(box))
        return frame

    def _build_advice(self) -> QWidget:
        frame, layout = card(self.tr("What the guidance advises"))
        self.advice_view = reading_view(self.tr("The guidance's advice"))
        self.advice_view.setMinimumHeight(380)
        layout.addWidget(self.advice_view)
        return frame

    def _build_handover(self) -> QWidget:
        frame, layout = card(self.tr("Handover checklist"))
        self.handover = HandoverChecklist()
        layout.addWidget(self.handover)
        return frame

    # -- behaviour -----------------------------------------------------------------------------

    def load_case(self, case: CaseRecord) -> None:
        """Start the review from a saved case: its answers are the last review's."""
        self.previous = dict(case.answers)
        self.state.load(case)
        if case.decision.level in self.pack.levels:
            self.level.setCurrentIndex(self.level.findData(case.decision.level))
        self.age.setCurrentIndex(max(0, self.age.findData(case.child.age_band)))
        self.refresh()

    def start_from_assessment(self, case: CaseRecord, level: int | None) -> None:
        """Review the assessment's own case: its answers so far, its level, its consent."""
        self.load_case(case)
        self.origin_case_id = case.case_id
        if level in self.pack.levels:
            self.level.setCurrentIndex(self.level.findData(level))
        refused = case.consent.outcome == "refused"
        self.consent_note.setText(
            self.tr("Consent to share was refused (recorded in the assessment).")
        )
        self.consent_note.setVisible(refused)
        self._dirty = False

    def has_unsaved_work(self) -> bool:
        """Whether anything was recorded here since the review started."""
        return self._dirty

    def _mark_dirty(self) -> None:
        self._dirty = True

    @property
    def case(self) -> CaseRecord:
        """The case under review."""
        return self.state.case

    @property
    def answers(self) -> dict[str, Answer]:
        """The answers as they are now (change them with :meth:`set_answer`)."""
        return self.state.case.answers

    @property
    def case_for_draft(self) -> CaseRecord:
        """The review as a case record (what autosave keeps)."""
        return self.record()

    def answer(self, answer_id: str) -> Answer | None:
        """The answer given now for ``answer_id`` (autosave reads it)."""
        return self.answers.get(answer_id)

    def current_level(self) -> int | None:
        """The level the child is supported at now (None: not chosen yet)."""
        level = self.level.currentData()
        return int(level) if level is not None else None

    def set_answer(self, indicator_id: str, answer: Answer | None) -> None:
        """Record an answer as it is now (None clears it) and refresh the advice."""
        self.state.set_answer(indicator_id, answer)
        self.refresh()

    def ticked(self) -> frozenset[str]:
        """The ids of the criteria ticked."""
        return frozenset(k for k, box in self.criteria_boxes.items() if box.isChecked())

    def _age_chosen(self, _index: int) -> None:
        self.state.set_age_band(self.age.currentData())
        self.refresh()

    def _choose(self, index: object) -> None:
        indicator_id = self.proxy.data(index, ID_ROLE)  # type: ignore[arg-type]
        indicator = self.pack.indicators.get(str(indicator_id))
        if indicator is None:
            return
        before = answer_words(self.previous.get(indicator.id))
        self.chosen.setText(
            self.tr("{level}: {text}\nAt the last review: {before}").format(
                level=level_label(indicator.level), text=indicator.text, before=before
            )
        )
        self.buttons.set_answer(self.answers.get(indicator.id))
        self.buttons.setEnabled(True)
        self._chosen_id = indicator.id

    def _answered(self, value: str) -> None:
        chosen = getattr(self, "_chosen_id", None)
        if chosen:
            self.set_answer(chosen, value)  # type: ignore[arg-type]

    def refresh(self) -> None:
        """Ask the engine again and show its advice."""
        changes = SteppingChanges(
            answers=dict(self.answers),
            previous_answers=dict(self.previous),
            criteria_ticked=self.ticked(),
        )
        context = Context(age_band=self.state.age_band, now=self.state.now())
        level = self.current_level()
        self.advice = None if level is None else review_stepping(self.pack, level, changes, context)
        self._show_changes()
        self._show_advice(self.advice)
        self._show_handover(self.advice)
        self.advice_changed.emit(self.advice)
        self.changed.emit()

    def _show_changes(self) -> None:
        self.changed_list.clear()
        for key in sorted(set(self.answers) | set(self.previous)):
            now, before = self.answers.get(key), self.previous.get(key)
            if now == before:
                continue
            item = self.pack.indicators.get(key) or self.pack.questions.get(key)
            text = item.text if item is not None else key
            self.changed_list.addItem(
                self.tr("{text}: was {before}, now {now}").format(
                    text=text, before=answer_words(before), now=answer_words(now)
                )
            )

    def _show_advice(self, advice: SteppingAdvice | None) -> None:
        self.advice_view.setHtml(NO_LEVEL_HTML if advice is None else advice_html(advice))

    def _show_handover(self, advice: SteppingAdvice | None) -> None:
        stepping = advice is not None and advice.direction in STEPPING
        self.handover.show_items(list(advice.handover_checklist) if advice and stepping else [])

    def record(self) -> CaseRecord:
        """The case record for the rationale: answers, age band and the stepping part."""
        case = self.state.case
        case.pack = PackRef.of(self.pack)
        case.stepping = stepping_record(
            self.advice,
            criteria=self.ticked(),
            plan=self.plan.toPlainText(),
            what_changed=self.notes.toPlainText(),
            handover_done=self.handover.done(),
        )
        return case

    def request_rationale(self) -> None:
        """Hand the review to the rationale (the decision is recorded there)."""
        self.rationale_requested.emit(self.record())
