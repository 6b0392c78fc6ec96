"""Found walking the MASH review as a reviewer would: the folder list names outcomes in words."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from assessment_kit import solihull

from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.review.batch import BatchRow
from thresholds_app.ui.review.batch_model import COLUMNS, BatchModel

OUTCOME = COLUMNS.index("Outcome")


def _now() -> dt.datetime:
    return dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.UTC)


def test_an_outcome_the_pack_does_not_list_is_named_as_such_not_shown_raw(qtbot) -> None:  # type: ignore[no-untyped-def]
    guide = review_guide(solihull())
    known = guide.outcomes[0]
    model = BatchModel(_now, guide)
    rows = [
        BatchRow(Path("a.json"), reference="A", outcome=known.id),
        BatchRow(Path("b.json"), reference="B", outcome="retired-team-x"),
        BatchRow(Path("c.json"), reference="C"),
    ]
    model.set_rows(rows)
    words = [model.index(n, OUTCOME).data() for n in range(3)]
    assert words[0] == known.label
    assert words[1] == "“retired-team-x” (not an outcome in this guidance)"
    assert words[2] == "—"


def test_enter_presses_the_focused_button_on_every_page(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Enter on "Open a folder of referrals…" did nothing (only Space did); the help promises
    that Space or Enter presses a button, and the assessment alone kept that promise."""
    from assessment_kit import make_window, opened
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton
    from test_review_mode import older_case_file

    from thresholds_app.ui.shell.pages import Page

    window = make_window(qtbot)
    batch = window.mash.open_batch()
    asked: list[str] = []
    batch.ask_folder = lambda: asked.append("folder") or ""  # type: ignore[method-assign]
    batch.open_folder_button.setFocus()
    qtbot.keyClick(batch.open_folder_button, Qt.Key.Key_Return)
    assert asked == ["folder"]
    assert opened(qtbot, window.open_review_path(older_case_file(tmp_path)))
    view = window.page(Page.MASH_CASE)
    qtbot.waitUntil(view.back.isVisible)
    view.back.setFocus()
    qtbot.keyClick(view.back, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_page_key() == Page.MASH)
    for page in (Page.MASH, Page.GUIDANCE, Page.TRAINING, Page.START):
        assert window.show_page(page)
        shown = window.stack.widget_for(page)
        buttons = [b for b in shown.findChildren(QPushButton) if b.isVisibleTo(shown)]
        assert [b.text() for b in buttons if not b.autoDefault()] == [], page


def test_a_slip_or_counts_that_cannot_be_written_are_said_not_saved(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Saving into a folder that has gone raised an error out of the button (nothing said on
    screen); a slip or counts that did save said nothing either, for the counts."""
    from assessment_kit import make_window
    from test_review_mode import marked_case, older_case_file
    from test_review_saving import fill_review, review_file

    from thresholds_app.core.case.record import save_case

    window = make_window(qtbot)
    view = review_file(qtbot, window, older_case_file(tmp_path))
    fill_review(qtbot, view)
    assert view.save_review()
    gone = tmp_path / "gone"
    for save in (view.save_feedback_pdf, view.save_feedback_text):
        view.ask_save_path = lambda *_: str(gone / "slip")  # type: ignore[method-assign]
        assert save() is None
        assert view.status.text().startswith("The feedback slip was not saved: slip could not")
    view.ask_save_path = lambda *_: str(tmp_path / "slip.pdf")  # type: ignore[method-assign]
    assert view.save_feedback_pdf() == tmp_path / "slip.pdf"
    assert view.status.text() == "The feedback slip was saved as slip.pdf."

    folder = tmp_path / "morning"
    folder.mkdir()
    save_case(marked_case(1, window.pack), folder / "one.json", touch=False)
    batch = window.mash.open_batch()
    with qtbot.waitSignal(batch.loaded, timeout=10_000):
        batch.load_folder(folder)
    for save in (batch.save_counts_csv, batch.save_counts_pdf):
        batch.ask_save_path = lambda *_: str(gone / "counts")  # type: ignore[method-assign]
        assert save() is None
        words = batch.counts_status.text()
        assert words.startswith("The counts file was not saved: counts could not be written")
    batch.ask_save_path = lambda *_: str(tmp_path / "counts.csv")  # type: ignore[method-assign]
    assert batch.save_counts_csv() == tmp_path / "counts.csv"
    assert batch.counts_status.text().startswith("The counts file was saved as counts.csv.")


def test_the_feedback_slip_of_a_review_saved_earlier_can_be_made_again(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Opened again the next day, a reviewed case offered no feedback slip until yet another
    review was saved."""
    from assessment_kit import make_window
    from test_review_mode import older_case_file
    from test_review_saving import fill_review, review_file

    path = older_case_file(tmp_path)
    first = review_file(qtbot, make_window(qtbot), path)
    assert not first.feedback_pdf.isEnabled()  # nothing reviewed yet: no slip to make
    fill_review(qtbot, first)
    assert first.save_review()
    again = review_file(qtbot, make_window(qtbot), path)
    assert again.feedback_pdf.isEnabled()
    assert again.feedback_text.isEnabled()
    assert again.feedback_text_now() == first.feedback_text_now() != ""
