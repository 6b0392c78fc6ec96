"""Drafts for the main window: autosave for each open case, recovery after a crash, and quitting.

One :class:`DraftKeeper` per window. It keeps the open assessment and the open step-up /
step-down review in encrypted drafts (``ui/autosave.py``), offers a draft left by a crash once
the window is on screen, says in the status bar whether drafts reach the disk, and on quitting
keeps unsaved work as a draft for next time. The drafts store is made on first use, after the
first paint: its key-store probe and ``cryptography`` are slow to load.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

if TYPE_CHECKING:  # drafts and autosave load after the first paint (cryptography is slow)
    from thresholds_app.core.case.record import CaseRecord
    from thresholds_app.core.drafts.store import Draft, DraftStore
    from thresholds_app.ui.assessment.page import AssessmentPage
    from thresholds_app.ui.autosave import Autosave
    from thresholds_app.ui.stepping_page import SteppingPage

log = logging.getLogger(__name__)

StoreFactory = Callable[[], "DraftStore"]


def default_store_factory(retention_days: int, *, allowed: bool = True) -> StoreFactory:
    """Make the user's drafts store (in their data folder, key in the system's store).

    ``allowed`` is the organisation's setting: without it, work stays in memory only.
    """

    def make() -> DraftStore:
        from thresholds_app.core.drafts.keys import UnavailableKeyProvider
        from thresholds_app.core.drafts.store import DraftStore

        provider = None
        if not allowed:
            provider = UnavailableKeyProvider(
                "Your organisation has turned off saving drafts on this computer, so unfinished "
                "work is kept in memory only until you save or export it."
            )
        return DraftStore(key_provider=provider, retention_days=retention_days)

    return make


class DraftKeeper(QObject):
    """Keeps the window's open work in drafts and offers it back after a crash."""

    def __init__(self, make_store: StoreFactory, status_bar: QStatusBar, parent: QObject) -> None:
        super().__init__(parent)
        self._make_store = make_store
        self._store: DraftStore | None = None
        self._status_bar = status_bar
        self.autosave: Autosave | None = None
        self.review_autosave: Autosave | None = None
        self._adopt: Draft | None = None  # a recovered or carried draft waiting for its page
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Drafts"))
        status_bar.addPermanentWidget(self.label)

    @property
    def store(self) -> DraftStore:
        """The drafts store (created on first use, after the window is on screen)."""
        if self._store is None:
            self._store = self._make_store()
        return self._store

    @property
    def keeps_work_on_disk(self) -> bool:
        """Whether unsaved work survives quitting (encrypted drafts reach the disk)."""
        saver = self.autosave
        return (
            self._store is not None
            and self._store.available
            and (saver is None or not saver.memory_only)
        )

    # -- the pages' drafts --------------------------------------------------------------------

    def adopt_next(self, draft: Draft | None) -> None:
        """The next assessment page carries on with ``draft`` instead of starting a new one."""
        self._adopt = draft

    def assessment_started(self, page: AssessmentPage) -> None:
        """Keep ``page``'s case in a draft (the one before it was saved, or given up)."""
        from thresholds_app.ui.autosave import Autosave

        self.assessment_closed()  # the old case was saved, or the user agreed to clear it
        draft, self._adopt = self._adopt, None
        saver = Autosave(page.state, self.store, draft=draft, parent=page)
        saver.status_changed.connect(self.show_memory_only)
        self.autosave = saver
        page.exported.connect(lambda _kind: saver.discard())  # purge after export (H15)

    def assessment_closed(self) -> None:
        """The assessment was closed (saved, or the user agreed): its draft goes."""
        saver, self.autosave = self.autosave, None
        if saver is not None and shiboken6.isValid(saver):
            saver.discard()

    def review_closed(self) -> None:
        """The review was carried on or cleared: its draft (if not handed on) goes."""
        saver, self.review_autosave = self.review_autosave, None
        if saver is not None and shiboken6.isValid(saver):
            saver.discard()

    def review_started(self, page: SteppingPage) -> None:
        """Keep a step-up / step-down review in a draft while it is open."""
        from thresholds_app.ui.autosave import Autosave

        self.review_closed()  # the old review was carried on, or the user agreed to clear it
        saver = Autosave(page, self.store, parent=page)
        saver.status_changed.connect(self.show_memory_only)
        self.review_autosave = saver

    def take_review_draft(self) -> Draft | None:
        """Hand the review's draft on (to the assessment it continues in): nothing is lost."""
        saver = self.review_autosave
        if saver is None or saver.draft is None:
            return None
        saver.flush()
        draft, saver.draft = saver.draft, None
        return draft

    # -- status --------------------------------------------------------------------------------

    def show_memory_only(self, text: str) -> None:
        """Say that drafts are kept in memory only (``text``: the reason)."""
        self.label.setText(self.tr("Drafts: memory only"))
        self.label.setToolTip(text)
        # short enough for the status bar at any window width; the tooltip has the whole reason
        self._status_bar.showMessage(
            self.tr("Unfinished work is kept in memory only, not on disk (hover on Drafts)."),
            15_000,
        )

    def check_store(self) -> bool:
        """Probe the key store and say where drafts go; True when they reach the disk."""
        if not self.store.available:
            self.show_memory_only(self.store.reason)
            return False
        self.label.setText(self.tr("Drafts: encrypted"))
        self.label.setToolTip(
            self.tr("Unfinished work is saved encrypted on this computer as you go.")
        )
        return True

    def recover(self, parent: QWidget) -> CaseRecord | None:
        """Offer a draft left by a crash; the case if the user takes it back.

        The next assessment page carries on with the recovered draft, so the work stays in it.
        """
        from thresholds_app.ui import autosave

        if not self.check_store():
            return None
        recovered = autosave.offer_recovery(self.store, parent)
        if recovered is None:
            return None
        case, draft = recovered
        self.adopt_next(draft)
        return case

    # -- quitting ------------------------------------------------------------------------------

    def shutdown(self, assessment_unsaved: bool) -> None:
        """Keep unsaved work as a draft for next time; delete the drafts of saved work."""
        review = self.review_autosave
        if review is not None and shiboken6.isValid(review):
            review.close()  # an unfinished review is kept for next time
        saver = self.autosave
        if saver is None or not shiboken6.isValid(saver):
            return
        if assessment_unsaved:
            saver.close()
        else:
            saver.discard()
