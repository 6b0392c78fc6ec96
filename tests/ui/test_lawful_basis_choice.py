"""The consent step's lawful basis: every option readable in full, nothing chosen until the user
chooses, one click to choose (QA item 19: a drop-down cut "public task for shar… agencies",
showed an empty box with no prompt and took two clicks to open)."""

from __future__ import annotations

from assessment_kit import click_indicator, start_assessment, type_into
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QRadioButton
from test_layout_fits import _small_window, clipped, large_text, under_the_scrollbar

from thresholds_app.ui.assessment.radio_list import ChoiceWords

__all__ = ["large_text"]  # the fixture, used by name below


def _at_level_4(qtbot, page):  # type: ignore[no-untyped-def]
    click_indicator(qtbot, page, "dn-injury-unexplained-l4", "yes")  # Level 4: the longest list
    page.go_to_step("consent")
    qtbot.wait(30)
    return page.consent.lawful_basis


def test_every_lawful_basis_is_shown_in_full_at_1280x720_and_150_percent(qtbot, large_text) -> None:
    window = _small_window(qtbot)
    page = start_assessment(qtbot, window)
    choice = _at_level_4(qtbot, page)
    options = page.state.assessment.consent.lawful_basis
    assert len(options) >= 4
    assert page.consent.findChildren(QComboBox) == []  # no drop-down that cuts its options
    shown = [w.text() for w in choice.findChildren(ChoiceWords) if w.isVisibleTo(choice)]
    assert shown == [*options, "Another basis (write it below)"]
    step = page.steps["consent"]
    assert clipped(step) == []
    assert under_the_scrollbar(page.scrolls["consent"]) == []


def test_nothing_is_chosen_until_the_user_chooses_and_one_click_chooses(qtbot) -> None:
    window = _small_window(qtbot)
    page = start_assessment(qtbot, window)
    choice = _at_level_4(qtbot, page)
    assert choice.value() == ""  # unanswered, and it says so
    assert all(not b.isChecked() for b in choice.findChildren(QRadioButton))
    assert "Leave it unchosen" in " ".join(
        label.text() for label in choice.findChildren(type(choice.heading))
    )
    assert page.state.case.consent.lawful_basis == ""
    first = page.state.assessment.consent.lawful_basis[0]
    words = next(w for w in choice.findChildren(ChoiceWords) if w.text() == first)
    qtbot.mouseClick(words, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))  # a click on its words
    assert choice.value() == first
    assert page.state.case.consent.lawful_basis == first
    qtbot.mouseClick(choice.other_button, Qt.MouseButton.LeftButton)  # one click on a button
    assert choice.other_text.hasFocus()
    type_into(qtbot, choice.other_text, "Section 47 Children Act 1989")
    assert page.state.case.consent.lawful_basis == "Section 47 Children Act 1989"
    qtbot.mouseClick(choice.clear_button, Qt.MouseButton.LeftButton)
    assert page.state.case.consent.lawful_basis == ""
    assert choice.value() == ""


def test_a_saved_basis_comes_back_chosen_and_one_of_its_own_as_written(qtbot) -> None:
    window = _small_window(qtbot)
    page = start_assessment(qtbot, window)
    choice = _at_level_4(qtbot, page)
    second = page.state.assessment.consent.lawful_basis[1]
    choice.set_value(second)
    assert choice.buttons[1].isChecked()
    choice.set_value("An agreement under the local protocol")
    assert choice.other_button.isChecked()
    assert choice.other_text.text() == "An agreement under the local protocol"
    assert choice.value() == "An agreement under the local protocol"


def test_tab_reaches_the_choices_after_the_level_changed_them(qtbot) -> None:
    window = _small_window(qtbot)
    page = start_assessment(qtbot, window)
    choice = _at_level_4(qtbot, page)  # the options were rebuilt for Level 4
    page.consent.by_whom.setFocus()
    qtbot.waitUntil(page.consent.by_whom.hasFocus)
    reached = []
    for _ in range(12):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
        if reached[-1] is page.consent.shared_what:
            break
    assert any(widget in choice.buttons for widget in reached), reached
    assert reached[-1] is page.consent.shared_what  # and on to the next field
