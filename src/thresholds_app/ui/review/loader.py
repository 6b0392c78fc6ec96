"""Reads a folder of referrals on a worker thread, with progress and cancelling.

Signals:
    progress(int, int): files read so far, and in all.
    finished(object): the :class:`Batch` (``complete`` False when cancelled).
    failed(str): the folder could not be listed.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.review.batch import read_folder


class FolderLoader(QObject):
    """Runs :func:`read_folder` off the GUI thread; only signals cross back."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, pack: Pack, folder: Path, now: dt.datetime) -> None:
        super().__init__()
        self.pack, self.folder, self.now = pack, folder, now
        self._stop = threading.Event()
        self.worker_thread = QThread()
        self.moveToThread(self.worker_thread)
        self.worker_thread.started.connect(self._run)

    def start(self) -> None:
        """Begin reading."""
        self.worker_thread.start()

    def cancel(self) -> None:
        """Stop after the file being read; the rows so far are still delivered."""
        self._stop.set()

    def _run(self) -> None:
        try:
            batch = read_folder(
                self.folder,
                self.pack,
                self.now,
                progress=lambda done, total: self.progress.emit(done, total),
                cancelled=self._stop.is_set,
            )
        except OSError as exc:
            self.failed.emit(f"{self.folder} could not be read ({exc.strerror}).")
        else:
            self.finished.emit(batch)
        finally:
            self.worker_thread.quit()
