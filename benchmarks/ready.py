"""Run a window script or module and print when it is shown: ``ready <monotonic ns>``.

    python benchmarks/ready.py benchmarks/baseline.py
    python benchmarks/ready.py thresholds_app --quit-when-ready

``bench_startup.py`` times launch -> shown with this. The windows it measures quit at the first
event-loop turn after ``show()`` (``--quit-when-ready``, or the bare and plain windows' own
timer); the moment they ask Qt to quit is printed on standard output from the system's
monotonic clock, which the parent process reads too. What comes after (the event loop
unwinding, Qt and Python tidying up at exit) is not part of being shown, and it differs a lot
between processes: the app puts its start-up objects in the collector's permanent generation,
so its exit skips a collection the bare window pays for (about 35 ms), which timing whole
processes would count in the app's favour.

Only QCoreApplication's ``quit`` and ``exit`` are wrapped (they are static, so the wrapper takes
the same arguments); QtCore is imported first, which each of these windows does anyway.

With ``READY_EXIT=1`` in the environment the process ends at that moment (``os._exit``), so a
tool that measures the whole process (``count_startup.py``) measures launch -> shown only.
"""

from __future__ import annotations

import os
import runpy
import sys
import time


def _announce_ready() -> None:
    from PySide6.QtCore import QCoreApplication

    real_exit = QCoreApplication.exit
    real_quit = QCoreApplication.quit
    told: list[int] = []

    def tell() -> None:
        if not told:
            told.append(time.monotonic_ns())
            sys.stdout.write(f"ready {told[0]}\n")
            sys.stdout.flush()
            if os.environ.get("READY_EXIT") == "1":
                os._exit(0)  # nothing after "shown" is counted

    def exit_when_told(code: int = 0) -> None:
        tell()
        real_exit(code)

    def quit_when_told() -> None:
        tell()
        real_quit()

    QCoreApplication.exit = staticmethod(exit_when_told)  # type: ignore[method-assign,assignment]
    QCoreApplication.quit = staticmethod(quit_when_told)  # type: ignore[method-assign,assignment]


def main() -> None:
    target, *args = sys.argv[1:]
    _announce_ready()
    sys.argv = [target, *args]
    if target.endswith(".py"):
        runpy.run_path(target, run_name="__main__")
    else:
        runpy.run_module(target, run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
