""" "Go there" lands on the question, never on one of its answers (a stray Space would answer it).

After "Go there" to the immediate-danger question the focus was on "Yes": one Space and the
child was recorded as in immediate danger. Every blocker's target is checked, and for a question
Tab from its words reaches its answers.
"""

from __future__ import annotations

from assessment_kit import make_window, start_assessment
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QFrame

from thresholds_app.core.case.readiness import find_blockers


def _focus_after_go_there(qtbot, page, step: str, field: str):  # type: ignore[no-untyped-def]
    page.go_to_step("preview")
    page.preview.blocker_list.linkActivated.emit(f"{step}#{field}")
    qtbot.waitUntil(lambda: page.current_step() == step)
    qtbot.wait(10)
    return QApplication.focusWidget()


def test_go_there_to_immediate_danger_lands_on_the_question_not_yes(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    question = page.state.pack.roles.immediate_danger
    focused = _focus_after_go_there(qtbot, page, "safety", f"answers.{question}")
    assert focused is page.safety.row.words
    qtbot.keyClick(focused, Qt.Key.Key_Space)  # a stray Space answers nothing
    assert page.state.answer(question) is None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)  # Tab goes on to the answers
    assert QApplication.focusWidget() is page.safety.row.answers.buttons["yes"]


def test_go_there_to_the_level_lands_on_its_question_and_tab_reaches_the_levels(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    focused = _focus_after_go_there(qtbot, page, "decision", "decision.level")
    assert focused is page.decision.level_heading
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert page.decision.decision_level() is None
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() in page.decision.level_buttons.values()


def test_no_go_there_target_is_an_answer(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.child.add_child()
    page.go_to_step("preview")
    blockers = find_blockers(page.state.pack, page.state.case, page.state.assessment)
    fields = {(b.step, b.field) for b in blockers}
    # and every question of every step, by the name a blocker gives it
    for key, step in page.steps.items():
        for row in step.findChildren(QFrame):
            if row.objectName().startswith("question-"):
                fields.add((key, f"answers.{row.objectName().removeprefix('question-')}"))
    fields.add(("needs", f"answers.{next(iter(page.state.pack.indicators))}"))
    fields.add(("consent", "consent.lawful_basis"))
    for step, field in sorted(fields):
        if field == "answers":  # "not assessed yet": the needs step as a whole
            continue
        assert page.go_to_field(step, field), (step, field)
        focused = QApplication.focusWidget()
        checkable = isinstance(focused, QAbstractButton) and focused.isCheckable()
        assert not checkable, f"{step}#{field} lands on an answer: {focused.text()!r}"
    assert ("decision", "decision.level") in fields
    assert len([f for f in fields if f[1].startswith("answers.")]) >= 5


def test_tab_from_the_search_box_reaches_the_pathway_buttons_in_screen_order(qtbot) -> None:
    """Pathway buttons made after an answer joined the end of the Tab chain: by keyboard they
    were reached only after every card of the step, if ever."""
    from assessment_kit import click_indicator, search_for

    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_indicator(qtbot, page, "dn-condition-poorly-managed-l3", "yes")  # brings up Neglect
    neglect = page.needs.findChild(QAbstractButton, "pathway-neglect")
    assert neglect is not None
    qtbot.waitUntil(neglect.isVisible)  # a widget added to a shown one shows on the next turn
    for words in ("", "hungry"):  # the area's cards, then search results
        if words:
            assert search_for(qtbot, page.needs, words)
        page.needs.search.setFocus()
        qtbot.waitUntil(page.needs.search.hasFocus)
        reached = []
        for _ in range(3):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            reached.append(QApplication.focusWidget())
        assert neglect in reached, (words, [w.accessibleName() for w in reached])
