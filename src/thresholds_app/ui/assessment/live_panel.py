"""The panel that stays in view: what the guidance indicates, why, what would change it, gaps.

It only shows the engine's :class:`Assessment`; it never works anything out. The wording is
deliberately "The guidance indicates…", never "the level is" (hazard H01: automation bias).
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.base.wording import answer_words, level_label
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import guidance_headline, statutory_not_known_words
from thresholds_app.core.report.sections import reasons_to_show
from thresholds_app.core.rules.assessment import Assessment, Reason
from thresholds_app.core.rules.changes import change_effect
from thresholds_app.core.rules.engine import DANGER_NOT_KNOWN_WARNING
from thresholds_app.ui.assessment.widgets import big_text, muted_label
from thresholds_app.ui.danger_style import style_danger

WHY_LINES = 6  # at a glance: the strongest concerns, then "and N more"
DETAILS_MIN_LINES = 5  # the details always show a few lines, scrolling on their own


def why_lines(reasons: Sequence[Reason]) -> list[str]:
    """One line per concern behind the level, strongest first (HTML, every text escaped).

    A rule that fired without a concern answered yes or not known (such as "nothing above
    Level 1") gives its own label as the line.
    """
    lines: list[tuple[int, str]] = []
    seen: set[str] = set()
    for reason in reasons:
        if reason.level is None:
            continue
        shown = [r for r in reason.answers if r.answer in ("yes", "not-known")]
        if not shown:
            label = html.escape(reason.label)
            lines.append((reason.level, f"<b>{level_label(reason.level)}</b> · {label}"))
        for ref in shown:
            if ref.id in seen:
                continue
            seen.add(ref.id)
            level = ref.level if ref.level is not None else reason.level
            unknown = " <i>(not known)</i>" if ref.answer == "not-known" else ""
            text = html.escape(ref.text)
            lines.append((level, f"<b>{level_label(level)}</b> · {text}{unknown}"))
    lines.sort(key=lambda line: -line[0])  # stable: the engine's order within a level
    out = [text for _level, text in lines[:WHY_LINES]]
    if len(lines) > WHY_LINES:
        out.append(f"<i>and {len(lines) - WHY_LINES} more</i>")
    return out


def _items(lines: list[str]) -> str:
    return "".join(f"<li style='margin-bottom:6px'>{line}</li>" for line in lines)


class LivePanel(QWidget):
    """Read-only view of the latest assessment, rebuilt (cheaply) after every answer.

    The sections live in one :class:`QTextBrowser` document: re-laying one document is far
    cheaper than re-measuring many word-wrapped labels, which keeps an update under 50 ms.
    """

    SECTIONS = ("why", "change", "gaps", "warnings", "next")
    MIN_WIDTH = 280

    def __init__(self, pack: Pack) -> None:
        super().__init__()
        self.pack = pack
        self.setObjectName("livePanel")
        self.setMinimumWidth(self.MIN_WIDTH)
        self.setAccessibleName(self.tr("What the guidance indicates"))
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        # The panel scrolls as a whole only when it is shorter than the level, the note and a
        # few lines of details (200% text on a 720-pixel screen cut the level's name off);
        # otherwise the details scroll on their own and the level stays at the top.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.panel_scroll = QScrollArea()
        self.panel_scroll.setObjectName("liveScroll")
        self.panel_scroll.setWidgetResizable(True)
        self.panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the details
        outer.addWidget(self.panel_scroll)
        body = QWidget()
        body.setObjectName("liveBody")
        self.panel_scroll.setWidget(body)
        self.panel_scroll.viewport().setAutoFillBackground(False)
        body.setAutoFillBackground(False)
        column = QVBoxLayout(body)
        column.setContentsMargins(20, 20, 12, 12)
        column.setSpacing(8)
        column.addWidget(muted_label(self.tr("The guidance indicates")))
        self.level_label = big_text("", 1.3)
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
        self.banner_words = {
            "emergency": self.tr(
                "Immediate danger: call 999 now, then the MASH or the out-of-hours team (F9)."
            ),
            "not-known": self.tr(
                "Not known if the child is safe: find out now. Any chance of danger: call 999; "
                "if not, the MASH today (F9)."
            ),
        }
        self.emergency_label.setText(self.banner_words["emergency"])
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
        column.addWidget(self.details, 1)
        self._fit_details()
        app = QApplication.instance()
        if isinstance(app, QApplication):  # under a style sheet font changes come from the app
            app.fontChanged.connect(self._fit_details)
        self.titles = {
            "why": self.tr("Why"),
            "change": self.tr("What would change it"),
            "gaps": self.tr("Gaps and unanswered questions"),
            "warnings": self.tr("Also check"),
            "next": self.tr("Next steps the guidance suggests"),
        }
        self.section_html: dict[str, str] = {}

    def _fit_details(self, *_args: object) -> None:
        lines = QFontMetrics(QApplication.font()).lineSpacing() * DETAILS_MIN_LINES
        self.details.setMinimumHeight(lines)

    def show_assessment(self, a: Assessment) -> None:
        """Show ``a``; every pack and answer text is escaped (it is plain text)."""
        # A possible danger (immediate danger not known) is as prominent as an emergency, and
        # so is a Level 4 concern not known while the guidance indicates less.
        alarm = self._alarm(a)
        if alarm:
            self.emergency_label.setText(alarm)
        if self.emergency_label.isHidden() == bool(alarm):
            self.emergency_label.setVisible(bool(alarm))
        # Core decides: after the pack's expiry the level is withheld (hazard H03; 999 still
        # shows), and until enough is answered no level is shown as one to rely on.
        self.level_label.setText(guidance_headline(self.pack, a))
        self.note.setText(a.pack_notice or self.default_note)
        if a.level_withheld:
            self.details.setHtml("")
            return
        reasons = reasons_to_show(self.pack, a)
        why = why_lines(reasons)
        noted = [html.escape(r.label) for r in reasons if r.level is None]
        if a.strengths:
            why.append(
                "What is going well: " + "; ".join(html.escape(s.text) for s in a.strengths[:3])
            )
        change = [
            f"Answering <b>{answer_words(c.answer)}</b> to “"
            f"{html.escape(c.text.rstrip('.'))}” would {html.escape(change_effect(self.pack, c))}"
            for c in a.what_would_change[:4]
        ]
        if len(a.what_would_change) > 4:
            change.append(f"<i>and {len(a.what_would_change) - 4} more</i>")
        # Core's list of what to answer next includes every mandatory question left open.
        gaps = [f"Still to answer: {html.escape(t)}" for t in a.to_answer_next]
        gaps += [f"Not known: {html.escape(g.gap_words())}" for g in a.gaps]
        self._fill(
            "why",
            why,
            self.tr("Nothing answered so far points to a level."),
        )
        self._fill("change", change, self.tr("Nothing to show yet."))
        self._fill("gaps", gaps, self.tr("No gaps."))
        warnings = [
            w for w in a.warnings if not (a.danger_not_known and w == DANGER_NOT_KNOWN_WARNING)
        ]
        self._fill("warnings", noted + [html.escape(w) for w in warnings], "")
        self._fill("next", [html.escape(s) for s in a.next_steps], "")

    def _alarm(self, a: Assessment) -> str:
        """The red box's words for ``a``, or "" when there is nothing to raise."""
        if a.emergency:
            return self.banner_words["emergency"]
        if a.danger_not_known:
            return self.banner_words["not-known"]
        return statutory_not_known_words(self.pack, a)

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
