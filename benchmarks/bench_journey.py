"""How many deliberate clicks and keys the teacher's journey of issue 11 takes, and any scrolling.

    python benchmarks/bench_journey.py            # this checkout
    PYTHONPATH=/other/checkout/src python benchmarks/bench_journey.py   # e.g. main, for "before"

Runs ``tests/ui/test_journey.py`` (the real window, offscreen, 1600 x 1000) in report mode and
prints its line: actions (clicks and keys beyond typing), scrolls needed, screens seen.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    """Run the walk and print the figures."""
    env = {**os.environ, "JOURNEY_REPORT_ONLY": "1", "QT_QPA_PLATFORM": "offscreen"}
    env.setdefault("PYTHONPATH", str(ROOT / "src"))
    test = ROOT / "tests" / "ui" / "test_journey.py"
    result = subprocess.run(
        [sys.executable, "-m", "pytest", str(test), "-q", "-s", "-p", "no:cacheprovider"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith("JOURNEY")]
    print("\n".join(lines) or result.stdout[-2000:])
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
