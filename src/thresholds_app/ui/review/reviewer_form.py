"""The reviewer's own form: agree or a different level, RAG, outcome, when, who.

The form only collects what the reviewer chooses; core says what is still missing
(:func:`review_blockers`) and by when the RAG clock runs out (:mod:`core.review.clock`).

Signals:
    changed(): anything in the form changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QDateTime, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.case.reviews import STAGE_WORDS, Review
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.review.clock import (
    area_zone,
    due_words,
    parse_time,
    rating,
    time_left_words,
)
from thresholds_app.core.review.decision import decision_deadline, overdue, settle_level
from thresholds_app.ui.assessment.widgets import (
    heading,
    identifier_line,
    plain_label,
    text_edit,
)
from thresholds_app.ui.review.date_time_field import DateTimeField
from thresholds_app.ui.review.reserved_label import ReservedLabel

TIME_FORMAT = "ddd d MMM yyyy HH:mm"


def _to_qt(iso: str, fallback: dt.datetime) -> QDateTime:
    moment = parse_time(iso) or fallback.astimezone(area_zone())
    local = moment.astimezone(area_zone())
    return QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)


def _to_iso(edit: QDateTimeEdit) -> str:
    """The edit's UK wall-clock time as UTC ISO 8601 with a Z."""
    value = edit.dateTime()
    day, clock = value.date(), value.time()
    local = dt.datetime(
        day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=area_zone()
    )
    return local.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


class ReviewerForm(QWidget):
    """What the reviewer records; never pre-filled with a level (hazard H01)."""

    changed = Signal()

    def __init__(
        self, pack: Pack, case: CaseRecord, base: Review, now: Callable[[], dt.datetime]
    ) -> None:
        super().__init__()
        self.setObjectName("reviewerForm")
        self.pack, self.case, self.base, self.now = pack, case, base, now
        guide = review_guide(pack)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(heading(self.tr("Your review"), 2))
        form = QFormLayout()
        # A narrow column (150% text, a small screen) puts a label above its field.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(form)

        self.stage = QComboBox()
        for key, words in STAGE_WORDS.items():
            self.stage.addItem(self.tr(words), key)
        self.stage.setCurrentIndex(max(0, self.stage.findData(base.stage)))
        form.addRow(self.tr("Stage"), self.stage)

        referrer = case.decision.level
        agree_words = (
            self.tr("I agree with the referrer's level (Level {n})").format(n=referrer)
            if referrer is not None
            else self.tr("I agree with the referrer's level (they recorded none)")
        )
        self.agree = QRadioButton(agree_words)
        self.differ = QRadioButton(self.tr("I judge a different level"))
        self.agreement = QButtonGroup(self)
        self.agreement.addButton(self.agree)
        self.agreement.addButton(self.differ)
        form.addRow(self.agree)
        form.addRow(self.differ)
        self.level = QComboBox()
        self.level.setAccessibleName(self.tr("Your level"))
        self.level.addItem(self.tr("Choose a level…"), None)
        for number, level in sorted(pack.levels.items()):
            self.level.addItem(f"Level {number}: {level.name}", number)
        form.addRow(self.tr("Your level"), self.level)
        self.reasons = text_edit(
            "reviewerReasons", self.tr("Your reasons"), placeholder=self.tr("Your reasons")
        )
        self.reasons.setMaximumHeight(90)
        form.addRow(self.tr("Reasons"), self.reasons)

        self.rag = QComboBox()
        self.rag.setAccessibleName(self.tr("RAG rating"))
        self.rag.addItem(self.tr("Choose a RAG rating…"), "")
        for item in guide.rag:
            self.rag.addItem(item.label, item.id)
        form.addRow(self.tr("RAG rating"), self.rag)
        self.rag_words = ReservedLabel()  # keeps its height: Outcome stays under the pointer
        self.rag_words.setProperty("role", "muted")
        self.rag_words.setObjectName("ragWords")
        form.addRow("", self.rag_words)

        self.outcome = QComboBox()
        self.outcome.setAccessibleName(self.tr("Outcome"))
        self.outcome.addItem(self.tr("Choose the outcome…"), "")
        for outcome in guide.outcomes:
            self.outcome.addItem(outcome.label, outcome.id)
        form.addRow(self.tr("Outcome"), self.outcome)
        self.outcome_words = identifier_line()
        self.outcome_words.setAccessibleName(self.tr("What the outcome is"))
        self.outcome_words.setPlaceholderText(self.tr("Say what the outcome is"))
        form.addRow("", self.outcome_words)

        self.received = DateTimeField(_to_qt(base.received_at, now()), TIME_FORMAT)
        self.received.setAccessibleName(self.tr("Received by the MASH"))
        form.addRow(self.tr("Received by the MASH"), self.received)
        self.decided = DateTimeField(_to_qt("", now()), TIME_FORMAT)
        self.decided.setAccessibleName(self.tr("Date and time of this decision"))
        form.addRow(self.tr("Decided"), self.decided)
        # Under the times it depends on, so it appearing moves nothing the reviewer is about to
        # use. Shown only when the decision is overdue (core's decision.overdue), in the warning
        # style and with the word "Overdue" first: never colour alone.
        self.overdue_words = plain_label("")
        self.overdue_words.setObjectName("overdueWords")
        self.overdue_words.setProperty("role", "warning")
        form.addRow("", self.overdue_words)
        self.delay_reason = identifier_line(base.delay_reason)
        self.delay_reason.setObjectName("delayReason")
        self.delay_reason.setAccessibleName(self.tr("Reason for the delay"))
        self.delay_reason.setPlaceholderText(self.tr("Why the decision is later than the RAG time"))
        self.delay_label = QLabel(self.tr("Reason for the delay"))
        form.addRow(self.delay_label, self.delay_reason)
        self.reviewer = identifier_line()
        self.reviewer.setAccessibleName(self.tr("Your name"))
        form.addRow(self.tr("Your name"), self.reviewer)
        self.role = identifier_line()
        self.role.setAccessibleName(self.tr("Your role"))
        form.addRow(self.tr("Your role"), self.role)
        for combo in (self.stage, self.level, self.rag, self.outcome):
            # As wide as the column allows, not as the longest choice: the list still opens
            # wide enough to read every choice in full.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(16)
        self.blockers = plain_label("")
        self.blockers.setObjectName("reviewBlockers")
        self.blockers.setProperty("role", "warning")
        outer.addWidget(self.blockers)

        self._late = False
        for signal in (
            self.stage.currentIndexChanged,
            self.level.currentIndexChanged,
            self.rag.currentIndexChanged,
            self.outcome.currentIndexChanged,
            self.received.dateTimeChanged,
            self.decided.dateTimeChanged,
        ):
            signal.connect(self._changed)
        for edit in (self.outcome_words, self.reviewer, self.role, self.delay_reason):
            edit.textChanged.connect(self._changed)
        self.reasons.textChanged.connect(self._changed)
        self.agreement.buttonToggled.connect(self._changed)
        self._changed()

    def review(self) -> Review:
        """The review as the form stands (a new object each time)."""
        review = replace(
            self.base,
            stage=self.stage.currentData(),
            agrees=True if self.agree.isChecked() else False if self.differ.isChecked() else None,
            level=self.level.currentData() if self.differ.isChecked() else None,
            reasons=self.reasons.toPlainText(),
            rag=self.rag.currentData(),
            outcome=self.outcome.currentData(),
            outcome_words=self.outcome_words.text(),
            received_at=_to_iso(self.received),
            reviewed_at=_to_iso(self.decided),
            reviewer=self.reviewer.text(),
            role=self.role.text(),
            gaps=list(self.base.gaps),
            delay_reason=self.delay_reason.text().strip() if self._late else "",
        )
        settle_level(review, self.case)
        return review

    def _rag_text(self, review: Review, now: dt.datetime) -> str:
        """What the review's RAG rating means and by when to decide ('' with no rating)."""
        rated = rating(self.pack, review.rag)
        due = decision_deadline(self.pack, review)
        if rated is None or due is None:
            return ""
        late = overdue(self.pack, review, now)
        text = self.tr("{meaning} Decide by {due}.").format(
            meaning=rated.meaning, due=due_words(due)
        )
        return text + ("" if late else f" ({time_left_words(due, now)})")

    def _changed(self) -> None:
        self.level.setEnabled(self.differ.isChecked())
        outcome = next(
            (o for o in review_guide(self.pack).outcomes if o.id == self.outcome.currentData()),
            None,
        )
        self.outcome_words.setEnabled(bool(outcome and outcome.needs_words))
        review = self.review()
        due = decision_deadline(self.pack, review)
        now = self.now().astimezone(area_zone())
        late = overdue(self.pack, review, now)
        if late != self._late:  # the reason is part of the review only when it is late
            self._late = late
            review = self.review()
        self.rag_words.setText(
            self._rag_text(review, now)
            or self.tr("Choose a RAG rating to see what it means and by when to decide.")
        )
        self.rag_words.reserve(
            self._rag_text(replace(review, rag=r.id), now) for r in review_guide(self.pack).rag
        )
        decided = parse_time(review.reviewed_at) or now
        self.overdue_words.setText(
            self.tr("Overdue: the decision is {late} after the time for this RAG rating.").format(
                late=time_left_words(due, decided).removeprefix("overdue by ")
            )
            if late and due is not None
            else ""
        )
        for widget in (self.overdue_words, self.delay_label, self.delay_reason):
            widget.setVisible(late)
        self.changed.emit()
