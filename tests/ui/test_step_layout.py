"""Inside each step: one scroll area, required fields marked, "Go there" lands on the field,
concerns before strengths, and a live panel that reads at a glance."""

from __future__ import annotations

import re

import pytest
from assessment_kit import click_indicator, click_question, make_window, start_assessment
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea

from thresholds_app.core.case.record import NextStep


def test_each_step_has_exactly_one_scroll_area(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    for key, step in page.steps.items():
        page.go_to_step(key)
        scrolls = [s for s in step.findChildren(QScrollArea) if s.objectName().startswith("scroll")]
        own = page.scrolls[key]
        inner = [
            s
            for s in own.widget().findChildren(QScrollArea)
            if s.isVisibleTo(own) and s.verticalScrollBar().maximum() > 0
        ]
        assert inner == [], f"{key}: a scroll area inside the step's scroll area"
        assert len(scrolls) <= 1


def test_required_fields_are_marked_in_words(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    marked = {
        label.text().replace("&", "")
        for label in page.findChildren(QLabel)
        if "(required" in label.text()
    }
    for words in (
        "Case reference",
        "Other children",
        "What happened",
        "The level of need you judge applies",
        "Reasons for your decision",
        "What are you worried about?",
        "The child's voice, in their own words",
        "The family's views",
        "Next steps",
        "Your name",
        "Your agency",
    ):
        assert any(m.startswith(words) for m in marked), words


@pytest.mark.parametrize(
    ("field", "step", "widget"),
    [
        ("child.reference", "child", lambda p: p.child.reference),
        ("decision.reasons", "decision", lambda p: p.decision.reasons),
        ("free_text.worry", "decision", lambda p: p.decision.free_text["worry"]),
        ("free_text.family_views", "decision", lambda p: p.decision.free_text["family_views"]),
        ("referrer.name", "decision", lambda p: p.decision.referrer["name"]),
        ("next_steps[0].action", "decision", lambda p: p.decision.step_rows[0][0]),
        ("household[0].reason_not_assessed", "child", lambda p: p.child.rows[0].status),
        ("consent.by_whom", "consent", lambda p: p.consent.by_whom),
    ],
)
def test_go_there_lands_on_the_missing_field(qtbot, field, step, widget) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.child.add_child()
    page.go_to_step("preview")
    # the link as the preview step writes it for core's structured blocker
    page.preview.blocker_list.linkActivated.emit(f"{step}#{field}")
    target = widget(page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)
    assert page.current_step() == step
    # scrolled into view within the step's one scroll area
    scroll = page.scrolls[step]
    top = target.mapTo(scroll.viewport(), target.rect().topLeft()).y()
    assert 0 <= top < scroll.viewport().height()


def test_every_blocker_lands_on_a_field(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.child.add_child()
    page.go_to_step("preview")
    blockers = page.preview.blockers()
    assert blockers
    for blocker in blockers:
        if blocker.field == "answers":  # "not assessed yet": the needs step as a whole
            continue
        assert page.go_to_field(blocker.step, blocker.field), blocker


def test_concerns_come_before_strengths_in_an_area(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    cards = page.needs.show_area("social-presentation").cards.values()
    kinds = [card.indicator.kind for card in cards]
    assert "strength" in kinds
    assert kinds.index("strength") > max(i for i, k in enumerate(kinds) if k == "concern")


def test_live_panel_gives_one_line_per_concern_strongest_first(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    text = page.live.text()
    assert "rule" not in text.lower()  # no "No rule has fired yet"
    click_question(qtbot, page, "immediate-danger", "no")
    click_indicator(qtbot, page, "dn-hygiene-poor-l3", "yes")
    click_indicator(qtbot, page, "dn-hygiene-l2", "yes")
    why = page.live.section_html["why"]
    items = re.findall(r"<li[^>]*>(.*?)</li>", why)
    concerns = [i for i in items if i.startswith("<b>Level ")]
    assert len(concerns) >= 2
    assert concerns[0].startswith("<b>Level 3</b>")
    assert "appearance leads to teasing" in concerns[0]
    assert all("<br>" not in item for item in concerns)  # one line each, no nested answers


def test_tab_follows_the_screen_after_rows_are_added(qtbot) -> None:
    from PySide6.QtCore import Qt

    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("child")
    child = page.child
    first = child.add_child()
    second = child.add_child()
    qtbot.wait(1)  # new rows are shown on the next turn of the event loop
    expected = [
        first.label_edit,
        first.relationship,
        first.age,
        first.status,
        first.remove_button,  # the reason box is disabled until "Not assessed" is chosen
        second.label_edit,
        second.relationship,
        second.age,
        second.status,
        second.remove_button,
        child.add_button,
    ]

    def tab_from(widget):  # type: ignore[no-untyped-def]
        if not window.isActiveWindow():  # the offscreen platform drops it at times
            window.activateWindow()
            qtbot.waitUntil(window.isActiveWindow)
        widget.setFocus()
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        return QApplication.focusWidget()

    seen = []
    at = child.other_children.answers.buttons["not-known"]
    for _ in expected:
        at = tab_from(at)
        seen.append(at)
    assert seen == expected
    # and on to the rest of the step, not back to the top of the window (seen in a real window)
    after = tab_from(child.add_button)
    first_question = child._questions("context")[0]
    (next_row,) = child.findChildren(QFrame, f"question-{first_question.id}")
    assert after is next_row.answers.buttons["yes"], after.accessibleName()
    # and in the decision step, a next step added later still comes before "Add a next step"
    page.go_to_step("decision")
    added = page.decision.add_step_row(NextStep())
    qtbot.wait(1)
    assert tab_from(page.decision.step_rows[0][2]) is added[0]
    assert tab_from(page.decision.add_step_button) is page.decision.referrer["name"]
