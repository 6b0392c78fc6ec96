"""Helpers for the assessment-flow tests: the shipped pack, a fixed clock, clicking answers.

Imported by the tests in this folder as ``assessment_kit`` (pytest puts the folder on sys.path).
The tests drive the screens as a user would: mouse clicks and key presses on real widgets.
"""

from __future__ import annotations

import os
from datetime import datetime
from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame

from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.paths import default_pack_dir
from thresholds_app.ui.assessment.page import AssessmentPage
from thresholds_app.ui.main_window import PAGE_ASSESSMENT, MainWindow

FRIDAY_AFTERNOON = datetime(2026, 11, 27, 15, 30)  # MASH open
FRIDAY_NIGHT = datetime(2026, 11, 27, 22, 15)  # MASH closed: out-of-hours team


@cache
def solihull() -> Pack:
    """The shipped Solihull pack, loaded once (it must load with no problems)."""
    # THRESHOLDS_UI_TEST_PACK lets a developer test the screens while the shipped pack is
    # mid-edit (point it at a copy of the last good pack); CI always uses the shipped one.
    result = load_pack(os.environ.get("THRESHOLDS_UI_TEST_PACK") or default_pack_dir())
    assert result.pack is not None, [str(p) for p in result.problems]
    assert not result.problems, [str(p) for p in result.problems]
    return result.pack


def make_window(qtbot, when: datetime = FRIDAY_AFTERNOON) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(solihull(), clock=lambda: when)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # shortcuts need the active window
    return window


def opened(qtbot, opening) -> bool:  # type: ignore[no-untyped-def]
    """Wait for a case file being read off the GUI thread; True if it was read and shown.

    ``opening`` is what ``open_case_path`` / ``open_review_path`` return (None for a folder).
    """
    if opening is None:
        return True
    if not opening.done:
        with qtbot.waitSignal(opening.finished, timeout=20_000):
            pass
    return bool(opening.opened)


def start_assessment(qtbot, window: MainWindow) -> AssessmentPage:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(window.start_page.buttons["new"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page_key() == PAGE_ASSESSMENT)
    page = window.page(PAGE_ASSESSMENT)
    assert isinstance(page, AssessmentPage)
    return page


def click_question(qtbot, page: AssessmentPage, question_id: str, answer: str) -> None:  # type: ignore[no-untyped-def]
    """Click an answer to a pack question on whichever step shows it."""
    rows = page.findChildren(QFrame, f"question-{question_id}")
    assert rows, f"no question row for {question_id}"
    row = rows[0]
    for key, widget in page.steps.items():
        if widget.isAncestorOf(row):
            page.go_to_step(key)
    qtbot.mouseClick(row.answers.buttons[answer], Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]


def click_indicator(qtbot, page: AssessmentPage, indicator_id: str, answer: str) -> None:  # type: ignore[no-untyped-def]
    """Open the needs step at the indicator's card and click an answer."""
    page.go_to_step("needs")
    card = page.needs.show_indicator(indicator_id)
    assert card is not None
    qtbot.mouseClick(card.answers.buttons[answer], Qt.MouseButton.LeftButton)


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def search_for(qtbot, needs, words: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type ``words`` into the needs step's search and wait for the results (after the pause)."""
    type_into(qtbot, needs.search, words)
    qtbot.waitUntil(lambda: not needs.finder.busy)
    return needs.result_ids()  # type: ignore[no-any-return]


def complete_everything_but_household(qtbot, page: AssessmentPage) -> None:  # type: ignore[no-untyped-def]
    """Record what a finished referral needs, leaving the household to the test."""
    click_question(qtbot, page, "immediate-danger", "no")
    page.go_to_step("child")
    type_into(qtbot, page.child.reference, "REF-123")
    click_indicator(qtbot, page, "fe-domestic-abuse-l3", "yes")
    page.go_to_step("consent")
    click_question(qtbot, page, "consent-sought", "yes")
    click_question(qtbot, page, "consent-refused", "no")
    type_into(qtbot, page.consent.by_whom, "Mother")
    page.go_to_step("decision")
    qtbot.mouseClick(page.decision.level_buttons[3], Qt.MouseButton.LeftButton)
    type_into(qtbot, page.decision.reasons, "Abuse at home with some protective factors.")
    text = page.decision.free_text
    type_into(qtbot, text["worry"], "Police attended an incident.")
    type_into(qtbot, text["child_voice"], "I get scared when they shout.")
    type_into(qtbot, text["family_views"], "Mother wants help.")
    action, who, by_when = page.decision.step_rows[0]
    type_into(qtbot, action, "Refer to early help")
    type_into(qtbot, who, "DSL")
    type_into(qtbot, by_when, "Today")
    type_into(qtbot, page.decision.referrer["name"], "A Teacher")
    type_into(qtbot, page.decision.referrer["agency"], "Test School")


# Every screen a user reaches in the main window, by the name show_screen takes.
SCREENS = (
    *("start", "training", "guidance", "settings"),
    *("safety", "child", "needs", "consent", "decision", "preview"),  # the assessment's steps
    *("review", "mash", "mash-case"),  # step-up / step-down review; the MASH's list and a case
)


def styled_window(qtbot, tmp_path, scale: float = 1.0, contrast: str = "off") -> MainWindow:  # type: ignore[no-untyped-def]
    """The main window with its settings page and the app's own look, at ``scale`` text and
    high contrast ``contrast`` ("off", "on" or "auto").

    Use with the ``restore`` fixture: the look is the application's font, palette and sheet.
    """
    from PySide6.QtWidgets import QApplication

    from thresholds_app.ui.appearance import Appearance
    from thresholds_app.ui.settings import AppSettings

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings = AppSettings(tmp_path / "s.ini")
    look = Appearance(app, settings)
    look.set_contrast_mode(contrast)
    look.set_scale(scale)  # applies the look
    window = MainWindow(
        solihull(), clock=lambda: FRIDAY_AFTERNOON, settings=settings, appearance=look
    )
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def show_screen(qtbot, window: MainWindow, tmp_path, screen: str) -> None:  # type: ignore[no-untyped-def]
    """Open ``screen`` (one of :data:`SCREENS`) as a user would reach it."""
    if screen in ("safety", "child", "needs", "consent", "decision", "preview"):
        start_assessment(qtbot, window).go_to_step(screen)
    elif screen == "review":
        window.new_review()
    elif screen == "mash":
        window.mash.open_batch()
    elif screen == "mash-case":
        from test_review_mode import older_case_file

        assert opened(qtbot, window.open_review_path(older_case_file(tmp_path)))
    else:
        assert window.show_page(screen)
