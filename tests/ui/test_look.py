"""The visual layer: contrast from the real palette, focus rings, text that grows."""

from __future__ import annotations

from pathlib import Path

import pytest
from assessment_kit import SCREENS, make_window, show_screen, start_assessment, styled_window
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QRadioButton

from thresholds_app.ui.appearance import Appearance, high_contrast_palette
from thresholds_app.ui.contrast import TEXT_CONTRAST, palette_ratio, ratio
from thresholds_app.ui.settings import AppSettings

ROLES = QPalette.ColorRole


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (ROLES.Window, "#202124"),
        (ROLES.WindowText, "#e8eaed"),
        (ROLES.Base, "#2b2c2f"),
        (ROLES.AlternateBase, "#303134"),
        (ROLES.Text, "#e8eaed"),
        (ROLES.Button, "#303134"),
        (ROLES.ButtonText, "#e8eaed"),
        (ROLES.Mid, "#3c4043"),
        (ROLES.Dark, "#45484c"),
        (ROLES.Highlight, "#8ab4f8"),
        (ROLES.HighlightedText, "#ffffff"),
        (ROLES.Link, "#4c7bd0"),
    ):
        palette.setColor(role, QColor(colour))
    placeholder = QColor("#e8eaed")
    placeholder.setAlpha(110)
    palette.setColor(ROLES.PlaceholderText, placeholder)
    return palette


@pytest.mark.parametrize("scheme", ["light", "dark", "high contrast"])
def test_muted_text_borders_and_selection_pass_wcag(
    qapp: QApplication, tmp_path: Path, restore, scheme: str
) -> None:
    if scheme == "dark":
        qapp.setPalette(_dark_palette())
    look = Appearance(qapp, AppSettings(tmp_path / "s.ini"))
    if scheme == "high contrast":
        look.set_contrast_mode("on")
    else:
        look.set_contrast_mode("off")
    palette = qapp.palette()
    for background in (ROLES.Window, ROLES.Base, ROLES.AlternateBase):
        # help text (role "muted" in app.qss is palette(placeholder-text))
        assert palette_ratio(palette, ROLES.PlaceholderText, background) >= TEXT_CONTRAST
        assert palette_ratio(palette, ROLES.Text, background) >= TEXT_CONTRAST
        assert palette_ratio(palette, ROLES.Link, background) >= TEXT_CONTRAST
        for border in (ROLES.Mid, ROLES.Dark):  # fields, cards, scrollbar handles
            assert palette_ratio(palette, border, background) >= 3.0
    # the selected step and the primary button: highlighted text on the highlight
    assert palette_ratio(palette, ROLES.HighlightedText, ROLES.Highlight) >= TEXT_CONTRAST


def test_the_default_fusion_palette_fails_and_is_tuned(qapp: QApplication) -> None:
    # the 3.4:1 of issue 11: Fusion's placeholder text is black at half opacity
    fusion = qapp.style().standardPalette()
    assert palette_ratio(fusion, ROLES.PlaceholderText, ROLES.Window) < TEXT_CONTRAST


def test_high_contrast_palette_is_left_as_it_is(qapp: QApplication, tmp_path, restore) -> None:
    look = Appearance(qapp, AppSettings(tmp_path / "s.ini"))
    look.set_contrast_mode("on")
    expected = high_contrast_palette(dark=False)
    assert qapp.palette().color(ROLES.PlaceholderText) == expected.color(ROLES.PlaceholderText)
    assert ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)


def test_step_list_and_area_list_show_a_focus_ring(qtbot, qapp, tmp_path, restore) -> None:
    Appearance(qapp, AppSettings(tmp_path / "s.ini")).apply()
    window = make_window(qtbot)
    window.resize(1264, 672)  # room for both lists (a narrow window shows the areas compact)
    qtbot.waitUntil(lambda: window.width() == 1264)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    assert page.needs.tree.isVisible()
    for widget in (page.nav, page.needs.tree):
        page.next_button.setFocus()
        qtbot.waitUntil(lambda w=widget: not w.hasFocus())
        before = widget.grab().toImage()
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        after = widget.grab().toImage()
        highlight = qapp.palette().color(ROLES.Highlight).rgb()
        edge = [after.pixel(x, after.height() // 2) for x in range(3)]
        assert highlight in edge, f"no focus ring on {widget.objectName()}"
        assert before != after


def test_radio_buttons_and_start_choices_grow_with_the_text(qtbot, qapp, tmp_path, restore):
    look = Appearance(qapp, AppSettings(tmp_path / "s.ini"))
    look.apply()
    window = make_window(qtbot)
    choice = window.start_page.buttons["new"]
    page = start_assessment(qtbot, window)
    radio = page.safety.row.answers.buttons["yes"]
    assert isinstance(radio, QRadioButton)
    small = (
        radio.sizeHint().height(),
        choice.title.font().pointSizeF(),
        choice.sizeHint().height(),
    )
    small_description = choice.description.font().pointSizeF()
    look.set_scale(1.5)
    qtbot.wait(10)
    assert radio.sizeHint().height() >= small[0] * 1.2
    assert choice.title.font().pointSizeF() == pytest.approx(small[1] * 1.5, rel=0.05)
    assert choice.description.font().pointSizeF() == pytest.approx(small_description * 1.5)
    assert choice.sizeHint().height() > small[2] * 1.2


def test_enter_presses_the_focused_button(qtbot) -> None:
    from PySide6.QtCore import Qt

    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    page.go_to_step("child")
    page.child.add_button.setFocus()
    qtbot.keyClick(page.child.add_button, Qt.Key.Key_Return)
    assert len(page.child.rows) == 1
    page.decision.add_step_button.setFocus()  # a button on another step, reached later
    page.go_to_step("decision")
    page.decision.add_step_button.setFocus()
    qtbot.keyClick(page.decision.add_step_button, Qt.Key.Key_Enter)
    assert len(page.decision.step_rows) == 2
    page.back_button.setFocus()
    qtbot.keyClick(page.back_button, Qt.Key.Key_Return)
    assert page.current_step() == "consent"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_presses_the_red_button_and_start_from_the_top_bar(qtbot, key) -> None:  # type: ignore[no-untyped-def]
    """The top bar is outside every page: Tab to "A child is in immediate danger" and Enter did
    nothing (only Space pressed it), nor on "← Start". (On the idle lock any key wakes the
    screen, and F9 shows whom to call: tests/ui/test_emergency_everywhere.py.)"""
    window = make_window(qtbot)
    page = start_assessment(qtbot, window)
    window.home_button.setFocus()
    QTest.keyClick(window.home_button, key)
    assert window.current_page_key() == "start"
    window.emergency_button.setFocus()
    QTest.keyClick(window.emergency_button, key)
    dialog = window.emergency_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.close()
    window.continue_assessment()
    assert window.assessment() is page


@pytest.mark.parametrize("screen", SCREENS)
def test_enter_presses_every_button_on_every_screen(qtbot, tmp_path, restore, screen) -> None:  # type: ignore[no-untyped-def]
    """Outside a dialog Qt lets only Space press a button; an auto-default one takes Enter too."""
    from PySide6.QtWidgets import QPushButton

    window = styled_window(qtbot, tmp_path)
    show_screen(qtbot, window, tmp_path, screen)
    qtbot.wait(50)
    deaf = [
        button.text() or button.accessibleName()
        for button in window.findChildren(QPushButton)
        if button.isVisible() and button.isEnabled() and not button.autoDefault()
    ]
    assert deaf == []


def _tab_stops(qtbot, window, limit: int = 40) -> list:  # type: ignore[no-untyped-def]
    """Each widget Tab stops at on the page on show, once round, with how it looks focused and
    how it looks once Tab has moved on (reached by the key, as a keyboard user reaches it)."""
    stops: list = []  # type: ignore[type-arg]
    for _ in range(limit):
        before = QApplication.focusWidget()
        for _press in range(30):  # a label's links take a Tab each before the focus moves on
            QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
            if QApplication.focusWidget() is not before:
                break
            qtbot.wait(5)
        focused = QApplication.focusWidget()
        assert focused is not before, f"Tab never left {type(before).__name__}"
        if stops:
            stops[-1].append(stops[-1][0].grab().toImage())  # the last stop, left
        if focused is None or any(s[0] is focused for s in stops):
            break
        stops.append([focused, focused.grab().toImage()])
    return [stop for stop in stops if len(stop) == 3]  # the last one, if the limit cut it short


@pytest.mark.parametrize("contrast", ["off", "on"])
@pytest.mark.parametrize("screen", SCREENS)
def test_every_tab_stop_shows_where_the_focus_is(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, restore, screen, contrast
) -> None:
    # the start screen's and a training story's scrolling regions took the focus unseen
    window = styled_window(qtbot, tmp_path, contrast=contrast)
    window.resize(1280, 720)
    show_screen(qtbot, window, tmp_path, screen)
    qtbot.wait(50)
    stops = _tab_stops(qtbot, window)
    assert len(stops) >= 3
    unseen = [
        f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
        for widget, focused, left in stops
        if focused == left
    ]
    assert unseen == [], f"no visible focus on: {unseen}"


@pytest.mark.parametrize(("where", "scale"), [("needs", 1.0), ("guidance", 1.0), ("guidance", 2.0)])
def test_a_searchs_links_and_choices_show_where_the_focus_is(  # type: ignore[no-untyped-def]
    qtbot, tmp_path, restore, where, scale
) -> None:
    """The first Tab onto a search's "Also in the guidance" links showed nothing (Qt marks a
    link only from the next Tab), in the assessment and in the guidance; so does the guidance's
    "Choices" button at 200% text."""
    from assessment_kit import search_for, type_into

    window = styled_window(qtbot, tmp_path, scale)
    window.resize(1264, 672)
    if where == "needs":
        page = start_assessment(qtbot, window)
        page.go_to_step("needs")
        search_for(qtbot, page.needs, "hungry")
        others = page.needs.finder.others
    else:
        window.show_page("guidance")
        browser = window.page("guidance")
        browser.focus_search()
        type_into(qtbot, browser.indicators.search, "left alone overnight")
        qtbot.waitUntil(lambda: not browser.indicators.search_pending())
        others = browser.indicators.others
    qtbot.wait(50)
    assert others.isVisible()
    stops = _tab_stops(qtbot, window)
    assert any(widget is others for widget, _focused, _left in stops)
    unseen = [
        f"{type(widget).__name__} {widget.accessibleName() or widget.objectName()!r}"
        for widget, focused, left in stops
        if focused == left
    ]
    assert unseen == [], f"no visible focus on: {unseen}"
