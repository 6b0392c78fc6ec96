"""A danger-shaped search shows "call 999 now" and the red button, in both searches.

QA walk, item 14: "4 year old left alone overnight" listed the Level 4 indicator with nothing
to say "if the child is in immediate danger, call 999 now / press F9". The rule is core's
(``core/search/danger.py``); these tests drive the real window by keyboard and mouse.
"""

from __future__ import annotations

from assessment_kit import make_window, search_for, start_assessment, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from test_layout_fits import _small_window, clipped, large_text

from thresholds_app.ui.browser import GuidanceBrowser
from thresholds_app.ui.shell.pages import Page

DANGER = "4 year old left alone overnight"


def test_the_assessment_search_reminds_to_call_999_and_opens_whom_to_call(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    needs = page.needs
    found = search_for(qtbot, needs, DANGER)
    bar = needs.finder.danger
    assert bar.isVisible()
    assert "If the child is in immediate danger, call 999 now." in bar.words.text()
    assert bar.words.property("role") == "warning"
    assert bar.button.isVisible()
    assert "(F9)" in bar.button.text()
    assert found[0] == bar.prompt.indicator_id  # about the result listed first
    # it sits between the search box and the results
    top = bar.mapTo(window, bar.rect().topLeft()).y()
    assert needs.search.mapTo(window, needs.search.rect().bottomLeft()).y() < top
    assert top < needs.results.mapTo(window, needs.results.rect().topLeft()).y()
    if not window.isActiveWindow():  # the offscreen platform drops it at times
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    needs.search.setFocus()
    qtbot.keyClick(needs.search, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is bar.button  # the next stop after the box
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    dialog = window.emergency_dialog
    assert dialog is not None
    assert dialog.isVisible()
    dialog.close()
    # an ordinary search, and an empty box, leave it out
    needs.search.clear()
    assert not bar.isVisible()
    search_for(qtbot, needs, "hungry")
    assert not bar.isVisible()


def test_the_guidance_browser_reminds_too(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    assert window.show_page(Page.GUIDANCE)
    browser = window.page(Page.GUIDANCE)
    assert isinstance(browser, GuidanceBrowser)
    browser.focus_search()
    search = browser.indicators.search
    type_into(qtbot, search, DANGER)
    qtbot.waitUntil(lambda: not browser.indicators.search_pending())
    bar = browser.indicators.danger
    assert bar.isVisible()
    assert "call 999 now" in bar.words.text()
    qtbot.mouseClick(bar.button, Qt.MouseButton.LeftButton)
    assert window.emergency_dialog is not None
    assert window.emergency_dialog.isVisible()
    window.emergency_dialog.close()
    search.clear()
    type_into(qtbot, search, "hungry")
    qtbot.waitUntil(lambda: not browser.indicators.search_pending())
    assert not bar.isVisible()


__all__ = ["large_text"]  # the fixture, used by name


def test_the_reminder_fits_both_searches_at_1280x720(qtbot, large_text) -> None:
    """At 200% the reminder's last line, then the links under the search, were cut off."""  # type: ignore[no-untyped-def]
    window = _small_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    search_for(qtbot, page.needs, DANGER)
    qtbot.wait(30)
    assert page.needs.finder.danger.isVisible()
    assert clipped(page.steps["needs"]) == []
    assert window.show_page(Page.GUIDANCE)
    browser = window.page(Page.GUIDANCE)
    assert isinstance(browser, GuidanceBrowser)
    browser.focus_search()
    type_into(qtbot, browser.indicators.search, DANGER)
    qtbot.waitUntil(lambda: not browser.indicators.search_pending())
    qtbot.wait(30)
    assert browser.indicators.danger.isVisible()
    assert clipped(browser.indicators) == []
