"""The first F9 and the first "New assessment" after launch, each in a fresh process (issue 11).

Each run launches the app (offscreen, with its data, config and cache folders in a temporary
directory, as ``bench_startup.py`` does) and, at the first event-loop turn after the main window
is shown, does one thing as a user would, through Qt's own input path (QTest):

- ``f9``: presses F9, and times launch -> the emergency dialog shown, and press -> shown;
- ``new``: clicks "New assessment" on the start screen, and times click -> the page shown and
  the event loop idle again (a zero-time timer fires once the queued layout and paint events
  have run), with the GUI thread's CPU time for the same span.

Nothing waits for the first paint or the warm-up (``ui/shell/warm_up.py``): the user is as quick
as can be, which is the worst case. Several source trees can be compared in one go, runs
interleaved so that other load on the machine hits all alike::

    .venv/bin/python benchmarks/bench_first_use.py [--runs N] [--src DIR ...]

``--src`` is a ``src`` folder put first on ``PYTHONPATH`` (default: this checkout's).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app_env import fresh_app_env

HERE = Path(__file__).resolve()
DEFAULT_SRC = HERE.parents[1] / "src"
ACTIONS = ("f9", "new")


def child(action: str) -> None:
    """Run the app; do ``action`` at the first turn after show; print the times and exit."""
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from thresholds_app.ui import main_window
    from thresholds_app.ui.app import run_app
    from thresholds_app.ui.shell.pages import Page

    real_show = main_window.MainWindow.show

    def report(**times: float) -> None:
        sys.stdout.write(" ".join(f"{k}={v}" for k, v in times.items()) + "\n")
        sys.stdout.flush()
        os._exit(0)  # what happens at exit is not part of the figure

    def press_f9(window: main_window.MainWindow) -> None:
        from PySide6.QtCore import Qt

        pressed = time.monotonic_ns()
        QTest.keyClick(window, Qt.Key.Key_F9)
        dialog = window.emergency_dialog
        if dialog is None or not dialog.isVisible():
            raise RuntimeError("F9 showed no dialog")
        shown = time.monotonic_ns()
        report(pressed=pressed, shown=shown)

    def click_new(window: main_window.MainWindow) -> None:
        from PySide6.QtCore import Qt

        pressed = time.monotonic_ns()
        cpu = time.thread_time()
        QTest.mouseClick(window.start_page.buttons["new"], Qt.MouseButton.LeftButton)
        if window.current_page_key() is not Page.ASSESSMENT:
            raise RuntimeError("no assessment page")

        def idle() -> None:
            report(pressed=pressed, shown=time.monotonic_ns(), cpu=time.thread_time() - cpu)

        QTimer.singleShot(0, idle)

    def when_active(window: main_window.MainWindow) -> None:
        # The system makes a new window active (the test of it is on Qt's side); a key
        # shortcut goes to the active window only.
        if not window.isActiveWindow():
            QTimer.singleShot(1, lambda: when_active(window))
            return
        try:
            (press_f9 if action == "f9" else click_new)(window)
        except BaseException as error:  # never leave the benchmark waiting
            sys.stderr.write(f"{error!r}\n")
            os._exit(1)

    def show_and_act(self: main_window.MainWindow) -> None:
        real_show(self)
        self.activateWindow()
        QTimer.singleShot(0, lambda: when_active(self))

    main_window.MainWindow.show = show_and_act  # type: ignore[method-assign]
    assert QApplication.instance() is None
    run_app([sys.argv[0]])
    raise SystemExit("the app quit before the action was done")


def run_once(action: str, src: Path, env: dict[str, str]) -> dict[str, float]:
    """One fresh process; seconds from launch and from the press, and CPU seconds."""
    launched = time.monotonic_ns()
    out = subprocess.run(
        [sys.executable, str(HERE), "--child", action],
        env=dict(env, PYTHONPATH=str(src)),
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    fields = dict(item.split("=") for item in out.split())
    pressed, shown = int(fields["pressed"]), int(fields["shown"])
    times = {"launch_to_shown": (shown - launched) / 1e9, "press_to_shown": (shown - pressed) / 1e9}
    if "cpu" in fields:
        times["cpu"] = float(fields["cpu"])
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="runs of each (default 7)")
    parser.add_argument("--src", type=Path, action="append", help="a src folder (repeatable)")
    parser.add_argument("--child", choices=ACTIONS, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return 0
    sources: list[Path] = [p.resolve() for p in (args.src or [DEFAULT_SRC])]
    for src in sources:
        compileall.compile_dir(src / "thresholds_app", quiet=1)
    results: dict[tuple[Path, str], list[dict[str, float]]] = {
        (s, a): [] for s in sources for a in ACTIONS
    }
    with tempfile.TemporaryDirectory() as tmp:
        env = fresh_app_env(tmp)
        for src in sources:  # warm-up: page cache, pack cache
            run_once("f9", src, env)
        for i in range(args.runs):
            order = [(s, a) for s in sources for a in ACTIONS]
            if i % 2:
                order.reverse()
            for src, action in order:
                results[(src, action)].append(run_once(action, src, env))
    load = Path("/proc/loadavg").read_text().split()[:3] if Path("/proc/loadavg").exists() else []
    print(f"runs each: {args.runs} (interleaved, after one warm-up); load average now: {load}")
    for (src, action), runs in results.items():
        parts = [
            f"{name} median {statistics.median(r[name] for r in runs) * 1000:.0f} ms"
            f" (min {min(r[name] for r in runs) * 1000:.0f})"
            for name in runs[0]
        ]
        print(f"{src} {action}: " + ", ".join(parts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
