"""On screen: a decision below the guidance says so, a step-up blocker opens the step-up review,
lists stop at what a case file may hold, and a file that cannot be written is said in words."""

from __future__ import annotations

from pathlib import Path

import pytest
from assessment_kit import click_indicator, click_question, make_window, start_assessment
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from thresholds_app.core.case.limits import MAX_ROWS


def test_a_decision_below_the_guidance_is_named_beside_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = start_assessment(qtbot, make_window(qtbot))
    click_question(qtbot, page, "immediate-danger", "no")
    click_indicator(qtbot, page, "dn-injury-unexplained-l4", "yes")
    page.go_to_step("decision")
    notice = page.decision.below_notice
    assert not notice.isVisible()
    qtbot.mouseClick(page.decision.level_buttons[2], Qt.MouseButton.LeftButton)
    assert notice.isVisible()
    assert "Below what the guidance indicates" in notice.text()
    assert "phone the MASH" in notice.text()
    qtbot.mouseClick(page.decision.level_buttons[4], Qt.MouseButton.LeftButton)
    assert not notice.isVisible()


def test_go_there_on_a_step_up_decision_opens_the_step_up_review(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = start_assessment(qtbot, make_window(qtbot))
    asked: list[bool] = []
    page.step_up_requested.connect(lambda: asked.append(True))
    assert page.go_to_field("decision", "stepping")
    assert asked == [True]


def test_no_more_children_than_a_case_file_holds(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = start_assessment(qtbot, make_window(qtbot))
    page.go_to_step("child")
    for _ in range(MAX_ROWS):
        page.child.add_child()
    assert not page.child.add_button.isEnabled()
    assert str(MAX_ROWS) in page.child.add_button.toolTip()
    page.child._remove_row(page.child.rows[-1])
    assert page.child.add_button.isEnabled()


def test_a_case_too_long_to_save_is_said_and_nothing_is_written(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    page = start_assessment(qtbot, make_window(qtbot))
    page.state.set_free_text("worry", "w" * 250_000)
    target = tmp_path / "case.json"
    monkeypatch.setattr(page, "ask_save_path", lambda *_args: str(target))
    said: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text: said.append(f"{title}: {text}")
    )
    assert page.save_case_file() is None
    assert not target.exists()
    assert len(said) == 1
    assert "free_text.worry (250,000)" in said[0]
    assert "Your work is still open" in said[0]


def test_characters_the_pdf_cannot_print_are_named_before_export(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = start_assessment(qtbot, make_window(qtbot))
    page.state.set_free_text("child_voice", "मुझे भूख लगी है")
    page.go_to_step("preview")
    page.preview.refresh_preview()
    assert page.preview.print_note.isVisible()
    assert "Devanagari letters" in page.preview.print_note.text()
    page.state.set_free_text("child_voice", "I am hungry")
    page.preview.refresh_preview()
    assert not page.preview.print_note.isVisible()


def test_level_names_wrap_beside_short_choices_and_a_click_on_one_picks_it(qtbot) -> None:  # type: ignore[no-untyped-def]
    # A radio button cannot wrap: "Level 4: Specialist and statutory (children's social care)"
    # made the decision step wider than the view at 150% text (QA walk, 1280x720).
    page = start_assessment(qtbot, make_window(qtbot))
    page.go_to_step("decision")
    button = page.decision.level_buttons[4]
    assert button.text() == "Level 4"
    name = next(
        w
        for w in page.decision.findChildren(QLabel)
        if w.text() == page.window().pack.levels[4].name
    )
    assert name.wordWrap()
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    assert button.isChecked()
