"""Launch-to-interactive time and peak memory of the app against a bare PySide6 window.

Runs ``python -m thresholds_app --quit-when-ready`` and ``benchmarks/baseline.py`` (an empty
QMainWindow that quits at the first event-loop turn after show) side by side on the same machine,
interleaved so that noise hits both alike, after one warm-up run of each. Prints the medians, the
ratio (target: at most 1.3) and each child's peak resident memory from ``wait4`` (target: the bare
window's plus 60 MB).

    .venv/bin/python benchmarks/bench_startup.py [--runs N]

The app runs offscreen with its data and config folders in a temporary directory (so no draft
recovery prompt or remembered settings change the figures); the pack cache stays the user's own,
as it would be on a second launch. Both run with compiled bytecode, as an installed app (and the
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

BARE = Path(__file__).with_name("baseline.py")
APP = [sys.executable, "-m", "thresholds_app", "--quit-when-ready"]
RATIO_TARGET = 1.3
MEMORY_TARGET_MB = 60.0


def run_once(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Return (wall seconds, peak RSS in MB) of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"{command} exited with {proc.returncode}")
    rss_kb = usage.ru_maxrss  # kilobytes on Linux
    return elapsed, rss_kb / 1024.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11, help="runs of each (default 11)")
    args = parser.parse_args(argv)
    import thresholds_app

    compileall.compile_dir(Path(thresholds_app.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(
            os.environ,
            QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
            XDG_DATA_HOME=str(Path(tmp) / "data"),
            XDG_CONFIG_HOME=str(Path(tmp) / "config"),
        )
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        bare_cmd = [sys.executable, str(BARE)]
        run_once(bare_cmd, env)  # warm-up: page cache, pack cache
        run_once(APP, env)
        bare: list[tuple[float, float]] = []
        app: list[tuple[float, float]] = []
        for i in range(args.runs):
            pair = [(bare_cmd, bare), (APP, app)]
            if i % 2:  # alternate which goes first
                pair.reverse()
            for command, results in pair:
                results.append(run_once(command, env))

    def med(values: list[tuple[float, float]], k: int) -> float:
        return statistics.median(v[k] for v in values)

    bare_t, app_t = med(bare, 0), med(app, 0)
    bare_m, app_m = max(v[1] for v in bare), max(v[1] for v in app)
    ratio = app_t / bare_t
    extra = app_m - bare_m
    print(f"runs each: {args.runs} (interleaved, after one warm-up)")
    print(f"bare PySide6 window: median {bare_t * 1000:.0f} ms, peak RSS {bare_m:.1f} MB")
    print(f"thresholds_app:      median {app_t * 1000:.0f} ms, peak RSS {app_m:.1f} MB")
    print(
        f"ratio app/bare: {ratio:.2f} (target <= {RATIO_TARGET}); the app's own cost: "
        f"{(app_t - bare_t) * 1000:.0f} ms"
    )
    print(f"extra memory: {extra:.1f} MB (target <= {MEMORY_TARGET_MB:.0f} MB)")
    ok = ratio <= RATIO_TARGET and extra <= MEMORY_TARGET_MB
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
