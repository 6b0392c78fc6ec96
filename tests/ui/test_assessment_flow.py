"""The guided assessment, clicked and typed through as a practitioner would."""

from __future__ import annotations

import statistics
import time

import pytest
from assessment_kit import (
    FRIDAY_NIGHT,
    click_indicator,
    click_question,
    complete_everything_but_household,
    make_window,
    search_for,
    start_assessment,
    type_into,
)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
)

from thresholds_app.ui.main_window import PAGE_ASSESSMENT, PAGE_REVIEW


def test_level_1_case_by_keyboard(qtbot):
    window = make_window(qtbot)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.current_page_key() == PAGE_ASSESSMENT)
    page = window.page(PAGE_ASSESSMENT)
    no_button = page.safety.row.answers.buttons["no"]
    no_button.setFocus()
    qtbot.keyClick(no_button, Qt.Key.Key_Space)
    assert page.state.answer("immediate-danger") == "no"

    qtbot.keyClick(page, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert page.current_step() == "child"
    type_into(qtbot, page.child.reference, "KB-1")
    page.child.age.setFocus()
    qtbot.keyClick(page.child.age, Qt.Key.Key_Down)
    qtbot.keyClick(page.child.age, Qt.Key.Key_Down)
    qtbot.keyClick(page.child.age, Qt.Key.Key_Down)
    qtbot.keyClick(page.child.age, Qt.Key.Key_Down)
    assert page.state.age_band == "5-10"

    qtbot.keyClick(page, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.current_step() == "needs"
    assert "dn-bruise-explained-l1" in search_for(qtbot, page.needs, "bruise")
    card = page.needs.results.cards["dn-bruise-explained-l1"]
    card.answers.buttons["yes"].setFocus()
    qtbot.keyClick(card.answers.buttons["yes"], Qt.Key.Key_Space)

    # One strength and "No" to danger settle nothing: no "Level 1", no "No gaps" (issue 11).
    qtbot.waitUntil(lambda: page.live.level_label.text() == "Not enough answered yet")
    assert "Level 1" not in page.live.text()
    assert "No gaps" not in page.live.text()
    assert f"Still to answer: {window.pack.domains[1].title}" in page.live.text()
    for domain in window.pack.domains[1:]:
        first = next(i for i in window.pack.indicators.values() if i.domain == domain.id)
        click_indicator(qtbot, page, first.id, "no")
    qtbot.waitUntil(lambda: page.live.level_label.text().startswith("Level 1"))
    assert not page.live.emergency_label.isVisible()
    assert "the level is" not in page.live.text().lower()


def test_level_4_emergency_shows_999_first(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    assert not page.safety.banner.isVisible()
    click_question(qtbot, page, "immediate-danger", "yes")
    qtbot.waitUntil(page.safety.banner.isVisible)
    assert page.live.level_label.text().startswith("Level 4")
    assert page.live.emergency_label.isVisible()

    qtbot.mouseClick(page.safety.call_button, Qt.MouseButton.LeftButton)
    dialog = window._emergency
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    numbers = dialog.phone_numbers()
    assert numbers[0] == "999"
    assert numbers[1] == window.pack.contacts["mash"].phone


def test_danger_not_known_is_shown_as_prominently_as_an_emergency(qtbot):
    # Walked by hand: "Not known" left step 1 silent, and the panel's only word of a possible
    # danger was its last section, below the fold at 1280x720.
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "not-known")
    qtbot.waitUntil(page.safety.banner.isVisible)
    assert page.safety.banner_title.text() == "Find out now whether the child is safe."
    assert "call 999" in page.safety.banner_text.text()
    assert page.live.emergency_label.isVisible()
    assert page.live.emergency_label.text().startswith("Not known if the child is safe")
    assert "call 999" in page.live.emergency_label.text()
    assert "treat it as a possible danger" not in page.live.section_html["warnings"]  # once
    # Opening the contacts from the banner works as for an emergency.
    qtbot.mouseClick(page.safety.call_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window._emergency is not None and window._emergency.isVisible())
    window._emergency.close()

    click_question(qtbot, page, "immediate-danger", "yes")
    qtbot.waitUntil(lambda: page.safety.banner_title.text() == "Call 999 now.")
    assert page.live.emergency_label.text().startswith("Immediate danger: call 999 now")
    click_question(qtbot, page, "immediate-danger", "no")
    qtbot.waitUntil(lambda: not page.safety.banner.isVisible())
    assert not page.live.emergency_label.isVisible()


def test_a_level_4_concern_not_known_below_level_4_is_raised_under_the_level(qtbot):
    # Walked by hand: "Not known" on a Level 4 concern left the panel's top saying nothing
    # points to a level; the one mention was in the gaps, below the fold at 1280x720.
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "no")
    fours = [i for i in window.pack.indicators.values() if i.level == 4 and i.kind == "concern"]
    click_indicator(qtbot, page, fours[0].id, "not-known")
    qtbot.waitUntil(page.live.emergency_label.isVisible)
    assert page.live.emergency_label.text().startswith("A Level 4 concern is not known: if so")
    click_indicator(qtbot, page, fours[1].id, "not-known")
    qtbot.waitUntil(lambda: page.live.emergency_label.text().startswith("2 Level 4 concerns"))
    click_indicator(qtbot, page, fours[1].id, "yes")  # Level 4 already: nothing to raise
    qtbot.waitUntil(lambda: not page.live.emergency_label.isVisible())
    assert page.live.level_label.text().startswith("Level 4")


def test_what_would_change_it_matches_what_the_answer_would_show(qtbot):
    # QA #1: "yes" to immediate danger alone; the panel said "no" would lower it to Level 1,
    # but answering "no" shows "Not enough answered yet".
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "yes")
    qtbot.waitUntil(lambda: page.live.level_label.text().startswith("Level 4"))
    change = page.live.section_html["change"]
    assert "would leave too little answered to suggest a level" in change
    assert "Level 1" not in change
    click_question(qtbot, page, "immediate-danger", "no")
    qtbot.waitUntil(lambda: page.live.level_label.text() == "Not enough answered yet")


def _type_text(widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type any characters, as a keyboard layout or input method would (keyClicks is ASCII)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent

    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def test_identifiers_drop_bidi_controls_as_typed_and_free_text_keeps_them(qtbot):
    # QA #7: "QA-<U+202E>1234" showed reversed in step 2, stripped in the MASH list and PDF.
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("child")
    reference = page.child.reference
    _type_text(reference, "QA-\u202e1234")
    assert reference.text() == "QA-1234"
    assert page.state.case.child.reference == "QA-1234"
    QApplication.clipboard().setText("\u2066X\u2069")
    reference.setCursorPosition(3)
    qtbot.keyClick(reference, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)  # a paste
    assert reference.text() == "QA-X1234"
    assert reference.cursorPosition() == 4  # the cursor stays after what was pasted
    assert page.state.case.child.reference == "QA-X1234"
    page.go_to_step("decision")
    _type_text(page.decision.referrer["name"], "\u200fשרה")
    assert page.state.case.referrer.name == "שרה"
    _type_text(page.decision.free_text["worry"], "\u200fאני רעב")
    assert page.state.case.free_text.worry == "\u200fאני רעב"  # free text exactly as typed


def test_emergency_key_out_of_hours_names_the_out_of_hours_team(qtbot):
    window = make_window(qtbot, FRIDAY_NIGHT)
    qtbot.keyClick(window, Qt.Key.Key_F9)
    dialog = window._emergency
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    out_of_hours = window.pack.contacts[window.pack.contacts["mash"].out_of_hours]
    assert dialog.phone_numbers() == ["999", out_of_hours.phone]


def test_emergency_button_is_on_every_page(qtbot):
    window = make_window(qtbot)
    start_assessment(qtbot, window)
    for key in ("start", "assessment"):
        window.show_page(key)
        assert window.emergency_button.isVisible()
        assert window.emergency_button.accessibleName()


def test_consent_refused_at_level_3_offers_step_up(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "no")
    click_indicator(qtbot, page, "fe-domestic-abuse-l3", "yes")
    qtbot.waitUntil(lambda: page.live.level_label.text().startswith("Level 3"))
    page.go_to_step("consent")
    assert not page.consent.step_up.isVisible()
    # advice given while the step was hidden is laid out in full when it is shown
    advice = page.consent.advice
    qtbot.waitUntil(lambda: advice.height() > 4 * advice.fontMetrics().height())

    click_question(qtbot, page, "consent-sought", "yes")
    click_question(qtbot, page, "consent-refused", "yes")
    assert page.current_step() == "consent"
    qtbot.waitUntil(page.consent.step_up.isVisible)
    assert "Level 3" in page.consent.advice.text()
    assert page.state.case.consent.outcome == "refused"

    with qtbot.waitSignal(page.step_up_requested):
        qtbot.mouseClick(page.consent.step_up_button, Qt.MouseButton.LeftButton)
    assert window.current_page_key() == PAGE_REVIEW
    review = window.review()
    assert review is not None
    assert review.origin_case_id == page.state.case.case_id  # this child's own review


def test_sibling_group_blocks_export_until_each_child_is_considered(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    complete_everything_but_household(qtbot, page)
    page.go_to_step("child")
    first = page.child.add_child()
    second = page.child.add_child()
    type_into(qtbot, first.label_edit, "Sibling A")
    type_into(qtbot, second.label_edit, "Sibling B")

    page.go_to_step("preview")
    assert not page.preview.save_pdf.isEnabled()
    assert "Sibling A" in page.preview.blocker_list.text()
    assert "Sibling B" in page.preview.blocker_list.text()

    page.go_to_step("child")
    first.status.setCurrentIndex(1)  # assessed
    type_into(qtbot, first.detail, "Assessed with this referral at Level 3")
    page.go_to_step("preview")
    assert not page.preview.save_pdf.isEnabled()
    assert "Sibling A" not in page.preview.blocker_list.text()
    assert "Sibling B" in page.preview.blocker_list.text()

    page.go_to_step("child")
    second.status.setCurrentIndex(2)  # not assessed, with a reason
    type_into(qtbot, second.detail, "Lives with father; his school is aware")
    page.go_to_step("preview")
    qtbot.waitUntil(page.preview.save_pdf.isEnabled)
    assert page.preview.blockers() == ()
    for button in page.preview.export_buttons:
        assert button.isEnabled()
    text = page.preview.rationale_text()
    assert "Sibling A" in text
    assert "Sibling B" in text


def test_decision_is_empty_on_every_new_assessment(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "no")
    click_indicator(qtbot, page, "fe-domestic-abuse-l3", "yes")
    qtbot.waitUntil(lambda: page.state.assessment.indicated_level == 3)
    page.go_to_step("decision")
    assert page.decision.decision_level() is None
    assert all(not b.isChecked() for b in page.decision.level_buttons.values())
    assert page.decision.reasons.toPlainText() == ""
    assert page.state.case.decision.level is None
    assert "Record your own decision" in " ".join(b.message for b in page.preview.blockers())

    # A second assessment starts from nothing (hazard H17).
    window.new_assessment()  # unsaved work: the app asks first, without blocking
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None)
    box = QApplication.activeModalWidget()
    assert window.page(PAGE_ASSESSMENT) is page
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Discard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.page(PAGE_ASSESSMENT) is not page)
    second = window.page(PAGE_ASSESSMENT)
    assert second is not page
    assert second.state.case.answers == {}
    assert second.state.case.decision.level is None
    assert second.decision.decision_level() is None


def test_live_panel_updates_within_50_ms(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "no")
    page.go_to_step("needs")
    click_indicator(qtbot, page, "dn-bruise-explained-l1", "yes")  # warm-up: first layout
    timings = []
    for indicator_id, answer, expected in (
        ("fe-parental-alcohol-l2", "yes", "Level 2"),
        ("fe-domestic-abuse-l3", "yes", "Level 3"),
        ("fe-domestic-abuse-l4", "yes", "Level 4"),
        ("fe-domestic-abuse-l4", "no", "Level 3"),
        ("fe-domestic-abuse-l3", "no", "Level 2"),
    ):
        card = page.needs.show_indicator(indicator_id)
        QApplication.processEvents()  # finish scrolling to the card before timing
        start = time.thread_time()
        qtbot.mouseClick(card.answers.buttons[answer], Qt.MouseButton.LeftButton)
        QApplication.processEvents()  # include the repaint and re-layout
        timings.append(time.thread_time() - start)
        assert page.live.level_label.text().startswith(expected)
    # The GUI thread's own CPU time: on a shared machine (a load of 8 on 2 cores) the wall clock
    # also counts waiting for a core, and failed. The median is the figure.
    assert statistics.median(timings) < 0.05, timings


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("bruise", "dn-bruise-explained-l1"),
        ("drinking", "fe-parental-alcohol-l2"),
        ("prison", None),
        ("missing", None),
    ],
)
def test_search_finds_indicators_by_everyday_words(qtbot, words, expected):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    found = search_for(qtbot, page.needs, words)
    assert found, words
    if expected:
        assert expected in found
    assert page.needs.pages.currentWidget() is page.needs.results


def test_neighbouring_levels_are_one_click_away(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    card = page.needs.show_indicator("fe-domestic-abuse-l3")
    qtbot.mouseClick(card.details_button, Qt.MouseButton.LeftButton)
    assert card.details is not None
    assert card.details.isVisible()
    links = [
        label
        for label in card.details.findChildren(QLabel)
        if "fe-domestic-abuse-l4" in label.text()
    ]
    assert links
    links[0].linkActivated.emit("fe-domestic-abuse-l4")
    target = page.needs.show_area("family-history-functioning").cards["fe-domestic-abuse-l4"]
    assert page.needs.pages.currentWidget().cards["fe-domestic-abuse-l4"] is target


def test_text_boxes_never_trap_the_tab_key(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    edits = page.findChildren(QPlainTextEdit)
    assert edits
    for edit in edits:
        assert edit.tabChangesFocus(), edit.accessibleName()
        assert edit.accessibleName(), edit.objectName()


def test_age_band_changes_which_indicators_are_offered(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("child")
    page.child.age.setCurrentIndex(page.child.age.findData("5-10"))
    page.go_to_step("needs")
    cards = page.needs.show_area("health").cards
    assert "dn-substance-use-l2" not in cards
    # Mobility is its own question now (issue 12): the non-mobile injury applies at every age.
    assert "dn-injury-non-mobile-l4" in cards
    page.go_to_step("child")
    page.child.age.setCurrentIndex(page.child.age.findData("11-15"))
    page.go_to_step("needs")
    assert "dn-substance-use-l2" in page.needs.show_area("health").cards


def test_no_answer_ever_fills_the_decision(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    answers = ["yes", "no", "not-known"]
    for number, indicator_id in enumerate(sorted(window.pack.indicators)[:40]):
        page.state.set_answer(indicator_id, answers[number % 3])
        assert page.state.case.decision.level is None
    page.go_to_step("decision")
    assert page.decision.decision_level() is None
    assert page.decision.reasons.toPlainText() == ""
    assert page.decision.differs.toPlainText() == ""


def test_relevant_pathways_are_offered_and_open(qtbot):
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    click_indicator(qtbot, page, "fe-domestic-abuse-l3", "yes")
    assert "domestic-abuse" in page.state.assessment.topics
    button = page.needs.findChild(QPushButton, "pathway-domestic-abuse")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = page.findChild(QDialog, "topic-domestic-abuse")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert window.pack.topics["domestic-abuse"].title in text
    dialog.close()
