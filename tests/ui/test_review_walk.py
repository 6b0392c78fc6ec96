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
