"""A focused button never looks like the default (primary) one, in light, dark and high contrast.

QA item 24: "Save PDF…" (the primary button, the highlight's fill) and the focused button looked
identical, because a focused button that Enter presses is also ":default" and the stylesheet
gave it the same fill. The colours are read from the buttons as drawn with the app's real
stylesheet and palette, and compared with WCAG's 3:1 for non-text contrast.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget
from test_look import _dark_palette

from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.assessment.widgets import enter_presses_buttons
from thresholds_app.ui.contrast import NON_TEXT_CONTRAST, TEXT_CONTRAST, ratio
from thresholds_app.ui.settings import AppSettings


def _rgb(colour: QColor) -> tuple[int, int, int]:
    return (colour.red(), colour.green(), colour.blue())


def _fill_and_edge(button: QPushButton) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """The button's fill (inside its border, beside the text) and its outermost edge."""
    image = button.grab().toImage()
    middle = image.height() // 2
    fill = image.pixelColor(5, middle)  # inside a 3 px ring, left of the text's padding
    edge = image.pixelColor(1, middle)
    return _rgb(fill), _rgb(edge)


@pytest.mark.parametrize("scheme", ["light", "dark", "high contrast"])
def test_the_focused_button_is_unlike_the_primary_one(qtbot, qapp, tmp_path: Path, restore, scheme):
    if scheme == "dark":
        qapp.setPalette(_dark_palette())
    look = Appearance(qapp, AppSettings(tmp_path / "s.ini"))
    look.set_contrast_mode("on" if scheme == "high contrast" else "off")
    row = QWidget()
    qtbot.addWidget(row)
    layout = QHBoxLayout(row)
    save_pdf = QPushButton("Save PDF…")
    save_pdf.setProperty("role", "primary")  # as the rationale step's
    copy = QPushButton("Copy as text")
    other = QPushButton("Print…")
    for button in (save_pdf, copy, other):
        layout.addWidget(button)
    enter_presses_buttons(row)  # as every page does: the focused button becomes ":default"
    row.show()
    qtbot.waitExposed(row)
    palette = qapp.palette()
    window = _rgb(palette.color(QPalette.ColorRole.Window))

    other.setFocus()
    qtbot.waitUntil(other.hasFocus)
    primary_fill, primary_edge = _fill_and_edge(save_pdf)
    plain_fill, _ = _fill_and_edge(copy)
    copy.setFocus()
    qtbot.waitUntil(copy.hasFocus)
    qtbot.wait(10)
    focused_fill, focused_edge = _fill_and_edge(copy)

    # The focused button does not take the primary's fill (it did: QA item 24). Its fill is the
    # field colour: 4.5:1 and more from the primary's in light and high contrast, 2.6:1 in the
    # dark palette, whose highlight is tuned dark enough for white words on it.
    assert ratio(focused_fill, primary_fill) >= 2.5, (focused_fill, primary_fill)
    # and in its fill or its edge it is unlike the primary by as much as a control's border
    # must stand out (WCAG 1.4.11)
    unlike = max(ratio(focused_fill, primary_fill), ratio(focused_edge, primary_edge))
    assert unlike >= NON_TEXT_CONTRAST, (focused_fill, focused_edge, primary_fill, primary_edge)
    # its ring stands out from the window round it, and from its own fill
    assert ratio(focused_edge, window) >= NON_TEXT_CONTRAST, (focused_edge, window)
    assert ratio(focused_edge, focused_fill) >= NON_TEXT_CONTRAST
    assert focused_edge != _fill_and_edge(other)[1]  # and focus changed the look
    # its words stay readable on the focus fill
    text = _rgb(copy.palette().color(QPalette.ColorRole.Text))
    assert ratio(text, focused_fill) >= TEXT_CONTRAST
    # the primary button focused: the same focus look, not the primary fill
    save_pdf.setFocus()
    qtbot.waitUntil(save_pdf.hasFocus)
    qtbot.wait(10)
    assert _fill_and_edge(save_pdf) == (focused_fill, focused_edge)
    assert plain_fill != primary_fill
