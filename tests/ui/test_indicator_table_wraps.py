"""The guidance browser's indicators table shows every indicator's words in full: rows grow
with the wrapped text, at 100% and 150% text (QA item 20: indicators ended in "…")."""

from __future__ import annotations

from assessment_kit import solihull
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication
from test_layout_fits import large_text

from thresholds_app.ui.browser import GuidanceBrowser, IndicatorBrowser
from thresholds_app.ui.review.wrapping_delegate import PAD_X, PAD_Y

__all__ = ["large_text"]  # the fixture, used by name below


def cut_cells(browser: IndicatorBrowser, rows: int) -> list[str]:
    """The indicators among the first ``rows`` whose words need more height than the row has."""
    table = browser.table
    metrics = table.fontMetrics()
    cut = []
    for row in range(min(rows, browser.proxy.rowCount())):
        index = browser.proxy.index(row, 2)
        text = str(index.data())
        width = max(1, table.columnWidth(2) - PAD_X)
        needed = metrics.boundingRect(
            QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), text
        ).height()
        if needed + PAD_Y > table.rowHeight(row) + 1:
            cut.append(f"{text[:50]!r}: {needed + PAD_Y} > {table.rowHeight(row)}")
        for column, words in ((2, text), (1, str(browser.proxy.index(row, 1).data()))):
            if table.isColumnHidden(column):  # the area, when the table is narrow
                continue
            room = max(1, table.columnWidth(column) - PAD_X)
            longest = max(words.split(), key=metrics.horizontalAdvance)
            if metrics.horizontalAdvance(longest) > room:  # a word wider than its column: "…"
                cut.append(f"{words[:50]!r}: {longest!r} is wider than the column ({room}px)")
    return cut


def test_every_indicator_is_shown_in_full_in_the_guidance_browser(qtbot, large_text) -> None:
    """The browser as a 1280 x 720 window shows it: the section list, the table, the detail."""
    guidance = GuidanceBrowser(solihull())
    qtbot.addWidget(guidance)
    guidance.resize(1264, 600)
    guidance.show()
    qtbot.waitExposed(guidance)
    guidance.show_section("indicators")
    qtbot.wait(50)
    assert cut_cells(guidance.indicators, 60) == []


def test_every_indicator_is_shown_in_full(qtbot, large_text) -> None:
    browser = IndicatorBrowser(solihull())
    qtbot.addWidget(browser)
    browser.resize(900, 560)  # the browser's share of a 1280 x 720 window
    browser.show()
    qtbot.waitExposed(browser)
    QApplication.processEvents()
    assert browser.proxy.rowCount() > 100
    assert cut_cells(browser, 60) == []
    browser.resize(860, 560)  # narrower: the rows grow again
    qtbot.wait(20)
    assert cut_cells(browser, 60) == []
