"""A bare PySide6 window: the yardstick every benchmark here is compared against.

Run as a script it shows an empty QMainWindow and exits at the first event-loop turn after show,
printing nothing; with ``--stay`` it stays open (to be measured until it goes quiet, then
ended). ``bare_window_seconds()`` times whole runs of it in fresh processes, so figures can be
reported as ratios that still compare on a noisy machine.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time


def bare_window_seconds(runs: int = 5) -> float:
    """Median wall time of a fresh process that shows a bare window and quits."""
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, __file__], env=env, check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _show_bare_window() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.show()
    if "--stay" not in sys.argv:
        QTimer.singleShot(0, app.quit)
    return app.exec()


if __name__ == "__main__":
    sys.exit(_show_bare_window())
