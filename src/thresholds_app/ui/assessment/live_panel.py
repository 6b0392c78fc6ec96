"""The panel that stays in view: what the guidance indicates, why, what would change it, gaps.

It only shows the engine's :class:`Assessment`; it never works anything out. The wording is
deliberately "The guidance indicates…", never "the level is" (hazard H01: automation bias).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from thresholds_app.core.assessment import Assessment
from thresholds_app.core.model import Pack
from thresholds_app.ui.assessment.widgets import heading, muted_label, scaled_font
from thresholds_app.ui.emergency import danger_colour

ANSWER_WORDS = {"yes": "yes", "no": "no", "not-known": "not known", None: "unanswered"}


def indicated_words(pack: Pack, level: int | None) -> str:
    """'Level 3: Targeted early help' or 'Not enough information yet'."""
    if level is None:
        return "Not enough information yet"
    found = pack.levels.get(level)
    return f"Level {level}: {found.name}" if found else f"Level {level}"


def _items(lines: list[str]) -> str:
    return "".join(f"<li>{line}</li>" for line in lines)


class LivePanel(QScrollArea):
    """Read-only view of the latest assessment, rebuilt (cheaply) after every answer."""

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.setObjectName("livePanel")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(320)
        self.setAccessibleName(self.tr("What the guidance indicates"))
        body = QWidget()
        body.setObjectName("livePanelBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(20, 20, 20, 20)
        column.setSpacing(10)
        column.addWidget(muted_label(self.tr("The guidance indicates")))
        self.level_label = QLabel()
        self.level_label.setObjectName("indicatedLevel")
        self.level_label.setTextFormat(Qt.TextFormat.PlainText)
        self.level_label.setWordWrap(True)
        self.level_label.setFont(scaled_font(self.font(), 1.5, bold=True))
        self.level_label.setAccessibleName(self.tr("The level the guidance indicates"))
        column.addWidget(self.level_label)
        self.emergency_label = QLabel()
        self.emergency_label.setObjectName("emergencyBanner")
        self.emergency_label.setWordWrap(True)
        self.emergency_label.setTextFormat(Qt.TextFormat.PlainText)
        red = danger_colour(self.palette()).name()
        self.emergency_label.setStyleSheet(
            f"#emergencyBanner {{ border: 2px solid {red}; border-radius: 6px; padding: 8px;"
            " font-weight: bold; }"
        )
        column.addWidget(self.emergency_label)
        self.note = muted_label(
            self.tr("This supports your judgement. You record your own decision in step 5.")
        )
        column.addWidget(self.note)
        self.sections: dict[str, QLabel] = {}
        self._headings: dict[str, QLabel] = {}
        for key, title in (
            ("why", self.tr("Why")),
            ("change", self.tr("What would change it")),
            ("gaps", self.tr("Gaps and unanswered questions")),
            ("warnings", self.tr("Warnings")),
            ("next", self.tr("Next steps the guidance suggests")),
        ):
            section_heading = heading(title, 3)
            label = QLabel()
            label.setObjectName(f"live-{key}")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setWordWrap(True)
            label.setAccessibleName(title)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(section_heading)
            column.addWidget(label)
            self.sections[key] = label
            self._headings[key] = section_heading
        column.addStretch(1)
        self.setWidget(body)
        self.setStyleSheet("#livePanelBody { background: palette(alternate-base); }")

    def show_assessment(self, a: Assessment) -> None:
        """Show ``a``; every pack and answer text is escaped (it is plain text)."""
        self.level_label.setText(indicated_words(self.pack, a.indicated_level))
        self.emergency_label.setVisible(a.emergency)
        self.emergency_label.setText(
            self.tr("Immediate danger: call 999 now, then the MASH or the out-of-hours team (F9).")
        )
        why = []
        for reason in a.reasons:
            level = f" (Level {reason.level})" if reason.level else ""
            answers = "".join(
                f"<br>&nbsp;&nbsp;– {html.escape(ref.text)}: {ANSWER_WORDS.get(ref.answer, '')}"
                for ref in reason.answers[:4]
            )
            more = len(reason.answers) - 4
            extra = f"<br>&nbsp;&nbsp;… and {more} more" if more > 0 else ""
            why.append(f"<b>{html.escape(reason.label)}</b>{level}{answers}{extra}")
        if a.strengths:
            why.append(
                "What is going well: " + "; ".join(html.escape(s.text) for s in a.strengths[:3])
            )
        change = [
            f"{html.escape(c.text)}: “{ANSWER_WORDS.get(c.answer, c.answer)}” would "
            f"{'raise' if c.direction == 'raise' else 'lower'} it to "
            f"{html.escape(indicated_words(self.pack, c.new_level))}"
            for c in a.what_would_change[:6]
        ]
        gaps = [f"Missing: {html.escape(m.text)}" for m in a.missing] + [
            f"Not known: {html.escape(g.text)}" for g in a.gaps
        ]
        self._fill("why", why, self.tr("No rule has fired yet. Answer the questions to begin."))
        self._fill("change", change, self.tr("Nothing to show yet."))
        self._fill("gaps", gaps, self.tr("No gaps."))
        self._fill("warnings", [html.escape(w) for w in a.warnings], "")
        self._fill("next", [html.escape(s) for s in a.next_steps], "")

    def _fill(self, key: str, lines: list[str], empty: str) -> None:
        label = self.sections[key]
        section_heading = self._headings[key]
        visible = bool(lines or empty)
        label.setVisible(visible)
        section_heading.setVisible(visible)
        if lines:
            label.setText(f"<ul style='margin-left:-20px'>{_items(lines)}</ul>")
        else:
            label.setText(f"<i>{html.escape(empty)}</i>")

    def text(self) -> str:
        """Everything the panel shows, as plain text (tests and screen-reader checks)."""
        parts = [self.level_label.text()]
        if self.emergency_label.isVisibleTo(self):
            parts.append(self.emergency_label.text())
        parts += [label.text() for label in self.sections.values()]
        return "\n".join(parts)
