"""F9 ("a child is in immediate danger") from every window and state of the app.

A window's shortcut does not fire while a modal dialog is open (Qt hands the key to the dialog
instead), so the emergency action alone missed F9 in file dialogs, questions, message boxes and
the shortcuts list. :class:`EmergencyKey` watches every window that takes the keyboard focus and
filters that window's own events (a window receives each key press before the widget with the
focus does), so it catches the key press such a dialog receives and shows the emergency
contacts above it. Where no modal dialog is open the window's own shortcut takes the key first,
so one press never fires twice. (An application-wide filter would see every event of the app
in Python: it slowed the live panel past its 50 ms budget.)

The filter is installed after the first paint: it needs QEvent's enums, which cost start-up time
(see :mod:`thresholds_app.ui.qtprops`). File dialogs are Qt's own, never the system's, so the
key reaches us there too (:mod:`thresholds_app.ui.file_dialogs`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QWindow

EMERGENCY_KEY = Qt.Key.Key_F9


def is_emergency_key(event: QEvent) -> bool:
    """Whether ``event`` is a press (or shortcut check) of the emergency key, unmodified."""
    kind = event.type()
    if kind not in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease):
        return False
    return (
        isinstance(event, QKeyEvent)
        and event.key() == EMERGENCY_KEY
        and event.modifiers() == Qt.KeyboardModifier.NoModifier
    )


class EmergencyKey(QObject):
    """Calls ``show`` when F9 is pressed in any window of the app, modal dialogs included."""

    def __init__(self, show: Callable[[], object], parent: QObject) -> None:
        super().__init__(parent)
        self._show = show
        self._running = True
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self.watch)
            self.watch(QGuiApplication.focusWindow())

    def watch(self, window: QWindow | None) -> None:
        """Listen to ``window``'s key presses (installing twice keeps one filter)."""
        if window is not None and self._running:
            window.installEventFilter(self)

    def stop(self) -> None:
        """Stop listening (the window is closing)."""
        self._running = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Show the emergency contacts on F9; every other event passes untouched."""
        if not self._running or event.type() != QEvent.Type.KeyPress:
            return False
        if not is_emergency_key(event):
            return False
        assert isinstance(event, QKeyEvent)
        if not event.isAutoRepeat():
            self._show()
        return True  # the key is ours: a dialog never treats F9 as typing
