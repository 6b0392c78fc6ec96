"""Showing whether the guidance in use was verified: the status-bar label, and notices.

The decisions are made in core (:mod:`thresholds_app.core.pack.opening`,
:mod:`thresholds_app.core.pack.diff`); this only shows them. In authoring mode the guidance
label on every screen says so in the warning style. After the window is on screen, window-modal
notices (opened, never ``exec``-ed) say when a pack was refused and another used, or the
organisation's settings could not be read, and, once, what changed when a new version of the
guidance is first used.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QTimer

AUTHORING_LABEL = "Authoring mode: guidance not verified"
AUTHORING_SHORT = "not verified"  # where the whole label does not fit (200% text)


def show_trust(window: Any, opened: Any, messages: Sequence[str], *, quiet: bool = False) -> None:
    """Mark the guidance label, and queue the notice (not when ``quiet``: smoke tests)."""
    pack = window.pack
    trust = pack.trust
    label = window.pack_label
    if trust is not None and not trust.verified:
        words = label.words()
        label.set_words(
            f"{words} · {window.tr(AUTHORING_LABEL)}", f"{words} · {window.tr(AUTHORING_SHORT)}"
        )
        if label.property("role") != "warning":  # pack_in_use_label styles it when it can
            label.setProperty("role", "warning")
            # Re-styled after the first paint: polishing touches PySide6's Qt namespace, which
            # costs start-up about 30 ms (docs/architecture.md); twice queued, as the window does.
            QTimer.singleShot(0, lambda: QTimer.singleShot(0, lambda: _restyle(label)))
        label.setToolTip(f"{label.toolTip()}\n{trust.note}".strip())
        label.setAccessibleDescription(trust.note)
    elif trust is not None:
        label.setToolTip(f"{label.toolTip()}\n{trust.note}".strip())
    shown = [*messages, opened.notice] if opened.refusals else [*messages, *opened.messages]
    text = "\n\n".join(shown)
    window.trust_notice = text
    if quiet:
        return
    if text:
        QTimer.singleShot(0, lambda: _notice(window, window.tr("About the guidance in use"), text))
    if opened.previous is not None:
        QTimer.singleShot(0, lambda: show_changes(window, opened.previous))


def _restyle(widget: Any) -> None:
    widget.style().unpolish(widget)  # the role is styled by the app's stylesheet
    widget.style().polish(widget)


def changes_text(previous: Any, pack: Any) -> str:
    """What changed since the version used before (kept in ``previous``), or "" if unreadable."""
    from thresholds_app.core.pack.diff import diff_packs
    from thresholds_app.core.pack.load import load_pack

    old = load_pack(previous).pack  # a kept copy: it was verified when it was accepted
    return "" if old is None else diff_packs(old, pack).to_text()


def show_changes(window: Any, previous: Any) -> Any:
    """Tell the practitioner, once, what changed in the guidance since they last used it."""
    text = changes_text(previous, window.pack)
    if not text:
        return None
    intro = window.tr(
        "The partnership's guidance has been updated. This is what changed since you last "
        "used the app:"
    )
    return _notice(window, window.tr("The guidance has changed"), f"{intro}\n\n{text}", info=True)


def _notice(window: Any, title: str, text: str, *, info: bool = False) -> Any:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Information if info else QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(text)
    box.setObjectName("packChangesNotice" if info else "packTrustNotice")
    from thresholds_app.ui.message_fit import fit_to_screen

    fit_to_screen(
        box, lambda n: window.tr("…and {n} more lines: Show Details… shows them all.").format(n=n)
    )
    box.open()
    return box
