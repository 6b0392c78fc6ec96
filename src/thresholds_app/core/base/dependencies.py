"""Refuse to run with a dependency version known to be unsafe (hazard H19).

reportlab before 3.6.13 evaluated colour strings as Python (CVE-2023-33733); PyYAML before 5.4
could build arbitrary objects through its full loader (CVE-2020-14343); cryptography before 42
had several OpenSSL-linked flaws. PySide6 6.12.0 on Python before 3.12 drops a reference to
``True`` on every ``Signal.emit()`` and one to ``None`` on every call of a void Qt method, so the
app aborts after a few thousand clicks (found in this project; tests/ui/test_qt_refcounts.py).
Each is checked where the library is first imported, so the
check costs nothing at start-up and cannot be skipped by the code that uses the library.
"""

from __future__ import annotations

import re
import sys

MINIMUM_SAFE: dict[str, tuple[int, ...]] = {
    "reportlab": (3, 6, 13),
    "PyYAML": (5, 4),
    "cryptography": (42,),
}


# Single releases that are unsafe on the Pythons before the one given (immortal True and None from
# Python 3.12 hide PySide6 6.12.0's lost references).
KNOWN_BAD: dict[str, dict[tuple[int, ...], tuple[int, int]]] = {
    "PySide6": {(6, 12, 0): (3, 12)},
}


class UnsafeDependencyError(RuntimeError):
    """A library is older than the lowest version known to be safe."""


def release(version: str) -> tuple[int, ...]:
    """The numeric release part of a version string ("3.6.13rc1" -> (3, 6, 13))."""
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", version)
    return tuple(int(part) for part in match.group(1).split(".")) if match else ()


def require_safe(
    name: str, version: str, python: tuple[int, ...] = tuple(sys.version_info[:2])
) -> None:
    """Raise :class:`UnsafeDependencyError` when ``name`` at ``version`` is known to be unsafe."""
    found = release(version)
    fixed_in_python = KNOWN_BAD.get(name, {}).get(found[:3])
    if fixed_in_python is not None and python < fixed_in_python:
        raise UnsafeDependencyError(
            f"{name} {version} is installed, and on this Python it crashes after some minutes of "
            f"use. The app will not use it: ask your IT team to install another {name} release."
        )
    minimum = MINIMUM_SAFE.get(name)
    if minimum is None:
        return
    if not found or found < minimum:
        wanted = ".".join(map(str, minimum))
        raise UnsafeDependencyError(
            f"{name} {version} is installed, but versions before {wanted} have known security "
            f"flaws. The app will not use it: ask your IT team to install {name} {wanted} or newer."
        )
