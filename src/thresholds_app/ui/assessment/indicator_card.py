"""One indicator as a card: its level, its words, yes / no / not known, and its details.

The details (examples, and the same theme at other levels) open with one click, so a practitioner
can check "is this really Level 3, or is it the Level 2 version?" without leaving the question.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.pack.model import Indicator, Pack
from thresholds_app.ui.assessment.widgets import (
    AnswerButtons,
    landing,
    link_label,
    muted_label,
    plain_label,
)
from thresholds_app.ui.case_state import CaseState


def level_words(indicator: Indicator) -> str:
    """'Level 2' for a concern, 'Strength' for a strength."""
    return "Strength" if indicator.kind == "strength" else level_label(indicator.level)


def neighbours(pack: Pack, indicator: Indicator) -> list[Indicator]:
    """Indicators of the same theme at other levels, lowest level first."""
    if not indicator.theme:
        return []
    same = [
        other
        for other in pack.indicators.values()
        if other.theme == indicator.theme and other.id != indicator.id
    ]
    return sorted(same, key=lambda i: (i.level, i.id))


class IndicatorCard(QFrame):
    """An indicator the practitioner answers.

    Signals:
        show_indicator(str): the user asked to see another indicator (a neighbour).
    """

    show_indicator = Signal(str)

    def __init__(self, state: CaseState, indicator: Indicator) -> None:
        super().__init__()
        self.state = state
        self.indicator = indicator
        self.setObjectName("indicatorCard")
        self.setAccessibleName(f"{level_words(indicator)}: {indicator.text}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(8)

        # The level and "Clear" share the top line; the indicator's words have the card's whole
        # width below them (beside them, at 150% text on 1280 x 720, the words wrapped a word
        # or two a line), and nothing makes the card wider than a small screen allows.
        top = QHBoxLayout()
        top.setSpacing(10)
        badge = QLabel(level_words(indicator))
        badge.setObjectName("levelBadge")
        top.addWidget(badge, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addStretch(1)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setAccessibleName(f"Clear the answer: {indicator.text}")
        self.clear_button.clicked.connect(lambda: state.set_answer(indicator.id, None))
        top.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        text = plain_label(indicator.text)
        text.setProperty("role", "question")
        text.setMinimumWidth(120)  # it wraps: a word-wrapped label otherwise asks for ~40 chars
        self.words = landing(text)  # where "Go there" lands: never on an answer
        layout.addWidget(text)

        row = QHBoxLayout()
        self.answers = AnswerButtons(indicator.text)
        self.answers.setAccessibleName(f"Answer: {indicator.text}")
        self.answers.answered.connect(lambda value: state.set_answer(indicator.id, value))
        row.addWidget(self.answers, 1)
        layout.addLayout(row)
        self.details_button = QToolButton()
        self.details_button.setCheckable(True)
        self.details_button.setAutoRaise(True)
        self.details_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.details_button.setArrowType(Qt.ArrowType.RightArrow)
        self.details_button.setText(self.tr("Examples and other levels"))
        self.details_button.setAccessibleName(f"Show examples and other levels: {indicator.text}")
        self.details_button.toggled.connect(self._toggle_details)
        layout.addWidget(self.details_button)

        self.details: QFrame | None = None
        self._layout = layout
        state.answer_changed.connect(self._on_answer_changed)
        self.refresh()

    def refresh(self) -> None:
        """Show the answer recorded in the case."""
        answer = self.state.answer(self.indicator.id)
        self.answers.set_answer(answer)
        self.clear_button.setEnabled(answer is not None)

    def _on_answer_changed(self, answer_id: str) -> None:
        if answer_id == self.indicator.id:
            self.refresh()

    def _toggle_details(self, shown: bool) -> None:
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.details_button.setArrowType(arrow)
        if self.details is None:
            self.details = self._build_details()
            self._layout.addWidget(self.details)
        self.details.setVisible(shown)

    def _build_details(self) -> QFrame:
        frame = QFrame()
        box = QVBoxLayout(frame)
        box.setContentsMargins(8, 4, 0, 0)
        box.setSpacing(4)
        if self.indicator.examples:
            box.addWidget(muted_label(self.tr("For example:")))
            for example in self.indicator.examples:
                box.addWidget(plain_label(f"•  {example}"))
        others = neighbours(self.state.pack, self.indicator)
        if others:
            box.addWidget(muted_label(self.tr("The same theme at other levels:")))
            for other in others:
                link = link_label(
                    f"<a href='{other.id}'>{level_words(other)}</a>: {html.escape(other.text)}"
                )
                link.setFocusPolicy(Qt.FocusPolicy.TabFocus)
                link.setAccessibleName(f"Go to {level_words(other)}: {other.text}")
                link.linkActivated.connect(self.show_indicator.emit)
                box.addWidget(link)
        if not self.indicator.examples and not others:
            box.addWidget(muted_label(self.tr("No examples or related indicators in the pack.")))
        return frame
