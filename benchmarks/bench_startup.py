"""Start-up of the app against a bare PySide6 window: launch -> shown, launch -> quiet, memory.

Two figures, each for the app, for ``benchmarks/baseline.py`` (an empty QMainWindow) and for
``benchmarks/plain_window.py`` (a window of the same Qt widgets as the app's start screen, with
no app logic), run side by side on the same machine, interleaved so that noise hits all alike,
after one warm-up run of each:

- launch -> shown: ``thresholds_app --quit-when-ready`` (run as ``python -m`` runs it) against
  the bare window, each quitting at the first event-loop turn after ``show()``, timed from launch
  to that moment as the child reports it (``benchmarks/ready.py``), so what each does at exit is
  left out (target: at most 1.2 times the bare). None of them has painted yet at that moment
  (offscreen, the first paint comes a turn later; launch -> quiet includes it). The whole run,
  launch to exit, is printed beside it: the app's exit is quicker than the bare window's (its
  start-up objects are frozen out of the collector), so that figure flatters the app;
- launch -> quiet: the app and the bare window left running, timed until the process has used
  no CPU for 0.4 s (read from /proc; ``benchmarks/quiet.py``), which is when a first click is
  handled at once (target: at most 1.5 times the bare; Linux only).

The targets are against the bare window. The plain window says how much of the difference any
window made of those widgets pays (PySide6 builds each Qt class's Python type on first use, the
font database is read at the first text), and app/plain what the app's own work adds.

It prints the medians, the ratios and each child's peak resident memory from ``wait4`` (target:
the bare window's plus 60 MB), and beside launch -> shown the CPU time each whole run used
(user + system, all threads, from ``wait4``): on a machine shared with other work the
wall-clock figures swing with the load, the CPU figures much less, so a ratio of those says
whether a change really made the start cheaper.

What "quiet" leaves out, on purpose: work the app defers to the first sign of use (the drafts
store, opened on a worker thread; F9's watcher over dialogs; the system's contrast preference;
loading the first assessment's core modules, bank-holiday calendar and compiled rules on a
worker thread, ``ui/shell/warm_up.py``) starts at the first input or after two seconds without
any (``ui/first_use.py``). Nobody touches the benchmark's window, so that work starts after it
has gone quiet. None of it is needed to draw or use the start screen: F9, the cards and the
pack's warnings work before it runs (``tests/ui/test_first_click.py``).

    .venv/bin/python benchmarks/bench_startup.py [--runs N]

The app runs offscreen with its data, config and cache folders in a temporary directory (so no
draft recovery prompt or remembered settings change the figures); the warm-up run fills that
pack cache, so every measured run is a second launch. (The user's own cache holds one pack: on
a machine where other checkouts run the app too, sharing it made every run validate afresh.)
Both run with compiled bytecode, as an installed app (and the
PyInstaller bundle) does: the package is byte-compiled first, and ``PYTHONDONTWRITEBYTECODE`` is
dropped from the children's environment (left set, it makes every run compile the app's modules
from source, about 30 ms the user never pays).
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
from typing import NamedTuple

from app_env import fresh_app_env

BARE = Path(__file__).with_name("baseline.py")
PLAIN = Path(__file__).with_name("plain_window.py")
READY = Path(__file__).with_name("ready.py")
APP = ["thresholds_app", "--quit-when-ready"]
APP_STAYING = [sys.executable, "-m", "thresholds_app"]
RATIO_TARGET = 1.2  # launch -> shown
QUIET_RATIO_TARGET = 1.5  # launch -> quiet
MEMORY_TARGET_MB = 60.0


class Run(NamedTuple):
    """One fresh process: launch -> shown and launch -> exit (seconds), peak memory, CPU."""

    shown: float
    whole: float
    rss_mb: float
    cpu: float


def run_once(target: list[str], env: dict[str, str]) -> Run:
    """Run ``target`` (a script or module and its arguments) once through ``ready.py``."""
    command = [sys.executable, str(READY), *target]
    launched = time.monotonic_ns()
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    assert proc.stdout is not None
    output = proc.stdout.read()  # the child's "ready <ns>" line; ends when it exits
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.stdout.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{command} exited with {proc.returncode}")
    ready = [line.split()[1] for line in output.decode().splitlines() if line.startswith("ready ")]
    if not ready:
        raise SystemExit(f"{command} never said it was shown")
    shown = (int(ready[0]) - launched) / 1e9
    rss_kb = usage.ru_maxrss  # kilobytes on Linux
    return Run(shown, elapsed, rss_kb / 1024.0, usage.ru_utime + usage.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each (default 11)")
    parser.add_argument(
        "--no-quiet", action="store_true", help="skip launch -> quiet (it needs Linux's /proc)"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from quiet import launch_to_quiet

    import thresholds_app

    compileall.compile_dir(Path(thresholds_app.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = fresh_app_env(tmp)
        bare_cmd = [str(BARE)]
        plain_cmd = [str(PLAIN)]
        for command in (bare_cmd, plain_cmd, APP):  # warm-up: page cache, pack cache
            run_once(command, env)
        bare: list[Run] = []
        plain: list[Run] = []
        app: list[Run] = []
        bare_quiet: list[float] = []
        plain_quiet: list[float] = []
        app_quiet: list[float] = []
        quiet = not args.no_quiet and Path("/proc/self/stat").exists()
        for i in range(args.runs):
            runs = [(bare_cmd, bare), (plain_cmd, plain), (APP, app)]
            if i % 2:  # alternate which goes first
                runs.reverse()
            for command, results in runs:
                results.append(run_once(command, env))
            if quiet:
                staying = [
                    ([sys.executable, str(BARE), "--stay"], bare_quiet),
                    ([sys.executable, str(PLAIN), "--stay"], plain_quiet),
                    (APP_STAYING, app_quiet),
                ]
                if i % 2:
                    staying.reverse()
                for command, times in staying:
                    times.append(launch_to_quiet(command, env))

    def med(values: list[Run], field: str) -> float:
        return statistics.median(getattr(v, field) for v in values)

    bare_t, plain_t, app_t = med(bare, "shown"), med(plain, "shown"), med(app, "shown")
    bare_m, app_m = max(v.rss_mb for v in bare), max(v.rss_mb for v in app)
    ratio = app_t / bare_t
    extra = app_m - bare_m
    print(f"runs each: {args.runs} (interleaved, after one warm-up)")
    print("launch -> shown (the first event-loop turn after show):")
    print(f"  bare PySide6 window: median {bare_t * 1000:.0f} ms, peak RSS {bare_m:.1f} MB")
    print(f"  plain window:        median {plain_t * 1000:.0f} ms")
    print(f"  thresholds_app:      median {app_t * 1000:.0f} ms, peak RSS {app_m:.1f} MB")
    print(
        f"  ratio app/bare: {ratio:.2f} (target <= {RATIO_TARGET}); the app's own cost: "
        f"{(app_t - bare_t) * 1000:.0f} ms"
    )
    print(
        f"  ratio plain/bare: {plain_t / bare_t:.2f} (the same widgets, no app logic); "
        f"app/plain: {app_t / plain_t:.2f}"
    )
    bare_w, plain_w, app_w = med(bare, "whole"), med(plain, "whole"), med(app, "whole")
    print(
        f"  whole run, launch -> exit: bare {bare_w * 1000:.0f} ms, plain {plain_w * 1000:.0f} ms,"
        f" app {app_w * 1000:.0f} ms (app/bare {app_w / bare_w:.2f}; exit is not part of shown)"
    )
    bare_c, plain_c, app_c = med(bare, "cpu"), med(plain, "cpu"), med(app, "cpu")
    print(
        f"  CPU time: bare {bare_c * 1000:.0f} ms, plain {plain_c * 1000:.0f} ms, app "
        f"{app_c * 1000:.0f} ms; app/bare {app_c / bare_c:.2f}, plain/bare {plain_c / bare_c:.2f}"
        " (less swayed by other load than the wall clock)"
    )
    ok = ratio <= RATIO_TARGET and extra <= MEMORY_TARGET_MB
    if bare_quiet and app_quiet:
        bq, aq = statistics.median(bare_quiet), statistics.median(app_quiet)
        pq = statistics.median(plain_quiet)
        print("launch -> quiet (no CPU for 0.4 s):")
        print(f"  bare PySide6 window: median {bq * 1000:.0f} ms")
        print(f"  plain window:        median {pq * 1000:.0f} ms")
        print(f"  thresholds_app:      median {aq * 1000:.0f} ms")
        print(f"  ratio app/bare: {aq / bq:.2f} (target <= {QUIET_RATIO_TARGET})")
        print(f"  ratio plain/bare: {pq / bq:.2f}; app/plain: {aq / pq:.2f}")
        ok = ok and aq / bq <= QUIET_RATIO_TARGET
    print(f"extra memory: {extra:.1f} MB (target <= {MEMORY_TARGET_MB:.0f} MB)")
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
