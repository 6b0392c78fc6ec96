"""Read a file the user named, without ever waiting on something that is not a plain file.

A path typed into a file dialog can name a pipe, a device or a kernel file such as
``/proc/kmsg``: opening a pipe waits for a writer, and reading ``/proc/kmsg`` waits for the next
kernel message, so the app would hang with the user's work open. Every file the user picks is
read here instead: opened without blocking, refused unless it is a plain file, refused when empty
(kernel files report a size of 0), and read up to a size limit in one go.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path


class UnreadableFile(Exception):
    """The file cannot be used; the message says why in plain words (no path, no jargon)."""


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g} MiB"


def read_plain_file(
    path: Path, limit: int, *, follow_links: bool = True, allow_empty: bool = False
) -> bytes:
    """The bytes of the plain file at ``path``, at most ``limit`` of them.

    Raises :class:`UnreadableFile` for a missing file, a folder, anything not a plain file, an
    empty file (unless ``allow_empty``: the pack loader says itself which YAML file is empty), a
    file over ``limit`` bytes (also one that grew while it was read) and any system error.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile("the file could not be found") from None
    except OSError as exc:
        if os.path.isdir(path):  # IsADirectoryError here; PermissionError on Windows
            raise UnreadableFile("it is a folder, not a file") from None
        raise UnreadableFile(f"the file could not be read ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnreadableFile("it is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("it is not a plain file (a device, a pipe or a link)")
        if info.st_size == 0 and not allow_empty:
            raise UnreadableFile("the file is empty")
        if info.st_size > limit:
            size = f"{info.st_size / (1024 * 1024):.1f} MiB"
            raise UnreadableFile(f"the file is {size}, over the {_megabytes(limit)} limit")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnreadableFile(f"the file could not be read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UnreadableFile(f"the file is larger than the {_megabytes(limit)} limit")
    return data
