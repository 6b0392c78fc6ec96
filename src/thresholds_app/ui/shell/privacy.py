"""When the idle lock is on: only while a page that can show a child's details is on screen.

The lock itself (``ui/idle_lock.py``) hides the window after a quiet spell; this decides when it
counts, and carries out "Hide details now" (Ctrl+L) from any page.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from thresholds_app.ui.idle_lock import IdleLock
from thresholds_app.ui.shell.pages import CHILD_DETAIL_PAGES, Page


class PrivacyLock(QObject):
    """Turns ``lock`` on for pages with child details and off elsewhere."""

    def __init__(self, lock: IdleLock, parent: QObject) -> None:
        super().__init__(parent)
        self.lock = lock
        self._page: Page | None = None
        lock.set_enabled(False)
        lock.unlocked.connect(self._after_unlock)

    def page_changed(self, page: Page) -> None:
        """The window now shows ``page``."""
        self._page = page
        if not self.lock.is_locked:
            self.lock.set_enabled(page in CHILD_DETAIL_PAGES)

    def lock_now(self) -> None:
        """Hide child details at once (e.g. before walking away)."""
        self.lock.set_enabled(True)
        self.lock.lock()

    def _after_unlock(self) -> None:
        # a lock asked for on the start screen does not keep counting there
        if self._page is not None:
            self.lock.set_enabled(self._page in CHILD_DETAIL_PAGES)
