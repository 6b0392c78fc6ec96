"""The MASH review mode's pages: the folder of referrals, and one referral under review.

The review view is read-only for the referrer's part (``ui/review/view.py``); everything it
decides comes from ``core/review``. Opening a folder fills the table; opening a file (the start
screen, the File menu, a double-click through ``--review PATH``) shows it for review.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from thresholds_app.ui.shell.pages import Page

if TYPE_CHECKING:
    from thresholds_app.ui.main_window import MainWindow
    from thresholds_app.ui.review.batch_page import BatchPage
    from thresholds_app.ui.review.view import ReferralFile
    from thresholds_app.ui.shell.file_opening import FileOpening


class MashFlow(QObject):
    """Opens the MASH's table of referrals and single referrals for ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._batch: BatchPage | None = None

    def open_batch(self) -> BatchPage:
        """Show the folder of referrals (made on first use)."""
        window = self._window
        if self._batch is None:
            from thresholds_app.ui.review.batch_page import BatchPage

            self._batch = BatchPage(window.pack, clock=window.clock)
            self._batch.open_requested.connect(lambda path: self.open_path(Path(path)))
            window.set_page(Page.MASH, self._batch)
        window.show_page(Page.MASH)
        return self._batch

    def open_path(self, path: Path) -> FileOpening | None:
        """Open a case file for MASH review (read off the GUI thread), or a folder of them.

        A folder fills the table of referrals (read on its own worker, with progress) and gives
        None; a file gives its :class:`FileOpening`.
        """
        from thresholds_app.ui.review.view import read_referral

        window = self._window
        path = Path(path)
        if path.is_dir():
            self.open_batch().load_folder(path)
            return None
        pack, now = window.pack, window.clock()
        return window.opener.open(
            path,
            lambda: read_referral(pack, path, now),
            self._show,
            lambda words: window.inform(window.tr("Cannot open the case file"), words),
        )

    def _show(self, referral: ReferralFile) -> None:
        from thresholds_app.ui.review.view import ReviewView

        window = self._window
        view = ReviewView(window.pack, referral, clock=window.clock)
        view.back_requested.connect(self.open_batch)
        view.review_saved.connect(self._review_saved)
        window.set_page(Page.MASH_CASE, view)
        window.show_page(Page.MASH_CASE)
        view.referral.setFocus()

    def _review_saved(self, path: str) -> None:
        """Bring the folder's row for this file up to date (it may be out of sight)."""
        if self._batch is not None:
            self._batch.refresh_file(Path(path))

    def ask_file(self) -> None:
        """Ask for a case file and open it for review."""
        path = self._window.ask_open_path()
        if path:
            self.open_path(Path(path))
