"""Atomic file writes: the only way the app writes a final file.

The bytes go to a temporary file in the destination's own folder (so the rename never crosses
file systems), are flushed and fsync'd, then ``os.replace`` swaps the file in one step. On POSIX
the folder is fsync'd too, so the rename itself survives a power cut. A crash at any point leaves
either the old file or the new one, never half of one, and no stray temporary file on error.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, replacing any existing file."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(path, tmp_name)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        raise
    _fsync_dir(folder)


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` as UTF-8 to ``path`` atomically (newlines are written as given)."""
    atomic_write_bytes(path, text.encode("utf-8"))


def _keep_mode(path: Path, tmp_name: str) -> None:
    """Give the new file the old file's permissions, or the usual ones for a new file.

    ``mkstemp`` creates files readable only by their owner, which is right for case data; an
    existing file keeps whatever permissions its owner chose.
    """
    with contextlib.suppress(OSError):
        os.chmod(tmp_name, os.stat(path).st_mode & 0o7777)


def _fsync_dir(folder: Path) -> None:
    """Flush the folder entry on POSIX; Windows has no directory handles to fsync."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
