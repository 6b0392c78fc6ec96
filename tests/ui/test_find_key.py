"""Ctrl+F puts the cursor in the search box on show, wherever the focus is (issue 11 walk).

After Ctrl+G the focus sat on the guidance page itself, outside the browser, and Ctrl+F did
nothing until a section was clicked; the training library had no Ctrl+F at all.
"""

from __future__ import annotations

from assessment_kit import make_window
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from thresholds_app.ui.shell.pages import Page


def _ctrl_f(qtbot) -> None:  # type: ignore[no-untyped-def]
    focus = QApplication.focusWidget()
    assert isinstance(focus, QWidget)
    qtbot.keyClick(focus, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)


def _content(qtbot, window, page: Page) -> QWidget:  # type: ignore[no-untyped-def]
    content = window.stack.widget_for(page).ensure_built()
    qtbot.waitUntil(content.isVisible)
    return content


def test_ctrl_f_after_ctrl_g_goes_to_the_guidance_search(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    browser = _content(qtbot, window, Page.GUIDANCE)
    assert browser.current_section() == "levels"
    _ctrl_f(qtbot)
    assert browser.current_section() == "indicators"
    assert browser.indicators.search.hasFocus()


def test_ctrl_f_from_the_top_bar_goes_to_the_guidance_search(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.show_page(Page.GUIDANCE)
    browser = _content(qtbot, window, Page.GUIDANCE)
    browser.show_section("contacts")
    window.home_button.setFocus()
    _ctrl_f(qtbot)
    assert browser.indicators.search.hasFocus()


def test_ctrl_f_in_the_training_library_goes_to_its_search(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.show_page(Page.TRAINING)
    training = _content(qtbot, window, Page.TRAINING)
    training.list.setFocus()
    _ctrl_f(qtbot)
    assert training.search.hasFocus()
    # The guidance's Ctrl+F, on a page not on show, does not take the key.
    window.show_page(Page.GUIDANCE)
    browser = _content(qtbot, window, Page.GUIDANCE)
    window.show_page(Page.TRAINING)
    qtbot.waitUntil(lambda: not browser.isVisible())
    training.list.setFocus()
    _ctrl_f(qtbot)
    assert training.search.hasFocus()


def test_after_ctrl_g_the_focus_is_on_the_sections_and_the_arrows_move(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The focus sat on the page itself, invisibly: Down did nothing until a click."""
    window = make_window(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    browser = _content(qtbot, window, Page.GUIDANCE)
    qtbot.waitUntil(browser.sections.hasFocus)
    qtbot.keyClick(browser.sections, Qt.Key.Key_Down)
    assert browser.current_section() == "indicators"
    # The same for the training library, built on first show too.
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.current_page_key() == Page.START)
    window.show_page(Page.TRAINING)
    training = _content(qtbot, window, Page.TRAINING)
    qtbot.waitUntil(lambda: training.isAncestorOf(QApplication.focusWidget()))
