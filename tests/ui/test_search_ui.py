"""The assessment search and the guidance browser: one search, typing that never blocks.

Real windows on the shipped pack, driven by key presses (pytest-qt).
"""

from __future__ import annotations

import statistics
import time

from assessment_kit import make_window, search_for, solihull, start_assessment, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from thresholds_app.core.search.find import search
from thresholds_app.core.search.index import index_for
from thresholds_app.ui.assessment.search import DEBOUNCE_MS, MAX_NEW_PER_SLICE, PAGE
from thresholds_app.ui.browser import GuidanceBrowser


def needs_step(qtbot):  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    return page


def test_the_browser_and_the_assessment_find_the_same_things_in_the_same_order(qtbot) -> None:
    page = needs_step(qtbot)
    browser = GuidanceBrowser(solihull())
    qtbot.addWidget(browser)
    for words in ("missing", "mum drinking", "knife", "hungry"):
        page.needs.search.clear()
        found = search_for(qtbot, page.needs, words)
        browser.indicators.search.setText(words)
        qtbot.waitUntil(lambda: not browser.indicators.search_pending())
        proxy = browser.indicators.proxy
        listed = [
            proxy.index(r, 0).data(Qt.ItemDataRole.UserRole + 1) for r in range(proxy.rowCount())
        ]
        core = [h.entry.id for h in search(solihull(), words) if h.entry.kind == "indicator"]
        assert listed == core, words  # every indicator found, best first
        assert found == core[:PAGE], words  # the first page of the same list


def test_typing_never_waits_for_the_search(qtbot) -> None:
    page = needs_step(qtbot)
    index_for(solihull())
    search_box = page.needs.search
    search_box.setFocus()
    timings, waits = [], []
    for ch in "hungry child":  # the GUI thread's CPU time: waiting for a core is not counted
        start, started = time.thread_time(), time.perf_counter()
        qtbot.keyClick(search_box, ch)
        QApplication.processEvents()
        timings.append(time.thread_time() - start)
        waits.append(time.perf_counter() - started)
    assert page.needs.finder.busy  # the search waits for the pause...
    assert page.needs.result_ids() == []
    qtbot.waitUntil(lambda: not page.needs.finder.busy)
    assert "pc-basic-care-l2" in page.needs.result_ids()  # ...then runs once
    # 574 ms for the first letter before (a search and 40 cards on every key). Generous bounds:
    # the machine running the tests is shared; benchmarks/bench_search.py gives the figures.
    assert statistics.median(timings) < 0.03, timings
    assert max(timings) < 0.25, timings
    # and no key waits long on anything else (another thread holding the GIL, a lock), with
    # room for a shared machine
    assert statistics.median(waits) < 0.25, waits


def test_results_come_a_page_at_a_time_and_cards_are_reused(qtbot) -> None:
    page = needs_step(qtbot)
    needs = page.needs
    first = search_for(qtbot, needs, "missing")
    assert len(first) == PAGE
    more = needs.finder.more
    assert more.isVisible()
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not needs.finder.busy)
    assert len(needs.result_ids()) > PAGE
    card = needs.results.cards[first[0]]
    needs.search.clear()
    search_for(qtbot, needs, "missing")
    assert needs.results.cards[first[0]] is card  # made once, shown again


def test_results_are_filled_in_a_few_cards_at_a_time(qtbot) -> None:
    """Filling in the results never builds a page of cards in one go (it stalled typing 70 ms).

    Counted in cards, not milliseconds, so a busy machine cannot make it flake.
    """
    page = needs_step(qtbot)
    needs = page.needs
    made: list[str] = []
    make = needs.finder._make_card
    needs.finder._make_card = lambda indicator_id: made.append(indicator_id) or make(indicator_id)
    search_for(qtbot, needs, "missing")
    assert len(made) == PAGE  # one search, once typing paused: not one per key
    slices = needs.finder.made_per_slice
    assert sum(slices) == PAGE
    assert max(slices) <= MAX_NEW_PER_SLICE, slices
    assert len(slices) >= PAGE // MAX_NEW_PER_SLICE


def test_laying_out_results_leaves_the_areas_not_on_show_alone(qtbot) -> None:
    """The results are as tall as they are: areas opened before are not measured with them.

    A stacked widget is as tall as its tallest page and wraps the text of every page built to
    find out, on each card added to the results.
    """
    page = needs_step(qtbot)
    needs = page.needs
    for item in needs._area_items():
        needs.tree.setCurrentItem(item)  # every area built, as after a long assessment
    width = needs.pages.width()
    tallest = max(cards.heightForWidth(width) for cards in needs._lists.values())
    search_for(qtbot, needs, "bleach")  # one or two results: a short page
    assert needs.pages.currentWidget() is needs.results
    assert all(cards.isHidden() for cards in needs._lists.values())
    assert needs.pages.heightForWidth(width) < tallest / 2


def test_pathways_and_consent_found_open_beside_the_case(qtbot) -> None:
    page = needs_step(qtbot)
    search_for(qtbot, page.needs, "county lines")
    links = page.needs.finder.others
    assert links.isVisible()
    assert "pathway:exploitation" in links.text()
    links.linkActivated.emit("pathway:exploitation")
    assert page.findChild(QDialog, "topic-exploitation") is not None
    page.needs.search.clear()
    search_for(qtbot, page.needs, "share without consent")
    assert "consent:consent-level-" in links.text()
    links.linkActivated.emit("consent:consent-level-4")
    assert page.findChild(QDialog, "guidance-consent") is not None
    assert "Also in the guidance" in links.text()


def test_links_keep_the_window_within_a_small_screen(qtbot) -> None:
    page = needs_step(qtbot)
    window = page.window()
    window.resize(1280, 720)
    search_for(qtbot, page.needs, "mum drink")  # many pathways found: the links wrap
    assert window.minimumSizeHint().width() <= 1280
    assert "then" in page.needs.results.title.text()  # every word first, then some


def test_the_browser_links_what_else_it_found(qtbot) -> None:
    browser = GuidanceBrowser(solihull())
    qtbot.addWidget(browser)
    browser.show()
    browser.focus_search()
    type_into(qtbot, browser.indicators.search, "out of hours")
    qtbot.waitUntil(lambda: not browser.indicators.search_pending())
    others = browser.indicators.others
    assert others.isVisible()
    assert "contact:edt" in others.text()
    others.linkActivated.emit("contact:edt")
    assert browser.current_section() == "contacts"
    browser.show_section("indicators")
    browser.indicators.others.linkActivated.emit("pathway:missing")
    assert browser.current_section() == "pathways"
    assert browser.pathways.list.currentItem().text() == solihull().topics["missing"].title


def test_the_debounce_is_short() -> None:
    assert 50 <= DEBOUNCE_MS <= 250


def test_the_search_index_is_left_out_of_full_collections(qtbot) -> None:
    """A full garbage collection walking the pack and its index froze typing for 50-120 ms."""
    import gc

    needs_step(qtbot)
    assert gc.get_freeze_count() > 0


def test_tab_goes_from_the_search_box_through_the_results_in_order(qtbot) -> None:
    """In a real window Tab from the box jumped to "Show more" at the foot of the results."""
    page = needs_step(qtbot)
    needs = page.needs
    window = page.window()
    search_for(qtbot, needs, "missing")
    needs.search.clear()
    found = search_for(qtbot, needs, "hungry")  # cards reused and new, in a new order

    def tab_from(widget):  # type: ignore[no-untyped-def]
        if not window.isActiveWindow():  # the offscreen platform drops it at times
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        return QApplication.focusWidget()

    first, second = (needs.results.cards[i] for i in found[:2])
    assert needs.finder.others.isVisible()  # "Also in the guidance: Pathway: Neglect"
    assert tab_from(needs.search) is needs.finder.others
    at = needs.finder.others
    for _ in range(10):  # Tab visits each link in the line, then leaves it
        qtbot.keyClick(at, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is not needs.finder.others:
            break
    assert QApplication.focusWidget() is first.answers.buttons["yes"]  # Clear: nothing yet
    assert tab_from(first.details_button) is second.answers.buttons["yes"]
    last = needs.results.cards[found[-1]]
    assert tab_from(last.details_button) is needs.finder.more
