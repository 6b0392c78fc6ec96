"""Refuse to run with a dependency version known to be unsafe (hazard H19).

reportlab before 3.6.13 evaluated colour strings as Python (CVE-2023-33733); PyYAML before 5.4
could build arbitrary objects through its full loader (CVE-2020-14343); cryptography before 42
had several OpenSSL-linked flaws. Each is checked where the library is first imported, so the
check costs nothing at start-up and cannot be skipped by the code that uses the library.
"""

from __future__ import annotations

import re

MINIMUM_SAFE: dict[str, tuple[int, ...]] = {
    "reportlab": (3, 6, 13),
    "PyYAML": (5, 4),
    "cryptography": (42,),
}


class UnsafeDependencyError(RuntimeError):
    """A library is older than the lowest version known to be safe."""


def release(version: str) -> tuple[int, ...]:
    """The numeric release part of a version string ("3.6.13rc1" -> (3, 6, 13))."""
    match = re.match(r"\s*v?(\d+(?:\.\d+)*)", version)
    return tuple(int(part) for part in match.group(1).split(".")) if match else ()


def require_safe(name: str, version: str) -> None:
    """Raise :class:`UnsafeDependencyError` when ``name`` at ``version`` is known to be unsafe."""
    minimum = MINIMUM_SAFE[name]
    found = release(version)
    if not found or found < minimum:
        wanted = ".".join(map(str, minimum))
        raise UnsafeDependencyError(
            f"{name} {version} is installed, but versions before {wanted} have known security "
            f"flaws. The app will not use it: ask your IT team to install {name} {wanted} or newer."
        )
