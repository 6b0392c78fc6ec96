"""Inside each step: one scroll area, required fields marked, "Go there" lands on the field,
concerns before strengths, and a live panel that reads at a glance."""

from __future__ import annotations

import re

import pytest
from assessment_kit import click_indicator, click_question, make_window, start_assessment
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea

from thresholds_app.ui.assessment.preview_step import field_for_blocker


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
    ("blocker_words", "step", "widget"),
    [
        ("case reference", "child", lambda p: p.child.reference),
        ("Write the reasons for your decision.", "decision", lambda p: p.decision.reasons),
        ("Say what you are worried about.", "decision", lambda p: p.decision.free_text["worry"]),
        ("Record the family's views", "decision", lambda p: p.decision.free_text["family_views"]),
        (
            "Add your name and agency as the referrer.",
            "decision",
            lambda p: p.decision.referrer["name"],
        ),
        ("Record who gave or refused consent.", "consent", lambda p: p.consent.by_whom),
    ],
)
def test_go_there_lands_on_the_missing_field(qtbot, blocker_words, step, widget) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("preview")
    blocker = next((b for b in page.preview.blockers() if blocker_words.lower() in b.lower()), None)
    if blocker is None:  # e.g. "who gave consent" only once consent is recorded as sought
        blocker = blocker_words
    assert field_for_blocker(blocker)[0] == step
    page.preview.go_to_step_requested.emit(":".join(field_for_blocker(blocker)))
    target = widget(page)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is target)
    assert page.current_step() == step
    # scrolled into view within the step's one scroll area
    scroll = page.scrolls[step]
    top = target.mapTo(scroll.viewport(), target.rect().topLeft()).y()
    assert 0 <= top < scroll.viewport().height()


def test_every_blocker_link_names_a_field(qtbot) -> None:
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("preview")
    links = re.findall(r"href='([^']+)'", page.preview.blocker_list.text())
    assert links
    for link in links:
        step, _, field = link.partition(":")
        assert field, link
        assert page.go_to_field(step, field), link


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
