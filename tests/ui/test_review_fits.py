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
    assert popup.viewport().width() >= longest
    combo.hidePopup()
