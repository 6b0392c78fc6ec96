"""The dialog shown when no guidance pack can be used, so the app cannot start.

Even then a child may be in immediate danger: the dialog lists 999 and the MASH and
out-of-hours numbers (:mod:`thresholds_app.core.pack.fallback` says which, and from where), and
F9 shows them in large print above it, as on every other screen.
"""

from __future__ import annotations

from typing import Any

from thresholds_app.core.pack.fallback import FallbackContacts, fallback_contacts


def contacts_text(found: FallbackContacts) -> str:
    """The numbers as plain lines, with where they came from."""
    lines = [f"{c.name}: {c.phone}. {c.use_for}" for c in found.contacts]
    return "\n".join([*lines, "", found.source])


def problems_dialog(pack_dir: str, text: str, found: FallbackContacts | None = None) -> Any:
    """A dialog listing every problem in the pack, with the emergency numbers (F9 works)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QMessageBox

    from thresholds_app.core.pack.trust import kept_packs
    from thresholds_app.ui.shell.emergency_key import EmergencyKey

    found = found or fallback_contacts(kept_packs())
    box = QMessageBox(QMessageBox.Icon.Critical, "The guidance pack cannot be used", "")
    box.setTextFormat(Qt.TextFormat.PlainText)  # paths and problems are not markup
    box.setText(
        "If a child is in immediate danger, call 999 now. Press F9 to see whom to call in "
        "large print.\n\n"
        f"{contacts_text(found)}\n\n"
        "The app cannot start because its guidance pack has problems. Nothing has been assessed. "
        "Ask whoever looks after the app to fix the pack; the details say where each problem is."
    )
    box.setInformativeText(f"Pack folder: {pack_dir}")
    box.setDetailedText(text)
    box.setObjectName("packProblemsDialog")
    from thresholds_app.ui.message_fit import fit_to_screen

    fit_to_screen(box)  # a readable line at large text; every problem is in the details
    box.fallback_contacts = found  # type: ignore[attr-defined]
    key = EmergencyKey(lambda: show_emergency(box, found), box)
    box.emergency_key = key  # type: ignore[attr-defined]
    return box


def show_emergency(parent: Any, found: FallbackContacts) -> Any:
    """The large-print numbers, above the problems dialog (made once, shown again on F9)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

    from thresholds_app.ui.assessment.widgets import big_text, plain_label

    dialog = getattr(parent, "emergency_dialog", None)
    if dialog is None:
        dialog = QDialog(parent)
        dialog.setObjectName("emergencyDialog")
        dialog.setWindowTitle("A child is in immediate danger")
        layout = QVBoxLayout(dialog)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addWidget(big_text("A child is in immediate danger", 1.6))
        for number, contact in enumerate(found.contacts, start=1):
            layout.addWidget(big_text(f"{number}. {contact.name}: {contact.phone}", 1.2))
            layout.addWidget(plain_label(contact.use_for))
        layout.addWidget(plain_label(found.source))
        layout.addWidget(
            plain_label(
                "Stay with the child if it is safe to do so. Do not investigate or question the "
                "child further. Write down what you saw and heard, and what you did, as soon as "
                "you can."
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)  # above the modal box
        parent.emergency_dialog = dialog
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
