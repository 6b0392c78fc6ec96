"""The step-up / step-down review's words and small parts.

The advice as the page shows it (words only, no rule), its cards, wrapping check boxes and the
handover checklist.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from thresholds_app.core.base.wording import level_label
from thresholds_app.core.rules.stepping import SteppingAdvice
from thresholds_app.ui.appearance import Heading
from thresholds_app.ui.assessment.widgets import card_frame, plain_label

DIRECTION_WORDS = {
    "step-up": "Consider stepping up",
    "step-down": "Consider stepping down",
    "stay": "Stay at the current level",
    "undecided": "Not decided yet: more answers are needed",
}
STEPPING = ("step-up", "step-down")  # the directions that come with a procedure and handover
NO_LEVEL_HTML = (
    "<h2>Not decided yet</h2><p>Choose the level the child is supported at now (under "
    "<b>Where things stand</b>), then record what has changed.</p>"
)


def advice_html(advice: SteppingAdvice) -> str:
    """The engine's stepping advice as HTML (every pack and user text escaped)."""
    indicated = advice.assessment.settled_level
    level_words = level_label(indicated) if indicated else "not yet clear (more answers needed)"
    verdict = DIRECTION_WORDS[advice.direction]
    if advice.direction in STEPPING and not advice.advised:
        verdict += " (not advised yet)"
    parts = [
        f"<h2>{escape(verdict)}</h2>",
        f"<p>Supported at {level_label(advice.current_level)}; the guidance now indicates "
        f"<b>{escape(level_words)}</b>.</p>",
    ]

    def listed(title: str, items: list[str], tag: str = "ul") -> None:
        if items:
            parts.append(f"<h3>{escape(title)}</h3><{tag}>")
            parts.extend(f"<li>{escape(item)}</li>" for item in items)
            parts.append(f"</{tag}>")

    if advice.direction == "undecided":
        needed = [m.text for m in advice.assessment.missing] + list(
            advice.assessment.to_answer_next
        )
        listed("Still to answer", list(dict.fromkeys(needed)))
    listed("New concerns since the last review", [r.text for r in advice.new_concerns])
    listed("Why not yet", list(advice.blockers))
    listed("Level 4 concerns not resolved", [r.text for r in advice.unresolved])
    if advice.direction in STEPPING:
        parts.append(f"<p>{escape(advice.summary)}</p>")
        parts.append(f"<p><b>Who decides:</b> {escape(advice.who_decides)}</p>")
        listed("Steps", list(advice.steps), "ol")
        listed("Timescales", [f"{t.what}: {t.when}" for t in advice.timescales])
    return "".join(parts)


def card(title: str) -> tuple[QWidget, QVBoxLayout]:
    """A titled card of the review page and its layout."""
    frame = card_frame("steppingCard")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 16)
    layout.setSpacing(10)
    layout.addWidget(Heading(title, 1.2))
    return frame, layout


def wrapping(box: QCheckBox) -> QWidget:
    """A check box whose long text wraps: a box with no text plus a buddy label."""
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(0, 0, 0, 0)
    text = box.text()
    box.setText("")
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setBuddy(box)
    label.mousePressEvent = lambda _e: box.toggle()  # type: ignore[method-assign]
    row.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    row.addWidget(label, 1)
    return holder


class HandoverChecklist(QWidget):
    """The pack's handover checklist for the advised step; ticks survive a refresh."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[QCheckBox] = []
        self._shown: list[str] | None = None

    def show_items(self, items: list[str]) -> None:
        """Show ``items`` (none: a note saying when the list appears), keeping ticks."""
        if items == self._shown:
            return
        self._shown = list(items)
        ticked = set(self.done())
        self.boxes = []
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        if not items:
            self._layout.addWidget(
                plain_label(self.tr("Shown when the guidance points to a step up or down."))
            )
        for text in items:
            box = QCheckBox(text)
            box.setAccessibleName(text)
            box.setChecked(text in ticked)
            self.boxes.append(box)
            self._layout.addWidget(wrapping(box))

    def done(self) -> list[str]:
        """The items ticked as done."""
        return [b.accessibleName() for b in self.boxes if b.isChecked()]
