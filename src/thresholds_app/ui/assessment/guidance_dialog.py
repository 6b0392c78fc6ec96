"""Consent, stepping or contacts from the guidance, read beside the assessment.

Opened when the assessment's search finds one of them, so the practitioner reads it without
leaving the case. The text is the guidance browser's own (``ui/browser_html.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.browser_html import consent_html, contacts_html, stepping_html
from thresholds_app.ui.reading_view import reading_view, size_to_text

SECTIONS = {
    "consent": ("Consent and information sharing", consent_html),
    "stepping": ("Stepping up and down", stepping_html),
    "contact": ("Contacts", contacts_html),
}


def guidance_dialog(pack: Pack, kind: str, parent: QWidget) -> QDialog:
    """Show the guidance's consent, stepping or contacts section (by ``kind``), non-blocking."""
    title, render = SECTIONS.get(kind, SECTIONS["contact"])
    title = QCoreApplication.translate("GuidanceDialog", title)
    dialog = QDialog(parent)
    dialog.setObjectName(f"guidance-{kind}")
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    browser = reading_view(title, render(pack))
    size_to_text(browser, parent)
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.open()
    return dialog
