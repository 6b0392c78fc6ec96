"""One-line texts of the MASH review and of training drop bidi controls as typed or pasted.

A U+202E (RIGHT-TO-LEFT OVERRIDE) in a reviewer's name would show it reversed in the history
and the folder list; the fields behave as the assessment's identifiers do (QA walk, item 7).
"""

from __future__ import annotations

from pathlib import Path

from assessment_kit import solihull
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication
from test_assessment_flow import _type_text
from test_review_mode import choose, open_review

from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.training.session import SetResult
from thresholds_app.ui.training.set_result import SetResultView

RLO = "\u202e"


def test_review_form_one_line_fields_drop_bidi_controls(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _window, view, _path = open_review(qtbot, tmp_path)
    form = view.form
    other = next(o for o in review_guide(view.pack).outcomes if o.needs_words)
    choose(form.rag, "red")  # a deadline, long passed: a delay reason is asked for
    choose(form.outcome, other.id)  # "other": the reviewer says what
    form.received.setDateTime(QDateTime(2026, 1, 5, 9, 0, 0))
    form.decided.setDateTime(QDateTime(2026, 3, 5, 9, 0, 0))
    assert form.outcome_words.isEnabled()
    assert not form.delay_reason.isHidden()
    for edit in (form.reviewer, form.role, form.outcome_words, form.delay_reason):
        _type_text(edit, f"Sam {RLO}Reviewer")
        assert edit.text() == "Sam Reviewer", edit.accessibleName()
        QApplication.clipboard().setText("\u2066X\u2069")
        edit.setCursorPosition(3)
        qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # a paste
        assert edit.text() == "SamX Reviewer", edit.accessibleName()
    review = form.review()
    assert (review.reviewer, review.role, review.outcome_words) == ("SamX Reviewer",) * 3
    assert review.delay_reason == "SamX Reviewer"


def test_certificate_name_drops_bidi_controls(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = SetResultView(solihull(), SetResult(results=(), pass_mark=80))
    qtbot.addWidget(view)
    _type_text(view.name, f"Sam {RLO}Trainee")
    assert view.name.text() == "Sam Trainee"
