"""Settings for the whole test suite."""

from __future__ import annotations

import sys
from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _clear_clipboard_after_test() -> Iterator[None]:
    """Leave nothing on the clipboard after a test.

    A QMimeData still on the clipboard when QApplication goes away crashes PySide6 at
    interpreter exit (a segfault after "N passed", failing CI); the app clears its own rationale
    text from the clipboard when it quits for the same reason and for privacy.
    """
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")
    if widgets is not None and widgets.QApplication.instance() is not None:
        widgets.QApplication.clipboard().clear()
