"""The keyboard focus is always somewhere the user can see (QA item 15: Ctrl+F focused a search
box scrolled out of sight, a new search kept the old scroll position, and Escape on the start
screen left no card focused)."""

from __future__ import annotations

from assessment_kit import make_window, search_for, start_assessment
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from thresholds_app.ui.shell.pages import Page


def in_view(scroll, widget: QWidget) -> bool:  # type: ignore[no-untyped-def]
    """Whether ``widget``'s whole height shows in the scroll area's viewport."""
    viewport = scroll.viewport()
    top = widget.mapTo(viewport, widget.rect().topLeft()).y()
    return top >= 0 and top + widget.height() <= viewport.height()


def scrolled_to_the_foot(qtbot, needs) -> None:  # type: ignore[no-untyped-def]
    bar = needs.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert not in_view(needs.scroll_area, needs.search)


def test_ctrl_f_scrolls_the_search_box_into_view(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    needs = page.needs
    found = search_for(qtbot, needs, "missing")
    needs.results.cards[found[-1]].answers.buttons["yes"].setFocus()
    scrolled_to_the_foot(qtbot, needs)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert needs.search.hasFocus()
    assert in_view(needs.scroll_area, needs.search)


def test_a_new_search_shows_its_heading(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    needs = page.needs
    search_for(qtbot, needs, "home")  # a full page of results each time
    needs.search.selectAll()
    search_for(qtbot, needs, "school")  # its cards made once and shown again below
    needs.search.setFocus()
    needs.search.selectAll()  # typed over, never empty: the results stay on show meanwhile
    scrolled_to_the_foot(qtbot, needs)  # the user scrolled down the results meanwhile
    search_for(qtbot, needs, "home")
    assert "match" in needs.results.title.text()
    assert in_view(needs.scroll_area, needs.results.title)
    assert in_view(needs.scroll_area, needs.search)


def test_escape_on_the_start_screen_puts_the_focus_on_a_card(qtbot) -> None:
    window = make_window(qtbot)
    window.show_page(Page.START)
    window.setFocus()  # e.g. after a menu closed: nothing on the page has the focus
    assert QApplication.focusWidget() not in window.start_page.buttons.values()
    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.start_page.buttons["new"]

    window.start_page.buttons["mash"].setFocus()
    QTest.keyClick(window.start_page.buttons["mash"], Qt.Key.Key_Escape)
    assert QApplication.focusWidget() is window.start_page.buttons["mash"]  # a card keeps it
