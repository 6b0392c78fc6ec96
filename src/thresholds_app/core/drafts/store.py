"""Encrypted drafts at rest: nothing typed about a child is lost, and nothing is left readable.

A draft is what the practitioner has entered so far, kept so that a crash, a kill or a power cut
loses at most a few seconds of typing (hazard H14) while a shared workstation's disk never holds it
in plain text (H15). Each draft lives in the drafts folder under a random id (nothing in a file
name identifies a child) as two files:

- ``<id>.journal``: an append-only journal; every answer or edit is one line holding one Fernet
  token, written with a single ``write`` and ``fsync``-ed before the call returns;
- ``<id>.snapshot``: the whole state as one Fernet token, replaced atomically (temporary file,
  ``fsync``, rename, directory ``fsync``); the journal is emptied only after a snapshot is durable.

A third, tiny ``<id>.open`` marker holds the owning process id while a session has the draft open;
a marker left behind means the session ended without closing it (a crash) and recovery is offered.

The key comes from a :class:`KeyProvider`. The default one keeps it in the operating system's own
credential store (Windows Credential Locker, macOS Keychain, Secret Service) and refuses anything
else; without one, :attr:`DraftStore.available` is False and the app keeps drafts in memory only.
The app never writes the key to disk.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from cryptography.fernet import Fernet, InvalidToken

from thresholds_app.core.base.jsonread import without_lone_surrogates

APP_NAME = "thresholds_app"
KEYRING_SERVICE = "thresholds_app drafts"
KEYRING_USER = "draft-encryption-key"
DEFAULT_RETENTION_DAYS = 30
SNAPSHOT_EVERY = 200  # journal entries between automatic snapshots
TEST_KEY_FILE_ENV = "THRESHOLDS_APP_TEST_ONLY_INSECURE_KEY_FILE"

_JOURNAL = ".journal"
_SNAPSHOT = ".snapshot"
_MARKER = ".open"
_ID_CHARS = frozenset("0123456789abcdef")

# keyring backends that keep secrets in the operating system's own protected store
_NATIVE_BACKENDS = frozenset(
    {
        "keyring.backends.Windows.WinVaultKeyring",
        "keyring.backends.macOS.Keyring",
        "keyring.backends.SecretService.Keyring",
        "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring",
    }
)


class DraftError(Exception):
    """A draft cannot be read; the message is plain English for the practitioner."""


class KeyProvider(Protocol):
    """Where the draft encryption key comes from."""

    @property
    def available(self) -> bool:
        """Whether a secure key store exists (if not, drafts stay in memory)."""
        ...

    @property
    def reason(self) -> str:
        """Plain words on why the store is unavailable (empty when it is available)."""
        ...

    def key(self) -> bytes:
        """Return the Fernet key, creating and storing it on first use."""
        ...


def _backend_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


class KeyringKeyProvider:
    """Keeps the key in the OS credential store through ``keyring``; refuses any other backend."""

    def __init__(self, backend: Any | None = None) -> None:
        self._given = backend
        self._backend: Any | None = None
        self._reason = ""
        self._checked = False
        self._key: bytes | None = None

    def _check(self) -> None:
        if self._checked:
            return
        self._checked = True
        try:
            backend = self._given
            if backend is None:
                import keyring  # imported late: finding backends is slow and needs no start-up

                backend = keyring.get_keyring()
            self._backend = self._native(backend)
        except Exception:  # any keyring failure means "no secure store", never a crash
            self._backend = None
        if self._backend is None:
            self._reason = (
                "This computer has no secure password store that the app can use, so drafts "
                "are kept in memory only and are lost if the app closes unexpectedly."
            )

    @staticmethod
    def _native(backend: Any) -> Any | None:
        if _backend_name(backend) in _NATIVE_BACKENDS:
            return backend
        # the chainer tries several backends in turn; use its first native one directly, so
        # the key can never fall through to a plain-text or "fail" backend
        for inner in getattr(backend, "backends", ()) or ():
            if _backend_name(inner) in _NATIVE_BACKENDS:
                return inner
        return None

    @property
    def available(self) -> bool:
        """Whether an OS-native credential store is in use."""
        self._check()
        return self._backend is not None

    @property
    def reason(self) -> str:
        """Why drafts are memory-only (empty when the store is available)."""
        self._check()
        return self._reason

    def key(self) -> bytes:
        """Return the key from the credential store, creating it the first time."""
        self._check()
        if self._backend is None:
            raise DraftError(self._reason)
        if self._key is None:
            try:
                stored = self._backend.get_password(KEYRING_SERVICE, KEYRING_USER)
                if not stored:
                    stored = Fernet.generate_key().decode("ascii")
                    self._backend.set_password(KEYRING_SERVICE, KEYRING_USER, stored)
                self._key = str(stored).encode("ascii")
            except Exception as exc:  # a locked or broken store: no drafts, never a crash
                raise DraftError(
                    "The password store did not give the drafts key, so drafts are kept in "
                    "memory only for now."
                ) from exc
        return self._key


class UnavailableKeyProvider:
    """A provider for when drafts must not be written at all."""

    def __init__(self, reason: str = "Drafts are kept in memory only.") -> None:
        self._reason = reason

    @property
    def available(self) -> bool:
        """Always False."""
        return False

    @property
    def reason(self) -> str:
        """Why drafts are memory-only."""
        return self._reason

    def key(self) -> bytes:
        """Never returns: there is no key."""
        raise DraftError(self._reason)


class TestOnlyFileKeyProvider:
    """TEST ONLY: keeps the key in a plain file so a killed app's test can restart it.

    Selected only when the environment variable named by :data:`TEST_KEY_FILE_ENV` is set, which
    only the test suite does. It defeats the point of encryption and must never be used for real.
    """

    __test__ = False  # not a pytest class

    def __init__(self, path: Path) -> None:
        self._path = Path(path)

    @property
    def available(self) -> bool:
        """Always True."""
        return True

    @property
    def reason(self) -> str:
        """Nothing to report."""
        return ""

    def key(self) -> bytes:
        """Read the key file, creating it on first use."""
        if not self._path.exists():
            _atomic_write(self._path, Fernet.generate_key())
        return self._path.read_bytes().strip()


def default_key_provider(environ: Mapping[str, str] | None = None) -> KeyProvider:
    """Return the key provider for the app: the OS store (or the test-only file provider)."""
    env = os.environ if environ is None else environ
    test_file = env.get(TEST_KEY_FILE_ENV)
    if test_file:
        return TestOnlyFileKeyProvider(Path(test_file))
    return KeyringKeyProvider()


def default_drafts_dir() -> Path:
    """Return the per-user drafts folder (platformdirs' user data directory)."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "drafts"


@dataclass
class DraftState:
    """What a draft holds: answers, edited fields and an optional whole document."""

    answers: dict[str, str] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    document: dict[str, Any] | None = None
    kind: str = "assessment"

    def apply(self, entry: Mapping[str, Any]) -> None:
        """Apply one journal entry."""
        op = entry.get("op")
        if op == "answer":
            key, value = str(entry["key"]), entry["value"]
            if value is None:
                self.answers.pop(key, None)
            else:
                self.answers[key] = str(value)
        elif op == "field":
            self.fields[str(entry["key"])] = entry["value"]
        elif op == "document":
            self.document = dict(entry["value"])
            self.fields.clear()
            self.answers.clear()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready state."""
        return {
            "kind": self.kind,
            "answers": dict(self.answers),
            "fields": dict(self.fields),
            "document": self.document,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DraftState:
        """Build the state from :meth:`to_dict` output."""
        doc = data.get("document")
        return cls(
            answers={str(k): str(v) for k, v in dict(data.get("answers") or {}).items()},
            fields=dict(data.get("fields") or {}),
            document=None if doc is None else dict(doc),
            kind=str(data.get("kind") or "assessment"),
        )

    def answer_count(self) -> int:
        """How many answers the draft holds (in its document and journaled after it)."""
        in_document = (self.document or {}).get("answers") or {}
        keys = set(in_document) if isinstance(in_document, dict) else set()
        return len(keys | set(self.answers))

    def is_empty(self) -> bool:
        """Whether nothing at all has been recorded."""
        return not self.answers and not any(self.fields.values()) and self.document is None


@dataclass(frozen=True)
class DraftInfo:
    """A draft found on disk, for the recovery prompt (no personal data)."""

    id: str
    updated: float  # seconds since the epoch
    interrupted: bool  # the session that wrote it did not close it
    answers: int
    damaged: bool


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
        self.key_provider = key_provider if key_provider is not None else default_key_provider()
        self.retention_days = max(1, int(retention_days))
        self._clock = clock
        self._fernet: Fernet | None = None

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
        _atomic_write(self._path(draft_id, _MARKER), str(os.getpid()).encode("ascii"))

    def _owned_by_live_process(self, draft_id: str) -> bool:
        try:
            pid = int(self._path(draft_id, _MARKER).read_text(encoding="ascii").strip())
        except (OSError, ValueError):
            return False
        return pid != os.getpid() and _process_alive(pid)

    def _remove(self, draft_id: str, suffix: str) -> None:
        with contextlib.suppress(FileNotFoundError):
            self._path(draft_id, suffix).unlink()

    def _append(self, draft_id: str, entry: Mapping[str, Any]) -> None:
        token = self._crypto().encrypt(_dumps(entry))
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        fd = os.open(self._path(draft_id, _JOURNAL), flags, 0o600)
        try:
            os.write(fd, token + b"\n")  # one write: a line is either whole or missing
            os.fsync(fd)
        finally:
            os.close(fd)

    def _snapshot(self, draft_id: str, state: DraftState, seq: int) -> None:
        payload = {"seq": seq, "state": state.to_dict()}
        _atomic_write(self._path(draft_id, _SNAPSHOT), self._crypto().encrypt(_dumps(payload)))
        # the snapshot is durable, so the entries it holds can go; a crash between the two
        # steps is harmless because replay skips entries the snapshot already has
        _atomic_write(self._path(draft_id, _JOURNAL), b"")

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


def _dumps(data: Mapping[str, Any]) -> bytes:
    # A lone surrogate (half a character, e.g. from a damaged paste) cannot be encoded as UTF-8:
    # without this, every autosave of such text failed. It is kept as U+FFFD, as files show it.
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return without_lone_surrogates(text).encode("utf-8")


def _valid_id(draft_id: str) -> bool:
    return len(draft_id) == 32 and set(draft_id) <= _ID_CHARS


def _check_id(draft_id: str) -> None:
    if not _valid_id(draft_id):
        raise DraftError("That is not a draft.")


def _process_alive(pid: int) -> bool:
    if sys.platform == "win32":  # os.kill(pid, 0) would terminate the process on Windows
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def _atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so a crash leaves the old file or the new one, never half."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    if sys.platform != "win32":
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
