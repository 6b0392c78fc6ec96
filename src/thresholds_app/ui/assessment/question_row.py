"""A pack question (not an indicator) with yes / no / not known, bound to the case."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout

from thresholds_app.core.pack.model import Question
from thresholds_app.ui.assessment.widgets import (
    AnswerButtons,
    big_text,
    landing,
    muted_label,
    plain_label,
)
from thresholds_app.ui.case_state import CaseState


class QuestionRow(QFrame):
    """The question's words, its help, and the answer buttons."""

    def __init__(self, state: CaseState, question: Question, *, large: bool = False) -> None:
        super().__init__()
        self.state = state
        self.question = question
        self.setObjectName(f"question-{question.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(6)
        if large:  # the first question of all: a heading that grows with the text size
            text = big_text(question.text, 1.25)
        else:
            text = plain_label(question.text)
            text.setProperty("role", "question")
        self.words = landing(text)  # where "Go there" lands: never on an answer
        layout.addWidget(text)
        if question.help:
            layout.addWidget(muted_label(question.help))
        self.answers = AnswerButtons(question.text)
        self.answers.setAccessibleName(question.text)
        self.answers.answered.connect(lambda value: state.set_answer(question.id, value))
        layout.addWidget(self.answers)
        state.answer_changed.connect(self._on_answer_changed)
        self.answers.set_answer(state.answer(question.id))

    def _on_answer_changed(self, answer_id: str) -> None:
        if answer_id == self.question.id:
            self.answers.set_answer(self.state.answer(self.question.id))
