"""A short list of choices as radio buttons whose words wrap, and "another" written in.

GOV.UK's pattern for a few options: every option readable in full, one click to choose, and
nothing chosen until the user chooses. It replaced the consent step's lawful-basis drop-down,
whose options were cut mid-text at 150% text ("public task for shar… agencies"), which showed
an empty box with no prompt, and which took two clicks to open (QA item 19).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.ui.assessment.widgets import clear_layout, muted_label, plain_label
from thresholds_app.ui.qtprops import show_as_plain_text


class ChoiceWords(QLabel):
    """A choice's words beside its radio button: they wrap, and a click on them chooses it.

    A radio button's own text cannot wrap: a long option made the whole step wider than its
    view at 150% text.
    """

    def __init__(self, text: str, button: QRadioButton) -> None:
        super().__init__()
        show_as_plain_text(self)
        self.setText(text)
        self.setWordWrap(True)
        self._button = button

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """Choose this option and put the focus on its radio button."""
        self._button.click()
        self._button.setFocus()
        event.accept()


class RadioList(QWidget):
    """A question, its options as radio buttons, and a last "another" option to write in.

    ``value()`` is the chosen option's words, what was written for "another", or "" while
    nothing is chosen (unanswered).

    Signals:
        changed(): the user chose, wrote or cleared an answer.
    """

    changed = Signal()

    def __init__(self, question: str, hint: str, other: str) -> None:
        super().__init__()
        self._question = question
        self._other_words = other
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.heading = plain_label(question)
        self.heading.setProperty("role", "required")  # bold, as the other questions are
        layout.addWidget(self.heading)
        self.hint = muted_label(hint)
        layout.addWidget(self.hint)
        self.grid = QGridLayout()
        self.grid.setColumnStretch(1, 1)
        self.grid.setVerticalSpacing(4)
        layout.addLayout(self.grid)
        self.other_text = QLineEdit()
        self.other_text.setAccessibleName(f"{question}: {other}")
        self.other_text.textEdited.connect(self._other_edited)
        self.clear_button = QPushButton(self.tr("Clear the choice"))
        self.clear_button.setAccessibleName(self.tr("Clear: {q}").format(q=question))
        self.clear_button.clicked.connect(self._clear_clicked)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.group = QButtonGroup(self)
        self.group.buttonClicked.connect(self._chosen)
        self.buttons: list[QRadioButton] = []
        self.other_button = QRadioButton()
        self._options: tuple[str, ...] = ()
        self.set_options(())

    # -- the options -----------------------------------------------------------------------
    def set_options(self, options: Sequence[str]) -> None:
        """Offer ``options`` (then "another"), keeping the answer given so far."""
        if tuple(options) == self._options and self.buttons:
            return
        current = self.value()
        self._options = tuple(options)
        for button in self.group.buttons():
            self.group.removeButton(button)
        self.grid.removeWidget(self.other_text)
        clear_layout(self.grid)
        self.buttons = []
        for row, words in enumerate((*self._options, self._other_words)):
            button = QRadioButton()
            button.setAccessibleName(f"{self._question}: {words}")
            self.group.addButton(button)
            self.grid.addWidget(button, row, 0, Qt.AlignmentFlag.AlignTop)
            self.grid.addWidget(ChoiceWords(words, button), row, 1)
            self.buttons.append(button)
        self.other_button = self.buttons[-1]
        self.grid.addWidget(self.other_text, len(self.buttons), 1)
        self._keep_tab_order()
        self._show(current)

    def _keep_tab_order(self) -> None:
        """Put new buttons back in the Tab chain after the field before the question.

        New widgets join the end of the window's chain: Tab from the field above skipped the
        choices once the level changed them. (Qt orders only widgets that take the focus, so
        the chain starts at the last one before this list, not at the question's words.)
        """
        before = self.heading.previousInFocusChain()
        while before is not None and before is not self.heading:
            takes_tab = before.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            if takes_tab and before is not self and not self.isAncestorOf(before):
                break
            before = before.previousInFocusChain()
        else:
            return  # not in a window yet: the chain is in the order the buttons were made
        for first, second in pairwise([before, *self.buttons, self.other_text, self.clear_button]):
            QWidget.setTabOrder(first, second)

    # -- the answer ------------------------------------------------------------------------
    def value(self) -> str:
        """The answer: the chosen option, the words written for "another", or ""."""
        checked = self.group.checkedButton()
        if checked is None:
            return ""
        if checked is self.other_button:
            return self.other_text.text().strip()
        return next(o for o, b in zip(self._options, self.buttons, strict=False) if b is checked)

    def set_value(self, text: str) -> None:
        """Show ``text`` (a case file's answer) without emitting ``changed``."""
        self._show(text)

    def _show(self, text: str) -> None:
        text = text.strip()
        self.group.setExclusive(False)  # lets every button be unchecked for "nothing chosen"
        for button in self.buttons:
            button.setChecked(False)
        if text in self._options:
            self.buttons[self._options.index(text)].setChecked(True)
            self.other_text.clear()
        elif text:
            self.other_button.setChecked(True)
            self.other_text.setText(text)
        else:
            self.other_text.clear()
        self.group.setExclusive(True)
        self._sync()

    def _sync(self) -> None:
        self.other_text.setEnabled(self.other_button.isChecked())
        self.clear_button.setEnabled(self.group.checkedButton() is not None)

    def _chosen(self, button: QRadioButton) -> None:
        self._sync()
        if button is self.other_button:
            self.other_text.setFocus()
        self.changed.emit()

    def _other_edited(self, _text: str) -> None:
        self.changed.emit()

    def _clear_clicked(self) -> None:
        self._show("")
        self.heading.setFocus()  # the cleared buttons, never a disabled one, keep the focus
        self.changed.emit()
