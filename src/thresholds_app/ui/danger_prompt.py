"""The reminder above search results: "in immediate danger? call 999 now", with the red button.

Shown by the assessment's search and the guidance browser alike when core's
:func:`~thresholds_app.core.search.danger.danger_prompt` says the best result may mean
significant harm (QA walk, item 14). The words come from core; this only shows them, next to
the same red "A child is in immediate danger (F9)" button as the top bar, so the way to whom to
call is one click or F9 away from the results.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from thresholds_app.core.search.danger import DangerPrompt
from thresholds_app.ui.shell.top_bar import emergency_button


class DangerPromptBar(QWidget):
    """The reminder and the red button; hidden while there is nothing to remind.

    Signals:
        emergency_requested(): the user pressed the red button (F9 works from anywhere anyway).
    """

    emergency_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dangerPrompt")
        # Words above the button: beside it, they wrapped to five lines in a narrow column.
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(6)
        self.words = QLabel()
        self.words.setObjectName("dangerPromptWords")
        self.words.setProperty("role", "warning")  # the app's warning style, words first
        self.words.setWordWrap(True)
        self.words.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        column.addWidget(self.words)
        self.button = emergency_button(self)  # the red button's look, words that fit a column
        # The top bar's "A child is in immediate danger (F9)" pushed the needs step 25 px past
        # its edge at 150% text on a 1280-pixel screen (tests/ui/test_layout_fits.py).
        self.button.setText(self.tr("Who to call now  (F9)"))
        self.button.setAccessibleName(self.tr("Who to call now"))
        self.button.clicked.connect(self.emergency_requested.emit)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        self.prompt: DangerPrompt | None = None
        self.hide()

    def show_prompt(self, prompt: DangerPrompt | None) -> None:
        """Show ``prompt``'s words, or hide the bar when there is none."""
        self.prompt = prompt
        if prompt is None:
            self.hide()
            return
        self.words.setText(prompt.words)
        self.words.setAccessibleName(prompt.words)
        self.show()
