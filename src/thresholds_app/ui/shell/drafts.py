"""Drafts for the main window: autosave for each open case, recovery after a crash, and quitting.

One :class:`DraftKeeper` per window. It keeps the open assessment and the open step-up /
step-down review in encrypted drafts (``ui/autosave.py``), offers a draft left by a crash once
the window is on screen, says in the status bar whether drafts reach the disk, and on quitting
keeps unsaved work as a draft for next time.

The drafts store is opened on a worker thread (``store_opener.py``) at the first sign of use
(``ui/first_use.py``), never on the GUI thread after the first paint: its key-store probe and
``cryptography`` take about 200 ms. Work started before the store is open is not lost: the page
is kept waiting, and its whole case is saved the moment the store opens.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from thresholds_app.ui.shell.store_opener import StoreOpener

if TYPE_CHECKING:  # drafts and autosave load after the first paint (cryptography is slow)
    from thresholds_app.core.case.record import CaseRecord
    from thresholds_app.core.drafts.store import Draft, DraftStore
    from thresholds_app.ui.assessment.page import AssessmentPage
    from thresholds_app.ui.autosave import Autosave
    from thresholds_app.ui.first_use import FirstUse
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


class _Waiting:
    """A page whose work started before the store was open.

    Typing is only noted: the whole case is saved as one snapshot the moment the store opens.
    An answer calls ``on_answer``, which waits for the store, so answers are on disk at once,
    as always (a kill loses none: hazard H14).
    """

    def __init__(
        self, page: AssessmentPage | SteppingPage, state: QObject, on_answer: Callable[[], None]
    ) -> None:
        self.page = page
        self.edited = False
        self._on_answer = on_answer
        state.answer_changed.connect(self._answered)  # type: ignore[attr-defined]
        state.changed.connect(self._edited)  # type: ignore[attr-defined]

    def _edited(self, *_args: object) -> None:
        self.edited = True

    def _answered(self, *_args: object) -> None:
        self.edited = True
        self._on_answer()


class DraftKeeper(QObject):
    """Keeps the window's open work in drafts and offers it back after a crash.

    Signals:
        where_changed(bool, str): drafts now reach the disk (True) or stay in memory (False),
            and the words that say so.
    """

    where_changed = Signal(bool, str)

    def __init__(self, make_store: StoreFactory, status_bar: QStatusBar, parent: QObject) -> None:
        super().__init__(parent)
        self._opener = StoreOpener(make_store, self)
        self._opener.ready.connect(self._worker_done)
        self._opened = False  # the store's status is shown and waiting work is attached
        self._signalled = False  # the worker's ready signal has been handled
        self._on_open: Callable[[], object] | None = None
        self._first_use: FirstUse | None = None
        self._autosave: Autosave | None = None
        self._review_autosave: Autosave | None = None
        self._waiting: _Waiting | None = None  # the assessment, until the store opens
        self._review_waiting: _Waiting | None = None
        self._adopt: Draft | None = None  # a recovered or carried draft waiting for its page
        self.on_disk: bool | None = None  # where drafts go, once the store has been probed
        self.label = QLabel()
        self.label.setAccessibleName(self.tr("Drafts"))
        status_bar.addPermanentWidget(self.label)

    @property
    def store(self) -> DraftStore:
        """The drafts store: opened now, or waited for, if the worker has not finished yet."""
        store = self._opener.store()
        self._store_opened()  # if we waited: before the worker's queued signal arrives
        return store

    @property
    def autosave(self) -> Autosave | None:
        """The open assessment's autosave (if its page is waiting for the store, it waits too)."""
        if self._waiting is not None:
            self.store  # noqa: B018 - opens the store: the waiting page gets its autosave
        return self._autosave

    @property
    def review_autosave(self) -> Autosave | None:
        """The open review's autosave (waiting for the store, as :attr:`autosave` does)."""
        if self._review_waiting is not None:
            self.store  # noqa: B018
        return self._review_autosave

    @property
    def is_open(self) -> bool:
        """Whether the store is open (its status shown and any waiting work attached)."""
        return self._opened

    def open_when_used(self, window: QWidget, on_open: Callable[[], object] | None = None) -> None:
        """Open the store off the GUI thread at ``window``'s first input (or after an idle spell).

        ``on_open`` runs on the GUI thread once the store is open (e.g. to offer recovery).
        """
        from thresholds_app.ui.first_use import FirstUse

        self._on_open = on_open
        if self._signalled:  # already open, and its signal handled: run it now
            self._run_on_open()
        elif not self._opener.started and self._first_use is None:
            self._first_use = FirstUse(window, self._opener.start, owner=self)

    def _worker_done(self) -> None:
        """The worker's signal: the store is open.

        ``on_open`` (e.g. recovery) runs, then work begun while it was opening is saved (so it
        is never offered as left by a crash).
        """
        self._signalled = True
        if not self._opened:
            self._opened = True
            self.check_store()
        self._run_on_open()
        self._attach_waiting()

    def _store_opened(self) -> None:
        """On the GUI thread, once the store is open: say where drafts go, save waiting work."""
        if self._opened or not self._opener.finished:
            return
        self._opened = True
        self.check_store()
        self._attach_waiting()

    def _run_on_open(self) -> None:
        on_open, self._on_open = self._on_open, None
        if on_open is not None:
            on_open()

    @property
    def keeps_work_on_disk(self) -> bool:
        """Whether unsaved work survives quitting (encrypted drafts reach the disk)."""
        if self._waiting is not None or self._review_waiting is not None:
            self.store  # noqa: B018 - waits for the store: the waiting work is then saved
        saver = self._autosave
        return self._opened and self.store.available and (saver is None or not saver.memory_only)

    # -- the pages' drafts --------------------------------------------------------------------

    def adopt_next(self, draft: Draft | None) -> None:
        """The next assessment page carries on with ``draft`` instead of starting a new one."""
        self._adopt = draft

    def keep_adopted_for_later(self) -> None:
        """A recovered draft that no page took is closed, and offered again next time."""
        from thresholds_app.core.drafts.state import DraftError

        draft, self._adopt = self._adopt, None
        if draft is not None and not draft.closed:
            try:
                draft.close()
            except (OSError, DraftError):
                log.warning("draft close failed")

    def assessment_started(self, page: AssessmentPage) -> None:
        """Keep ``page``'s case in a draft (the one before it was saved, or given up)."""
        self.assessment_closed()  # the old case was saved, or the user agreed to clear it
        draft, self._adopt = self._adopt, None
        page.exported.connect(lambda _kind: self._exported(page))  # purge after export (H15)
        if self._opened or draft is not None:  # a draft to carry on with: the store is open
            self._keep_assessment(page, draft, edited=False)
            return
        self._waiting = _Waiting(page, page.state, self._wait_for_store)
        self._opener.start()  # the user is at work: the store is needed now

    def _keep_assessment(self, page: AssessmentPage, draft: Draft | None, *, edited: bool) -> None:
        from thresholds_app.ui.autosave import Autosave

        saver = Autosave(page.state, self.store, draft=draft, parent=page)
        saver.status_changed.connect(self.show_memory_only)
        self._autosave = saver
        if edited:
            saver.flush()  # everything done while the store was opening, as one snapshot

    def _exported(self, page: AssessmentPage) -> None:
        if self._waiting is not None and self._waiting.page is page:
            self._waiting = None  # exported before the store opened: no draft is ever made
        saver = self._autosave
        if saver is not None and shiboken6.isValid(saver) and saver.parent() is page:
            saver.discard()

    def _wait_for_store(self) -> None:
        if self._waiting is not None or self._review_waiting is not None:
            self.store  # noqa: B018 - the waiting page gets its autosave, and its work is saved

    def _attach_waiting(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None and shiboken6.isValid(waiting.page):
            page: AssessmentPage = waiting.page  # type: ignore[assignment]
            self._keep_assessment(page, None, edited=waiting.edited)
        review, self._review_waiting = self._review_waiting, None
        if review is not None and shiboken6.isValid(review.page):
            stepping: SteppingPage = review.page  # type: ignore[assignment]
            self._keep_review(stepping, edited=review.edited)

    def assessment_closed(self) -> None:
        """The assessment was closed (saved, or the user agreed): its draft goes."""
        self._waiting = None
        saver, self._autosave = self._autosave, None
        if saver is not None and shiboken6.isValid(saver):
            saver.discard()

    def review_closed(self) -> None:
        """The review was carried on or cleared: its draft (if not handed on) goes."""
        self._review_waiting = None
        saver, self._review_autosave = self._review_autosave, None
        if saver is not None and shiboken6.isValid(saver):
            saver.discard()

    def review_started(self, page: SteppingPage) -> None:
        """Keep a step-up / step-down review in a draft while it is open."""
        self.review_closed()  # the old review was carried on, or the user agreed to clear it
        if self._opened:
            self._keep_review(page, edited=False)
            return
        self._review_waiting = _Waiting(page, page, self._wait_for_store)
        self._opener.start()

    def _keep_review(self, page: SteppingPage, *, edited: bool) -> None:
        from thresholds_app.ui.autosave import Autosave

        saver = Autosave(page, self.store, parent=page)
        saver.status_changed.connect(self.show_memory_only)
        self._review_autosave = saver
        if edited:
            saver.flush()

    def take_review_draft(self) -> Draft | None:
        """Hand the review's draft on (to the assessment it continues in): nothing is lost."""
        if self._review_waiting is not None:
            self.store  # noqa: B018 - waits for the store: the review's work is saved first
        saver = self._review_autosave
        if saver is None or saver.draft is None:
            return None
        saver.flush()
        draft, saver.draft = saver.draft, None
        return draft

    # -- status --------------------------------------------------------------------------------

    def show_memory_only(self, text: str) -> None:
        """Say that drafts are kept in memory only (``text``: the reason, on hover).

        The label says it all in three words. A passing status-bar message used to repeat it;
        beside the guidance label it was cut off at 150% text in a 1280-pixel window, and a
        quit with unsaved work asks first anyway (``MainWindow.closeEvent``).
        """
        self.label.setText(self.tr("Drafts: memory only"))
        why = self.tr("Save the case file to keep your work.")
        self.label.setToolTip(f"{text}\n{why}")
        self.label.setAccessibleDescription(f"{text} {why}")
        self.on_disk = False
        self.where_changed.emit(False, f"{text}\n{why}")

    def check_store(self) -> bool:
        """Probe the key store and say where drafts go; True when they reach the disk."""
        if not self.store.available:
            self.show_memory_only(self.store.reason)
            return False
        self.label.setText(self.tr("Drafts: encrypted"))
        where = self.tr("Unfinished work is saved encrypted on this computer as you go.")
        self.label.setToolTip(where)
        self.label.setAccessibleDescription(where)
        self.on_disk = True
        self.where_changed.emit(True, where)
        return True

    def recover(self, parent: QWidget) -> CaseRecord | None:
        """Offer a draft left by a crash; the case if the user takes it back.

        The next assessment page carries on with the recovered draft, so the work stays in it.
        """
        from thresholds_app.ui import autosave

        if not self.check_store():
            return None
        savers = (self._autosave, self._review_autosave)
        open_here = {
            s.draft.id
            for s in savers
            if s is not None and shiboken6.isValid(s) and s.draft is not None
        }
        recovered = autosave.offer_recovery(self.store, parent, skip=open_here)
        if recovered is None:
            return None
        case, draft = recovered
        self.adopt_next(draft)
        return case

    # -- quitting ------------------------------------------------------------------------------

    def shutdown(self, assessment_unsaved: bool) -> None:
        """Keep unsaved work as a draft for next time; delete the drafts of saved work."""
        if self._review_waiting is not None or (assessment_unsaved and self._waiting is not None):
            self.store  # noqa: B018 - waits for the store, so the waiting work is kept
        review = self._review_autosave
        if review is not None and shiboken6.isValid(review):
            review.close()  # an unfinished review is kept for next time
        saver = self._autosave
        if saver is None or not shiboken6.isValid(saver):
            return
        if assessment_unsaved:
            saver.close()
        else:
            saver.discard()
