"""The panel that stays in view: what the guidance indicates, why, what would change it, gaps.

It only shows the engine's :class:`Assessment`; it never works anything out. The wording is
deliberately "The guidance indicates…", never "the level is" (hazard H01: automation bias).
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QLabel, QTextBrowser, QVBoxLayout, QWidget

from thresholds_app.core.base.wording import answer_words, level_label
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import guidance_headline
from thresholds_app.core.report.sections import reasons_to_show
from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.ui.assessment.widgets import big_text, muted_label
from thresholds_app.ui.danger_style import style_danger


def _items(lines: list[str]) -> str:
    return "".join(f"<li style='margin-bottom:6px'>{line}</li>" for line in lines)


class LivePanel(QWidget):
    """Read-only view of the latest assessment, rebuilt (cheaply) after every answer.

    The sections live in one :class:`QTextBrowser` document: re-laying one document is far
    cheaper than re-measuring many word-wrapped labels, which keeps an update under 50 ms.
    """

    SECTIONS = ("why", "change", "gaps", "warnings", "next")

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.setObjectName("livePanel")
        self.setMinimumWidth(320)
        self.setAccessibleName(self.tr("What the guidance indicates"))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        column = QVBoxLayout(self)
        column.setContentsMargins(20, 20, 12, 12)
        column.setSpacing(8)
        column.addWidget(muted_label(self.tr("The guidance indicates")))
        self.level_label = big_text("", 1.5)
        self.level_label.setObjectName("indicatedLevel")
        self.level_label.setAccessibleName(self.tr("The level the guidance indicates"))
        column.addWidget(self.level_label)
        self.emergency_label = QLabel()
        self.emergency_label.setObjectName("emergencyBanner")
        self.emergency_label.setWordWrap(True)
        self.emergency_label.setTextFormat(Qt.TextFormat.PlainText)
        style_danger(
            self.emergency_label,
            "#emergencyBanner { border: 2px solid {red}; border-radius: 6px; padding: 8px;"
            " font-weight: bold; }",
        )
        self.emergency_label.setText(
            self.tr("Immediate danger: call 999 now, then the MASH or the out-of-hours team (F9).")
        )
        self.emergency_label.hide()
        column.addWidget(self.emergency_label)
        self.default_note = self.tr(
            "This supports your judgement. You record your own decision in step 5."
        )
        self.note = muted_label(self.default_note)
        column.addWidget(self.note)
        self.details = QTextBrowser()
        self.details.setObjectName("liveDetails")
        self.details.setFrameShape(QFrame.Shape.NoFrame)
        self.details.setOpenLinks(False)
        self.details.setTabChangesFocus(True)
        self.details.setAccessibleName(self.tr("Why, what would change it, and gaps"))
        self.details.viewport().setAutoFillBackground(False)
        self.details.setStyleSheet("QTextBrowser { background: transparent; }")
        column.addWidget(self.details, 1)
        self.titles = {
            "why": self.tr("Why"),
            "change": self.tr("What would change it"),
            "gaps": self.tr("Gaps and unanswered questions"),
            "warnings": self.tr("Also check"),
            "next": self.tr("Next steps the guidance suggests"),
        }
        self.section_html: dict[str, str] = {}

    def show_assessment(self, a: Assessment) -> None:
        """Show ``a``; every pack and answer text is escaped (it is plain text)."""
        if self.emergency_label.isHidden() == a.emergency:
            self.emergency_label.setVisible(a.emergency)
        # Core decides: after the pack's expiry the level is withheld (hazard H03; 999 still
        # shows), and until enough is answered no level is shown as one to rely on.
        self.level_label.setText(guidance_headline(self.pack, a))
        self.note.setText(a.pack_notice or self.default_note)
        if a.level_withheld:
            self.details.setHtml("")
            return
        why: list[str] = []
        noted: list[str] = []
        for reason in reasons_to_show(self.pack, a):
            if reason.level is None:
                noted.append(html.escape(reason.label))
                continue
            shown = [r for r in reason.answers if r.answer in ("yes", "not-known")][:3]
            answers = "".join(
                f"<br>{answer_words(ref.answer).capitalize()}: {html.escape(ref.text)}"
                for ref in shown
            )
            more = len(reason.answers) - len(shown)
            extra = f"<br><i>and {more} more answers</i>" if more > 0 and shown else ""
            level = level_label(reason.level)
            why.append(f"<b>{html.escape(reason.label)}</b> ({level}){answers}{extra}")
        if a.strengths:
            why.append(
                "What is going well: " + "; ".join(html.escape(s.text) for s in a.strengths[:3])
            )
        change = [
            f"Answering <b>{answer_words(c.answer)}</b> to “"
            f"{html.escape(c.text.rstrip('.'))}” would "
            f"{'raise' if c.direction == 'raise' else 'lower'} it to "
            f"{level_label(c.new_level)}"
            if c.new_level is not None
            else f"Answering <b>{answer_words(c.answer)}</b> to “"
            f"{html.escape(c.text.rstrip('.'))}” would leave too little information"
            for c in a.what_would_change[:4]
        ]
        if len(a.what_would_change) > 4:
            change.append(f"<i>and {len(a.what_would_change) - 4} more</i>")
        # Core's list of what to answer next includes every mandatory question left open.
        gaps = [f"Still to answer: {html.escape(t)}" for t in a.to_answer_next]
        gaps += [f"Not known: {html.escape(g.text)}" for g in a.gaps]
        self._fill("why", why, self.tr("No rule has fired yet. Answer the questions to begin."))
        self._fill("change", change, self.tr("Nothing to show yet."))
        self._fill("gaps", gaps, self.tr("No gaps."))
        self._fill("warnings", noted + [html.escape(w) for w in a.warnings], "")
        self._fill("next", [html.escape(s) for s in a.next_steps], "")

    def _fill(self, key: str, lines: list[str], empty: str) -> None:
        if lines:
            content = f"<ul style='margin-left:-24px'>{_items(lines)}</ul>"
        elif empty:
            content = f"<p><i>{html.escape(empty)}</i></p>"
        else:
            content = ""
        self.section_html[key] = (
            f"<h4 style='margin-top:12px'>{html.escape(self.titles[key])}</h4>{content}"
            if content
            else ""
        )
        if key == self.SECTIONS[-1]:
            self.details.setHtml("".join(self.section_html.get(k, "") for k in self.SECTIONS))

    def text(self) -> str:
        """Everything the panel shows, as plain text (tests and screen-reader checks)."""
        parts = [self.level_label.text()]
        if not self.emergency_label.isHidden():
            parts.append(self.emergency_label.text())
        parts.append(self.details.toPlainText())
        return "\n".join(parts)
