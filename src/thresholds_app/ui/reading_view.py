"""Views of guidance text: calm headings, and dialogs sized in the current text's lines.

Qt's rich text makes ``<h1>`` twice the body text and ``<h2>`` one and a half times, so a
section's heading in the guidance browser was larger than the screen's own heading, and at 150%
text took a third of the view. Here headings step up gently (CSS keywords, so they follow the
text size as it changes). Dialogs of text were a fixed 560x440, which at 150% text showed 45
characters a line: they are sized in characters and lines of their text, within the screen.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTextBrowser, QWidget

# x-large is 1.5 times the body text, large 1.2 (Qt's own are 2, 1.5 and 1.2)
HEADINGS_CSS = "h1 { font-size: x-large; } h2 { font-size: large; } h3, h4 { font-size: medium; }"
LINE_CHARACTERS = 72  # a readable line, in average characters
DIALOG_LINES = 20


def reading_view(name: str, html: str = "") -> QTextBrowser:
    """A read-only view of guidance HTML with calm headings; links are the caller's to follow."""
    view = QTextBrowser()
    view.setOpenLinks(False)
    view.setAccessibleName(name)
    view.document().setDefaultStyleSheet(HEADINGS_CSS)
    if html:
        view.setHtml(html)
    return view


def size_to_text(view: QTextBrowser, window: QWidget) -> None:
    """Give ``view`` room for a readable line and a screenful of lines of its current text."""
    metrics = view.fontMetrics()
    room = window.screen().availableGeometry()
    view.setMinimumSize(
        min(metrics.averageCharWidth() * LINE_CHARACTERS, int(room.width() * 0.85)),
        min(metrics.lineSpacing() * DIALOG_LINES, int(room.height() * 0.7)),
    )
