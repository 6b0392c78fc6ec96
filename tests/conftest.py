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


def pytest_addoption(parser: pytest.Parser) -> None:
    """Add ``--no-property-tests``, used only by the mutation run (tools/mutation.py)."""
    parser.addoption(
        "--no-property-tests",
        action="store_true",
        default=False,
        help="Deselect hypothesis property tests: each mutant then runs the example tests only, "
        "so the mutation score is a lower bound and a full run fits a small machine.",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Drop hypothesis tests when ``--no-property-tests`` is given."""
    if not config.getoption("--no-property-tests"):
        return
    keep: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        test = getattr(item, "obj", None)
        (dropped if getattr(test, "is_hypothesis_test", False) else keep).append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = keep
