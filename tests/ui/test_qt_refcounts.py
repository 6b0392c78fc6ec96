"""The installed PySide6 keeps Python's reference counts (hazard H19).

PySide6 6.12.0 on Python 3.11 dropped a reference to ``True`` on every ``Signal.emit()`` and one
to ``None`` on every call of a void Qt method: the app aborted ("deallocating True or False")
after a few thousand clicks. Run in a child process, since the symptom is an abort.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from thresholds_app.core.base.dependencies import UnsafeDependencyError, require_safe
from thresholds_app.ui.app import unsafe_qt

CALLS = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QCoreApplication, QObject, Signal

    class Source(QObject):
        changed = Signal()
        counted = Signal(int)

    app = QCoreApplication([])
    source = Source()
    source.changed.connect(lambda: None)
    source.counted.connect(lambda n: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for n in range(20_000):
        source.changed.emit()
        source.counted.emit(n)
        source.setObjectName("source")
    after = sys.getrefcount(True), sys.getrefcount(None)
    print(after[0] - before[0], after[1] - before[1])
    """
)


def test_signals_and_void_calls_keep_reference_counts() -> None:
    done = subprocess.run(
        [sys.executable, "-c", CALLS], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-500:]
    lost_true, lost_none = map(int, done.stdout.split())
    assert abs(lost_true) < 100, done.stdout
    assert abs(lost_none) < 100, done.stdout


def test_the_installed_qt_is_not_a_known_bad_release() -> None:
    assert unsafe_qt() is None


@pytest.mark.parametrize(("python", "refused"), [((3, 11), True), ((3, 12), False)])
def test_pyside6_6_12_0_is_refused_where_it_loses_references(
    python: tuple[int, int], refused: bool
) -> None:
    if refused:
        with pytest.raises(UnsafeDependencyError, match=r"PySide6 6\.12\.0 is installed"):
            require_safe("PySide6", "6.12.0", python)
    else:
        require_safe("PySide6", "6.12.0", python)
    require_safe("PySide6", "6.11.3", python)
