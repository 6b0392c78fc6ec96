"""Small building blocks shared by the app's screens: headings, plain labels, answer buttons.

Colours come from the palette (``palette(...)`` in style sheets) so high contrast and dark modes
keep working; the only accent is the palette's highlight colour.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLayout, QWidget

from thresholds_app.core.base.wording import identifier_text
from thresholds_app.core.pack.model import ANSWERS, Answer
from thresholds_app.ui.qtprops import show_as_plain_text

if TYPE_CHECKING:  # the start screen needs none of these: each Qt class costs start-up time
    from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit, QRadioButton

ANSWER_WORDS: dict[str, str] = {"yes": "Yes", "no": "No", "not-known": "Not known"}


def ask_yes_no(parent: QWidget, title: str, text: str, on_yes: Callable[[], object]) -> QMessageBox:
    """Ask a yes/no question with a window-modal box that never blocks the caller.

    ``on_yes`` runs when the user chooses Yes. (A blocking ``exec()`` would hang tests and
    freeze timers such as autosave while the question is open.)
    """
    from PySide6.QtCore import Qt  # not at the top: see thresholds_app.ui.qtprops
    from PySide6.QtWidgets import QMessageBox

    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    box = QMessageBox(QMessageBox.Icon.Question, title, text, yes | no, parent)
    box.setDefaultButton(no)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(
        lambda button: on_yes() if box.standardButton(button) == yes else None
    )
    box.open()
    return box


def ask_save_discard(
    parent: QWidget,
    title: str,
    text: str,
    on_save: Callable[[], object],
    on_discard: Callable[[], object],
) -> QMessageBox:
    """Ask Save / Discard / Cancel about unsaved work with a box that never blocks the caller.

    Save is the default (Return) and Escape cancels, so no single key throws work away; Cancel
    runs nothing. ``on_save`` is expected to go on only once the work was really saved.
    """
    from PySide6.QtCore import Qt  # not at the top: see thresholds_app.ui.qtprops
    from PySide6.QtWidgets import QMessageBox

    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    actions = {buttons.Save: on_save, buttons.Discard: on_discard}

    def clicked(button: object) -> None:
        action = actions.get(box.standardButton(button))  # type: ignore[arg-type]
        if action is not None:
            action()

    box.buttonClicked.connect(clicked)
    box.open()
    return box


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every widget in ``layout``."""
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widget.deleteLater()


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    """Return ``base`` scaled by ``factor`` (follows the app-wide zoom because it is relative)."""
    font = QFont(base)
    size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def plain_label(text: str, *, wrap: bool = True, parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text as markup (pack and user text are plain)."""
    label = QLabel(parent)
    show_as_plain_text(label)
    label.setText(text)
    label.setWordWrap(wrap)
    return label


def heading(text: str, level: int = 1, parent: QWidget | None = None) -> QLabel:
    """A heading: level 1 for a page, 2 for a section, 3 for a sub-section.

    Its size stays relative to the application font, so it grows with the text scale.
    """
    label = big_text(text, {1: 1.55, 2: 1.2, 3: 1.05}.get(level, 1.0), parent=parent)
    label.setProperty("headingLevel", str(level))  # text: the stylesheet marks a focused one
    return label


def focus_heading(step: QWidget) -> bool:
    """Put the keyboard focus on ``step``'s page heading; False if it has none.

    Arriving at a step lands here rather than on an answer (a stray Space would choose it) or
    on whatever follows in the focus chain (the side panel). The heading is not a Tab stop of
    its own (no focus policy), so Tab from it goes straight to the step's first answer, and a
    screen reader reads the step's title first.
    """
    for label in step.findChildren(QLabel):
        if label.property("headingLevel") == "1" and label.isVisibleTo(step):
            label.setFocus()
            return True
    return False


def big_text(text: str, factor: float, parent: QWidget | None = None) -> QLabel:
    """Plain bold text ``factor`` times the application font, following the text scale."""
    from thresholds_app.ui.appearance import Heading

    label = Heading(text, factor, parent)
    show_as_plain_text(label)
    label.setText(text)
    return label


def muted_label(text: str, parent: QWidget | None = None) -> QLabel:
    """Secondary text in the palette's placeholder colour (still readable in high contrast)."""
    label = plain_label(text, parent=parent)
    label.setProperty("role", "muted")  # styled by the app stylesheet (one sheet is quicker)
    return label


def link_label(text: str = "") -> QLabel:
    """A wrapping label of rich text whose links the mouse and Tab both reach.

    Tab lands on the label itself first and only the next Tab marks a link, so the label shows
    the focus too (``keyboardLinks`` in app.qss): that first stop was unseen.
    """
    from PySide6.QtCore import Qt  # not at the top: see thresholds_app.ui.qtprops

    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(
        Qt.TextInteractionFlag.LinksAccessibleByMouse
        | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
    )
    label.setProperty("keyboardLinks", True)
    return label


def card_frame(object_name: str = "card") -> QFrame:
    """A softly outlined panel used to group related content."""
    frame = QFrame()
    frame.setObjectName(object_name)
    frame.setFrameShape(QFrame.Shape.NoFrame)
    frame.setProperty("role", "card")  # styled by the app stylesheet (one sheet is quicker)
    return frame


def text_edit(name: str, description: str, *, placeholder: str = "") -> QPlainTextEdit:
    """A multi-line text box that Tab leaves (no keyboard trap) and that screen readers name."""
    from PySide6.QtWidgets import QPlainTextEdit

    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setAccessibleName(name)
    edit.setAccessibleDescription(description)
    edit.setPlaceholderText(placeholder)
    edit.setMinimumHeight(64)
    edit.setMaximumHeight(120)
    return edit


def identifier_line(text: str = "") -> QLineEdit:
    """A one-line field for an identifier (a case reference, a person's name).

    Bidi controls typed or pasted are dropped at once (core's ``identifier_text``), so the
    field shows what the lists and the PDF show: "QA-1234", never "4321-AQ" (QA #7). Connect
    the field's own slots after this returns, so they read the cleaned text.
    """
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit(identifier_text(text))

    def drop_controls(typed: str) -> None:
        clean = identifier_text(typed)
        if clean != typed:
            before_cursor = identifier_text(typed[: edit.cursorPosition()])
            edit.setText(clean)
            edit.setCursorPosition(len(before_cursor))

    edit.textEdited.connect(drop_controls)
    return edit


class AnswerButtons(QWidget):
    """Yes / No / Not known as three radio buttons in one group; none checked = unanswered.

    Signals:
        answered(str): the user chose an answer ("yes", "no" or "not-known").
    """

    answered = Signal(str)

    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        from PySide6.QtWidgets import QButtonGroup, QRadioButton

        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[str, QRadioButton] = {}
        for value in ANSWERS:
            button = QRadioButton(self.tr(ANSWER_WORDS[value]))
            button.setAccessibleName(f"{self.tr(ANSWER_WORDS[value])}: {subject}")
            button.setProperty("answer", value)
            self.group.addButton(button)
            self.buttons[value] = button
            layout.addWidget(button)
            button.clicked.connect(lambda _checked=False, v=value: self.answered.emit(v))
        layout.addStretch(1)

    def set_answer(self, answer: Answer | None) -> None:
        """Show ``answer`` without emitting (None clears the group)."""
        self.group.setExclusive(False)
        for value, button in self.buttons.items():
            button.blockSignals(True)
            button.setChecked(value == answer)
            button.blockSignals(False)
        self.group.setExclusive(True)

    def answer(self) -> str | None:
        """The checked answer, or None."""
        for value, button in self.buttons.items():
            if button.isChecked():
                return value
        return None


REQUIRED = "(required)"


def required(text: str) -> str:
    """``text`` marked as required, before any trailing colon: "Case &reference (required):".

    The word, not a colour or an asterisk, marks it (GOV.UK: never rely on colour alone).
    """
    if text.endswith(":"):
        return f"{text[:-1]} {REQUIRED}:"
    return f"{text} {REQUIRED}"


def landing(label: QLabel) -> QLabel:
    """Mark ``label`` (a question's words) as where "Go there" lands: focused, it is underlined.

    The label is not a Tab stop of its own (no focus policy), so Tab from it goes on to the
    answers that follow it.
    """
    label.setProperty("landing", "true")  # styled by app.qss
    return label


def reveal(widget: QWidget) -> None:
    """Focus ``widget`` and scroll its step so it is in view (for "Go there")."""
    widget.setFocus()
    scroll_into_view(widget)


def scroll_into_view(widget: QWidget) -> None:
    """Scroll the step holding ``widget`` so that it is in view (the focus stays where it is)."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    if parent is not None:
        parent.ensureWidgetVisible(widget, 24, 48)


def focus_in(fields: dict[str, QWidget], name: str, step: QWidget) -> bool:
    """Focus the field called ``name`` (see each step's ``focus_field``); False if unknown.

    ``answers.<id>`` finds the question's row in ``step`` and focuses its words, never an
    answer: landing on "Yes" for immediate danger, a stray Space answered it. Tab from the words
    reaches the answers.
    """
    widget = fields.get(name)
    if widget is None and name.startswith("answers."):
        rows = step.findChildren(QFrame, f"question-{name.removeprefix('answers.')}")
        words = getattr(rows[0], "words", None) if rows else None
        if isinstance(words, QLabel):
            widget = words
    if widget is None:
        return False
    reveal(widget)
    return True


def chain_tab_order(widgets: list[QWidget]) -> None:
    """Make Tab visit ``widgets`` in this order (rows added later would otherwise come last).

    Widgets that cannot take the keyboard focus are skipped.
    """
    from PySide6.QtCore import Qt  # not at the top: see thresholds_app.ui.qtprops

    tab = Qt.FocusPolicy.TabFocus.value
    focusable = [w for w in widgets if w.focusPolicy().value & tab]
    for first, second in pairwise(focusable):
        QWidget.setTabOrder(first, second)


def enter_presses_buttons(container: QWidget) -> None:
    """Enter (or Return) presses whichever button under ``container`` has the focus.

    Qt does this only inside dialogs; the help promises it everywhere. (Auto-default has no
    other effect outside a dialog.) Called again when rows with new buttons are added.
    """
    from PySide6.QtWidgets import QPushButton

    for button in container.findChildren(QPushButton):
        if not button.autoDefault():
            button.setAutoDefault(True)
