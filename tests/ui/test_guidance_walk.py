"""The guidance browser walked at 1280 x 720 with 150% text (issue 11)."""

from __future__ import annotations

from test_layout_fits import _small_window, large_text

from thresholds_app.ui.browser_model import ID_ROLE
from thresholds_app.ui.shell.pages import Page

__all__ = ["large_text"]  # the fixture, used by name


def test_a_search_shows_its_best_match_at_the_top_of_the_table(qtbot, large_text) -> None:  # type: ignore[no-untyped-def]
    """After typing "knife" the table sat scrolled to its foot, the best match out of sight."""
    window = _small_window(qtbot)
    window.show_page(Page.GUIDANCE)
    browser = window.stack.widget_for(Page.GUIDANCE).ensure_built()
    qtbot.waitUntil(browser.isVisible)
    browser.focus_search()
    indicators = browser.indicators
    for words in ("knife", "missing school"):
        indicators.search.clear()
        qtbot.keyClicks(indicators.search, words)
        qtbot.waitUntil(lambda: not indicators.search_pending())
        qtbot.wait(50)
        assert indicators.selected_id() == indicators.proxy.index(0, 0).data(ID_ROLE)
        assert indicators.table.rowViewportPosition(0) == 0, words


def test_each_section_says_how_far_it_is_confirmed(qtbot, large_text) -> None:  # type: ignore[no-untyped-def]
    """The browser said nothing of provenance; the pack's notes were nowhere on screen."""
    from test_layout_fits import clipped

    window = _small_window(qtbot)
    window.show_page(Page.GUIDANCE)
    browser = window.stack.widget_for(Page.GUIDANCE).ensure_built()
    qtbot.waitUntil(browser.isVisible)
    parts = window.pack.manifest.parts
    expected = {
        "levels": ("Follows the regional pattern; not yet validated locally", "levels"),
        "pathways": ("Partly confirmed", "topics"),
        "consent": ("Partly confirmed", "consent"),
        "stepping": ("Follows the regional pattern", "stepping"),
        "contacts": ("Confirmed against the partnership's own publication", "contacts"),
    }
    for key, (words, part) in expected.items():
        browser.show_section(key)
        qtbot.wait(20)
        text = browser.provenance.text()
        assert text.startswith(f"How sure: {words}"), key
        assert parts[part].note in browser.provenance.toolTip(), key
        assert "-" not in text, key  # no raw status code
    assert clipped(browser) == []


def _largest_text(view) -> float:  # type: ignore[no-untyped-def]
    """The largest point size in a text view's document."""
    sizes = []
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            sizes.append(it.fragment().charFormat().font().pointSizeF())
            it += 1
        block = block.next()
    return max(sizes)


def test_a_sections_headings_are_never_larger_than_the_screens_own(qtbot, large_text) -> None:  # type: ignore[no-untyped-def]
    # Qt's <h1> is twice the body text: "Levels of need" outgrew "The guidance" (QA, 150%)
    from PySide6.QtWidgets import QTextBrowser

    from thresholds_app.ui.appearance import Heading

    window = _small_window(qtbot)
    window.show_page(Page.GUIDANCE)
    browser = window.stack.widget_for(Page.GUIDANCE).ensure_built()
    qtbot.waitUntil(browser.isVisible)
    title = next(h for h in browser.findChildren(Heading) if h.text() == "The guidance")
    body = window.font().pointSizeF()
    for key in ("levels", "consent", "stepping", "contacts"):
        browser.show_section(key)
        qtbot.wait(10)
        view = browser.pages.currentWidget()
        assert isinstance(view, QTextBrowser), key
        largest = _largest_text(view)
        assert largest <= title.font().pointSizeF(), key
        assert largest <= body * 1.6, key
