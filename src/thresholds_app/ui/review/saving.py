"""Writing a file the reviewer chose (feedback slip, counts), saying plainly what happened.

A folder that has gone, a full disk or a file open in another program is an everyday event on
a shared drive: it is said in the page's status line, never left as an error in a log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path


def write_chosen(target: Path, write: Callable[[Path], object], what: str) -> tuple[bool, str]:
    """Write ``what`` (e.g. "feedback slip") to ``target``; return whether it was, in words."""
    try:
        write(target)
    except OSError as error:
        why = error.strerror or str(error)
        return False, f"The {what} was not saved: {target.name} could not be written ({why})."
    return True, f"The {what} was saved as {target.name}."
