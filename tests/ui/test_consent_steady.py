"""Answering on the consent step never moves what is already under the pointer."""

from __future__ import annotations

from assessment_kit import click_indicator, click_question, make_window, start_assessment
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFrame


def test_the_step_up_prompt_appears_below_the_answers_without_moving_them(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "no")
    click_indicator(qtbot, page, "fe-domestic-abuse-l3", "yes")
    qtbot.waitUntil(lambda: page.live.level_label.text().startswith("Level 3"))
    page.go_to_step("consent")
    click_question(qtbot, page, "consent-sought", "yes")
    rows = {
        name: page.findChildren(QFrame, f"question-{name}")[0]
        for name in ("consent-sought", "consent-refused")
    }
    before = {name: row.mapTo(window, QPoint(0, 0)) for name, row in rows.items()}
    click_question(qtbot, page, "consent-refused", "yes")
    qtbot.waitUntil(page.consent.step_up.isVisible)
    after = {name: row.mapTo(window, QPoint(0, 0)) for name, row in rows.items()}
    assert after == before  # nothing already on screen moved
    prompt = page.consent.step_up.mapTo(window, QPoint(0, 0))
    assert prompt.y() > after["consent-refused"].y()  # it comes below the answer
