"""Reading a case file off the GUI thread, so the window stays responsive while it reads.

Reading and checking a case file up to the 20 MB limit takes up to about 2 s on a slow PC
(``docs/case-file.md``). Every path that opens a case file in the app (the practitioner's Open,
a file opened for MASH review, ``--review FILE``, a row of the folder of referrals) hands its
reading to :class:`FileOpener`: the work runs on a worker thread while the status bar says
what is being opened, and the window keeps turning, so F9 and every other key still work. The
outcome comes back on the GUI thread, where a refusal is shown in plain words.

Lifetimes: the worker runs only core code and touches no Qt object except one long-lived
:class:`_Courier` (made on the GUI thread, never deleted before the application), whose signal
is queued to the GUI thread. The opening itself is held by its opener until the outcome arrives,
so nothing the worker could still reach is ever deleted under it.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QLabel, QMainWindow, QProgressBar

log = logging.getLogger(__name__)

Work = Callable[[], Any]
Show = Callable[[Any], object]


@dataclass(frozen=True)
class _Failed:
    """What went wrong, in words for the practitioner (never a traceback)."""

    words: str


class _Courier(QObject):
    """Carries outcomes from worker threads to the GUI thread (queued)."""

    delivered = Signal(int, object)


_courier: _Courier | None = None
_tokens = count(1)  # one sequence for every window: each opener takes only its own


def _the_courier() -> _Courier:
    """The one courier, made on the GUI thread and parented to the application."""
    global _courier  # one per application, made on first use
    if _courier is None or not shiboken6.isValid(_courier):
        _courier = _Courier(QCoreApplication.instance())
    return _courier


class FileOpening(QObject):
    """One case file being read on a worker thread.

    Signals:
        finished(bool): on the GUI thread once the outcome was handled; True if it opened.
    """

    finished = Signal(bool)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.done = False
        self.opened = False  # True once the file was read and shown
        self.error = ""  # the plain words shown when it could not be opened


class FileOpener(QObject):
    """Opens case files for ``window`` one at a time, off the GUI thread, with a busy sign."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._pending: dict[int, tuple[FileOpening, Show, Callable[[str], object]]] = {}
        self.label = QLabel()
        self.label.setObjectName("openingLabel")
        self.bar = QProgressBar()  # a range of 0..0 is Qt's "busy, length unknown"
        self.bar.setObjectName("openingBusy")
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(120)
        self.bar.setTextVisible(False)
        self.bar.setAccessibleName(self.tr("Opening a case file"))
        status = window.statusBar()
        status.addWidget(self.label)
        status.addWidget(self.bar)
        self.label.hide()
        self.bar.hide()
        _the_courier().delivered.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        """Whether a file is being read now."""
        return bool(self._pending)

    def open(
        self, path: Path, work: Work, show: Show, refused: Callable[[str], object]
    ) -> FileOpening:
        """Run ``work()`` on a worker thread, then ``show(result)`` on the GUI thread.

        ``work`` must touch no Qt object. A :class:`CaseFileError` (or any other failure)
        calls ``refused(words)`` instead, with the file's problems in plain words. Only one file
        is read at a time: asking again meanwhile says so and opens nothing.
        """
        opening = FileOpening(Path(path), self)
        if self._pending:
            busy_with = next(iter(self._pending.values()))[0].path.name
            words = self.tr("Still opening {name}; try again when it has opened.").format(
                name=busy_with
            )
            self._window.statusBar().showMessage(words, 5000)
            self._finish(opening, opened=False, error=words)
            return opening
        token = next(_tokens)
        self._pending[token] = (opening, show, refused)
        self._set_busy(opening.path.name)
        courier = _the_courier()
        thread = threading.Thread(
            target=_run, args=(courier, token, work, opening.path.name), daemon=True
        )
        thread.start()
        return opening

    @Slot(int, object)
    def _deliver(self, token: int, outcome: object) -> None:
        entry = self._pending.pop(token, None)
        if entry is None:
            return  # another window's opening
        opening, show, refused = entry
        self._set_busy("")
        if isinstance(outcome, _Failed):
            refused(outcome.words)
            self._finish(opening, opened=False, error=outcome.words)
            return
        try:
            show(outcome)
        finally:
            self._finish(opening, opened=True)

    def _finish(self, opening: FileOpening, *, opened: bool, error: str = "") -> None:
        opening.done, opening.opened, opening.error = True, opened, error
        opening.finished.emit(opened)

    def _set_busy(self, name: str) -> None:
        self.label.setText(self.tr("Opening {name}…").format(name=name) if name else "")
        self.label.setVisible(bool(name))
        self.bar.setVisible(bool(name))
        if name:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.BusyCursor))
        else:
            QGuiApplication.restoreOverrideCursor()


def _run(courier: _Courier, token: int, work: Work, name: str) -> None:
    """The worker thread: do the work, then hand the outcome to the GUI thread."""
    from thresholds_app.core.case.reading import CaseFileError

    outcome: object
    try:
        outcome = work()
    except CaseFileError as error:  # every problem, each with its line
        outcome = _Failed(str(error))
    except Exception as error:  # never a traceback on screen; nothing personal in the log
        log.error("Opening a case file failed: %s", type(error).__name__)
        outcome = _Failed(
            f"{name} could not be opened: something unexpected went wrong while reading it "
            f"({type(error).__name__}). The file has not been changed."
        )
    with contextlib.suppress(RuntimeError):  # the application closed while reading
        courier.delivered.emit(token, outcome)
