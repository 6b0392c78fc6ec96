"""The start screen: what the practitioner can do, and which guidance the app is using.

Each choice is a large button with a title and a one-line description, both of which grow with
the text size (Qt's command-link button fixes its text at 9 pt). The active pack's
title, version, dates and provenance are always shown here (hazard H03: out-of-date guidance
must be visible, not hidden in an About box).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.pack.dates import pack_dates
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.provenance import provenance_summary
from thresholds_app.ui.assessment.widgets import (
    big_text,
    card_frame,
    heading,
    muted_label,
    plain_label,
)


def review_warning(pack: Pack, today: date) -> str:
    """The pack's review or expiry warning on ``today`` (core decides), or ''."""
    return pack_dates(pack.manifest, today).message


class ChoiceButton(QPushButton):
    """A start-screen choice: a bold title over a description, as one large button.

    The two texts are labels inside the button; a plain label with no text interaction passes
    clicks on to its parent, so the whole card is one click target.
    """

    def __init__(self, title: str, description: str) -> None:
        super().__init__()
        self.setProperty("role", "choice")
        self.setAutoDefault(True)  # Enter chooses the focused choice (Qt does so only in dialogs)
        self.setAccessibleName(title)
        self.setAccessibleDescription(description)
        column = QVBoxLayout(self)
        column.setContentsMargins(18, 12, 18, 14)
        column.setSpacing(4)
        self.title = big_text(title, 1.15)
        self.description = plain_label(description)
        column.addWidget(self.title)
        column.addWidget(self.description)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def text(self) -> str:
        """The choice's title (as a command-link button's ``text()`` was)."""
        return self.title.text()

    def sizeHint(self):  # type: ignore[no-untyped-def]
        """As tall as the title and description need (a push button sizes to its own text)."""
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def minimumSizeHint(self):  # type: ignore[no-untyped-def]
        """Never narrower than the title's longest word, never shorter than the texts."""
        layout = self.layout()
        return layout.minimumSize() if layout is not None else super().minimumSizeHint()

    def hasHeightForWidth(self) -> bool:
        """The description wraps, so the height follows the width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """The height the wrapped texts need at ``width``."""
        layout = self.layout()
        return layout.totalHeightForWidth(width) if layout is not None else -1


class StartPage(QWidget):
    """The first screen.

    Signals:
        action_requested(str): one of "continue", "new", "review", "open", "mash", "training",
            "guidance".
    """

    action_requested = Signal(str)

    def __init__(
        self, pack: Pack, *, clock: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setAccessibleName(self.tr("Start screen"))
        self.pack = pack
        self.buttons: dict[str, ChoiceButton] = {}

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # it takes the focus so the arrow keys scroll it; app.qss draws its ring
        scroll.setProperty("readingRegion", True)
        scroll.setAccessibleName(self.tr("The start screen (the arrow keys scroll it)"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        body = QWidget()
        scroll.setWidget(body)
        column = QVBoxLayout(body)
        column.setContentsMargins(48, 36, 48, 36)
        column.setSpacing(20)

        column.addWidget(heading(self.tr("What would you like to do?"), 1))
        column.addWidget(
            muted_label(
                self.tr(
                    "This app walks you through the Right Help, Right Time guidance. It supports "
                    "your professional judgement; it never replaces it. If a child is in "
                    "immediate danger, press F9 or the red button at any time."
                )
            )
        )
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        choices = [
            ("new", self.tr("New assessment"), self.tr(
                "Work through a worry about a child: the level the guidance indicates, consent, "
                "who to contact and a rationale to save or print.")),
            ("review", self.tr("Step-up or step-down review"), self.tr(
                "A child already has support: review what has changed and whether the level of "
                "support should go up or down.")),
            ("open", self.tr("Open a case file"), self.tr(
                "Carry on with, or print, an assessment saved earlier.")),
            ("mash", self.tr("MASH review"), self.tr(
                "Check referrals' case files against the guidance and record the decision.")),
            ("guidance", self.tr("Browse the guidance"), self.tr(
                "Levels, indicators, special pathways, consent, stepping and contacts.")),
            ("training", self.tr("Training scenarios"), self.tr(
                "Practise on invented cases and compare with the expected answer.")),
        ]  # fmt: skip
        for index, (key, title, description) in enumerate(choices):
            button = ChoiceButton(title, description)
            button.setObjectName(f"start-{key}")
            button.clicked.connect(lambda _c=False, k=key: self.action_requested.emit(k))
            self.buttons[key] = button
            grid.addWidget(button, index // 2, index % 2)
        self.buttons["new"].setDefault(True)
        # Open work is one click away: shown only while an assessment is open.
        self.continue_button = ChoiceButton(
            self.tr("Continue the open assessment"),
            self.tr("Go back to the assessment you have open. Nothing has been cleared."),
        )
        self.continue_button.setObjectName("start-continue")
        self.continue_button.clicked.connect(lambda: self.action_requested.emit("continue"))
        self.continue_button.hide()
        self.buttons["continue"] = self.continue_button
        column.addWidget(self.continue_button)
        column.addLayout(grid)
        column.addWidget(self._pack_panel(clock().date()))
        column.addStretch(1)
        self._escape_lands_on_a_card()

    def _escape_lands_on_a_card(self) -> None:
        # After a menu or a dialog closes the focus can be left on nothing the user can see;
        # Escape on this screen brings it back to a card (one already focused keeps it).
        # (A key name, not Qt.Key: the Qt namespace costs start-up 30 ms; see qtprops.)
        from PySide6.QtGui import QKeySequence, QShortcut

        escape = QShortcut(QKeySequence("Escape"), self)  # the window's, while this is shown
        escape.activated.connect(self._escape)

    def _escape(self) -> None:
        from PySide6.QtWidgets import QApplication

        if QApplication.focusWidget() not in self.buttons.values():
            self.focus_main_choice()

    def show_open_work(self, assessment_open: bool) -> None:
        """Offer "Continue the open assessment" while one is open."""
        self.continue_button.setVisible(assessment_open)
        self.buttons["new"].setDefault(not assessment_open)
        self.continue_button.setDefault(assessment_open)

    def focus_main_choice(self) -> None:
        """Keyboard focus on the main choice (Continue when work is open).

        Not on the red button: F9 is always there.
        """
        key = "continue" if self.continue_button.isVisibleTo(self) else "new"
        self.buttons[key].setFocus()

    def _pack_panel(self, today: date) -> QWidget:
        m = self.pack.manifest
        panel = card_frame("packPanel")
        panel.setAccessibleName(self.tr("The guidance in use"))
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(6)
        top = QHBoxLayout()
        top.addWidget(heading(self.tr("Guidance in use"), 3))
        top.addStretch(1)
        layout.addLayout(top)
        if self.pack.partnership_name:  # set by the organisation (core/pack/local.py)
            partnership = plain_label(self.pack.partnership_name)
            partnership.setObjectName("partnershipName")
            partnership.setToolTip(self.tr("The partnership's name, as set by your organisation"))
            layout.addWidget(partnership)
        self.pack_title = plain_label(f"{m.title} · version {m.version}")
        self.pack_title.setObjectName("packTitle")
        layout.addWidget(self.pack_title)
        dates = muted_label(
            self.tr("In force from {start}; review by {review}; pack {id} ({hash})").format(
                start=m.effective_from, review=m.review_by, id=m.id,
                hash=self.pack.short_hash or "no hash",
            )
        )  # fmt: skip
        layout.addWidget(dates)
        self.status_label = plain_label(
            self.tr("Status: ") + provenance_summary(self.pack.manifest)
        )
        self.status_label.setObjectName("packStatus")
        layout.addWidget(self.status_label)
        warning = review_warning(self.pack, today)
        self.review_label = plain_label(warning)
        self.review_label.setVisible(bool(warning))
        self.review_label.setProperty("role", "warning")
        layout.addWidget(self.review_label)
        return panel
