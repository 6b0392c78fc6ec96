"""Autosave: the case being edited is kept as an encrypted draft, and offered back after a crash.

Answers are journaled the moment they are given (each one encrypted and fsynced). Free text and
other edits are saved as a whole-case snapshot about two seconds after typing stops, and every two
seconds while typing goes on, so a kill loses at most two seconds of typing (hazard H14). Without
a secure key store the draft stays in memory only and :attr:`Autosave.status` says so. A draft is
deleted once the case has been exported, and when the practitioner says they do not want it back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.drafts.state import DraftError, DraftInfo, DraftState
from thresholds_app.core.drafts.store import Draft, DraftStore
from thresholds_app.ui.case_state import CaseState

IDLE_MS = 2_000  # save this long after typing stops
MAX_MS = 2_000  # and at least this often while typing goes on: at most 2 s of typing is lost

log = logging.getLogger(__name__)  # metadata only: never answers or text


def _tr(text: str) -> str:
    return QCoreApplication.translate("Autosave", text)


def case_document(case: CaseRecord) -> dict[str, Any]:
    """The case as a draft document (the computed assessment is left out: it is recomputed)."""
    document = case.to_dict()
    document["assessment"] = None
    return document


def case_from_draft(state: DraftState) -> CaseRecord:
    """Rebuild a case from a draft: the last snapshot, then the answers journaled after it."""
    try:
        case = CaseRecord.from_dict(state.document) if state.document else CaseRecord()
        case.answers.update(state.answers)  # type: ignore[arg-type]
    except (TypeError, KeyError, ValueError, AttributeError) as exc:
        raise DraftError(_tr("The draft is damaged and cannot be rebuilt.")) from exc
    return case


class Autosave(QObject):
    """Keeps one :class:`CaseState` (or a page with the same signals) in a draft as it is edited.

    ``state`` needs ``answer_changed(str)`` and ``changed()`` signals, ``answer(id)``, and either
    ``case_for_draft`` or ``case`` (the :class:`CaseRecord` to snapshot).

    Signals:
        saved(): a snapshot of the whole case was written.
        status_changed(str): the plain-words status changed (e.g. memory only, or a write failed).
    """

    saved = Signal()
    status_changed = Signal(str)

    def __init__(
        self,
        state: CaseState | Any,
        store: DraftStore | None,
        *,
        draft: Draft | None = None,
        idle_ms: int = IDLE_MS,
        max_ms: int = MAX_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else state)
        self.state = state
        self.store = store if store is not None and store.available else None
        self.draft = draft
        self.status = "" if self.store is not None else self._memory_only_text(store)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(idle_ms)
        self._idle.timeout.connect(self.flush)
        self._max = QTimer(self)
        self._max.setSingleShot(True)
        self._max.setInterval(max_ms)
        self._max.timeout.connect(self.flush)
        state.answer_changed.connect(self._answer_changed)
        state.changed.connect(self._changed)

    @staticmethod
    def _memory_only_text(store: DraftStore | None) -> str:
        reason = store.reason if store is not None else ""
        return reason or _tr(
            "Drafts are kept in memory only, so they are lost if the app closes unexpectedly."
        )

    @property
    def memory_only(self) -> bool:
        """Whether drafts are not being written to disk."""
        return self.store is None

    @property
    def pending(self) -> bool:
        """Whether an edit is waiting to be saved."""
        return self._idle.isActive() or self._max.isActive()

    def _ensure_draft(self) -> Draft | None:
        if self.store is None:
            return None
        if self.draft is None or self.draft.closed:
            self.draft = self.store.new_draft()
        return self.draft

    def _write(self, action: Callable[[Draft], None]) -> None:
        try:
            draft = self._ensure_draft()
            if draft is not None:
                action(draft)
        except (OSError, DraftError) as exc:
            # never crash over a draft: say so, and keep working in memory
            log.warning("draft write failed (%s); drafts now memory-only", type(exc).__name__)
            self.store = None
            self.draft = None
            self.status = _tr(
                "Drafts can no longer be saved on this computer, so they are now kept in "
                "memory only. Save the case file to keep your work."
            )
            self.status_changed.emit(self.status)

    def _answer_changed(self, answer_id: str) -> None:
        value = self.state.answer(answer_id)
        self._write(lambda d: d.record_answer(answer_id, value))

    def _changed(self) -> None:
        if self.store is None:
            return
        self._idle.start()  # restarted by every edit: saves once typing stops
        if not self._max.isActive():
            self._max.start()  # not restarted: caps the loss while typing goes on

    def flush(self) -> None:
        """Save the whole case now (snapshot), if anything is waiting."""
        self._idle.stop()
        self._max.stop()
        if self.store is None:
            return
        case = getattr(self.state, "case_for_draft", None) or self.state.case
        document = case_document(case)
        self._write(lambda d: d.record_document(document))
        if self.store is not None:
            self.saved.emit()

    def close(self) -> None:
        """Save what is pending and close the draft cleanly (kept for next time)."""
        if self.pending:
            self.flush()
        if self.draft is not None and not self.draft.closed:
            try:
                self.draft.close()
            except (OSError, DraftError):
                log.warning("draft close failed")

    def discard(self) -> None:
        """Delete the draft (after export, or when the work is no longer wanted)."""
        self._idle.stop()
        self._max.stop()
        if self.draft is not None:
            try:
                self.draft.discard()
            except (OSError, DraftError):
                log.warning("draft discard failed")
            self.draft = None


# -- recovery -------------------------------------------------------------------------------


def describe(info: DraftInfo) -> str:
    """Plain words about a draft for the recovery question (no personal data)."""
    when = datetime.fromtimestamp(info.updated).strftime("%d %B %Y at %H:%M")
    answers = _tr("{n} answers").format(n=info.answers) if info.answers != 1 else _tr("1 answer")
    how = _tr("was not closed properly") if info.interrupted else _tr("was left unfinished")
    return _tr("An assessment last changed on {when} ({answers}) {how}.").format(
        when=when, answers=answers, how=how
    )


def ask_recovery(parent: QWidget | None, info: DraftInfo) -> str:
    """Ask whether to recover ``info``: returns ``recover``, ``discard`` or ``later``.

    A module-level wrapper so tests can replace it; the real one is a modal question.
    """
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_tr("Recover your work?"))
    box.setText(describe(info))
    box.setInformativeText(
        _tr(
            "Recover it to carry on where you left off. Discard deletes it for good. "
            "Decide later keeps it for now."
        )
    )
    from thresholds_app.ui.message_fit import fit_to_screen

    fit_to_screen(box)  # a readable line at large text
    recover = box.addButton(_tr("&Recover"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(_tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
    box.addButton(_tr("Decide &later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(recover)
    box.exec()
    clicked = box.clickedButton()
    if clicked is recover:
        return "recover"
    if clicked is discard:
        return "discard"
    return "later"


def tell(parent: QWidget | None, title: str, text: str) -> None:
    """Show a plain message without blocking (a module-level wrapper tests can replace)."""
    from thresholds_app.ui.message_fit import fit_to_screen

    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.setObjectName("autosaveMessage")
    fit_to_screen(box, _more_lines)
    box.open()


def _more_lines(count: int) -> str:
    return _tr("…and {n} more lines: Show Details… shows them all.").format(n=count)


def offer_recovery(
    store: DraftStore | None, parent: QWidget | None = None, *, skip: Collection[str] = ()
) -> tuple[CaseRecord, Draft] | None:
    """Offer the newest draft left on disk; return the recovered case and its draft, or None.

    ``skip``: ids of drafts open in this window (work on screen), never offered as left behind.
    Damaged drafts are reported in plain words and deleted; nothing here raises.
    """
    if store is None or not store.available:
        return None
    try:
        pending = [info for info in store.pending_drafts() if info.id not in skip]
    except (OSError, DraftError):
        log.warning("could not list drafts")
        return None
    for info in pending:
        if info.damaged:
            _drop_damaged(store, info, parent)
            continue
        choice = ask_recovery(parent, info)
        if choice == "discard":
            store.discard(info.id)
            continue
        if choice != "recover":
            return None
        try:
            draft = store.resume(info.id)
            return case_from_draft(draft.state), draft
        except (OSError, DraftError):
            _drop_damaged(store, info, parent)
    return None


def _drop_damaged(store: DraftStore, info: DraftInfo, parent: QWidget | None) -> None:
    try:
        store.discard(info.id)
    except (OSError, DraftError):
        log.warning("could not delete a damaged draft")
    tell(
        parent,
        _tr("A draft could not be recovered"),
        _tr(
            "A saved draft was damaged and could not be read, so it has been deleted. The app "
            "starts afresh. Anything saved as a case file is not affected."
        ),
    )
