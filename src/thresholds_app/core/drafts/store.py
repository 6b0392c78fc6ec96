"""Encrypted drafts at rest: nothing typed about a child is lost, and nothing is left readable.

A draft is what the practitioner has entered so far, kept so that a crash, a kill or a power cut
loses at most a few seconds of typing (hazard H14) while a shared workstation's disk never holds it
in plain text (H15). Each draft lives in the drafts folder under a random id (nothing in a file
name identifies a child):

- ``<id>.journal``: an append-only journal; every answer or edit is one line holding one Fernet
  token, written with a single ``write`` and ``fsync``-ed before the call returns;
- ``<id>.snapshot``: the whole state as one Fernet token, replaced atomically; the journal is
  emptied only after a snapshot is durable;
- ``<id>.open``: present while a session has the draft open; left behind, it means the session
  ended without closing it (a crash), and recovery is offered;
- ``<id>.lock``: locked by the session that has the draft open (:mod:`.owner`), so drafts open
  in another running copy are not offered for recovery.

The key comes from a :class:`~thresholds_app.core.drafts.keys.KeyProvider`; without a secure
store :attr:`DraftStore.available` is False and the app keeps drafts in memory only.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import time
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

import cryptography
from cryptography.fernet import Fernet, InvalidToken

from thresholds_app.core.base.atomic import atomic_write_bytes
from thresholds_app.core.base.dependencies import require_safe
from thresholds_app.core.drafts import keys
from thresholds_app.core.drafts.keys import KeyProvider
from thresholds_app.core.drafts.owner import OwnerLock, held_elsewhere
from thresholds_app.core.drafts.state import DraftError, DraftInfo, DraftState, dumps

require_safe("cryptography", cryptography.__version__)

APP_NAME = "thresholds_app"
DEFAULT_RETENTION_DAYS = 30
SNAPSHOT_EVERY = 200  # journal entries between automatic snapshots

_JOURNAL = ".journal"
_SNAPSHOT = ".snapshot"
_MARKER = ".open"
_LOCK = ".lock"
_ID_CHARS = frozenset("0123456789abcdef")


def default_drafts_dir() -> Path:
    """Return the per-user drafts folder (platformdirs' user data directory)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "drafts"


class Draft:
    """An open draft: every ``record_*`` call is encrypted and on disk when it returns."""

    def __init__(self, store: DraftStore, draft_id: str, state: DraftState, seq: int) -> None:
        self._store = store
        self.id = draft_id
        self.state = state
        self._seq = seq
        self._since_snapshot = 0
        self.closed = False

    def record_answer(self, key: str, value: str | None) -> None:
        """Journal an answer (``None`` clears it)."""
        self._append({"op": "answer", "key": key, "value": value})

    def record_field(self, key: str, value: Any) -> None:
        """Journal a field edit (free text, a choice); ``value`` must be JSON-ready."""
        self._append({"op": "field", "key": key, "value": value})

    def record_document(self, document: Mapping[str, Any]) -> None:
        """Replace the whole state with ``document`` and snapshot it."""
        self.state.apply({"op": "document", "value": dict(document)})
        self.snapshot()

    def _append(self, entry: dict[str, Any]) -> None:
        if self.closed:
            raise DraftError("This draft has been closed.")
        self._seq += 1
        entry["seq"] = self._seq
        self.state.apply(entry)
        self._store._append(self.id, entry)
        self._since_snapshot += 1
        if self._since_snapshot >= SNAPSHOT_EVERY:
            self.snapshot()

    def snapshot(self) -> None:
        """Write the whole state atomically, then empty the journal."""
        if self.closed:
            return
        self._store._snapshot(self.id, self.state, self._seq)
        self._since_snapshot = 0

    def close(self) -> None:
        """Snapshot and mark the draft cleanly closed (kept, but not offered as a crash)."""
        if self.closed:
            return
        self.snapshot()
        self._store._remove(self.id, _MARKER)
        self._store._release(self.id)
        self.closed = True

    def discard(self) -> None:
        """Delete the draft (after export, or when the user says so)."""
        self.closed = True
        self._store.discard(self.id)


class DraftStore:
    """Encrypted drafts in one folder, with journal, snapshots, recovery and purge."""

    def __init__(
        self,
        folder: Path | None = None,
        key_provider: KeyProvider | None = None,
        *,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = Path(folder) if folder is not None else default_drafts_dir()
        self.key_provider = (
            key_provider if key_provider is not None else keys.default_key_provider()
        )
        self.retention_days = max(1, int(retention_days))
        self._clock = clock
        self._fernet: Fernet | None = None
        self._locks: dict[str, OwnerLock] = {}  # drafts this store has open

    @property
    def available(self) -> bool:
        """Whether drafts can be kept on disk (a secure key store exists)."""
        return self.key_provider.available

    @property
    def reason(self) -> str:
        """Why drafts are memory-only, in plain words (empty when available)."""
        return self.key_provider.reason

    def _crypto(self) -> Fernet:
        if self._fernet is None:
            try:
                self._fernet = Fernet(self.key_provider.key())
            except (ValueError, TypeError) as exc:
                raise DraftError("The drafts key in the password store is not usable.") from exc
        return self._fernet

    def _path(self, draft_id: str, suffix: str) -> Path:
        return self.folder / f"{draft_id}{suffix}"

    def _ensure_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(OSError):
            self.folder.chmod(0o700)

    # -- drafts ------------------------------------------------------------------------------

    def new_draft(self, kind: str = "assessment") -> Draft:
        """Start a new, empty draft under a fresh random id."""
        self._crypto()  # fail before touching the disk if there is no key
        self._ensure_folder()
        draft_id = secrets.token_hex(16)
        state = DraftState(kind=kind)
        self._write_marker(draft_id)
        self._snapshot(draft_id, state, 0)
        return Draft(self, draft_id, state, 0)

    def resume(self, draft_id: str) -> Draft:
        """Open an existing draft to carry on writing to it."""
        state, seq = self._read(draft_id)
        self._write_marker(draft_id)
        draft = Draft(self, draft_id, state, seq)
        draft.snapshot()  # fold the journal in, so later damage cannot reach recovered entries
        return draft

    def load(self, draft_id: str) -> DraftState:
        """Return a draft's state; raise :class:`DraftError` if it cannot be read."""
        return self._read(draft_id)[0]

    def pending_drafts(self) -> list[DraftInfo]:
        """Return drafts left on disk, newest first, after purging expired ones.

        Drafts currently open in another running instance are left out.
        """
        if not self.folder.is_dir():
            return []
        self.purge_expired()
        found: list[DraftInfo] = []
        for draft_id in self._ids():
            if self._owned_by_live_process(draft_id):
                continue
            try:
                state, _ = self._read(draft_id)
                damaged, count = False, state.answer_count()
                if state.is_empty():
                    continue
            except DraftError:
                damaged, count = True, 0
            found.append(
                DraftInfo(
                    id=draft_id,
                    updated=self._updated(draft_id),
                    interrupted=self._path(draft_id, _MARKER).exists(),
                    answers=count,
                    damaged=damaged,
                )
            )
        return sorted(found, key=lambda d: d.updated, reverse=True)

    def discard(self, draft_id: str) -> None:
        """Delete every file of a draft (missing files are fine)."""
        _check_id(draft_id)
        for suffix in (_JOURNAL, _SNAPSHOT, _MARKER):
            self._remove(draft_id, suffix)
        self._release(draft_id)

    def purge_expired(self) -> int:
        """Delete drafts not touched for ``retention_days``; return how many were deleted."""
        if not self.folder.is_dir():
            return 0
        limit = self._clock() - self.retention_days * 86400
        purged = 0
        for draft_id in self._ids():
            if self._updated(draft_id) < limit:
                self.discard(draft_id)
                purged += 1
        for stray in self.folder.glob("*.tmp"):  # leftovers of an interrupted atomic write
            with contextlib.suppress(OSError):
                stray.unlink()
        return purged

    # -- files -------------------------------------------------------------------------------

    def _ids(self) -> Iterator[str]:
        seen: set[str] = set()
        for path in self.folder.iterdir():
            stem = path.name.split(".", 1)[0]
            if stem not in seen and _valid_id(stem):
                seen.add(stem)
                yield stem

    def _updated(self, draft_id: str) -> float:
        times = [
            p.stat().st_mtime
            for p in (self._path(draft_id, s) for s in (_JOURNAL, _SNAPSHOT, _MARKER))
            if p.exists()
        ]
        return max(times, default=0.0)

    def _write_marker(self, draft_id: str) -> None:
        self._ensure_folder()
        if draft_id not in self._locks:
            lock = OwnerLock.take(self._path(draft_id, _LOCK))
            if lock is None:
                raise DraftError("This draft is open in another window of the app.")
            self._locks[draft_id] = lock
        atomic_write_bytes(self._path(draft_id, _MARKER), str(os.getpid()).encode("ascii"))

    def _release(self, draft_id: str) -> None:
        lock = self._locks.pop(draft_id, None)
        if lock is not None:
            lock.release()
        self._remove(draft_id, _LOCK)

    def _owned_by_live_process(self, draft_id: str) -> bool:
        return held_elsewhere(self._path(draft_id, _LOCK))

    def _remove(self, draft_id: str, suffix: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(draft_id, suffix).unlink()

    def _append(self, draft_id: str, entry: Mapping[str, Any]) -> None:
        token = self._crypto().encrypt(dumps(entry))
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        fd = os.open(self._path(draft_id, _JOURNAL), flags, 0o600)
        try:
            os.write(fd, token + b"\n")  # one write: a line is either whole or missing
            os.fsync(fd)
        finally:
            os.close(fd)

    def _snapshot(self, draft_id: str, state: DraftState, seq: int) -> None:
        payload = {"seq": seq, "state": state.to_dict()}
        atomic_write_bytes(self._path(draft_id, _SNAPSHOT), self._crypto().encrypt(dumps(payload)))
        # the snapshot is durable, so the entries it holds can go; a crash between the two
        # steps is harmless because replay skips entries the snapshot already has
        atomic_write_bytes(self._path(draft_id, _JOURNAL), b"")

    def _read(self, draft_id: str) -> tuple[DraftState, int]:
        _check_id(draft_id)
        crypto = self._crypto()
        snapshot_path = self._path(draft_id, _SNAPSHOT)
        state, seq = DraftState(), 0
        try:
            if snapshot_path.exists():
                data = json.loads(crypto.decrypt(snapshot_path.read_bytes().strip()))
                state, seq = DraftState.from_dict(data["state"]), int(data["seq"])
        except (InvalidToken, ValueError, KeyError, TypeError, OSError) as exc:
            raise DraftError("This draft is damaged or was saved with another key.") from exc
        journal_path = self._path(draft_id, _JOURNAL)
        try:
            lines = journal_path.read_bytes().splitlines() if journal_path.exists() else []
        except OSError as exc:
            raise DraftError("This draft could not be read.") from exc
        for line in lines:
            try:
                entry = json.loads(crypto.decrypt(line.strip()))
            except (InvalidToken, ValueError):
                continue  # a torn last line after a power cut: everything before it counts
            if int(entry.get("seq", 0)) > seq:
                state.apply(entry)
                seq = int(entry["seq"])
        return state, seq


def _valid_id(draft_id: str) -> bool:
    return len(draft_id) == 32 and set(draft_id) <= _ID_CHARS


def _check_id(draft_id: str) -> None:
    if not _valid_id(draft_id):
        raise DraftError("That is not a draft.")
