"""The MASH review screens fit 1280 x 720 with 150% text: nothing cut off on the right."""

from __future__ import annotations

from assessment_kit import opened
from test_layout_fits import _small_window, clipped, large_text, off_the_view
from test_review_mode import older_case_file

from thresholds_app.ui.review.view import ReviewView
from thresholds_app.ui.shell.pages import Page

__all__ = ["large_text"]  # the fixture, used by name


def test_the_review_form_fits_beside_the_referral(qtbot, tmp_path, large_text) -> None:  # type: ignore[no-untyped-def]
    window = _small_window(qtbot)
    assert opened(qtbot, window.open_review_path(older_case_file(tmp_path)))
    view = window.page(Page.MASH_CASE)
    assert isinstance(view, ReviewView)
    qtbot.waitUntil(view.form.isVisible)
    qtbot.wait(30)
    assert off_the_view(view) == []
    assert clipped(view) == []
    # A choice longer than its box still reads in full when the list is open.
    combo = view.form.level
    combo.showPopup()
    popup = combo.view()
    qtbot.waitUntil(popup.isVisible)
    longest = combo.fontMetrics().horizontalAdvance(combo.itemText(combo.count() - 1))
    screen = combo.screen().availableGeometry().width() - 40  # the test screen is 800 wide
    assert popup.viewport().width() >= min(longest, screen)
    combo.hidePopup()


def test_after_saving_the_focus_moves_on_and_the_confirmation_is_in_view(
    qtbot, tmp_path, large_text
) -> None:  # type: ignore[no-untyped-def]
    """Saving by keyboard left the focus on the top bar's "← Start" (the save button had gone
    grey) and the confirmation below the bottom of the column."""
    from PySide6.QtCore import QPoint, QRect, Qt
    from test_review_saving import fill_review

    window = _small_window(qtbot)
    assert opened(qtbot, window.open_review_path(older_case_file(tmp_path)))
    view = window.page(Page.MASH_CASE)
    assert isinstance(view, ReviewView)
    qtbot.waitUntil(view.form.isVisible)
    fill_review(qtbot, view)
    view.save_button.setFocus()
    qtbot.keyClick(view.save_button, Qt.Key.Key_Return)
    assert "Review saved" in view.status.text()
    assert view.feedback_pdf.hasFocus()
    viewport = view.side_scroll.viewport()
    for shown in (view.status, view.feedback_pdf):
        top_left = shown.mapTo(viewport, QPoint(0, 0))
        assert QRect(QPoint(0, 0), viewport.size()).contains(QRect(top_left, shown.size()))


def test_the_training_library_titles_wrap_at_150_percent(qtbot, large_text) -> None:  # type: ignore[no-untyped-def]
    """Scenario titles were cut off ("… who uses a wheelch") with a sideways scroll bar."""
    from test_layout_fits import list_items_cut

    window = _small_window(qtbot)
    window.show_page(Page.TRAINING)
    training = window.stack.widget_for(Page.TRAINING).ensure_built()
    qtbot.waitUntil(training.list.isVisible)
    qtbot.wait(50)
    assert list_items_cut(training) == []
    assert not training.list.horizontalScrollBar().isVisible()
    assert clipped(training) == []


def test_why_a_file_was_not_read_is_on_screen_at_150_percent(qtbot, tmp_path, large_text) -> None:  # type: ignore[no-untyped-def]
    """The reason sat in the table's last column, off the screen at 150% text."""
    from test_review_mode import marked_case

    from thresholds_app.core.case.record import save_case

    window = _small_window(qtbot)
    page = window.mash.open_batch()
    folder = tmp_path / "morning"
    folder.mkdir()
    save_case(marked_case(1, window.pack), folder / "good.json", touch=False)
    (folder / "a-damaged.json").write_text('{"format": "thresholds-case"', encoding="utf-8")
    (folder / "b-damaged.json").write_text("[]", encoding="utf-8")
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.load_folder(folder)
    qtbot.wait(30)
    words = page.summary.text()
    assert "3 files: 1 referral, 2 not read." in words
    assert "a-damaged.json cannot be opened" in words
    assert "(1 more: choose “Files not read” under Show.)" in words
    assert clipped(page) == []


def test_tab_never_stops_on_a_scrolling_column(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Tab stopped on the review column's scroll area itself, where no focus can be seen."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QScrollArea

    window = _small_window(qtbot)
    assert opened(qtbot, window.open_review_path(older_case_file(tmp_path)))
    view = window.page(Page.MASH_CASE)
    assert isinstance(view, ReviewView)
    qtbot.waitUntil(view.form.isVisible)
    view.form.level.setFocus()
    stops = []
    for _ in range(60):
        focused = QApplication.focusWidget()
        assert focused is not None
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        stops.append(QApplication.focusWidget())
    assert not [w for w in stops if type(w) is QScrollArea], stops
