"""Practice: a learner works one scenario through the real assessment, then sees the comparison.

The scenario's story sits above the same assessment page practitioners use. When the trainer
chooses, what the guidance indicates stays hidden until the learner commits their own level (in
step 5, "Your decision"); then :func:`thresholds_app.core.training.practice.score_practice`
compares their answers with the scenario's. Nothing here is saved as a draft: the family is
invented, and the practice case is thrown away when the learner moves on.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.case.record import new_case
from thresholds_app.core.pack.model import Pack, Scenario
from thresholds_app.core.training.practice import PracticeResult, score_practice
from thresholds_app.core.training.sheet import level_words
from thresholds_app.ui.assessment.page import AssessmentPage
from thresholds_app.ui.assessment.widgets import heading, muted_label, plain_label
from thresholds_app.ui.flow_row import FlowRow


def _section(title: str, lines: Sequence[str], empty: str) -> QWidget:
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(heading(title, 3))
    for line in lines or [empty]:
        label = plain_label(f"• {line}" if lines else line)
        label.setWordWrap(True)
        column.addWidget(label)
    return box


class ResultView(QWidget):
    """The comparison after a learner commits their level."""

    def __init__(self, pack: Pack, result: PracticeResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("practiceResult")
        self.setAccessibleName("Practice result")
        text = {i: pack.indicators[i].text for i in pack.indicators}
        column = QVBoxLayout(self)
        verdict = (
            "You chose the level the guidance expects."
            if result.correct
            else "Your level differs from the one the guidance expects."
        )
        self.verdict = heading(verdict, 2)
        column.addWidget(self.verdict)
        column.addWidget(plain_label("Expected: " + level_words(pack, result.expected_level)))
        chosen = level_words(pack, result.learner_level) if result.learner_level else "no level"
        column.addWidget(plain_label("You chose: " + chosen))
        column.addWidget(
            muted_label(
                "With the answers you gave, the guidance indicates: " + result.guidance_words + "."
            )
        )
        column.addWidget(
            _section(
                "Key indicators you found",
                [text[i] for i in result.found],
                "None of the scenario's key indicators were answered Yes.",
            )
        )
        column.addWidget(
            _section("Key indicators you missed", [text[i] for i in result.missed], "None.")
        )
        column.addWidget(
            _section(
                "Answered Yes, but the story does not support it",
                [text[i] for i in result.unsupported],
                "None.",
            )
        )
        touched = [h.point for h in result.hints if h.touched]
        untouched = [h.point for h in result.hints if not h.touched]
        column.addWidget(
            muted_label(
                "What a good rationale mentions, checked against your reasons as hints only: "
                "your writing is not marked."
            )
        )
        if touched:
            column.addWidget(_section("Your reasons seem to cover", touched, ""))
        if untouched:
            column.addWidget(_section("Worth adding to your reasons", untouched, ""))
        column.addWidget(_section("To discuss", list(result.discussion_points), "None listed."))
        column.addStretch(1)


class PracticeView(QWidget):
    """A set of practice scenarios, one at a time.

    Signals:
        finished(list): the learner finished the set; the PracticeResults so far.
    """

    finished = Signal(list)

    def __init__(
        self,
        pack: Pack,
        scenarios: Sequence[Scenario],
        *,
        hide_guidance: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if not scenarios:
            raise ValueError("practice needs at least one scenario")
        self.pack = pack
        self.scenarios = list(scenarios)
        self.hide_guidance = hide_guidance
        self.results: list[PracticeResult] = []
        self.index = 0
        self.page: AssessmentPage | None = None
        self.setObjectName("practiceView")
        self.setAccessibleName("Practice")

        column = QVBoxLayout(self)
        column.setContentsMargins(16, 12, 16, 12)
        self.counter = muted_label("")
        self.title = heading("", 2)
        self.story = plain_label("")
        self.story.setWordWrap(True)
        self.story.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The story scrolls on its own once it would take more than a quarter of the view
        # (200% text on a 720-pixel screen squeezed its last lines away).
        self.story_scroll = QScrollArea()
        self.story_scroll.setProperty("readingRegion", True)  # focused, the arrow keys scroll
        self.story_scroll.setAccessibleName("The scenario's story")
        self.story_scroll.setWidgetResizable(True)
        self.story_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.story_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        story_box = QWidget()
        story_column = QVBoxLayout(story_box)
        story_column.setContentsMargins(0, 0, 0, 0)
        story_column.addWidget(self.story)
        self.story_scroll.setWidget(story_box)
        for widget in (self.counter, self.title, self.story_scroll):
            column.addWidget(widget)
        self.stack = QStackedWidget()
        column.addWidget(self.stack, 1)
        # the hint on a line of its own: beside the buttons it made the window wider than a
        # 1280-wide screen at 150% text
        self.hint = muted_label("")
        column.addWidget(self.hint)
        bar = FlowRow(right=True)  # four buttons: on two lines at large text
        self.compare_button = QPushButton("Com&pare with the expected answer")
        self.compare_button.clicked.connect(self.compare)
        self.switch_button = QPushButton("My answers, with &the guidance")
        self.switch_button.clicked.connect(self.switch_view)
        self.next_button = QPushButton("N&ext scenario")
        self.next_button.clicked.connect(self.next_scenario)
        self.finish_button = QPushButton("F&inish the set")
        self.finish_button.clicked.connect(self.finish)
        for button in (
            self.compare_button,
            self.switch_button,
            self.next_button,
            self.finish_button,
        ):
            bar.addWidget(button)
        column.addWidget(bar)
        self._start(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the story to the new size."""
        super().resizeEvent(event)
        self._fit_story()

    def _fit_story(self) -> None:
        """The whole story when it fits in a quarter of the view, else that much, scrolling."""
        width = self.story_scroll.viewport().width() - 4
        whole = self.story.heightForWidth(width) + 4
        line = self.story.fontMetrics().lineSpacing()
        self.story_scroll.setFixedHeight(max(min(whole, self.height() // 4), min(whole, 3 * line)))

    @property
    def scenario(self) -> Scenario:
        """The scenario being practised."""
        return self.scenarios[self.index]

    def _start(self, index: int) -> None:
        self.index = index
        scenario = self.scenario
        self.counter.setText(f"Practice scenario {index + 1} of {len(self.scenarios)}")
        self.title.setText(scenario.title)
        self.story.setText(scenario.story)
        self._fit_story()
        case = new_case(self.pack)
        case.child.age_band = scenario.age_band
        page = AssessmentPage(self.pack, case=case)
        page.hide_guidance(self.hide_guidance)
        page.state.changed.connect(self._update_buttons)
        if self.page is not None:
            self.stack.removeWidget(self.page)
            self.page.deleteLater()
        while self.stack.count():
            old = self.stack.widget(0)
            if old is None:
                break
            self.stack.removeWidget(old)
            old.deleteLater()
        self.page = page
        self.stack.addWidget(page)
        self._update_buttons()

    def _committed(self) -> bool:
        return self.page is not None and self.page.state.case.decision.level is not None

    def _say(self, text: str, *, warning: bool = False) -> None:
        """The hint beside the buttons; a warning when a press could not do what was asked."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))  # on its own line: no empty line when there is nothing
        if self.hint.property("role") != ("warning" if warning else "muted"):
            self.hint.setProperty("role", "warning" if warning else "muted")
            self.hint.style().unpolish(self.hint)  # the role is styled by the app's stylesheet
            self.hint.style().polish(self.hint)

    def _update_buttons(self) -> None:
        committed = self._committed()
        compared = len(self.results) > self.index
        # Pressable before a level is recorded, so that pressing it says what is needed.
        self.compare_button.setEnabled(not compared)
        self.switch_button.setVisible(compared)
        self.next_button.setEnabled(compared and self.index + 1 < len(self.scenarios))
        self.finish_button.setEnabled(bool(self.results))
        if committed or compared:
            self._say("")
        elif self.hint.property("role") != "warning":  # a warning stays until a level is given
            self._say("Answer what the story tells you, then record your own level in step 5.")

    def compare(self) -> PracticeResult | None:
        """Score the learner's answers and level against the scenario, and show the comparison.

        Before a level is recorded there is nothing to compare: the learner is told so and
        taken to step 5, where they record it.
        """
        if self.page is None:
            return None
        if not self._committed():
            self._say(
                "To compare, first record your own level in step 5, Your decision (now open).",
                warning=True,
            )
            self.page.go_to_step("decision")
            return None
        case = self.page.state.case
        rationale = "\n".join(
            (case.decision.reasons, case.decision.differs_reason, case.free_text.worry)
        )
        result = score_practice(
            self.pack, self.scenario, case.answers, case.decision.level, rationale
        )
        self.results.append(result)
        self.page.hide_guidance(False)
        scroll = QScrollArea()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, not to it
        scroll.setWidgetResizable(True)
        scroll.setWidget(ResultView(self.pack, result))
        self.stack.addWidget(scroll)
        self.stack.setCurrentWidget(scroll)
        self._update_buttons()
        return result

    def switch_view(self) -> None:
        """Move between the comparison and the learner's own answers (guidance now shown)."""
        if self.page is None or self.stack.count() < 2:
            return
        showing_answers = self.stack.currentWidget() is self.page
        self.stack.setCurrentIndex(1 if showing_answers else 0)
        self.switch_button.setText(
            "My answers, with &the guidance" if showing_answers else "&The comparison"
        )

    def next_scenario(self) -> None:
        """Move to the next scenario of the set (the practice case is thrown away)."""
        if self.index + 1 < len(self.scenarios):
            self._start(self.index + 1)

    def finish(self) -> None:
        """End the set and hand the results on."""
        self.finished.emit(list(self.results))
