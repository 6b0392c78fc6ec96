"""The Help menu's two windows: the keyboard shortcuts and "About this app and its guidance"."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from thresholds_app import __version__
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.provenance import part_line, part_words, provenance_summary
from thresholds_app.ui.reading_view import reading_view, size_to_text

APP_TITLE = "Right Help, Right Time"
# The limits in words, naming the document that sets them out (never a path in the source).
LIMITS = (
    "It is not for emergencies, and it is only as good as the guidance it carries: check "
    "against the partnership's published guidance before relying on it. What the app is for "
    "and its limits are set out in full in its statement of intended use and limits, which "
    "your IT or safeguarding content team holds with the app's safety file."
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def shortcut_rows() -> list[tuple[str, str]]:
    """Every keyboard shortcut of the main window, as (keys, what it does)."""
    return [
        ("F9", _tr("A child is in immediate danger: whom to call (works in every window)")),
        ("Ctrl+N", _tr("New assessment")),
        ("Ctrl+O", _tr("Open a case file")),
        ("Ctrl+S", _tr("Save the open assessment's case file (from any screen)")),
        ("Ctrl+1 … Ctrl+6", _tr("Go to a step of the open assessment, from any screen")),
        ("Ctrl+PgDown / Ctrl+PgUp", _tr("Next / previous step of the assessment")),
        ("Ctrl+F", _tr("Go to the search box on show (needs step, guidance, training, MASH)")),
        ("Alt+Home", _tr("Back to the start screen")),
        ("Ctrl+G", _tr("The guidance")),
        ("Ctrl+,", _tr("Settings")),
        ("Ctrl+L", _tr("Hide details now")),
        ("Ctrl+= / Ctrl+- / Ctrl+0", _tr("Larger / smaller / normal text")),
        ("Ctrl+/", _tr("This list")),
        ("Ctrl+Q", _tr("Quit (asks first if work would be lost)")),
    ]


def shortcuts_dialog(parent: QWidget) -> QDialog:
    """List every keyboard shortcut (non-blocking)."""
    body = "".join(
        f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
        for k, v in shortcut_rows()
    )
    intro = _tr(
        "Everything in the app can be done from the keyboard. Tab moves between controls; "
        "Space or Enter presses a button; arrow keys choose an answer."
    )
    html_text = f"<p>{html.escape(intro)}</p><table cellpadding='6'>{body}</table>"
    return text_dialog(parent, _tr("Keyboard shortcuts"), html_text)


def about_dialog(parent: QWidget, pack: Pack) -> QDialog:
    """Show the app version, the pack's identity and its provenance (non-blocking)."""
    from thresholds_app.core.report.rationale import INTENDED_USE  # the rationale's own words

    m = pack.manifest
    parts = "".join(
        f"<tr><td><b>{html.escape(part_words(name))}</b></td>"
        f"<td>{html.escape(part_line(part))}</td></tr>"
        for name, part in m.parts.items()
    )
    html_text = (
        f"<h3>{_tr(APP_TITLE)} {__version__}</h3>"
        f"<p><b>{_tr('Intended use')}:</b> {html.escape(INTENDED_USE)} "
        f"{_tr('No scores are given anywhere. If a child is in immediate danger, call 999.')} "
        f"{_tr(LIMITS)}</p>"
        f"<h4>{html.escape(m.title)}</h4>"
        f"<p>{_tr('Pack')}: <b>{html.escape(m.id)}</b>, {_tr('version')} "
        f"<b>{html.escape(m.version)}</b> ({_tr('content')} {pack.short_hash or '—'})<br>"
        f"{_tr('In force from')} {m.effective_from}; {_tr('review by')} {m.review_by}"
        f"</p><p><b>{_tr('Provenance')}:</b> {html.escape(provenance_summary(m))}</p>"
        f"<p>{html.escape(m.provenance_note)}</p><table cellpadding='4'>{parts}</table>"
    )
    return text_dialog(parent, _tr("About"), html_text)


def text_dialog(parent: QWidget, title: str, html_text: str) -> QDialog:
    """A window-modal dialog showing ``html_text`` with a Close button (non-blocking)."""
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    layout = QVBoxLayout(dialog)
    layout.setContentsMargins(20, 20, 20, 16)
    browser = reading_view(title, html_text)
    size_to_text(browser, parent)
    layout.addWidget(browser)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    dialog.open()
    return dialog
