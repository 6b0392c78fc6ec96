"""Open and save dialogs: Qt's own, never the operating system's.

A system (native) file dialog runs outside Qt's event handling, so F9 and the idle lock cannot
reach it: on a locked-down Windows PC a practitioner in "Save as" would have no emergency key.
Qt's dialog looks a little plainer but behaves like the rest of the app. It remembers nothing
about the child: the suggested file name carries only the case reference.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QWidget


def _options() -> QFileDialog.Option:
    return QFileDialog.Option.DontUseNativeDialog


def open_file_name(parent: QWidget, title: str, file_filter: str, folder: str = "") -> str:
    """Ask for a file to open; '' if cancelled."""
    path, _ = QFileDialog.getOpenFileName(parent, title, folder, file_filter, "", _options())
    return path


def save_file_name(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """Ask where to save; '' if cancelled."""
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter, "", _options())
    return path
