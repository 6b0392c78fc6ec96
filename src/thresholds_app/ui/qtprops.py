"""A few Qt settings made without touching PySide6's ``Qt`` namespace, for the start screen.

The first time anything touches ``PySide6.QtCore.Qt`` (importing the name, passing one of its enums,
or receiving one), PySide6 turns all 94 of its enum types into Python enums: about 30 ms on
Python 3.11, the largest single cost of start-up beyond a bare window (issue 6). Code that runs
before the first window is ready therefore does not import ``Qt``; the settings it needs are made
here through Qt's property system, which takes the C++ values. ``tests/ui/test_qtprops.py``
checks each against the real enum, and that a normal start never touches the namespace.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

PLAIN_TEXT = 0  # Qt.TextFormat.PlainText
NO_TEXT_INTERACTION = 0  # Qt.TextInteractionFlag.NoTextInteraction
APPLICATION_SHORTCUT = 2  # Qt.ShortcutContext.ApplicationShortcut


def new_action(text: str, parent: QObject) -> QAction:
    """A QAction with ``text`` (``QAction(text, parent)`` also builds QIcon's enums: 3 ms)."""
    action = QAction(parent)
    action.setText(text)
    return action


def show_as_plain_text(label: QObject) -> None:
    """Never read the label's text as markup (pack and user text are plain)."""
    label.setProperty("textFormat", PLAIN_TEXT)


def no_text_interaction(label: QObject) -> None:
    """The label's text cannot be selected or clicked (a heading, not a control)."""
    label.setProperty("textInteractionFlags", NO_TEXT_INTERACTION)


def set_keys(action: QAction, *keys: str | QKeySequence | QKeySequence.StandardKey) -> None:
    """Give ``action`` its shortcuts (``setShortcut`` touches the ``Qt`` namespace; lists do not).

    A standard key is expanded to the platform's sequences for it (as ``setShortcut`` does).
    """
    sequences: list[QKeySequence] = []
    for key in keys:
        if isinstance(key, QKeySequence.StandardKey):
            sequences.extend(QKeySequence.keyBindings(key))
        else:
            sequences.append(QKeySequence(key))
    action.setShortcuts(sequences)


def application_wide(action: QAction) -> None:
    """The action's shortcut works in every window of the app, dialogs included."""
    action.setProperty("shortcutContext", APPLICATION_SHORTCUT)
