"""Make the first assessment quick to open, and say so while it is being built.

The first "New assessment" after launch did nothing visible for one to three seconds (a QA walk
saw "the first click on a start card did nothing", issue 11): it loads the rules engine, the
case and rationale code and the ``holidays`` calendar (which loads every country, about 0.3 s),
compiles the pack's rules and builds some 500 widgets, all on the GUI thread, with no sign that
anything was happening.

Two things here:

- :class:`WarmUp` does the pure-Python part (``core`` has no Qt, so it is safe off the GUI thread)
  on a worker thread at the first sign of use (``ui/first_use.py``), with the drafts store: the
  modules are imported, this year's bank-holiday calendar is built and the pack's rules are
  compiled. It runs once; if the user is quicker, the GUI thread imports what it needs as usual
  (Python's import lock makes it wait for a module the worker is part-way through).
- :func:`busy` shows a wait cursor and a status-bar message, painted at once, while a screen is
  built, so a click is always seen to have been taken.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import threading

    from PySide6.QtWidgets import QStatusBar

    from thresholds_app.core.pack.model import Pack

log = logging.getLogger(__name__)

THREAD_NAME = "warm-up"

# What the first assessment needs from core (pure Python), loaded before it is asked for.
ASSESSMENT_MODULES = (
    "thresholds_app.core.rules.engine",
    "thresholds_app.core.rules.stepping",
    "thresholds_app.core.case.record",
    "thresholds_app.core.case.readiness",
    "thresholds_app.core.case.assemble",
    "thresholds_app.core.report.rationale",
    "thresholds_app.core.search.index",
)


class WarmUp:
    """Loads what the first assessment needs from core, once, on a worker thread."""

    def __init__(self, pack: Pack) -> None:
        self._pack = pack
        self._thread: threading.Thread | None = None

    @property
    def started(self) -> bool:
        """Whether the warm-up has been started."""
        return self._thread is not None

    def start(self) -> None:
        """Start the worker (once; later calls do nothing)."""
        if self._thread is None:
            import threading

            self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
            self._thread.start()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait for the worker (tests); True once it has finished."""
        if self._thread is None:
            return False
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _run(self) -> None:
        try:
            for name in ASSESSMENT_MODULES:
                importlib.import_module(name)
            from thresholds_app.core.base.calendar import warm
            from thresholds_app.core.rules.engine import engine_for

            warm()  # this year's bank holidays: "who to call now" needs them
            engine_for(self._pack)  # compiled once and kept on the pack (a pure memo)
        except Exception:  # only a speed-up: the assessment loads all this itself if need be
            log.debug("warming up the assessment failed", exc_info=True)


@contextmanager
def busy(status_bar: QStatusBar, message: str) -> Iterator[None]:
    """A wait cursor and ``message`` in the status bar, painted now, until the block ends."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QCursor
    from PySide6.QtWidgets import QApplication

    QApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
    status_bar.showMessage(message)
    status_bar.repaint()  # painted before the work starts, not after it
    try:
        yield
    finally:
        status_bar.clearMessage()
        QApplication.restoreOverrideCursor()
