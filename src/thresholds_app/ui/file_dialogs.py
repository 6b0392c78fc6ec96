"""Open and save dialogs: Qt's own, never the operating system's.

A system (native) file dialog runs outside Qt's event handling, so F9 and the idle lock cannot
reach it: on a locked-down Windows PC a practitioner in "Save as" would have no emergency key.
Qt's dialog looks a little plainer but behaves like the rest of the app. It remembers nothing
about the child: the suggested file name carries only the case reference.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget


def _options() -> QFileDialog.Option:
    return QFileDialog.Option.DontUseNativeDialog


def documents_folder() -> str:
    """The user's documents folder (or home): where a dialog given no folder starts.

    Not the current directory, which for an installed app is its own program folder.
    """
    location = QStandardPaths.StandardLocation.DocumentsLocation
    documents = QStandardPaths.writableLocation(location)
    return documents if documents and os.path.isdir(documents) else os.path.expanduser("~")


def open_file_name(parent: QWidget, title: str, file_filter: str, folder: str = "") -> str:
    """Ask for a file to open; '' if cancelled."""
    start = folder or documents_folder()
    path, _ = QFileDialog.getOpenFileName(parent, title, start, file_filter, "", _options())
    return path


def save_file_name(parent: QWidget, title: str, suggested: str, file_filter: str) -> str:
    """Ask where to save; '' if cancelled."""
    if not os.path.dirname(suggested):
        suggested = os.path.join(documents_folder(), suggested)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter, "", _options())
    return path


def folder_name(parent: QWidget, title: str) -> str:
    """Ask for a folder; '' if cancelled."""
    options = _options() | QFileDialog.Option.ShowDirsOnly
    return QFileDialog.getExistingDirectory(parent, title, documents_folder(), options)
