"""The About box speaks to the people using the app: the intended use in words, no paths."""

from __future__ import annotations

import re

from assessment_kit import make_window
from PySide6.QtWidgets import QTextBrowser

from thresholds_app.core.report.rationale import INTENDED_USE
from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.settings import AppSettings
from thresholds_app.ui.shell.help import about_dialog


def test_about_gives_the_intended_use_in_words_and_no_file_paths(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot)
    dialog = about_dialog(window, window.pack)
    qtbot.addWidget(dialog)
    text = dialog.findChild(QTextBrowser).toPlainText()
    assert INTENDED_USE in text
    assert "statement of intended use and limits" in text  # the document, named in words
    assert "not for emergencies" in text
    assert "docs/" not in text
    assert not re.search(r"\b[\w-]+/[\w./-]+\.(md|yaml|json)\b", text), text
    dialog.close()


def test_about_grows_with_the_text_size(qtbot, qapp, tmp_path, restore) -> None:  # type: ignore[no-untyped-def]
    # a fixed 520x360 showed a few words a line at 150% text
    look = Appearance(qapp, AppSettings(tmp_path / "s.ini"))
    look.apply()
    window = make_window(qtbot)
    room = window.screen().availableGeometry()
    sizes = []
    for scale in (1.0, 1.5):
        look.set_scale(scale)
        dialog = about_dialog(window, window.pack)  # deleted on close
        qtbot.waitExposed(dialog)
        browser = dialog.findChild(QTextBrowser)
        sizes.append(browser.size())
        a_line = browser.viewport().width() / browser.fontMetrics().averageCharWidth()
        assert a_line >= 60 or browser.width() >= room.width() * 0.8, f"{a_line:.0f} a line"
        dialog.close()
    assert sizes[1].width() > min(sizes[0].width() * 1.3, room.width() * 0.8)
    assert sizes[1].height() > min(sizes[0].height() * 1.3, room.height() * 0.65)
