"""Training driven as a trainer and a learner would: the library, practice, the presenter."""

from __future__ import annotations

from pathlib import Path

from assessment_kit import click_indicator, click_question, make_window, solihull, type_into
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from thresholds_app.core.pack.model import Scenario
from thresholds_app.ui.shell.pages import Page
from thresholds_app.ui.training.library_page import TrainingPage
from thresholds_app.ui.training.presenter import PresenterView
from thresholds_app.ui.training.set_result import SetResultView


def _choose_level(qtbot, page, level: int) -> None:  # type: ignore[no-untyped-def]
    """Click the radio button's own label (its hit area), as a learner would."""
    button = page.decision.level_buttons[level]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(12, button.height() // 2))
    assert button.isChecked()


def _training(qtbot) -> TrainingPage:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    qtbot.mouseClick(window.start_page.buttons["training"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_page_key() == Page.TRAINING)
    page = window.page(Page.TRAINING)
    assert isinstance(page, TrainingPage)
    qtbot.waitUntil(page.isVisible)  # a lazy page shows its content on the next event turn
    return page


def _scenario(level: int) -> Scenario:
    return next(
        s for s in solihull().scenarios if s.expected_level == level and len(s.key_indicators) > 2
    )


def test_library_filters_as_the_trainer_chooses(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _training(qtbot)
    everything = page.list.count()
    assert everything == len(solihull().scenarios)
    page.hide_guidance.setChecked(False)  # a level filter shows levels: only when not hidden
    page.level.setCurrentIndex(page.level.findData(4))
    assert 0 < page.list.count() < everything
    assert all(s.expected_level == 4 for s in page.found())
    page.direction.setCurrentIndex(page.direction.findData("under"))
    assert all("under-referral" in s.themes for s in page.found())
    type_into(qtbot, page.search, "zzzz-nothing")
    assert page.list.count() == 0
    assert not page.present_button.isEnabled()
    assert "No scenarios match" in page.story.text()


def test_hidden_guidance_is_hidden_in_the_list_and_its_filter(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _training(qtbot)
    assert page.hide_guidance.isChecked()  # the default
    rows = [page.list.item(i).text() for i in range(page.list.count())]
    assert rows
    assert not any("Level" in row for row in rows)
    assert page.level.isHidden()
    page.hide_guidance.setChecked(False)
    assert not page.level.isHidden()
    assert all(" · Level " in page.list.item(i).text() for i in range(page.list.count()))
    page.level.setCurrentIndex(page.level.findData(4))
    page.hide_guidance.setChecked(True)  # hiding again drops the level filter too
    assert page.level.currentData() is None
    assert page.list.count() == len(solihull().scenarios)


def test_the_answer_slide_says_why_an_escalation_is_level_4(qtbot) -> None:  # type: ignore[no-untyped-def]
    scenario = next(
        s for s in solihull().scenarios if s.id == "sc-esc-neglect-two-reviews-no-change"
    )
    presenter = PresenterView(solihull(), [scenario])
    qtbot.addWidget(presenter)
    presenter.show()
    qtbot.keyClick(presenter, Qt.Key.Key_R)
    text = presenter.answer.text()
    assert "Level 4" in text
    assert "Why: Early help has not changed things" in text


def test_a_local_file_with_problems_is_refused_with_lines(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = _training(qtbot)
    bad = tmp_path / "mine.yaml"
    bad.write_text("scenarios:\n  - id: a\n    title: A\n", encoding="utf-8")
    problems = page.add_local_file(bad)
    assert problems
    assert all(p.startswith("mine.yaml:") for p in problems)
    assert page.list.count() == len(solihull().scenarios)


def test_practice_is_scored_with_missed_and_extra_indicators(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _training(qtbot)
    scenario = _scenario(3)
    practice = page.practise([scenario])
    assessment = practice.page
    assert assessment is not None
    assert not assessment.live.isVisibleTo(page)  # guidance hidden until the learner commits
    assert not assessment.decision.indicated.isVisibleTo(page)
    assert practice.story.text() == scenario.story
    # Comparing before a level is recorded says what is needed and opens step 5.
    qtbot.mouseClick(practice.compare_button, Qt.MouseButton.LeftButton)
    assert practice.results == []
    assert "first record your own level in step 5" in practice.hint.text()
    assert practice.hint.property("role") == "warning"
    assert practice.hint.isVisible()
    assert assessment.current_step() == "decision"

    click_question(qtbot, assessment, "immediate-danger", "no")
    found, missed = scenario.key_indicators[:-1], scenario.key_indicators[-1]
    for indicator in found:
        click_indicator(qtbot, assessment, indicator, "yes")
    extra = next(i for i in solihull().indicators if i not in scenario.key_indicators)
    click_indicator(qtbot, assessment, extra, "yes")
    assessment.go_to_step("decision")
    _choose_level(qtbot, assessment, 2)
    type_into(qtbot, assessment.decision.reasons, "The child's own words and the school's records")
    assert practice.compare_button.isEnabled()
    assert "first record" not in practice.hint.text()  # the warning went with its reason
    qtbot.mouseClick(practice.compare_button, Qt.MouseButton.LeftButton)

    result = practice.results[-1]
    assert not result.correct
    assert result.learner_level == 2
    assert result.found == tuple(found)
    assert result.missed == (missed,)
    assert result.unsupported == (extra,)
    shown = " ".join(label.text() for label in practice.findChildren(QLabel))
    assert solihull().indicators[missed].text in shown
    assert solihull().indicators[extra].text in shown
    assert "differs from the one the guidance expects" in shown
    qtbot.mouseClick(practice.switch_button, Qt.MouseButton.LeftButton)
    assert practice.stack.currentWidget() is assessment
    assert assessment.live.isVisibleTo(page)  # the guidance is shown once the level is committed

    qtbot.mouseClick(practice.finish_button, Qt.MouseButton.LeftButton)
    view = page.pages.currentWidget()
    assert isinstance(view, SetResultView)
    assert "0 of 1" in view.summary.text()
    type_into(qtbot, view.name, "Sam Trainee")
    assert view.certificate_pdf().startswith(b"%PDF")


def test_a_correct_practice_run(qtbot) -> None:  # type: ignore[no-untyped-def]
    page = _training(qtbot)
    scenario = _scenario(4)
    practice = page.practise([scenario])
    assessment = practice.page
    assert assessment is not None
    for answer_id, answer in scenario.answers().items():
        if answer_id in solihull().indicators:
            click_indicator(qtbot, assessment, answer_id, answer)
        else:
            click_question(qtbot, assessment, answer_id, answer)
    assessment.go_to_step("decision")
    _choose_level(qtbot, assessment, 4)
    result = practice.compare()
    assert result is not None
    assert result.correct
    assert result.missed == ()
    assert result.unsupported == ()


def _presenter(qtbot, count: int = 3) -> PresenterView:  # type: ignore[no-untyped-def]
    scenarios = [s for s in solihull().scenarios if s.expected_level is not None][:count]
    view = PresenterView(solihull(), scenarios)
    qtbot.addWidget(view)
    view.resize(1280, 720)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    view.setFocus()
    return view


def _visible_text(view: QWidget) -> str:
    return " ".join(label.text() for label in view.findChildren(QLabel) if label.isVisibleTo(view))


def test_presenter_navigation_reveal_and_black_screen_by_keyboard(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _presenter(qtbot)
    first = view.scenario
    expected = solihull().levels[first.expected_level].name
    assert first.story in _visible_text(view)
    assert "The guidance indicates" not in _visible_text(view)  # not until asked
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert "The guidance indicates" in _visible_text(view)
    assert expected in _visible_text(view)
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert first.discussion_points[0] in _visible_text(view)
    qtbot.keyClick(view, Qt.Key.Key_PageDown)  # the clicker's "next"
    assert view.index == 1
    assert not view.revealed
    assert "The guidance indicates" not in _visible_text(view)
    qtbot.keyClick(view, Qt.Key.Key_PageUp)  # the clicker's "back"
    assert view.index == 0
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert view.black
    assert view.stack.currentWidget() is view.blank
    assert not view.help.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_R)  # nothing shows by accident on a black screen
    assert not view.revealed
    qtbot.keyClick(view, Qt.Key.Key_Period)  # some clickers send "." for black
    assert not view.black
    qtbot.keyClick(view, Qt.Key.Key_G)  # the guidance at a keypress
    assert view.stack.currentWidget() is view.guidance
    assert solihull().levels[4].summary in _visible_text(view)
    qtbot.keyClick(view, Qt.Key.Key_G)
    assert view.stack.currentWidget() is view.slide
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.on_summary


def test_presenter_counts_votes_and_shows_agreement(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _presenter(qtbot, count=2)
    expected = view.scenario.expected_level
    assert expected is not None
    other = 1 if expected != 1 else 2
    for key in [expected] * 6 + [other] * 2:
        qtbot.keyClicks(view, str(key))
    qtbot.keyClick(view, Qt.Key.Key_Backspace)  # a miscount taken back
    assert view.votes[view.scenario.id] == {expected: 6, other: 1}
    assert "%" not in _visible_text(view)  # agreement would give the answer away
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert "86% chose this level" in _visible_text(view)
    assert view.chart.isVisible()
    sheets: list[object] = []
    view.sheet_requested.connect(sheets.append)
    qtbot.keyClick(view, Qt.Key.Key_S)
    assert sheets
    assert sheets[0].scenarios[0].votes == {expected: 6, other: 1}  # type: ignore[attr-defined]


def test_presenter_text_is_readable_from_the_back_at_1280x720(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _presenter(qtbot)
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.keyClick(view, Qt.Key.Key_D)
    sizes = [
        label.fontInfo().pixelSize()
        for label in view.findChildren(QLabel)
        if label.isVisibleTo(view) and label.text()
    ]
    assert min(sizes) >= 20  # about 15 pt at 96 dpi: the smallest text on screen
    for label in view.findChildren(QLabel):
        if label.isVisibleTo(view):
            assert label.geometry().right() <= view.width()


def test_f9_works_in_the_presenter(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    window.show_page(Page.TRAINING)
    page = window.page(Page.TRAINING)
    assert isinstance(page, TrainingPage)
    view = page.present(page.found()[:2])
    qtbot.addWidget(view)
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    qtbot.keyClick(view, Qt.Key.Key_F9)
    qtbot.waitUntil(
        lambda: window.emergency_dialog is not None and window.emergency_dialog.isVisible()
    )
    window.emergency_dialog.close()
    view.close()


def test_the_answer_appears_beside_the_story(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _presenter(qtbot)
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.wait(30)
    assert view.scenario.story in _visible_text(view)  # the story stays to be talked through
    assert "The guidance indicates" in _visible_text(view)
    story, answer = view.story, view.answer
    top_left = story.mapTo(view, QPoint(0, 0))
    beside = answer.mapTo(view, QPoint(0, 0))
    assert beside.x() >= top_left.x() + story.width()  # side by side, not on top of each other
    for label in (story, answer):  # every line shown at 1280x720, none cut off
        assert label.height() >= label.heightForWidth(label.width())
        assert label.mapTo(view, QPoint(0, label.height())).y() <= view.height()
    qtbot.keyClick(view, Qt.Key.Key_D)  # the discussion too: all of it still fits, readably
    qtbot.wait(30)
    assert view.scenario.discussion_points[0] in _visible_text(view)
    for label in (story, answer, view.discussion):
        assert label.isVisible()
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()
        assert label.fontInfo().pixelSize() >= 20


def test_the_black_screen_is_black_to_every_edge(qtbot) -> None:  # type: ignore[no-untyped-def]
    view = _presenter(qtbot)
    qtbot.keyClick(view, Qt.Key.Key_B)
    qtbot.wait(30)
    image = view.grab().toImage()
    width, height = image.width(), image.height()
    points = [(x, y) for x in range(0, width, 7) for y in (0, 1, height // 2, height - 1)]
    points += [(x, y) for y in range(0, height, 7) for x in (0, 1, width // 2, width - 1)]
    not_black = [(x, y) for x, y in points if image.pixelColor(x, y).lightness() > 0]
    assert not_black == []
    qtbot.keyClick(view, Qt.Key.Key_B)  # back: the usual background and margins
    assert view.layout().contentsMargins().left() > 0
    assert view.grab().toImage().pixelColor(0, 0).lightness() > 0


def test_the_rooms_votes_are_bars_a_room_can_compare_at_1280x720(qtbot) -> None:  # type: ignore[no-untyped-def]
    # under everything else, the bars were a few pixels high once the answer showed (QA)
    view = _presenter(qtbot)
    for level in (1, 2, 2, 3, 3, 3, 4):
        view.add_vote(level)
    qtbot.keyClick(view, Qt.Key.Key_R)
    qtbot.wait(30)
    chart = view.chart
    assert chart.isVisible()
    line = chart.fontMetrics().height()
    assert chart.height() >= line * 7  # five lines of bars and two of labels, at least
    assert chart.mapTo(view, QPoint(0, chart.height())).y() <= view.height()
    for label in (view.story, view.answer, view.tally):  # and no text gave up its lines
        assert label.height() >= label.heightForWidth(label.width()), label.objectName()
        assert label.mapTo(view, QPoint(0, label.height())).y() <= view.height()
