"""The start screen: what the practitioner can do, and which guidance the app is using.

Each choice is a large command-link button with a one-line description. The active pack's
title, version, dates and provenance are always shown here (hazard H03: out-of-date guidance
must be visible, not hidden in an About box).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QGridLayout,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.pack.dates import pack_dates
from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.assessment.widgets import card_frame, heading, muted_label, plain_label

STATUS_WORDS = {
    "confirmed": "confirmed",
    "partly-confirmed": "partly confirmed",
    "regional-pattern": "regional pattern",
    "invented": "invented (training)",
}


def pack_status_words(pack: Pack) -> str:
    """Say in one sentence how much of the pack is checked against the partnership's document."""
    parts = [p for name, p in pack.manifest.parts.items() if name != "scenarios"]
    confirmed = sum(p.status == "confirmed" for p in parts)
    if parts and confirmed == len(parts):
        return "Every part is confirmed against the partnership's published guidance."
    return (
        f"{confirmed} of {len(parts)} parts confirmed against the partnership's own publication; "
        "the rest follows the regional pattern and is not yet validated locally."
    )


def review_warning(pack: Pack, today: date) -> str:
    """The pack's review or expiry warning on ``today`` (core decides), or ''."""
    return pack_dates(pack.manifest, today).message


class StartPage(QWidget):
    """The first screen.

    Signals:
        action_requested(str): one of "new", "review", "open", "mash", "training", "guidance".
    """

    action_requested = Signal(str)

    def __init__(
        self, pack: Pack, *, clock: Callable[[], datetime], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("startPage")
        self.setAccessibleName(self.tr("Start screen"))
        self.pack = pack
        self.buttons: dict[str, QCommandLinkButton] = {}

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
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
                "Open a referral's case file to read its rationale and add a reviewer's notes.")),
            ("guidance", self.tr("Browse the guidance"), self.tr(
                "Levels, indicators, special pathways, consent, stepping and contacts.")),
            ("training", self.tr("Training scenarios"), self.tr(
                "Practise on invented cases and compare with the expected answer.")),
        ]  # fmt: skip
        for index, (key, title, description) in enumerate(choices):
            button = QCommandLinkButton(title, description)
            button.setObjectName(f"start-{key}")
            button.setAccessibleName(title)
            button.setAccessibleDescription(description)
            button.setMinimumHeight(76)
            button.clicked.connect(lambda _c=False, k=key: self.action_requested.emit(k))
            self.buttons[key] = button
            grid.addWidget(button, index // 2, index % 2)
        self.buttons["new"].setDefault(True)
        column.addLayout(grid)
        column.addWidget(self._pack_panel(clock().date()))
        column.addStretch(1)
        self.update_availability(lambda _key: False)

    def update_availability(self, has_page: Callable[[str], bool]) -> None:
        """Enable the buttons whose screens exist (other screens are added by key)."""
        for key in ("review", "guidance"):
            available = has_page(key)
            button = self.buttons[key]
            button.setEnabled(available)
            button.setToolTip("" if available else self.tr("Not available in this build yet."))

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
        self.status_label = plain_label(self.tr("Status: ") + pack_status_words(self.pack))
        self.status_label.setObjectName("packStatus")
        layout.addWidget(self.status_label)
        warning = review_warning(self.pack, today)
        self.review_label = plain_label(warning)
        self.review_label.setVisible(bool(warning))
        self.review_label.setProperty("role", "warning")
        layout.addWidget(self.review_label)
        return panel
