"""Open work is never stranded, replaced or lost by accident (issue 11: stranded work, work that
disappears; hazard H17: a review never shows another case's data)."""

from __future__ import annotations

from assessment_kit import click_indicator, click_question, make_window, start_assessment, type_into
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
)

from thresholds_app.ui.shell.pages import Page


def keys(window, sequence: str) -> None:  # type: ignore[no-untyped-def]
    """Press a key combination where the keyboard focus is (through the shortcut map)."""
    *mods, last = sequence.split("+")
    modifiers = Qt.KeyboardModifier.NoModifier
    for mod in mods:
        modifiers |= {"Ctrl": Qt.KeyboardModifier.ControlModifier}[mod]
    target = QApplication.focusWidget() or window
    QTest.keyClick(target, getattr(Qt.Key, f"Key_{last}"), modifiers)


def test_every_way_out_of_an_assessment_has_a_way_back(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "no")
    continue_button = window.start_page.buttons["continue"]
    go_back = window.page_actions[Page.ASSESSMENT]

    qtbot.mouseClick(window.home_button, Qt.MouseButton.LeftButton)  # ← Start
    assert window.current_page_key() == Page.START
    assert continue_button.isVisible()
    qtbot.mouseClick(continue_button, Qt.MouseButton.LeftButton)
    assert window.page(Page.ASSESSMENT) is page  # the same case, not a new one

    keys(window, "Ctrl+G")  # the guidance
    assert window.current_page_key() == Page.GUIDANCE
    keys(window, "Ctrl+3")  # straight to the needs step, from another page
    assert window.current_page_key() == Page.ASSESSMENT
    assert page.current_step() == "needs"

    window.show_review()  # the step-up review
    assert go_back.isEnabled()
    go_back.trigger()  # Go > The open assessment
    assert window.current_page_key() == Page.ASSESSMENT
    keys(window, "Ctrl+6")
    assert page.current_step() == "preview"
    assert page.state.answer("immediate-danger") == "no"  # nothing was lost on the way


def test_closing_the_assessment_takes_continue_away(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)  # nothing recorded: closes
    assert window.current_page_key() == Page.START
    assert not window.start_page.buttons["continue"].isVisible()
    assert not window.page_actions[Page.ASSESSMENT].isEnabled()
    keys(window, "Ctrl+2")  # no assessment: says so, goes nowhere
    assert window.current_page_key() == Page.START
    assert "No assessment is open" in window.statusBar().currentMessage()


def refuse_consent_at_level_3(qtbot, page) -> None:  # type: ignore[no-untyped-def]
    click_question(qtbot, page, "immediate-danger", "no")
    click_indicator(qtbot, page, "fe-domestic-abuse-l3", "yes")
    page.go_to_step("consent")
    click_question(qtbot, page, "consent-sought", "yes")
    click_question(qtbot, page, "consent-refused", "yes")
    qtbot.waitUntil(page.consent.step_up.isVisible)


def all_text(widget) -> str:  # type: ignore[no-untyped-def]
    edits = widget.findChildren(QPlainTextEdit) + widget.findChildren(QLineEdit)
    return "\n".join(e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text() for e in edits)


def test_step_up_review_carries_this_case_and_never_the_last_one(qtbot) -> None:
    window = make_window(qtbot)
    asked: list[str] = []
    window.ask = lambda title, _text, on_yes: (asked.append(title), on_yes())  # type: ignore[method-assign]
    window.ask_save = lambda title, _text, _save, discard: (asked.append(title), discard())  # type: ignore[method-assign]

    first = start_assessment(qtbot, window)
    refuse_consent_at_level_3(qtbot, first)
    click_indicator(qtbot, first, "fe-parental-alcohol-l2", "yes")  # only the first child
    first.go_to_step("consent")
    qtbot.mouseClick(first.consent.step_up_button, Qt.MouseButton.LeftButton)
    review = window.review()
    assert review is not None
    assert review.answers == first.state.case.answers
    next(iter(review.criteria_boxes.values())).setChecked(True)
    type_into(qtbot, review.notes, "CanaryFirstChild")

    window.new_assessment()  # the first case has unsaved work: asked, and agreed
    assert asked
    second = window.assessment()
    assert second is not None
    assert second is not first
    refuse_consent_at_level_3(qtbot, second)
    qtbot.mouseClick(second.consent.step_up_button, Qt.MouseButton.LeftButton)
    review = window.review()
    assert review is not None
    assert window.current_page_key() == Page.REVIEW
    assert review.origin_case_id == second.state.case.case_id
    assert review.answers == second.state.case.answers  # this child's answers ...
    assert "fe-parental-alcohol-l2" not in review.answers  # ... and none of the other's
    # No decision recorded yet: the review asks for the level, never takes the guidance's (QA #2).
    assert review.current_level() is None
    review.level.setCurrentIndex(review.level.findData(3))
    assert review.consent_note.isVisibleTo(review)  # the refused consent is carried
    assert review.ticked() == frozenset()  # no ticks left over
    assert not any(b.isChecked() for b in review.findChildren(QCheckBox))
    assert "CanaryFirstChild" not in all_text(review)

    type_into(qtbot, review.notes, "CanarySecondChild")
    review.request_rationale()  # back into the same assessment, not a new one
    assert window.assessment() is second
    assert window.current_page_key() == Page.ASSESSMENT
    assert second.current_step() == "decision"
    assert "CanarySecondChild" in second.state.case.stepping.notes
    assert second.has_unsaved_work()


def test_a_review_carried_into_a_new_assessment_is_unsaved_work(qtbot) -> None:
    window = make_window(qtbot)
    window.show_page(Page.START)
    window.handle_start_action("review")
    review = window.review()
    assert review is not None
    review.set_answer("fe-domestic-abuse-l4", "yes")
    review.request_rationale()
    page = window.assessment()
    assert page is not None
    assert page.has_unsaved_work()
    asked: list[str] = []
    window.ask_save = lambda title, *_rest: asked.append(title)  # type: ignore[method-assign]
    window.new_assessment()  # Ctrl+N: asks, does not replace it silently
    assert asked
    assert window.assessment() is page


def test_remove_on_a_recorded_sibling_asks_first(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("child")
    row = page.child.add_child()
    type_into(qtbot, row.label_edit, "Sibling A")
    remove = next(b for b in row.findChildren(type(page.close_button)) if b.text() == "Remove")
    remove.setFocus()
    qtbot.keyClick(remove, Qt.Key.Key_Space)  # Tab from the name, then Space: by accident
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    assert page.child.rows == [row]  # nothing deleted yet
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.No), Qt.MouseButton.LeftButton)
    assert page.child.rows == [row]
    assert page.state.case.household[0].label == "Sibling A"

    qtbot.keyClick(remove, Qt.Key.Key_Space)
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    assert page.child.rows == []
    assert page.state.case.household == []

    empty = page.child.add_child()  # an empty row goes at once: nothing to lose
    qtbot.mouseClick(
        next(b for b in empty.findChildren(type(page.close_button)) if b.text() == "Remove"),
        Qt.MouseButton.LeftButton,
    )
    assert page.child.rows == []


def wheel(widget, steps: int = -1) -> None:  # type: ignore[no-untyped-def]
    event = QWheelEvent(
        QPointF(5, 5),
        QPointF(widget.mapToGlobal(QPoint(5, 5))),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_the_page_not_an_unfocused_choice(qtbot) -> None:
    window = make_window(qtbot)
    qtbot.waitUntil(lambda: window.emergency_key is not None)  # after the first paint
    page = start_assessment(qtbot, window)
    page.go_to_step("child")
    rows = [page.child.add_child() for _ in range(4)]  # a long page that scrolls
    combo = rows[0].age
    combo.setCurrentIndex(2)
    page.child.reference.setFocus()
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus
    scroll = next(a for a in page.findChildren(QScrollArea) if a.widget() is page.child)
    before = scroll.verticalScrollBar().value()
    wheel(combo)
    assert combo.currentIndex() == 2  # the age band is unchanged ...
    assert scroll.verticalScrollBar().value() > before  # ... and the page scrolled
    combo.setFocus()  # chosen on purpose: now the wheel changes it
    qtbot.waitUntil(combo.hasFocus)
    wheel(combo)
    assert combo.currentIndex() == 3


def test_quit_asks_while_drafts_cannot_keep_the_work(qtbot) -> None:
    window = make_window(qtbot)  # no drafts store: work lives in memory only
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "no")
    asked: list[tuple[str, object]] = []
    window.ask_save = lambda title, _text, _save, discard: asked.append((title, discard))  # type: ignore[method-assign]
    keys(window, "Ctrl+Q")
    assert asked
    assert "quitting" in asked[0][0]
    assert window.isVisible()  # still open until the user agrees
    asked[0][1]()  # "Discard"
    assert not window.isVisible()
