"""Start-up as instructions executed, launch -> shown: the app against the bare and plain windows.

``bench_startup.py`` times start-up on the wall clock and in CPU time; on a machine shared with
other work both swing with the load (on 1 December 2026, with a load of 5 to 6 from other
workers, the same build gave app/bare ratios from 1.18 to 1.57). This counts the instructions
each process executes from launch until it is shown (``ready.py`` with ``READY_EXIT=1`` ends it
at the first event-loop turn after ``show()``), under valgrind's callgrind, which does not depend
on the load: the same build gives the same count to well under 1%. It leaves out what the wall
clock also sees (waiting for the disk, page faults, the cost of each instruction), so it is a
check that a change really made start-up cheaper, not a replacement for the timed figures.

    .venv/bin/python benchmarks/count_startup.py        # needs valgrind; about 3 minutes

The app runs with its data, config and cache folders in a temporary directory, after one warm-up
run of each (the pack cache filled, the bytecode compiled), with ``PYTHONHASHSEED=0``.
"""

from __future__ import annotations

import compileall
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from app_env import fresh_app_env

HERE = Path(__file__).resolve().parent
READY = HERE / "ready.py"
TARGETS = {
    "bare PySide6 window": [str(HERE / "baseline.py")],
    "plain window": [str(HERE / "plain_window.py")],
    "thresholds_app": ["thresholds_app", "--quit-when-ready"],
}
COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def count(target: list[str], env: dict[str, str]) -> int:
    """Instructions executed by ``target`` from launch until it is shown."""
    command = [sys.executable, str(READY), *target]
    subprocess.run(command, env=env, capture_output=True, check=True)  # warm-up
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = COLLECTED.search(result.stderr)
    if found is None:
        raise SystemExit(f"callgrind gave no count for {target}:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> int:
    if shutil.which("valgrind") is None:
        print("valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 2
    import thresholds_app

    compileall.compile_dir(Path(thresholds_app.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        env = fresh_app_env(tmp, PYTHONHASHSEED="0", READY_EXIT="1")
        counts = {name: count(target, env) for name, target in TARGETS.items()}
    bare, plain, app = counts.values()
    print("instructions, launch -> shown (callgrind):")
    for name, value in counts.items():
        print(f"  {name + ':':21s}{value / 1e6:8.1f} million")
    print(
        f"  ratio app/bare: {app / bare:.3f}; plain/bare: {plain / bare:.3f}; "
        f"app/plain: {app / plain:.3f}; the app's own: {(app - bare) / 1e6:.1f} million"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
