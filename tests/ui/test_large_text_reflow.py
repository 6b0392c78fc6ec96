"""At 200% text on a 1280x720 screen the screens reflow instead of running off it.

Before, the assessment's four columns made the window 1353 pixels wide (the step list, the
area list, the cards and the live panel side by side), the live panel cut its own level off at
the bottom, the top bar's title took a second line from every screen, and rows of buttons
(MASH review, training) widened their screens past the screen's edge.
"""

from __future__ import annotations

from assessment_kit import click_question, start_assessment, styled_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton, QWidget
from test_layout_fits import WINDOW, clipped

from thresholds_app.ui.assessment.steps import STEPS
from thresholds_app.ui.flow_row import FlowRow


def _window(qtbot, tmp_path, scale: float):  # type: ignore[no-untyped-def]
    window = styled_window(qtbot, tmp_path, scale)
    window.setGeometry(0, 0, *WINDOW)
    qtbot.waitUntil(lambda: window.width() == WINDOW[0])
    return window


def test_at_200_percent_the_steps_go_by_number_and_the_areas_drop_down(
    qtbot, tmp_path, restore
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path, 2.0)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    qtbot.wait(30)
    needs = page.needs
    # the step list shows numbers; each still names its step to a screen reader and on hover
    for row, (_key, title) in enumerate(STEPS):
        item = page.nav.item(row)
        assert item.text() == str(row + 1)
        assert item.data(Qt.ItemDataRole.AccessibleTextRole) == title
        assert item.toolTip() == title
    assert page.nav.width() < 120
    assert not needs.tree.isVisible()
    assert needs.area_choice.isVisible()
    # the cards get the room: at least 40 characters a line
    card = next(iter(needs.pages.currentWidget().cards.values()))
    assert card.width() >= card.fontMetrics().averageCharWidth() * 40
    # the drop-down and the hidden list agree, and a domain's heading cannot be chosen
    choice = needs.area_choice
    assert choice.currentIndex() == needs.tree.currentRow()
    headings = [i for i in range(choice.count()) if not choice.itemData(i)]
    assert headings
    assert all(not choice.model().item(i).isEnabled() for i in headings)
    last = choice.count() - 1
    choice.setCurrentIndex(last)
    assert needs.tree.currentRow() == last
    area = needs.tree.item(last).data(Qt.ItemDataRole.UserRole)
    assert needs.pages.currentWidget() is needs.show_area(area)
    needs.tree.setCurrentRow(1)  # a search result's "Go there" moves the list
    assert choice.currentIndex() == 1
    # the window stays on the screen, with nothing cut off
    assert window.width() <= WINDOW[0]
    assert clipped(page.live) == []


def test_back_at_100_percent_the_lists_come_back(qtbot, tmp_path, restore) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path, 1.0)
    page = start_assessment(qtbot, window)
    page.go_to_step("needs")
    qtbot.wait(30)
    assert page.nav.item(2).text() == STEPS[2][1]
    assert page.needs.tree.isVisible()
    assert not page.needs.area_choice.isVisible()
    # the splitter gives the steps what a narrower step list leaves: no empty column beside it
    assert page.splitter.sizes()[0] == page.nav.width()


def test_the_top_bar_keeps_the_red_button_whole_and_drops_a_name_that_would_wrap(
    qtbot, tmp_path, restore
) -> None:  # type: ignore[no-untyped-def]
    window = _window(qtbot, tmp_path, 2.0)
    bar = window.top_bar
    assert bar.title.isVisible()  # on the start screen "← Start" is hidden: it fits
    start_assessment(qtbot, window)
    qtbot.wait(30)
    assert bar.home_button.isVisible()
    assert not bar.title.isVisible()
    button = bar.emergency_button
    assert button.width() >= button.sizeHint().width()
    right = button.mapTo(window, QPoint(button.width(), 0)).x()
    assert right <= window.width()
    # "← Start" does not stretch into the name's room
    assert bar.home_button.width() <= bar.home_button.sizeHint().width() + 2
    assert bar.height() < 2.5 * button.height()  # one line, not two
    window.resize(1900, WINDOW[1])  # a wider window: the name has room again
    qtbot.waitUntil(bar.title.isVisible)
    window.resize(*WINDOW)
    qtbot.waitUntil(lambda: not bar.title.isVisible())
    window.show_page("start")
    assert bar.title.isVisible()


def test_a_flow_row_wraps_its_buttons_and_is_only_as_wide_as_the_widest(qtbot) -> None:  # type: ignore[no-untyped-def]
    holder = QWidget()
    qtbot.addWidget(holder)
    row = FlowRow(right=True)
    row.setParent(holder)
    buttons = [QPushButton(f"A button with a long name {n}") for n in range(4)]
    for button in buttons:
        row.addWidget(button)
    widest = max(b.sizeHint().width() for b in buttons)
    assert row.minimumSizeHint().width() == widest
    one_line = row.sizeHint()
    row.resize(one_line.width(), one_line.height())
    holder.show()
    qtbot.waitExposed(holder)
    assert len({b.y() for b in buttons}) == 1  # room for all: one line
    assert row.heightForWidth(widest) > 3 * buttons[0].sizeHint().height()  # one a line
    row.resize(widest + 10, row.heightForWidth(widest + 10))
    qtbot.wait(10)
    tops = [b.y() for b in buttons]
    assert tops == sorted(tops)
    assert len(set(tops)) == 4
    assert all(b.geometry().right() <= row.width() for b in buttons)  # none cut off
    assert row.minimumHeight() == row.heightForWidth(row.width())  # kept when squeezed


def test_practice_at_200_percent_keeps_the_story_and_its_buttons_whole(
    qtbot, tmp_path, restore
) -> None:  # type: ignore[no-untyped-def]
    """The four buttons made the window 1547 pixels wide, and the story lost its last lines."""
    window = _window(qtbot, tmp_path, 2.0)
    window.show_page("training")
    training = window.page("training")
    scenario = next(s for s in training.found() if s.expected_level is not None)
    practice = training.practise([scenario])
    qtbot.wait(50)
    assert window.width() <= WINDOW[0]
    assert window.minimumSizeHint().width() <= WINDOW[0]
    assert clipped(practice) == []
    story = practice.story_scroll
    whole = practice.story.heightForWidth(story.viewport().width())
    assert story.height() < whole  # a long story scrolls on its own...
    assert story.height() >= 3 * practice.story.fontMetrics().lineSpacing()  # ...3 lines shown


def test_the_guidance_at_200_percent_folds_its_sections_and_choices(
    qtbot, tmp_path, restore
) -> None:  # type: ignore[no-untyped-def]
    """The list of sections and four choices left a danger-shaped search's reminder and links
    too little room: their last lines were cut off."""
    window = _window(qtbot, tmp_path, 2.0)
    window.show_page("guidance")
    browser = window.page("guidance")
    qtbot.wait(50)
    assert not browser.sections.isVisible()
    assert browser.section_choice.isVisible()
    assert browser.provenance.isVisible()  # how sure the section is: never dropped
    browser.section_choice.setCurrentIndex(1)
    assert browser.current_section() == "indicators"
    indicators = browser.indicators
    button = indicators.choices_button
    assert button.isVisible()
    assert not indicators.level.isVisible()
    button.click()
    assert indicators.level.isVisible()
    indicators.level.setCurrentIndex(2)
    assert "1 set" in button.text()  # folded, a choice that narrows the list is still said
    button.click()
    assert not indicators.level.isVisible()
    qtbot.wait(30)  # laid out again for the button's new words
    assert clipped(indicators) == []


def test_a_danger_banner_raised_at_200_percent_is_scrolled_into_view(
    qtbot, tmp_path, restore
) -> None:  # type: ignore[no-untyped-def]
    # At 120% text and more, "Not known" (or "Yes") raised its banner below the fold: the page
    # did not move, and "Show whom to call" was out of sight.
    window = _window(qtbot, tmp_path, 2.0)
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "not-known")
    qtbot.waitUntil(page.safety.banner.isVisible)
    viewport = page.scrolls["safety"].viewport()

    def in_view(widget: QWidget) -> bool:
        top = widget.mapTo(viewport, QPoint(0, 0)).y()
        return top >= 0 and top + widget.height() <= viewport.height()

    qtbot.waitUntil(lambda: in_view(page.safety.call_button))
