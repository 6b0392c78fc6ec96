"""Build the search index once the screen that needs it is up, not while it is being built.

The index is pure Python, built on a background thread (``core/search/index.py``). Started while
the first "New assessment" built and laid out its page, the two took turns at the interpreter's
lock, and the click took about 300 ms longer: 887 against 601 ms from click to shown, with the
same GUI-thread CPU (``benchmarks/bench_first_use.py``). It now starts a moment after the screen;
a search typed before the index is ready waits for it, as it did before.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.search.index import prepare

INDEX_AFTER_MS = 300  # after the page is shown and painted; long before a first search


def prepare_search_soon(owner: QObject, pack: Pack) -> None:
    """Start building ``pack``'s index in a moment (nothing if ``owner`` has gone by then)."""
    QTimer.singleShot(INDEX_AFTER_MS, owner, lambda: prepare(pack))
