"""The screens show core's rules and route from core's data, never from the words (issue 10, 11)."""

from __future__ import annotations

import re

from assessment_kit import (
    click_question,
    complete_everything_but_household,
    make_window,
    start_assessment,
    type_into,
)

from thresholds_app.core.rules.consent import DO_NOT_TELL_PARENTS


def links(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(link target, message) for each blocker shown on step 6."""
    html = page.preview.blocker_list.text()
    return [
        (target, message.strip())
        for message, target in re.findall(r"<li>(.*?) <a href='([^']+)'>", html)
    ]


def test_a_household_members_go_there_opens_the_household_step(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    complete_everything_but_household(qtbot, page)
    page.go_to_step("child")
    page.child.add_child()
    second = page.child.add_child()
    # A name that once sent "Go there" to the consent step, because the words were searched.
    type_into(qtbot, second.label_edit, "Consent Jones")
    page.child.rows[0].status.setCurrentIndex(2)
    type_into(qtbot, page.child.rows[0].detail, "Lives with her father")
    page.go_to_step("preview")
    target = next(t for t, m in links(page) if "Consent Jones" in m)
    assert target == "child#household[1].reason_not_assessed"
    page.preview.blocker_list.linkActivated.emit(target)
    assert page.current_step() == "child"
    qtbot.waitUntil(lambda: second.status.hasFocus() or second.detail.hasFocus())


def test_step_6_is_never_ready_while_the_danger_question_is_unanswered(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    complete_everything_but_household(qtbot, page)
    click_question(qtbot, page, "other-children-considered", "yes")
    page.go_to_step("preview")
    assert page.preview.blockers() == ()
    assert page.preview.ready_label.isVisibleTo(page.preview)
    page.state.set_answer("immediate-danger", None)
    page.go_to_step("preview")
    assert not page.preview.ready_label.isVisibleTo(page.preview)
    assert not page.preview.save_pdf.isEnabled()
    (target, _message) = links(page)[0]
    assert target == "safety#answers.immediate-danger"
    text = page.preview.rationale_text()
    assert "Emergency: Not answered" in text
    assert "Emergency: No." not in text
    assert page.save_pdf() is None  # export refuses, whatever the buttons say


def test_the_do_not_tell_advice_is_said_once_on_the_consent_step(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    complete_everything_but_household(qtbot, page)
    click_question(qtbot, page, "informing-parents-increases-risk", "yes")
    page.go_to_step("consent")
    advice = page.consent.advice.text()
    assert advice.count(DO_NOT_TELL_PARENTS.split(":")[0]) == 1
    assert "Do not tell the parents before you share" not in advice
