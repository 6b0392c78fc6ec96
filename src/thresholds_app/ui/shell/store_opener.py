"""Opening the drafts store on a worker thread, so the window is never kept busy by it.

Finding the operating system's password store (``keyring``) and loading ``cryptography`` take
about 200 ms. Done on the GUI thread after the first paint, they made the first click lag and kept
the app busy long after its window was up (issue 11). :class:`StoreOpener` makes the store and
asks whether it can keep drafts on disk on a worker thread; :attr:`StoreOpener.ready` says so on
the GUI thread. Anything that needs the store at once (quitting with unsaved work) waits for the
worker with :meth:`StoreOpener.store`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    import threading

    from thresholds_app.core.drafts.store import DraftStore

log = logging.getLogger(__name__)

THREAD_NAME = "drafts-store"


class StoreOpener(QObject):
    """Makes the drafts store once, off the GUI thread.

    ``make_store`` runs on the worker thread: it imports the drafts code and the store's key
    provider is asked whether a secure store exists (``DraftStore.available``) there too.

    Signals:
        ready(): the store is open (or failed to open); delivered on the GUI thread.
    """

    ready = Signal()

    def __init__(self, make_store: Callable[[], DraftStore], parent: QObject | None = None):
        super().__init__(parent)
        self._make_store = make_store
        self._store: DraftStore | None = None
        self._error: BaseException | None = None
        self._thread: threading.Thread | None = None
        self._done = False

    @property
    def started(self) -> bool:
        """Whether the store is being (or has been) opened."""
        return self._thread is not None

    @property
    def finished(self) -> bool:
        """Whether the worker is done (the store is open, or failed to open)."""
        return self._done

    def start(self) -> None:
        """Open the store on the worker thread (once; later calls do nothing)."""
        if self._thread is None:
            import threading  # not at the top: this module is on the start path

            self._thread = threading.Thread(target=self._open, name=THREAD_NAME, daemon=True)
            self._thread.start()

    def _open(self) -> None:
        try:
            store = self._make_store()
            store.available  # noqa: B018 - asks the key store now, on this thread
            # the autosave code the window needs next, loaded here rather than on the GUI thread
            import thresholds_app.core.case.record
            import thresholds_app.core.drafts.state  # noqa: F401

            self._store = store
        except BaseException as exc:  # handed to the GUI thread by store()
            self._error = exc
        self._done = True
        try:
            self.ready.emit()  # queued: the receivers live on the GUI thread
        except RuntimeError:  # the window went while the store was opening
            log.debug("drafts store opened after its window closed")

    def store(self) -> DraftStore:
        """The open store (GUI thread): opens it now, or waits for the worker to finish."""
        self.start()
        assert self._thread is not None
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._store is not None
        return self._store
