"""The "A child is in immediate danger" screen: 999 first, then the MASH or the out-of-hours team.

Reachable from every screen with one key (:data:`EMERGENCY_SHORTCUT`) or the red-outlined button
in the main window's top bar. Whom to call after 999 is worked out by the core
(:func:`thresholds_app.core.contacts.who_to_call`) from the current time; this module only shows it,
in large, selectable text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.assessment import ContactAdvice
from thresholds_app.core.model import Pack
from thresholds_app.ui.assessment.widgets import clear_layout, plain_label
from thresholds_app.ui.assessment.widgets import scaled_font as _scaled

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


def danger_colour(palette: QPalette) -> QColor:
    """Return the red used for the danger outline, readable on ``palette``'s window colour.

    Under high contrast the palette's own text colour is used instead: the outline must never
    fight the user's chosen colours.
    """
    if high_contrast_requested():
        return palette.color(QPalette.ColorRole.WindowText)
    dark_window = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor("#ff8a80") if dark_window else QColor("#b3261e")


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

        heading = QLabel(self.tr("A child is in immediate danger"))
        heading.setFont(_scaled(self.font(), 1.6, bold=True))
        heading.setWordWrap(True)
        layout.addWidget(heading)

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
            card.setStyleSheet(
                f"#callCard {{ border: 2px solid {danger_colour(self.palette()).name()};"
                " border-radius: 8px; }"
            )
        box = QVBoxLayout(card)
        box.setContentsMargins(18, 12, 18, 12)
        verb = self.tr("Call") if number == 1 else self.tr("Then call")
        title = plain_label(f"{number}. {verb} {advice.name}")
        title.setFont(_scaled(self.font(), 1.2, bold=True))
        phone = plain_label(advice.phone, wrap=False)
        phone.setObjectName(f"phone-{advice.id}")
        phone.setFont(_scaled(self.font(), 2.4 if emphasis else 1.9, bold=True))
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
