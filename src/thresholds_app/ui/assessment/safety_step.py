"""Step 1: is the child in immediate danger? Asked first, before anything else."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.ui.assessment.question_row import QuestionRow
from thresholds_app.ui.assessment.widgets import (
    big_text,
    focus_heading,
    focus_in,
    heading,
    muted_label,
    plain_label,
    scroll_into_view,
)
from thresholds_app.ui.case_state import CaseState
from thresholds_app.ui.danger_style import style_danger


class SafetyStep(QWidget):
    """The immediate-danger question and, when the engine says so, the call-999 banner.

    The banner also shows, with what to do first, when it is not known whether the child is in
    immediate danger.

    Signals:
        emergency_requested(): the user asked to see whom to call.
    """

    emergency_requested = Signal()

    def __init__(self, state: CaseState) -> None:
        super().__init__()
        self.state = state
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(heading(self.tr("First: is the child safe right now?"), 1))
        layout.addWidget(
            muted_label(
                self.tr(
                    "If a child is at risk of serious harm right now, do not finish this "
                    "assessment first. Call 999, then the MASH or the out-of-hours team."
                )
            )
        )
        question = state.pack.questions.get(state.pack.roles.immediate_danger)
        self.row: QuestionRow | None = None
        if question is not None:
            self.row = QuestionRow(state, question, large=True)
            layout.addWidget(self.row)
        self.banner = QFrame()
        self.banner.setObjectName("dangerBanner")
        style_danger(self.banner, "#dangerBanner { border: 2px solid {red}; border-radius: 8px; }")
        box = QVBoxLayout(self.banner)
        box.setContentsMargins(18, 14, 18, 14)
        # "Not known" is a possible danger: it gets the banner too, with what to do first.
        self.banner_words = {
            "emergency": (
                self.tr("Call 999 now."),
                self.tr(
                    "Then tell the MASH (or the out-of-hours team). You can come back and "
                    "complete the assessment once the child is safe."
                ),
            ),
            "not-known": (
                self.tr("Find out now whether the child is safe."),
                self.tr(
                    "Until you know, treat it as a possible danger. If there is any chance they "
                    "are in immediate danger, call 999; if not, phone the MASH (or the "
                    "Emergency Duty Team out of hours) today."
                ),
            ),
        }
        self.banner_title = big_text("", 1.45)
        box.addWidget(self.banner_title)
        self.banner_text = plain_label("")
        box.addWidget(self.banner_text)
        self.call_button = QPushButton(self.tr("Show whom to call  (F9)"))
        self.call_button.setAccessibleName(self.tr("Show whom to call now"))
        self.call_button.clicked.connect(self.emergency_requested.emit)
        box.addWidget(self.call_button)
        layout.addWidget(self.banner)
        layout.addStretch(1)
        state.assessment_changed.connect(self._show)
        self._show(state.assessment)

    def _show(self, assessment: Assessment) -> None:
        if assessment.emergency:
            alarm = "emergency"
        elif assessment.danger_not_known:
            alarm = "not-known"
        else:
            self.banner.setVisible(False)
            return
        title, text = self.banner_words[alarm]
        self.banner_title.setText(title)
        self.banner_text.setText(text)
        if self.banner.isHidden():  # newly raised: in view, even at large text on a small screen
            self.banner.setVisible(True)
            QTimer.singleShot(0, self, lambda: scroll_into_view(self.banner))

    def focus_field(self, name: str) -> bool:
        """Focus ``answers.immediate-danger`` (the only field here); False for anything else."""
        return focus_in({}, name, self)

    def focus_first(self) -> None:
        """Put the keyboard focus on the step heading, never on an answer (Space would pick it).

        Tab from the heading reaches the answers.
        """
        focus_heading(self)
