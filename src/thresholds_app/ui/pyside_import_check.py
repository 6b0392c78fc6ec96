"""A quicker answer to the question PySide6 asks of every module imported after it.

For its ``__feature__`` switching (snake_case and true_property), PySide6 looks at each newly
imported module to see whether its source mentions "PySide6"
(``shibokensupport.feature._mod_uses_pyside``). It asks with ``inspect.getsource``, which
tokenizes the whole file through ``linecache``: 10 to 30 ms of start-up for the app's 80-odd
modules, time a bare PySide6 window never pays. :func:`use_quicker_import_check` answers the same
question by reading the file's bytes (about a tenth of the time); anything else (no source file,
a file that cannot be read) still goes to PySide6's own check. Nothing changes if a PySide6
release no longer has the check.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def source_mentions_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Whether ``module``'s source file mentions PySide6 (``fallback`` when it has none)."""
    path = getattr(module, "__file__", None)
    if isinstance(path, str) and path.endswith(".py"):
        try:
            with open(path, "rb") as handle:
                return b"PySide6" in handle.read()
        except OSError:
            pass
    return fallback(module)


def use_quicker_import_check() -> bool:
    """Replace PySide6's check with :func:`source_mentions_pyside`; True if it was replaced.

    Call it once PySide6 is imported. Calling it again changes nothing.
    """
    feature = sys.modules.get(_FEATURE_MODULE)
    original = getattr(feature, _CHECK, None)
    if feature is None or not callable(original) or getattr(original, "quicker", False):
        return False

    def check(module: ModuleType) -> bool:
        return source_mentions_pyside(module, original)

    check.quicker = True  # type: ignore[attr-defined]
    setattr(feature, _CHECK, check)
    return True
