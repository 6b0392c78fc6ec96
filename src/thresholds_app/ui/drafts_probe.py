"""Opening the drafts store off the start path: on a worker thread, at the first sign of use.

Finding the operating system's password store (``keyring``) and loading ``cryptography`` take
about 200 ms. Done on the GUI thread just after the first paint, they made the first click lag
and kept the app busy long after its window was up (issue 11). Now the store is opened on a
worker thread at the first sign of use (:mod:`thresholds_app.ui.first_use`), and anything that
needs the store sooner waits for it (or opens it).
The drafts' own behaviour and messages are unchanged: only when they are worked out moves.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from thresholds_app.ui.first_use import FirstUse

if TYPE_CHECKING:
    import threading

    from thresholds_app.core.drafts.store import DraftStore


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
        self._first_use: FirstUse | None = None

    def start_on_first_use(self, app: QObject) -> None:
        """Start when ``app`` first sees the mouse or keyboard, or after an idle spell."""
        if self._thread is None and self._first_use is None:
            self._first_use = FirstUse(app, self.start, owner=self)

    def start(self) -> None:
        """Open the store on the worker thread (once)."""
        if self._thread is None:
            import threading  # not at the top: this module is on the start path

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
