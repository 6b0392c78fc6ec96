"""Opening the drafts store off the start path: on a worker thread, at the first sign of use.

Finding the operating system's password store (``keyring``) and loading ``cryptography`` take
about 200 ms. Done on the GUI thread just after the first paint, they made the first click lag
and kept the app busy long after its window was up (issue 11). Now the store is opened on a
worker thread when the user first moves the mouse or presses a key, or after a short idle
spell if they do not, and anything that needs the store sooner waits for it (or opens it).
The drafts' own behaviour and messages are unchanged: only when they are worked out moves.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

if TYPE_CHECKING:
    from thresholds_app.core.drafts.store import DraftStore

IDLE_START_MS = 2_000  # with no input at all, open the store after this long anyway
_FIRST_USE = frozenset(
    {
        QEvent.Type.MouseMove,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.Wheel,
    }
)


class DraftsProbe(QObject):
    """Makes the drafts store and asks whether it can keep drafts on disk, once, off the GUI.

    ``make_store`` runs on the worker thread (it imports the drafts code and probes the key
    store through ``DraftStore.available``). :meth:`store` gives the ready store on the GUI
    thread, waiting for the worker if it is still running.

    Signals:
        ready(): the store is open (delivered on the GUI thread).
    """

    ready = Signal()

    def __init__(self, make_store: Callable[[], DraftStore], parent: QObject | None = None):
        super().__init__(parent)
        self._make_store = make_store
        self._store: DraftStore | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._watched: QObject | None = None
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(IDLE_START_MS)
        self._idle.timeout.connect(self.start)

    def start_on_first_use(self, app: QObject) -> None:
        """Start when ``app`` first sees the mouse or keyboard, or after an idle spell."""
        if self._thread is not None:
            return
        self._watched = app
        app.installEventFilter(self)
        self._idle.start()

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        """Start at the first input event; never consumes the event."""
        if event.type() in _FIRST_USE:
            self.start()
        return False

    def start(self) -> None:
        """Open the store on the worker thread (once)."""
        self._stop_watching()
        if self._thread is None:
            self._thread = threading.Thread(target=self._open, name="drafts-store", daemon=True)
            self._thread.start()

    def _open(self) -> None:
        try:
            store = self._make_store()
            store.available  # noqa: B018 - asks the key store now, on this thread
            self._store = store
        except BaseException as exc:  # re-raised on the GUI thread by store()
            self._error = exc
        self.ready.emit()  # queued: the receivers live on the GUI thread

    def _stop_watching(self) -> None:
        self._idle.stop()
        if self._watched is not None:
            self._watched.removeEventFilter(self)
            self._watched = None

    @property
    def started(self) -> bool:
        """Whether the store is being (or has been) opened."""
        return self._thread is not None

    @property
    def finished(self) -> bool:
        """Whether the store has been opened (or failed to open)."""
        return self._thread is not None and not self._thread.is_alive()

    def store(self) -> DraftStore:
        """The open store (GUI thread): opens it now, or waits for the worker to finish."""
        self.start()
        assert self._thread is not None
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store
