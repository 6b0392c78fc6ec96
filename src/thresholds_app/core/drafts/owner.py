"""Which drafts are open in a running copy of the app: an operating-system lock per open draft.

While a session has a draft open it holds an exclusive lock on the draft's ``.lock`` file. The
operating system drops the lock the moment the process ends, however it ends, so a draft whose
lock can be taken belongs to nobody: its session crashed or closed. A process id would not do:
after a reboot another program can have the same id, and the crashed draft would stay hidden
from recovery.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


# The locks this process holds, by path: a second store in the same process (recovery after a
# page was rebuilt, or a test) shares the hold rather than locking itself out.
_HELD: dict[str, OwnerLock] = {}


def _open(path: Path) -> int:
    return os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)


class OwnerLock:
    """This process's hold on one open draft (released by :meth:`release` or by exiting)."""

    def __init__(self, fd: int, path: Path) -> None:
        self._fd: int | None = fd
        self.path = path

    @classmethod
    def take(cls, path: Path) -> OwnerLock | None:
        """Take the lock at ``path``; None when another running session holds it."""
        held = _HELD.get(str(path))
        if held is not None:
            return held
        fd = _open(path)
        if not _try_lock(fd):
            os.close(fd)
            return None
        lock = cls(fd, path)
        _HELD[str(path)] = lock
        return lock

    def release(self) -> None:
        """Let go of the draft (it can then be recovered or opened elsewhere)."""
        if self._fd is None:
            return
        _HELD.pop(str(self.path), None)
        try:
            _unlock(self._fd)
        finally:
            os.close(self._fd)
            self._fd = None


def held_elsewhere(path: Path) -> bool:
    """Whether another running process holds the lock at ``path``."""
    if str(path) in _HELD or not path.exists():
        return False
    try:
        probe = OwnerLock.take(path)
    except OSError:
        return False  # cannot even open it: nobody useful holds it
    if probe is None:
        return True
    probe.release()
    return False
