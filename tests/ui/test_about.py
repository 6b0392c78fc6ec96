"""The About box speaks to the people using the app: the intended use in words, no paths."""

from __future__ import annotations

import re

from assessment_kit import make_window
from PySide6.QtWidgets import QTextBrowser

from thresholds_app.core.report.rationale import INTENDED_USE
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
