"""The "A child is in immediate danger" screen: 999 first, then the MASH or the out-of-hours team.

Reachable from every screen with one key (:data:`EMERGENCY_SHORTCUT`) or the red-outlined button
in the main window's top bar. Whom to call after 999 is worked out by the core
(:func:`thresholds_app.core.contacts.who_to_call`) from the current time; this module only shows it,
in large, selectable text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.assessment import ContactAdvice
from thresholds_app.core.model import Pack
from thresholds_app.ui.assessment.widgets import big_text, clear_layout, plain_label

EMERGENCY_SHORTCUT = "F9"  # one key, free in every standard Qt widget
EMERGENCY_ID = "emergency-999"


def high_contrast_requested() -> bool:
    """Whether the system (or the app's settings) asks for high contrast."""
    hints = QGuiApplication.styleHints()
    try:
        preference = hints.accessibility().contrastPreference()
    except AttributeError:  # Qt < 6.10 has no accessibility hints
        return False
    return preference == Qt.ContrastPreference.HighContrast


def is_high_contrast(palette: QPalette) -> bool:
    """Whether ``palette`` is a high-contrast one (the system's, or the app's own mode)."""
    if high_contrast_requested():
        return True
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    extremes = ("#000000", "#ffffff")
    return (
        window.name() in extremes
        and text.name() in extremes
        and palette.color(QPalette.ColorRole.Mid) == text
    )


def danger_colour(palette: QPalette) -> QColor:
    """Return the red used for the danger outline, readable on ``palette``'s window colour.

    Under high contrast the palette's own text colour is used instead: the outline must never
    fight the user's chosen colours.
    """
    if is_high_contrast(palette):
        return palette.color(QPalette.ColorRole.WindowText)
    dark_window = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark_window else QColor("#b3261e")


class _DangerStyler(QObject):
    """Re-renders its parent's danger style when the palette changes (high contrast on/off).

    It listens to the application's ``paletteChanged`` (child widgets with a style sheet are not
    always sent palette events) and, being the widget's child, disconnects when it goes.
    """

    def refresh(self, *_args: object) -> None:
        """Work the colour out again for the current palette."""
        widget = self.parent()
        if isinstance(widget, QWidget):
            _render_danger(widget)


def _render_danger(widget: QWidget) -> None:
    template = widget.property("dangerTemplate")
    if not isinstance(template, str):
        return
    app = QApplication.instance()
    palette = app.palette() if isinstance(app, QApplication) else widget.palette()
    sheet = template.replace("{red}", danger_colour(palette).name())
    if widget.styleSheet() != sheet:  # no loop: only a real change restyles
        widget.setStyleSheet(sheet)


def style_danger(widget: QWidget, template: str) -> None:
    """Give ``widget`` the style sheet ``template`` with ``{red}`` as the danger colour.

    The colour follows the palette: red normally, the text colour under high contrast, and it
    is worked out again whenever the palette changes.
    """
    widget.setProperty("dangerTemplate", template)
    styler = widget.findChild(_DangerStyler, "dangerStyler")
    app = QApplication.instance()
    if styler is None:
        styler = _DangerStyler(widget)
        styler.setObjectName("dangerStyler")
        if isinstance(app, QApplication):
            app.paletteChanged.connect(styler.refresh)
    _render_danger(widget)


def contacts_now(pack: Pack, now: datetime) -> list[ContactAdvice]:
    """Return whom to call now, in order, from the core's contact logic."""
    from thresholds_app.core.contacts import who_to_call

    return list(who_to_call(pack, now, emergency=True))


class EmergencyDialog(QDialog):
    """Large-print list of whom to call: 999 first, then the right team for the time of day."""

    def __init__(
        self,
        pack: Pack,
        clock: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("emergencyDialog")
        self.setWindowTitle(self.tr("A child is in immediate danger"))
        self.setAccessibleName(self.tr("A child is in immediate danger: who to call"))
        self.setModal(False)
        self.setMinimumWidth(560)
        self._pack = pack
        self._clock = clock
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)

        layout.addWidget(big_text(self.tr("A child is in immediate danger"), 1.6))

        self.steps = QVBoxLayout()
        self.steps.setSpacing(12)
        layout.addLayout(self.steps)

        advice = QLabel(
            self.tr(
                "Stay with the child if it is safe to do so. Do not investigate or question the "
                "child further. Write down what you saw and heard, and what you did, as soon as "
                "you can."
            )
        )
        advice.setWordWrap(True)
        layout.addWidget(advice)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the emergency contacts"))
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Rebuild the call list for the current time (the MASH may have closed meanwhile)."""
        clear_layout(self.steps)
        self.call_labels: list[QLabel] = []
        advice = contacts_now(self._pack, self._clock())
        first = [a for a in advice if a.id == EMERGENCY_ID]
        rest = [a for a in advice if a.id != EMERGENCY_ID]
        ordered: Sequence[ContactAdvice] = first + rest
        for number, contact in enumerate(ordered, start=1):
            self.steps.addWidget(self._call_card(number, contact, emphasis=number == 1))

    def _call_card(self, number: int, advice: ContactAdvice, *, emphasis: bool) -> QFrame:
        card = QFrame()
        card.setObjectName("callCard")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        if emphasis:
            style_danger(card, "#callCard { border: 2px solid {red}; border-radius: 8px; }")
        box = QVBoxLayout(card)
        box.setContentsMargins(18, 12, 18, 12)
        verb = self.tr("Call") if number == 1 else self.tr("Then call")
        title = big_text(f"{number}. {verb} {advice.name}", 1.2)
        phone = big_text(advice.phone, 2.4 if emphasis else 1.9)
        phone.setWordWrap(False)
        phone.setObjectName(f"phone-{advice.id}")
        phone.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        phone.setAccessibleName(f"{advice.name}: {advice.phone}")
        why = plain_label(advice.why)
        box.addWidget(title)
        box.addWidget(phone)
        box.addWidget(why)
        self.call_labels.append(phone)
        return card

    def phone_numbers(self) -> list[str]:
        """The numbers shown, top to bottom (for tests and screen readers)."""
        return [label.text() for label in self.call_labels]
