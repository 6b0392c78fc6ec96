"""A rationale copied by the app does not outlive the app on the clipboard (H16)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from thresholds_app.ui.app import _forget_copied_rationale
from thresholds_app.ui.assessment.preview_step import CLIPBOARD_EXCLUSIONS


def test_copied_rationale_is_cleared_on_quit(qapp: QApplication) -> None:
    mime = QMimeData()
    mime.setText("Referral rationale for REF-1")
    for mime_type, value in CLIPBOARD_EXCLUSIONS.items():
        mime.setData(mime_type, value)
    qapp.clipboard().setMimeData(mime)
    _forget_copied_rationale(qapp)
    assert qapp.clipboard().text() == ""


def test_someone_elses_clipboard_text_is_left_alone(qapp: QApplication) -> None:
    qapp.clipboard().setText("a shopping list")
    _forget_copied_rationale(qapp)
    assert qapp.clipboard().text() == "a shopping list"
