"""The presenter view: one scenario at a time on a projector, the answer only on demand.

Driven from the keyboard or a presentation clicker (which sends PageUp / PageDown, and B or "."
for a black screen). The trainer can count the room's votes per level (numbers, never names);
the spread is drawn as a chart, and agreement is shown once the answer is revealed. F9 still
opens the emergency contacts, as everywhere in the app. Type is sized from the window's height so
it stays readable from the back of a room at 1280x720.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from thresholds_app.core.pack.model import Pack, Scenario
from thresholds_app.core.training.agreement import describe_kappa
from thresholds_app.core.training.session import RoomScenario, RoomSession
from thresholds_app.core.training.sheet import level_words, why_expected
from thresholds_app.ui.training.vote_chart import VoteChart

# Height of the window divided by this gives the body text's pixel size (720 px: 26 px).
BODY_DIVISOR = 28
KEY_HELP = (
    "PageDown next · PageUp back · R answer · D discussion · 1–4 add a vote · Backspace remove "
    "· B black screen · G levels of need · S session sheet · Esc end · F9 immediate danger"
)
NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_N}
BACK_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Left, Qt.Key.Key_P}
BLACK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
MIN_PIXELS = 20  # about 15 pt at 96 dpi: readable from the back of a room
FIT_SCALES = (1.0, 0.92, 0.85, 0.78)  # steps tried so the answer fits beside the story
REVEAL_KEYS = {Qt.Key.Key_R, Qt.Key.Key_Return, Qt.Key.Key_Enter}


def _label(role: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setObjectName(role)
    label.setProperty("presenterRole", role)
    return label


class PresenterView(QWidget):
    """Full-screen scenarios for a room.

    Signals:
        sheet_requested(object): the trainer asked for the session sheet (a RoomSession).
    """

    sheet_requested = Signal(object)

    def __init__(
        self, pack: Pack, scenarios: Sequence[Scenario], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        if not scenarios:
            raise ValueError("the presenter needs at least one scenario")
        self.pack = pack
        self.scenarios = list(scenarios)
        self.levels = sorted(pack.levels)
        self.votes: dict[str, dict[int, int]] = {s.id: {} for s in self.scenarios}
        self._history: dict[str, list[int]] = {s.id: [] for s in self.scenarios}
        self.index = 0
        self.revealed = False
        self.discussion_shown = False
        self.black = False
        self.on_summary = False
        self.guidance_shown = False
        self.setObjectName("presenter")
        self.setWindowTitle("Training: presenter view")
        self.setAccessibleName("Presenter view")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)

        self.stack = QStackedWidget()
        self.slide = QWidget()
        self.summary = QWidget()
        self.guidance = QWidget()
        self.blank = QWidget()
        self.blank.setObjectName("presenterBlack")
        self.blank.setStyleSheet("background: black;")
        self.blank.setAccessibleName("Black screen")
        for page in (self.slide, self.summary, self.guidance, self.blank):
            self.stack.addWidget(page)

        self.counter = _label("counter")
        self.title = _label("title")
        self.story = _label("story")
        self.answer = _label("answer")
        self.discussion = _label("discussion")
        self.tally = _label("tally")
        self.chart = VoteChart(self.levels)
        self.help = _label("help")
        self.help.setText(KEY_HELP)
        column = QVBoxLayout(self.slide)
        column.addWidget(self.counter)
        column.addWidget(self.title)
        # The answer appears beside the story, which stays on screen to be talked through; the
        # room's votes go under the story, in the height the story leaves (under everything,
        # they were a few pixels high at 1280x720).
        story_and_votes = QVBoxLayout()
        story_and_votes.addWidget(self.story, 0, Qt.AlignmentFlag.AlignTop)
        story_and_votes.addWidget(self.chart, 1)
        story_and_votes.addStretch(0)  # takes the spare height while the chart is hidden
        story_and_answer = QHBoxLayout()
        story_and_answer.addLayout(story_and_votes, 1)
        story_and_answer.addWidget(self.answer, 1, Qt.AlignmentFlag.AlignTop)
        column.addLayout(story_and_answer)
        column.addWidget(self.discussion)
        column.addWidget(self.tally)
        column.addStretch(1)  # the spare height: the chart's when it shows (see _show)
        self._column, self._story_and_answer = column, story_and_answer

        self.summary_title = _label("title")
        self.summary_body = _label("story")
        summary = QVBoxLayout(self.summary)
        summary.addWidget(self.summary_title)
        summary.addWidget(self.summary_body)
        summary.addStretch(1)

        guidance = QVBoxLayout(self.guidance)
        title = _label("title")
        title.setText("The levels of need")
        guidance.addWidget(title)
        for number in self.levels:
            level = pack.levels[number]
            line = _label("story")
            line.setText(f"{level_words(pack, number)}. {level.summary}")
            guidance.addWidget(line)
        guidance.addStretch(1)

        self._palette = QPalette(self.palette())
        outer = QVBoxLayout(self)
        outer.addWidget(self.stack, 1)
        outer.addWidget(self.help)
        self._apply_sizes()
        self._show()

    # -- what is on screen -----------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        """The scenario on show."""
        return self.scenarios[self.index]

    def session(self) -> RoomSession:
        """The session so far: every scenario shown, with the votes recorded."""
        items = tuple(RoomScenario(s, dict(self.votes[s.id])) for s in self.scenarios)
        return RoomSession(self.pack, items)

    def _show(self) -> None:
        self._blacken(self.black)
        if self.black:
            self.stack.setCurrentWidget(self.blank)
            self.help.setVisible(False)
            return
        self.help.setVisible(True)
        if self.guidance_shown:
            self.stack.setCurrentWidget(self.guidance)
            return
        if self.on_summary:
            self._show_summary()
            self.stack.setCurrentWidget(self.summary)
            return
        self.stack.setCurrentWidget(self.slide)
        scenario = self.scenario
        self.counter.setText(f"Scenario {self.index + 1} of {len(self.scenarios)}")
        self.title.setText(scenario.title)
        self.story.setText(scenario.story)
        self.answer.setVisible(self.revealed)
        self.discussion.setVisible(self.revealed and self.discussion_shown)
        votes = self.votes[scenario.id]
        total = sum(votes.values())
        charted = total > 0 and self.revealed and not self.discussion_shown
        self.chart.setVisible(charted)
        self._column.setStretchFactor(self._story_and_answer, 1 if charted else 0)
        self._column.setStretch(self._column.count() - 1, 0 if charted else 1)
        self.chart.show_votes(votes, scenario.expected_level if self.revealed else None)
        tally = "  ·  ".join(f"Level {lv}: {votes.get(lv, 0)}" for lv in self.levels)
        self.tally.setText(f"Votes: {tally}  ({total} in all)" if total else "No votes yet")
        if self.revealed:
            self.answer.setText(self._answer_text(scenario, votes))
            self.discussion.setText("\n".join(f"• {p}" for p in scenario.discussion_points))
        self._fit()

    def _blacken(self, black: bool) -> None:
        """Black to every edge of the screen (no margin of the window's grey), or back."""
        palette = QPalette(self._palette)
        if black:
            palette.setColor(QPalette.ColorRole.Window, QColor("black"))
        self.setPalette(palette)
        self._apply_margins()

    def _answer_text(self, scenario: Scenario, votes: dict[int, int]) -> str:
        lines = ["The guidance indicates " + level_words(self.pack, scenario.expected_level)]
        if scenario.expected_emergency:
            lines.append("An emergency: 999 first, then the MASH or the out-of-hours team.")
        texts = [
            self.pack.indicators[i].text
            for i in scenario.key_indicators
            if i in self.pack.indicators
        ]
        lines += [f"Why: {reason}" for reason in why_expected(self.pack, scenario)]
        lines += [f"• {text}" for text in texts]
        share = RoomScenario(scenario, votes).percent_with_expected
        if share is not None:
            lines.append(f"The room: {share:.0f}% chose this level.")
        return "\n".join(lines)

    def _show_summary(self) -> None:
        agreement = self.session().agreement()
        self.summary_title.setText("The session: how far the room agreed")
        if not agreement.votes:
            self.summary_body.setText("No votes were recorded. Press S for the session sheet.")
            return
        kappa = "not defined" if agreement.kappa is None else f"{agreement.kappa:.2f}"
        percent = agreement.percent_with_expected
        self.summary_body.setText(
            f"{agreement.votes} votes on {agreement.scenarios} scenarios.\n"
            + (f"{percent:.0f}% chose the expected level.\n" if percent is not None else "")
            + f"Fleiss' kappa {kappa}: {describe_kappa(agreement.kappa)} agreement beyond chance."
            + "\nPress S for the session sheet, PageUp to go back, Esc to end."
        )

    # -- actions (each is also a key) ------------------------------------------------------
    def next(self) -> None:
        """Go to the next scenario (after the last: the session summary)."""
        if self.on_summary:
            return
        if self.index + 1 < len(self.scenarios):
            self.index += 1
        else:
            self.on_summary = True
        self.revealed = self.discussion_shown = False
        self._show()

    def previous(self) -> None:
        """Go back one scenario (from the summary: to the last scenario)."""
        if self.on_summary:
            self.on_summary = False
        elif self.index > 0:
            self.index -= 1
        self.revealed = self.discussion_shown = False
        self._show()

    def toggle_answer(self) -> None:
        """Reveal the expected answer, or hide it again."""
        self.revealed = not self.revealed
        if not self.revealed:
            self.discussion_shown = False
        self._show()

    def toggle_discussion(self) -> None:
        """Show the discussion points (revealing the answer too), or hide them."""
        self.discussion_shown = not self.discussion_shown
        self.revealed = self.revealed or self.discussion_shown
        self._show()

    def toggle_black(self) -> None:
        """Blank the screen (B or "." on a clicker), or bring it back."""
        self.black = not self.black
        self._show()

    def toggle_guidance(self) -> None:
        """Show the levels of need (G), or go back to the scenario."""
        self.guidance_shown = not self.guidance_shown
        self._show()

    def add_vote(self, level: int) -> None:
        """Count one vote for ``level`` on the scenario on show."""
        if level not in self.levels or self.on_summary:
            return
        votes = self.votes[self.scenario.id]
        votes[level] = votes.get(level, 0) + 1
        self._history[self.scenario.id].append(level)
        self._show()

    def remove_vote(self) -> None:
        """Take back the last vote counted on the scenario on show."""
        if self.on_summary:
            return
        history = self._history[self.scenario.id]
        if history:
            level = history.pop()
            self.votes[self.scenario.id][level] -= 1
        self._show()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The keyboard and clicker controls listed in :data:`KEY_HELP`."""
        key = Qt.Key(event.key())
        text = event.text()
        if self.guidance_shown and key not in BLACK_KEYS and key != Qt.Key.Key_G:
            self.toggle_guidance()  # any key leaves the guidance, as on a slide
        elif key in NEXT_KEYS:
            self.next()
        elif key in BACK_KEYS:
            self.previous()
        elif key in BLACK_KEYS:
            self.toggle_black()
        elif self.black:
            return  # any other key on a black screen is ignored, so nothing shows by accident
        elif key in REVEAL_KEYS:
            self.toggle_answer()
        elif key == Qt.Key.Key_D:
            self.toggle_discussion()
        elif text.isdigit() and int(text) in self.levels:
            self.add_vote(int(text))
        elif key == Qt.Key.Key_Backspace:
            self.remove_vote()
        elif key == Qt.Key.Key_G:
            self.toggle_guidance()
        elif key == Qt.Key.Key_S:
            self.sheet_requested.emit(self.session())
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    # -- type that fills the room ----------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        """Resize the type with the window."""
        super().resizeEvent(event)
        self._apply_sizes()

    def body_pixels(self) -> int:
        """The body text's size in pixels for the window's height."""
        return max(20, self.height() // BODY_DIVISOR)

    def _apply_sizes(self) -> None:
        self._set_fonts(1.0)
        self._fit()

    def _set_fonts(self, scale: float) -> None:
        """Fonts for the window's height; ``scale`` shrinks the slide's long texts."""
        body = self.body_pixels()
        sizes = {
            "counter": (0.8, False),
            "title": (1.6, True),
            "story": (1.0, False),
            "answer": (1.0, False),
            "discussion": (0.9, False),
            "tally": (0.85, False),
            "help": (0.8, False),
        }
        shrinkable = {"story", "answer", "discussion"}
        for label in self.findChildren(QLabel):
            role = str(label.property("presenterRole"))
            factor, bold = sizes.get(role, (1.0, False))
            pixels = max(18, int(body * factor))
            if role in shrinkable:  # never below MIN_PIXELS for the text the room reads
                pixels = max(min(pixels, MIN_PIXELS), int(pixels * scale))
            font = QFont(self.font())
            font.setPixelSize(pixels)
            font.setBold(bold)
            label.setFont(font)
        chart_font = QFont(self.font())
        chart_font.setPixelSize(int(body * 0.85))
        self.chart.setFont(chart_font)
        self._apply_margins()

    def _fit(self) -> None:
        """Shrink the story, answer and discussion a step at a time until the slide holds them.

        Only once the answer shows beside the story, and never below :data:`MIN_PIXELS`.
        """
        layout = self.slide.layout()
        if layout is None or self.slide.width() <= 0:
            return
        for scale in FIT_SCALES if self.revealed else FIT_SCALES[:1]:
            self._set_fonts(scale)
            layout.invalidate()
            if layout.heightForWidth(self.slide.width()) <= self.slide.height():
                return

    def _apply_margins(self) -> None:
        body = self.body_pixels()
        for layout in (self.layout(), self.slide.layout(), self.summary.layout()):
            if layout is not None:
                margin = 0 if self.black and layout is self.layout() else body
                layout.setContentsMargins(margin, margin // 2, margin, margin // 2)
                layout.setSpacing(body // 2)
