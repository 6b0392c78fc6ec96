"""Saving a MASH review, as a reviewer would: one save is one review, the folder's row follows
at once, the history speaks in words, and the form does not move under the pointer."""

from __future__ import annotations

from pathlib import Path

import pytest
from assessment_kit import make_window, opened
from PySide6.QtCore import QDateTime, QPoint, QRect, Qt
from test_review_mode import choose, marked_case, older_case_file

from thresholds_app.core.case.record import load_case, save_case
from thresholds_app.core.review.batch import FLAG_WORDS
from thresholds_app.ui.appearance import stylesheet_text
from thresholds_app.ui.review.batch_model import COLUMNS, FLAGS_COLUMN
from thresholds_app.ui.review.view import ReviewView
from thresholds_app.ui.shell.pages import Page


def fill_review(qtbot, view: ReviewView) -> None:  # type: ignore[no-untyped-def]
    form = view.form
    qtbot.mouseClick(form.agree, Qt.MouseButton.LeftButton, pos=QPoint(8, form.agree.height() // 2))
    choose(form.rag, "amber")
    choose(form.outcome, "early-help")
    form.received.setDateTime(QDateTime(2026, 11, 27, 9, 0, 0))
    qtbot.keyClicks(form.reviewer, "Sam Reviewer")
    qtbot.keyClicks(form.role, "MASH social worker")
    assert view.blockers() == []


def review_file(qtbot, window, path: Path) -> ReviewView:  # type: ignore[no-untyped-def]
    assert opened(qtbot, window.open_review_path(path))
    view = window.page(Page.MASH_CASE)
    assert isinstance(view, ReviewView)
    return view


def test_a_second_save_with_nothing_changed_adds_no_second_review(qtbot, tmp_path) -> None:
    window = make_window(qtbot)
    path = older_case_file(tmp_path)
    view = review_file(qtbot, window, path)
    fill_review(qtbot, view)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert len(load_case(path).reviews) == 1
    assert not view.save_button.isEnabled()  # nothing new to save
    assert "Change something to save another review" in view.status.text()
    once = path.read_bytes()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    # Even if the save is reached another way, core refuses the same review again.
    assert view.save_review() is False
    assert "already in the case file" in view.status.text()
    assert path.read_bytes() == once
    assert len(load_case(path).reviews) == 1
    # A change makes it a different review, which can be saved.
    qtbot.keyClicks(view.form.role, " (duty)")
    assert view.save_button.isEnabled()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    assert len(load_case(path).reviews) == 2


def test_history_shows_the_words_the_form_offers(qtbot, tmp_path) -> None:
    window = make_window(qtbot)
    path = older_case_file(tmp_path)
    view = review_file(qtbot, window, path)
    fill_review(qtbot, view)
    stage = view.form.stage.currentText()
    outcome = view.form.outcome.currentText()
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    history = view.history.text()
    assert f"({stage})" in history
    assert f"outcome {outcome}" in history
    assert "screening" not in history
    assert "early-help" not in history
    manager = review_file(qtbot, window, path)  # opened again: the next stage
    choose(manager.form.stage, "manager")
    assert "Review 1 (Screening)" in manager.history.text()


def test_the_folder_row_follows_a_saved_review(qtbot, tmp_path) -> None:
    window = make_window(qtbot)
    page = window.mash.open_batch()
    folder = tmp_path / "morning"
    folder.mkdir()
    path = older_case_file(folder)
    for number in range(3):
        save_case(marked_case(number, window.pack), folder / f"c{number}.json", touch=False)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.load_folder(folder)
    row = [r.path for r in page.model.rows].index(path)

    def cell(name: str) -> str:
        return str(page.model.index(row, COLUMNS.index(name)).data())

    assert (cell("MASH"), cell("RAG"), cell("Outcome"), cell("Time left")) == (
        "—",
        "Not rated",
        "—",
        "—",
    )
    view = review_file(qtbot, window, path)
    fill_review(qtbot, view)
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.back, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == Page.MASH
    referrer = load_case(path).decision.level
    assert cell("MASH") == f"Level {referrer}"  # agreed with the referrer
    assert cell("RAG") == "Amber"
    assert cell("Outcome") == "Early help"  # the pack's label, as the form offered it
    assert cell("Time left") != "—"
    qtbot.wait(30)
    assert_flags_shown_whole(page)  # the row's new words did not squeeze the flags out of sight
    choose(page.filter_kind, "unreviewed")
    assert path not in [
        page.model.rows[page.proxy.mapToSource(page.proxy.index(n, 0)).row()].path
        for n in range(page.proxy.rowCount())
    ]  # no longer "not reviewed yet"


def test_the_rag_explanation_does_not_move_outcome(qtbot, tmp_path) -> None:
    window = make_window(qtbot)
    view = review_file(qtbot, window, older_case_file(tmp_path))
    form = view.form

    def outcome_top() -> int:
        # Let the layout settle: on a loaded machine one short wait can read it half-done.
        readings = [-1, -2]
        while readings[-1] != readings[-2]:
            qtbot.wait(30)
            readings.append(form.outcome.mapTo(view, QPoint(0, 0)).y())
            assert len(readings) < 40, readings
        return readings[-1]

    assert "Choose a RAG rating" in form.rag_words.text()
    # On time, and long overdue (when the reason for the delay is asked for too).
    for received in (QDateTime(2026, 11, 27, 9, 0, 0), QDateTime(2025, 1, 13, 9, 0, 0)):
        form.received.setDateTime(received)
        before = outcome_top()
        for rag in ("amber", "red", "green", ""):
            choose(form.rag, rag)
            assert outcome_top() == before, (rag, form.rag_words.text(), form.rag_words.width())
    choose(form.rag, "amber")
    assert not form.delay_reason.isHidden()  # overdue: the reason is asked, below the times
    assert outcome_top() == before
    assert "Decide by" in form.rag_words.text()
    # The words fit the room kept for them.
    words = form.rag_words
    assert (
        words.height()
        >= words.fontMetrics()
        .boundingRect(0, 0, words.width(), 10_000, int(Qt.TextFlag.TextWordWrap), words.text())
        .height()
    )


@pytest.fixture
def app_stylesheet(qapp):  # type: ignore[no-untyped-def]
    """The app's own stylesheet (its item padding changes how much fits in a cell)."""
    qapp.setStyleSheet(stylesheet_text())
    yield
    qapp.setStyleSheet("")


def test_long_flags_wrap_and_can_be_read_whole(qtbot, tmp_path, app_stylesheet) -> None:
    window = make_window(qtbot)
    window.resize(1280, 720)
    page = window.mash.open_batch()
    for number in range(4):
        save_case(marked_case(number, window.pack), tmp_path / f"c{number}.json", touch=False)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.load_folder(tmp_path)
    rows = page.model.rows
    most = max(range(len(rows)), key=lambda n: len(rows[n].flags))
    assert len(rows[most].flags) >= 2
    words = [FLAG_WORDS[f] for f in rows[most].flags]
    index = page.model.index(most, FLAGS_COLUMN)
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "\n".join(words)
    qtbot.wait(50)
    window.resize(900, 700)  # the flags column narrower than its longest words on one line
    qtbot.wait(50)
    text = index.data()
    assert page.table.columnWidth(FLAGS_COLUMN) < page.table.fontMetrics().horizontalAdvance(text)
    assert wrapped_lines(page, page.proxy.mapFromSource(index)) >= 2
    assert_flags_shown_whole(page)


def wrapped_lines(page, index) -> int:  # type: ignore[no-untyped-def]
    cell = page.table.visualRect(index)
    metrics = page.table.fontMetrics()
    box = QRect(0, 0, cell.width() - 2 * 6, 10_000)  # the stylesheet pads items 6px each side
    wrapped = metrics.boundingRect(box, int(Qt.TextFlag.TextWordWrap), str(index.data()))
    return wrapped.height() // metrics.height()


def assert_flags_shown_whole(page) -> None:  # type: ignore[no-untyped-def]
    """Every row is tall enough for every wrapped line of its flags: none cut off."""
    metrics = page.table.fontMetrics()
    for row in range(page.proxy.rowCount()):
        index = page.proxy.index(row, FLAGS_COLUMN)
        height = page.table.visualRect(index).height()
        assert height >= wrapped_lines(page, index) * metrics.height(), (row, index.data())
