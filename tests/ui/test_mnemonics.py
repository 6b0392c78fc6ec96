"""Alt+letter reaches one thing on every screen: no two labels or buttons, nor a label and a menu.

Two mnemonics on one window make Alt+letter ambiguous: Qt then moves between them (or opens
neither), so a keyboard user's Alt+H went to "Shared when" instead of the Help menu, and Alt+W
alternated between two consent fields. Checked on every screen a user reaches: each step of
the assessment, the start screen, the guidance, training (and the presenter's own window), the
step-up review, settings and both MASH screens.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from assessment_kit import SCREENS, make_window, show_screen, styled_window
from PySide6.QtWidgets import (
    QAbstractButton,
    QGroupBox,
    QLabel,
    QMainWindow,
    QMenu,
    QTabBar,
    QWidget,
)

from thresholds_app.ui.shell.pages import Page

# "&x" is a mnemonic; "&&" is a literal ampersand and "&amp;" an entity in rich text
MNEMONIC = re.compile(r"&(?!&|[a-z]+;|#\d+;)(\w)", re.IGNORECASE)


def mnemonic(text: str) -> str | None:
    """The Alt+letter of ``text``, if it has one."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLabel):
        return [widget.text()] if widget.buddy() is not None else []
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count())]
    return []


def repeated_mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Each Alt+letter that more than one visible label, button or menu of ``window`` uses."""
    owners: dict[str, list[str]] = defaultdict(list)
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for action in window.menuBar().actions():
            if (key := mnemonic(action.text())) is not None:
                owners[key].append(f"menu {action.text()!r}")
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        for text in _texts(widget):
            if (key := mnemonic(text)) is not None:
                owners[key].append(f"{type(widget).__name__} {text!r}")
    return {key: names for key, names in owners.items() if len(names) > 1}


def test_a_mnemonic_is_found_and_a_literal_ampersand_is_not() -> None:
    assert mnemonic("Shared w&hen") == "h"
    assert mnemonic("Save && close") is None
    assert mnemonic("<b>Tom &amp; Jerry</b>") is None
    assert mnemonic("Fish &amp; &chips") == "c"


def test_a_repeated_mnemonic_is_reported(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLineEdit, QPushButton, QVBoxLayout

    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&Help")
    body = QWidget()
    column = QVBoxLayout(body)
    label, field = QLabel("Shared w&hen"), QLineEdit()
    label.setBuddy(field)
    for widget in (label, field, QPushButton("&Save"), QLabel("&Not a buddy")):
        column.addWidget(widget)
    window.setCentralWidget(body)
    window.show()
    assert repeated_mnemonics(window) == {"h": ["menu '&Help'", "QLabel 'Shared w&hen'"]}


def test_no_menu_repeats_a_mnemonic(qtbot) -> None:
    window = make_window(qtbot)
    bar = window.menuBar()
    tops = [mnemonic(a.text()) for a in bar.actions() if a.text()]
    assert [k for k, n in Counter(tops).items() if n > 1 and k] == []
    for action in bar.actions():
        menu = action.menu()
        if not isinstance(menu, QMenu):
            continue
        menu.aboutToShow.emit()  # menus that fill themselves when opened
        keys = [mnemonic(a.text()) for a in menu.actions() if a.text() and a.isVisible()]
        repeated = [k for k, n in Counter(keys).items() if n > 1 and k]
        assert repeated == [], f"{action.text()} menu repeats {repeated}"


@pytest.mark.parametrize("screen", SCREENS)
def test_no_screen_repeats_a_mnemonic(qtbot, tmp_path: Path, restore, screen: str) -> None:  # type: ignore[no-untyped-def]
    window = styled_window(qtbot, tmp_path)
    show_screen(qtbot, window, tmp_path, screen)
    qtbot.wait(30)
    assert repeated_mnemonics(window) == {}


def _library(qtbot):  # type: ignore[no-untyped-def]
    """The main window on its training library."""
    window = make_window(qtbot)
    window.show_page(Page.TRAINING)
    return window, window.page(Page.TRAINING)


def _practice(qtbot):  # type: ignore[no-untyped-def]
    """The main window practising two scenarios."""
    window, library = _library(qtbot)
    practice = library.practise(library.found()[:2])
    qtbot.waitUntil(lambda: practice.page is not None)
    return window, practice


def test_the_presenter_repeats_no_mnemonic(qtbot) -> None:  # type: ignore[no-untyped-def]
    _window, library = _library(qtbot)
    presenter = library.present(library.found())  # type: ignore[union-attr]
    qtbot.addWidget(presenter)
    qtbot.waitExposed(presenter)
    assert repeated_mnemonics(presenter) == {}


@pytest.mark.parametrize("step", ["safety", "child", "needs", "consent", "decision"])
def test_no_practice_screen_repeats_a_mnemonic(qtbot, step: str) -> None:  # type: ignore[no-untyped-def]
    # a practice case is an assessment under the practice buttons, on one window
    window, practice = _practice(qtbot)
    practice.page.go_to_step(step)
    qtbot.wait(30)
    assert repeated_mnemonics(window) == {}


def test_no_practice_comparison_repeats_a_mnemonic(qtbot) -> None:  # type: ignore[no-untyped-def]
    from test_training import _choose_level

    window, practice = _practice(qtbot)
    practice.page.go_to_step("decision")
    _choose_level(qtbot, practice.page, 2)
    assert practice.compare() is not None  # the comparison on show
    assert repeated_mnemonics(window) == {}
    practice.switch_view()  # the learner's own answers again, the guidance now shown
    for step in ("consent", "decision"):
        practice.page.go_to_step(step)
        qtbot.wait(30)
        assert repeated_mnemonics(window) == {}
    practice.finish()  # the set's result
    qtbot.wait(30)
    shown = [b.text() for b in window.findChildren(QAbstractButton) if b.isVisibleTo(window)]
    assert "Save a &certificate…" in shown
    assert repeated_mnemonics(window) == {}
