"""The "A child is in immediate danger" screen: 999 first, then the MASH or the out-of-hours team.

Reachable from every screen with one key (:data:`EMERGENCY_SHORTCUT`) or the red-outlined button
in the main window's top bar. Whom to call after 999 is worked out by the core
(:func:`thresholds_app.core.rules.contacts.who_to_call`) from the current time; this module only
shows it, in large, selectable text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.assessment.widgets import big_text, clear_layout, plain_label
from thresholds_app.ui.danger_style import EMERGENCY_SHORTCUT, style_danger

if TYPE_CHECKING:
    from thresholds_app.core.rules.assessment import ContactAdvice

__all__ = ["EMERGENCY_SHORTCUT", "EmergencyDialog", "contacts_now"]


def contacts_now(pack: Pack, now: datetime) -> list[ContactAdvice]:
    """Return whom to call now, in order, from the core's contact logic."""
    from thresholds_app.core.rules.contacts import who_to_call

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
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 24)
        outer.setSpacing(12)
        # Whom to call scrolls when it is taller than the screen (200% text on a 1280 x 720
        # screen): squeezed into the room left, the second number was drawn over its own
        # heading. Close stays below it, always on screen.
        self.content = QWidget()
        self.content.setObjectName("emergencyContent")
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(32, 28, 32, 0)
        layout.setSpacing(16)
        self.calls_area = QScrollArea()
        self.calls_area.setProperty("readingRegion", True)  # Tab reaches it; the arrow keys scroll
        self.calls_area.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.calls_area.setAccessibleName(self.tr("Whom to call"))
        self.calls_area.setWidgetResizable(True)
        self.calls_area.setFrameShape(QFrame.Shape.NoFrame)
        self.calls_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.calls_area.setWidget(self.content)
        outer.addWidget(self.calls_area, 1)

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
        buttons.setContentsMargins(32, 0, 32, 0)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the emergency contacts"))
        outer.addWidget(buttons)
        self._buttons = buttons
        self.refresh()

    def show_above_everything(self) -> None:
        """Show (or refresh) the dialog where it can be used now, even over a modal dialog.

        A window blocked by a modal dialog cannot be clicked or read by a screen reader, so
        when another dialog is modal this one becomes application-modal itself and sits on
        top; otherwise it stays non-modal beside the work.
        """
        from PySide6.QtWidgets import QApplication

        blocking = QApplication.activeModalWidget()
        over_modal = blocking is not None and blocking is not self
        wanted = Qt.WindowModality.ApplicationModal if over_modal else Qt.WindowModality.NonModal
        if self.isVisible() and blocking is not self and self.windowModality() != wanted:
            self.hide()  # modality can change only while hidden
        if not self.isVisible():
            self.setWindowModality(wanted)
        self.refresh()
        self.show()
        self.raise_()
        self.activateWindow()

    def refresh(self) -> None:
        """Rebuild the call list for the current time (the MASH may have closed meanwhile)."""
        clear_layout(self.steps)
        self.call_labels: list[QLabel] = []
        advice = contacts_now(self._pack, self._clock())
        emergency = self._pack.roles.emergency_contact
        first = [a for a in advice if a.id == emergency]
        rest = [a for a in advice if a.id != emergency]
        ordered: Sequence[ContactAdvice] = first + rest
        calls = [a for a in ordered if a.call_now]
        for number, contact in enumerate(calls, start=1):
            self.steps.addWidget(self._call_card(number, contact, emphasis=number == 1))
        for later in (a for a in ordered if not a.call_now):  # one compact line each
            line = plain_label(f"{later.why}: {later.name}, {later.phone_text}")
            line.setObjectName(f"later-{later.id}")
            self.steps.addWidget(line)
        self._fit()

    def _fit(self) -> None:
        """Be tall enough for every line at the current text size (nothing cut off).

        A window's layout does not grow it for wrapped text by itself; on a small screen with
        large text the dialog widens first, so that it still fits the screen's height, and what
        is still too tall scrolls (each card keeps its height).
        """
        layout = self.content.layout()
        if layout is None:
            return
        layout.activate()
        room = self.screen().availableGeometry()
        below = self._buttons.sizeHint().height() + 12 + 24 + 8  # Close, spacing, margin, slack
        bar = self.calls_area.verticalScrollBar().sizeHint().width()

        def needed(width: int) -> int:
            # as if the scroll bar showed: a few pixels short, it does, and the text rewraps
            return layout.totalHeightForWidth(width - bar) + below

        width = max(self.width(), self.minimumWidth())
        while needed(width) > room.height() - 60 and width < room.width() - 80:
            width = min(width + 120, room.width() - 80)
        height = min(needed(width), room.height() - 40)  # beyond that, the calls scroll
        self.setMinimumHeight(height)
        self.resize(width, height)

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the text size in force now (it may have changed since the dialog was built).

        The focus starts on Close, as it did before the calls could scroll: Enter or Escape
        closes, and Tab goes back to the calls.
        """
        super().showEvent(event)
        self._fit()
        close = self._buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setFocus()

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
        phone.setAccessibleName(f"{advice.name}: {advice.phone_text}")
        rule = "" if advice.time_rule == "Open now" else advice.time_rule  # why this line now
        why = plain_label(advice.why + (f" ({rule})" if rule else ""))
        box.addWidget(title)
        box.addWidget(phone)
        if advice.set_by_organisation:  # the number alone stays big and easy to copy
            mark = plain_label(self.tr("This number was set by your organisation."))
            mark.setObjectName(f"phone-mark-{advice.id}")
            box.addWidget(mark)
        box.addWidget(why)
        self.call_labels.append(phone)
        return card

    def phone_numbers(self) -> list[str]:
        """The numbers shown, top to bottom (for tests and screen readers)."""
        return [label.text() for label in self.call_labels]
