"""The idle lock: child details are hidden when a shared workstation is left unattended (H16).

After a set time without keyboard or mouse input (5 minutes by default, at most 15) the window's
contents are hidden and covered by a calm lock screen; the app's other windows (a preview, a
dialog) are hidden too. Nothing about the child stays visible or readable by a screen reader. The
user returns by pressing a key or clicking "Continue". This is a privacy screen, not a password
lock: the operating system's own lock protects the session.

Input is watched on each of the app's windows (a ``QWindow`` receives every key press, click and
mouse move before the widget it is for), so typing in any window counts as activity. Not with an
application-wide filter while unlocked: that runs Python for every event of the app (layout,
paint, timers) and doubled the cost of filling in the search results. Only while locked does an
application-wide filter stop input getting to anything but the lock screen.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.ui.appearance import Heading
from thresholds_app.ui.settings import IDLE_DEFAULT, IDLE_MAX, IDLE_MIN

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent


@functools.cache
def _event_kinds() -> tuple[frozenset[QEvent.Type], frozenset[QEvent.Type]]:
    """(input that counts as activity, events blocked while locked).

    Built on first use, not at import: QEvent's enums cost start-up 5 ms (see ui/qtprops.py).
    """
    from PySide6.QtCore import QEvent

    kind = QEvent.Type
    activity = {kind.KeyPress, kind.MouseButtonPress, kind.MouseMove, kind.Wheel, kind.TouchBegin}
    blocked = {kind.Shortcut, kind.ShortcutOverride, kind.MouseButtonDblClick, kind.Wheel}
    return frozenset({*activity, kind.TabletPress}), frozenset({*blocked, kind.KeyRelease})


class LockScreen(QWidget):
    """What covers the window while it is locked: no child data, one way back."""

    def __init__(self, parent: QWidget) -> None:
        from PySide6.QtCore import Qt  # not at the top: see thresholds_app.ui.qtprops

        super().__init__(parent)
        self.setObjectName("idleLockScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.setAccessibleName(self.tr("Screen locked"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 10, 20, 48)
        layout.setSpacing(16)
        from thresholds_app.ui.shell.top_bar import emergency_button

        top = QHBoxLayout()  # where the red button always is: top right, never hidden
        top.addStretch(1)
        self.emergency_button = emergency_button()
        top.addWidget(self.emergency_button)
        layout.addLayout(top)
        layout.addStretch(1)
        title = Heading(self.tr("Details hidden while you were away"), 1.6)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(title)
        note = QLabel(
            self.tr(
                "The app hid this assessment because nobody used it for a while. Your work is "
                "kept. Press any key or choose Continue to carry on."
            )
        )
        note.setWordWrap(True)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setMaximumWidth(480)
        centred = QHBoxLayout()  # not an alignment flag: that would clip the wrapped lines
        centred.addStretch(1)
        centred.addWidget(note, 4)
        centred.addStretch(1)
        layout.addLayout(centred)
        self.continue_button = QPushButton(self.tr("&Continue"))
        self.continue_button.setProperty("role", "primary")
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setAccessibleDescription(self.tr("Show the assessment again"))
        self.continue_button.setDefault(True)
        self.continue_button.setMinimumWidth(160)
        layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(2)


class _ActivityWatcher(QObject):
    """Restarts ``timer`` on input to any window of the app while it is on."""

    def __init__(self, timer: QTimer, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = timer
        self._on = False
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.focusWindowChanged.connect(self._watch)

    def set_on(self, on: bool) -> None:
        """Watch every window now open, and each window that later takes the focus."""
        if on == self._on:
            return
        self._on = on
        for window in QGuiApplication.topLevelWindows():
            if on:
                window.installEventFilter(self)  # installing twice keeps one filter
            else:
                window.removeEventFilter(self)

    def _watch(self, window: QWindow | None) -> None:
        if self._on and window is not None:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count the window's input as activity; every event passes on untouched."""
        if event.type() in _event_kinds()[0]:
            self._timer.start()
        return False


class IdleLock(QObject):
    """Locks ``window`` after ``minutes`` without input; unlocks on a key press or Continue.

    Signals:
        locked(): the window was covered.
        unlocked(): the user came back.
        emergency_requested(): F9 or the red button while locked (the lock stays on).
    """

    locked = Signal()
    unlocked = Signal()
    emergency_requested = Signal()

    def __init__(
        self, window: QMainWindow, minutes: int = IDLE_DEFAULT, *, enabled: bool = True
    ) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.lock)
        self._screen: LockScreen | None = None
        self._hidden: list[QWidget] = []
        self._enabled = False
        self._filtering = False
        self._activity = _ActivityWatcher(self._timer, self)
        self.set_minutes(minutes)
        self.set_enabled(enabled)

    @property
    def screen(self) -> LockScreen | None:
        """The lock screen while locked."""
        return self._screen

    @property
    def is_locked(self) -> bool:
        """Whether the lock screen is showing."""
        return self._screen is not None

    @property
    def counting(self) -> bool:
        """Whether the idle countdown is running."""
        return self._timer.isActive()

    def remaining_ms(self) -> int:
        """Milliseconds left before the lock (-1 when not counting)."""
        return self._timer.remainingTime()

    @property
    def interval_ms(self) -> int:
        """Milliseconds of inactivity before locking."""
        return self._timer.interval()

    def set_minutes(self, minutes: int) -> None:
        """Lock after ``minutes`` (clamped to 1-15) of inactivity."""
        self.set_interval_ms(int(min(max(minutes, IDLE_MIN), IDLE_MAX)) * 60_000)

    def set_interval_ms(self, interval_ms: int) -> None:
        """Set the idle time in milliseconds (tests use short times)."""
        self._timer.setInterval(max(1, int(interval_ms)))
        if not self.is_locked and self._enabled:
            self._timer.start()

    def set_enabled(self, enabled: bool) -> None:
        """Turn the lock on or off (e.g. while nothing about a child is open).

        Input is watched only while the lock is on: a Python filter costs every window event.
        """
        self._enabled = enabled
        self._activity.set_on(enabled and not self.is_locked)
        if enabled and not self.is_locked:
            self._timer.start()
        else:
            self._timer.stop()

    def _filter(self, on: bool) -> None:
        """The application-wide filter that keeps input out while locked."""
        app = QApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on

    def stop(self) -> None:
        """Stop watching (the window is closing)."""
        self._timer.stop()
        self._activity.set_on(False)
        self._filter(False)

    # -- locking -------------------------------------------------------------------------------

    def lock(self) -> None:
        """Hide every child detail and show the lock screen."""
        if self.is_locked or not self._enabled:
            return
        self._timer.stop()
        self._activity.set_on(False)
        self._filter(True)
        popup = QApplication.activePopupWidget()
        if popup is not None:
            popup.close()
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self._window and w.isVisible() and w.isWindow()
        ]
        central = self._window.centralWidget()
        if central is not None and central.isVisible():
            self._hidden.append(central)
        for widget in self._hidden:
            widget.hide()
        screen = LockScreen(self._window)
        screen.continue_button.clicked.connect(self.unlock)
        screen.emergency_button.clicked.connect(self.emergency_requested.emit)
        screen.setGeometry(self._window.rect())
        screen.show()
        screen.raise_()
        screen.continue_button.setFocus()
        self._screen = screen
        self._window.installEventFilter(self)  # keep the cover sized with the window
        self.locked.emit()

    def unlock(self) -> None:
        """Remove the lock screen and show what was hidden."""
        if self._screen is None:
            return
        self._window.removeEventFilter(self)
        self._screen.hide()
        self._screen.deleteLater()
        self._screen = None
        for widget in self._hidden:
            if shiboken6.isValid(widget):  # a dialog may have been deleted while hidden
                widget.show()
        self._hidden = []
        self._filter(False)
        if self._enabled:
            self._activity.set_on(True)
            self._timer.start()
        self.unlocked.emit()

    # -- input ---------------------------------------------------------------------------------

    def _outside(self, watched: QObject) -> bool:
        """Whether ``watched`` belongs to another window than the locked one."""
        if isinstance(watched, QWidget):
            return watched.window() is not self._window
        if isinstance(watched, QWindow):
            return watched is not self._window.windowHandle()
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count input as activity; while locked, a key press unlocks and nothing else gets in.

        Except the emergency: F9 shows whom to call without unlocking, and the emergency window
        (the only other window that can be open while locked) works as usual.
        """
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QKeyEvent

        activity, blocked_while_locked = _event_kinds()
        kind = event.type()
        if watched is self._window and kind == QEvent.Type.Resize and self._screen is not None:
            self._screen.setGeometry(self._window.rect())
            return False
        if self._screen is None:
            if kind in activity and self._enabled:
                self._timer.start()  # restart the countdown
            return False
        from thresholds_app.ui.shell.emergency_key import is_emergency_key

        if self._outside(watched):
            return False  # the emergency contacts, opened over the lock
        if is_emergency_key(event):
            if kind == QEvent.Type.KeyPress and not event.isAutoRepeat():  # type: ignore[attr-defined]
                self.emergency_requested.emit()
            event.accept()  # an accepted override: the key comes here as a key press
            return True
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if not event.isAutoRepeat():
                self.unlock()
            return True  # the key only wakes the screen; it types nothing
        if kind in blocked_while_locked:
            return True
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            if not isinstance(watched, QWidget):
                return False  # the window passes the click on to a widget: judged there
            buttons = (self._screen.continue_button, self._screen.emergency_button)
            return not (isinstance(watched, QWidget) and watched in buttons)
        return False
