"""Consent, stepping or contacts from the guidance, read beside the assessment.

Opened when the assessment's search finds one of them, so the practitioner reads it without
leaving the case. The text is the guidance browser's own (``ui/browser_html.py``).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.browser_html import consent_html, contacts_html, stepping_html

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
    browser = QTextBrowser()
    browser.setOpenLinks(False)
    browser.setAccessibleName(title)
    browser.setHtml(render(pack))
    browser.setMinimumSize(560, 440)
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.open()
    return dialog
