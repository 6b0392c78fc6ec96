"""The start screen's Qt settings made without the Qt namespace (issue 6: start-up speed)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from thresholds_app.ui import danger_style
from thresholds_app.ui.qtprops import application_wide, no_text_interaction, set_keys
from thresholds_app.ui.qtprops import show_as_plain_text as plain


def test_each_setting_is_the_real_qt_value(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    plain(label)
    no_text_interaction(label)
    label.setText("<b>not bold</b>")
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.textInteractionFlags() == Qt.TextInteractionFlag.NoTextInteraction
    action = QAction("x", label)
    application_wide(action)
    assert action.shortcutContext() == Qt.ShortcutContext.ApplicationShortcut


def test_keys_take_text_sequences_and_standard_keys(qtbot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    action = QAction("x", host)
    set_keys(action, "F9", QKeySequence.StandardKey.Copy)
    keys = [k.toString() for k in action.shortcuts()]
    expected = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Copy)]
    assert keys == ["F9", *expected]


def test_a_danger_outline_on_the_first_screen_asks_the_system_at_first_use(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(danger_style, "high_contrast_requested", lambda: True)
    button = QPushButton("A child is in immediate danger")
    qtbot.addWidget(button)
    danger_style.style_danger(button, "QPushButton { color: {red}; }", at_start_up=True)
    text_colour = button.palette().color(button.palette().ColorRole.WindowText).name()
    assert text_colour not in button.styleSheet()  # judged by the palette alone at first
    button.show()
    qtbot.wait(100)
    assert text_colour not in button.styleSheet()  # nothing asked while the app is idle...
    qtbot.mouseMove(button)
    qtbot.waitUntil(lambda: text_colour in button.styleSheet(), timeout=1000)  # ...until used


@pytest.mark.slow
def test_a_normal_start_never_touches_the_qt_namespace(tmp_path) -> None:
    # PySide6 builds all 94 enums of the Qt namespace (about 30 ms) on first touch: a stray
    # `from PySide6.QtCore import Qt` in a start-up module would bring that back. QEvent's
    # enums too (about 4 ms): a Python event handler (resizeEvent) on a widget of the start
    # screen builds them at the first event it gets, as the top bar's did for a moment.
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import PySide6.QtCore as core, PySide6.QtWidgets as widgets\n"
        "touched = []\n"
        "real_exit = widgets.QApplication.exit\n"
        "def exit_when_ready(code=0):\n"
        "    touched.append('Qt' in vars(core) or 'QEvent' in vars(core))\n"
        "    return real_exit(code)\n"
        "widgets.QApplication.exit = staticmethod(exit_when_ready)\n"
        "from thresholds_app.ui.app import run_app\n"
        "print(run_app(['app', '--quit-when-ready']), touched)\n"
    )
    env = {  # default settings: no remembered high contrast, no drafts to recover
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert result.stdout.strip() == "0 [False]", result.stderr
