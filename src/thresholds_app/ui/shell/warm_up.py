"""Make the first assessment quick to open, and say so while it is being built.

The first "New assessment" after launch did nothing visible for one to three seconds (a QA walk
saw "the first click on a start card did nothing", issue 11): it loads the rules engine and the
case and rationale code, compiles the pack's rules and builds some 500 widgets, with no sign that
anything was happening.

Two things here:

- :class:`WarmUp` does the pure-Python part at the first sign of use (``ui/first_use.py``): the
  modules are imported, this year's bank-holiday calendar is read and the pack's rules are
  compiled, one piece per turn of the event loop, so a click or F9 waits for one piece at most.
  It runs on the GUI thread on purpose: a worker thread gained nothing (the GIL) and Python's
  collector may run on whichever thread allocates, which must never be one that could destroy a
  Qt object off the GUI thread (a segfault seen in long test runs). If the user is quicker, the
  assessment imports what it needs itself.
- :func:`busy` shows a wait cursor and a status-bar message, painted at once, while a screen is
  built, so a click is always seen to have been taken.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStatusBar

    from thresholds_app.core.pack.model import Pack

log = logging.getLogger(__name__)

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
    """Loads what the first assessment needs from core, once, a piece per event-loop turn."""

    def __init__(self, pack: Pack) -> None:
        self._pack = pack
        self._pieces: Iterator[Callable[[], object]] | None = None
        self.finished = False

    @property
    def started(self) -> bool:
        """Whether the warm-up has been started."""
        return self._pieces is not None

    def start(self) -> None:
        """Start it (once; later calls do nothing)."""
        if self._pieces is None:
            self._pieces = iter(self._plan())
            self._next()

    def _plan(self) -> list[Callable[[], object]]:
        def calendar() -> None:
            from thresholds_app.core.base.calendar import warm

            warm()  # this year's bank holidays: "who to call now" needs them

        def rules() -> None:
            from thresholds_app.core.rules.engine import engine_for

            engine_for(self._pack)  # compiled once and kept on the pack (a pure memo)

        modules = [partial(importlib.import_module, name) for name in ASSESSMENT_MODULES]
        return [*modules, calendar, rules]

    def _next(self) -> None:
        from PySide6.QtCore import QTimer

        assert self._pieces is not None
        piece = next(self._pieces, None)
        if piece is None:
            self.finished = True
            return
        try:
            piece()
        except Exception:  # only a speed-up: the assessment loads all this itself if need be
            log.debug("warming up the assessment failed", exc_info=True)
        QTimer.singleShot(0, self._next)


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
