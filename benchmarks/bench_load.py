"""How long loading and validating the bundled pack takes, cold, in a fresh process.

    python benchmarks/bench_load.py [--runs N]

Three figures, each the median of N fresh processes (time from before the first import of the
loader to a validated Pack):
  full validation   no cache: YAML parse, jsonschema import and checks, cross-references
  cached            a pack validated before with the same content hash (what the app does)
  bare window       a bare PySide6 window start-up, the yardstick, and the ratios against it
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import bare_window_seconds

PROBE = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from thresholds_app.core.pack.load import load_pack
from thresholds_app.paths import default_pack_dir
cache = Path(sys.argv[1]) if sys.argv[1] != "-" else None
result = load_pack(default_pack_dir(), cache_dir=cache)
assert result.ok, result.problems[:3]
print(time.perf_counter() - t0, result.from_cache)
"""


def probe(cache: str) -> tuple[float, bool]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, cache], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), out[1] == "True"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    full = [probe("-")[0] for _ in range(args.runs)]
    with tempfile.TemporaryDirectory() as cache:
        probe(cache)  # fill the cache
        cached_runs = [probe(cache) for _ in range(args.runs)]
    assert all(hit for _, hit in cached_runs)
    cached = [t for t, _ in cached_runs]
    bare = bare_window_seconds(max(3, args.runs // 2))
    for name, values in (("full validation", full), ("cached", cached)):
        median = statistics.median(values)
        print(
            f"{name:16} median {median * 1000:6.1f} ms  (min {min(values) * 1000:.1f}, "
            f"max {max(values) * 1000:.1f}; {median / bare:.2f} x a bare window start)"
        )
    print(f"{'bare window':16} median {bare * 1000:6.1f} ms  (whole process)")
    print(f"cpu count {os.cpu_count()}, python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
