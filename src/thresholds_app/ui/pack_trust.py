"""Showing whether the guidance in use was verified: the status-bar label, and one notice.

The decision is made in core (:mod:`thresholds_app.core.pack.opening`); this only shows it. In
authoring mode the guidance label on every screen says so in the warning style. When a pack was
refused and another used, or the organisation's settings could not be read, one window-modal
notice says what happened after the window is on screen (opened, never ``exec``-ed).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTimer

AUTHORING_LABEL = "Authoring mode: guidance not verified"


def show_trust(window: Any, opened: Any, messages: Sequence[str], *, quiet: bool = False) -> None:
    """Mark the guidance label, and queue the notice (not when ``quiet``: smoke tests)."""
    pack = window.pack
    trust = pack.trust
    label = window.pack_label
    if trust is not None and not trust.verified:
        label.setText(f"{label.text()} · {window.tr(AUTHORING_LABEL)}")
        label.setProperty("role", "warning")
        label.setToolTip(trust.note)
        label.setAccessibleDescription(trust.note)
    elif trust is not None:
        label.setToolTip(trust.note)
    text = "\n\n".join([*messages, opened.notice] if opened.refusals else messages)
    window.trust_notice = text
    if text and not quiet:
        QTimer.singleShot(0, lambda: _notice(window, text))


def _notice(window: Any, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(window.tr("About the guidance in use"))
    box.setText(text)
    box.setObjectName("packTrustNotice")
    box.open()
