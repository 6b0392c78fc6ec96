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
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.base.wording import answer_words, level_label
from thresholds_app.core.case.assemble import stepping_record
from thresholds_app.core.case.record import CaseRecord, PackRef, new_case
from thresholds_app.core.pack.model import AGE_BANDS, Answer, Pack
from thresholds_app.core.rules.assessment import Context
from thresholds_app.core.rules.stepping import SteppingAdvice, SteppingChanges, review_stepping
from thresholds_app.ui.appearance import Heading
from thresholds_app.ui.assessment.widgets import AnswerButtons, card_frame, text_edit
from thresholds_app.ui.browser_model import ID_ROLE, IndicatorFilter, IndicatorModel

DIRECTION_WORDS = {
    "step-up": "Consider stepping up",
    "step-down": "Consider stepping down",
    "stay": "Stay at the current level",
}


def _card(title: str) -> tuple[QWidget, QVBoxLayout]:
    frame = card_frame("steppingCard")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 16)
    layout.setSpacing(10)
    layout.addWidget(Heading(title, 1.2))
    return frame, layout


class SteppingPage(QWidget):
    """Review whether a child's support should step up or down.

    Signals:
        advice_changed(object): the engine's new :class:`SteppingAdvice`.
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
        self._clock = clock or datetime.now
        self.setAccessibleName(self.tr("Step-up or step-down review"))
        self.answers: dict[str, Answer] = {}
        self.previous: dict[str, Answer] = {}
        self.case: CaseRecord = new_case(pack)
        self.advice: SteppingAdvice | None = None
        self.criteria_boxes: dict[str, QCheckBox] = {}
        self.handover_boxes: list[QCheckBox] = []

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
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.refresh()

    # -- building ------------------------------------------------------------------------------

    def _build_where(self) -> QWidget:
        frame, layout = _card(self.tr("Where things stand"))
        self.level = QComboBox()
        for number in sorted(self.pack.levels):
            self.level.addItem(self.pack.level_title(number), number)
        self.level.setCurrentIndex(self.level.findData(3))
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
        form = QFormLayout()
        form.addRow(self.tr("Supported at &level"), self.level)
        form.addRow(self.tr("&Age band"), self.age)
        form.addRow(self.tr("Current &plan"), self.plan)
        layout.addLayout(form)
        self.plan.textChanged.connect(self.changed.emit)
        self.level.currentIndexChanged.connect(lambda _i: self.refresh())
        self.age.currentIndexChanged.connect(lambda _i: self.refresh())
        return frame

    def _build_changes(self) -> QWidget:
        frame, layout = _card(self.tr("What has changed"))
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
        layout.addWidget(QLabel(self.tr("Answers that differ from the last review:")))
        layout.addWidget(self.changed_list)
        layout.addWidget(QLabel(self.tr("What has changed, in your words:")))
        layout.addWidget(self.notes)
        self.notes.textChanged.connect(self.changed.emit)
        self.search.textChanged.connect(lambda text: self.proxy.set_criteria(search=text))
        self.list.selectionModel().currentChanged.connect(lambda cur, _prev: self._choose(cur))
        self.buttons.answered.connect(self._answered)
        return frame

    def _build_criteria(self) -> QWidget:
        frame, layout = _card(self.tr("Criteria that apply"))
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
                box.setStyleSheet("QCheckBox { padding: 2px 0; }")
                box.toggled.connect(lambda _on: self.refresh())
                self.criteria_boxes[criterion.id] = box
                layout.addWidget(_wrapping(box))
        return frame

    def _build_advice(self) -> QWidget:
        frame, layout = _card(self.tr("What the guidance advises"))
        self.advice_view = QTextBrowser()
        self.advice_view.setAccessibleName(self.tr("The guidance's advice"))
        self.advice_view.setMinimumHeight(380)
        self.advice_view.setOpenLinks(False)
        layout.addWidget(self.advice_view)
        return frame

    def _build_handover(self) -> QWidget:
        frame, layout = _card(self.tr("Handover checklist"))
        self.handover_layout = QVBoxLayout()
        layout.addLayout(self.handover_layout)
        return frame

    # -- behaviour -----------------------------------------------------------------------------

    def load_case(self, case: CaseRecord) -> None:
        """Start the review from a saved case: its answers are the last review's."""
        self.case = case
        self.previous = dict(case.answers)
        self.answers = dict(case.answers)
        if case.decision.level in self.pack.levels:
            self.level.setCurrentIndex(self.level.findData(case.decision.level))
        self.age.setCurrentIndex(max(0, self.age.findData(case.child.age_band)))
        self.refresh()

    @property
    def case_for_draft(self) -> CaseRecord:
        """The review as a case record (what autosave keeps)."""
        return self.record()

    def answer(self, answer_id: str) -> Answer | None:
        """The answer given now for ``answer_id`` (autosave reads it)."""
        return self.answers.get(answer_id)

    def current_level(self) -> int:
        """The level the child is supported at now."""
        return int(self.level.currentData())

    def set_answer(self, indicator_id: str, answer: Answer | None) -> None:
        """Record an answer as it is now (None clears it) and refresh the advice."""
        if answer is None:
            self.answers.pop(indicator_id, None)
        else:
            self.answers[indicator_id] = answer
        self.answer_changed.emit(indicator_id)
        self.refresh()

    def ticked(self) -> frozenset[str]:
        """The ids of the criteria ticked."""
        return frozenset(k for k, box in self.criteria_boxes.items() if box.isChecked())

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
        context = Context(age_band=self.age.currentData(), now=self._clock())
        self.advice = review_stepping(self.pack, self.current_level(), changes, context)
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

    def _show_advice(self, advice: SteppingAdvice) -> None:
        indicated = advice.indicated_level
        level_words = level_label(indicated) if indicated else "not yet clear (more answers needed)"
        verdict = DIRECTION_WORDS[advice.direction]
        if advice.direction != "stay" and not advice.advised:
            verdict += " (not advised yet)"
        parts = [
            f"<h2>{escape(self.tr(verdict))}</h2>",
            f"<p>Supported at {level_label(advice.current_level)}; the guidance now indicates "
            f"<b>{escape(level_words)}</b>.</p>",
        ]
        if advice.new_concerns:
            parts.append("<h3>New concerns since the last review</h3><ul>")
            parts += [f"<li>{escape(r.text)}</li>" for r in advice.new_concerns]
            parts.append("</ul>")
        if advice.blockers:
            parts.append("<h3>Why not yet</h3><ul>")
            parts += [f"<li>{escape(b)}</li>" for b in advice.blockers]
            parts.append("</ul>")
        if advice.unresolved:
            parts.append("<h3>Level 4 concerns not resolved</h3><ul>")
            parts += [f"<li>{escape(r.text)}</li>" for r in advice.unresolved]
            parts.append("</ul>")
        if advice.direction != "stay":
            parts.append(f"<p>{escape(advice.summary)}</p>")
            parts.append(f"<p><b>Who decides:</b> {escape(advice.who_decides)}</p>")
            if advice.steps:
                parts.append("<h3>Steps</h3><ol>")
                parts += [f"<li>{escape(s)}</li>" for s in advice.steps]
                parts.append("</ol>")
            if advice.timescales:
                parts.append("<h3>Timescales</h3><ul>")
                parts += [f"<li>{escape(t.what)}: {escape(t.when)}</li>" for t in advice.timescales]
                parts.append("</ul>")
        self.advice_view.setHtml("".join(parts))

    def _show_handover(self, advice: SteppingAdvice) -> None:
        wanted = list(advice.handover_checklist) if advice.direction != "stay" else []
        if [b.accessibleName() for b in self.handover_boxes] == wanted:
            return
        ticked = {b.accessibleName() for b in self.handover_boxes if b.isChecked()}
        self.handover_boxes = []
        while self.handover_layout.count():
            item = self.handover_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not wanted:
            self.handover_layout.addWidget(
                QLabel(self.tr("Shown when the guidance points to a step up or down."))
            )
        for text in wanted:
            box = QCheckBox(text)
            box.setAccessibleName(text)
            box.setChecked(text in ticked)
            self.handover_boxes.append(box)
            self.handover_layout.addWidget(_wrapping(box))

    def record(self) -> CaseRecord:
        """The case record for the rationale: answers, age band and the stepping part."""
        case = self.case if self.case.answers or self.previous else new_case(self.pack)
        case.pack = PackRef.of(self.pack)
        case.answers = dict(self.answers)
        case.child.age_band = self.age.currentData()
        case.stepping = stepping_record(
            self.advice,
            criteria=self.ticked(),
            plan=self.plan.toPlainText(),
            what_changed=self.notes.toPlainText(),
            handover_done=[b.accessibleName() for b in self.handover_boxes if b.isChecked()],
        )
        return case

    def request_rationale(self) -> None:
        """Hand the review to the rationale (the decision is recorded there)."""
        self.rationale_requested.emit(self.record())


def _wrapping(box: QCheckBox) -> QWidget:
    """A check box whose long text wraps: a box with no text plus a buddy label."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    text = box.text()
    box.setText("")
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(box)
    label.mousePressEvent = lambda _e: box.toggle()  # type: ignore[method-assign]
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return holder
