"""Quit and New offer Save / Discard / Cancel, and File > Save works from any screen (QA item 8:
the questions offered only Yes/No, and Ctrl+S did nothing outside an assessment)."""

from __future__ import annotations

import pytest
from assessment_kit import click_question, make_window, start_assessment
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from thresholds_app.core.case.record import read_case
from thresholds_app.ui.shell.pages import Page

Button = QMessageBox.StandardButton


def press(window, key: Qt.Key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:  # type: ignore[no-untyped-def]
    """A key combination through the shortcut map, where the keyboard focus is."""
    QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)


def the_question(qtbot, window) -> QMessageBox:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: any(b.isVisible() for b in window.findChildren(QMessageBox)))
    (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return box


def answer(qtbot, box: QMessageBox, which: Button) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(box.button(which), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible())


@pytest.fixture
def unsaved(qtbot):  # type: ignore[no-untyped-def]
    window = make_window(qtbot)  # no drafts store: work lives in memory only
    page = start_assessment(qtbot, window)
    click_question(qtbot, page, "immediate-danger", "no")
    assert window.unsaved_work_would_be_lost()
    return window, page


def test_quit_offers_save_discard_and_cancel_and_never_defaults_to_discard(qtbot, unsaved) -> None:
    window, page = unsaved
    press(window, Qt.Key.Key_Q)
    box = the_question(qtbot, window)
    assert {box.standardButton(b) for b in box.buttons()} == {
        Button.Save,
        Button.Discard,
        Button.Cancel,
    }
    assert box.defaultButton() is box.button(Button.Save)
    assert box.escapeButton() is box.button(Button.Cancel)
    answer(qtbot, box, Button.Cancel)
    assert window.isVisible()
    assert page.has_unsaved_work()

    press(window, Qt.Key.Key_Q)
    answer(qtbot, the_question(qtbot, window), Button.Discard)
    assert not window.isVisible()


def test_save_on_quit_saves_the_case_file_then_quits(qtbot, unsaved, tmp_path, monkeypatch) -> None:
    window, page = unsaved
    target = tmp_path / "case.json"
    monkeypatch.setattr(page, "ask_save_path", lambda *_: str(target))
    window.close()  # the window's close button
    answer(qtbot, the_question(qtbot, window), Button.Save)
    assert read_case(target).case.answers["immediate-danger"] == "no"
    assert not window.isVisible()


def test_a_cancelled_or_failed_save_keeps_the_app_open(
    qtbot, unsaved, tmp_path, monkeypatch
) -> None:
    window, page = unsaved
    monkeypatch.setattr(page, "ask_save_path", lambda *_: "")  # the user cancels the file box
    press(window, Qt.Key.Key_Q)
    answer(qtbot, the_question(qtbot, window), Button.Save)
    assert window.isVisible()
    assert page.has_unsaved_work()

    told: list[str] = []
    monkeypatch.setattr(page, "_not_written", lambda title, _error: told.append(title))
    monkeypatch.setattr(
        page, "ask_save_path", lambda *_: str(tmp_path / "no-such-folder" / "c.json")
    )
    press(window, Qt.Key.Key_Q)
    answer(qtbot, the_question(qtbot, window), Button.Save)
    assert told == ["The case file was not saved"]
    assert window.isVisible()
    assert window.assessment() is page
    assert page.has_unsaved_work()


def test_new_offers_save_and_goes_on_once_saved(qtbot, unsaved, tmp_path, monkeypatch) -> None:
    window, page = unsaved
    target = tmp_path / "case.json"
    monkeypatch.setattr(page, "ask_save_path", lambda *_: str(target))
    press(window, Qt.Key.Key_N)
    box = the_question(qtbot, window)
    assert box.defaultButton() is box.button(Button.Save)
    answer(qtbot, box, Button.Cancel)
    assert window.assessment() is page  # nothing replaced

    press(window, Qt.Key.Key_N)
    answer(qtbot, the_question(qtbot, window), Button.Save)
    assert target.exists()
    assert window.assessment() is not page  # a new, empty assessment
    assert window.assessment().state.case.answers == {}


def test_ctrl_s_saves_the_open_assessment_from_any_screen(
    qtbot, unsaved, tmp_path, monkeypatch
) -> None:
    window, page = unsaved
    target = tmp_path / "case.json"
    monkeypatch.setattr(page, "ask_save_path", lambda *_: str(target))
    window.show_page(Page.GUIDANCE)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window, Qt.Key.Key_S)
    qtbot.waitUntil(target.exists)
    assert not page.has_unsaved_work()
    assert not window.unsaved_work_would_be_lost()

    target.unlink()
    window.show_page(Page.ASSESSMENT)
    click_question(qtbot, page, "immediate-danger", "not-known")
    press(window, Qt.Key.Key_S)  # on the assessment itself: one Ctrl+S, not an ambiguous pair
    qtbot.waitUntil(target.exists)
