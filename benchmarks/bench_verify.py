"""How long checking the Solihull pack's signature and files takes, in a fresh process.

    python benchmarks/bench_verify.py [--runs N] [--realtime]

A signed copy of the bundled pack is made in a temporary folder with a throwaway key. Each run is
a fresh process timing, from before the first import of the checker (after the loader, which the
app imports anyway), a full verify_pack: read every file, SHA-256 each, check the minisign
signature with Ed25519. The goal is under 20 ms, since this happens at every start of the app.
Also: the whole verified start of the pack (verify, then load from the cache keyed on the
verified bytes) beside the unchecked load, and a bare window as the yardstick for busy machines.

Each figure is the median of N fresh processes, as wall time (what a person waits) and processor
time (what the work costs, whatever else the machine runs), with the fastest run beside it and
the load average before and after. On a shared machine the wall time includes waiting for a
processor: ``--realtime`` runs each measured process at real-time priority (SCHED_FIFO; needs
root or CAP_SYS_NICE), so the other jobs cannot pre-empt it, which is the wall time of a quiet
processor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import bare_window_seconds

# What the app has imported anyway before it opens a pack (the loader and its cache) is
# imported first: the figure is what checking adds, including its own imports.
VERIFY = """
import sys, time
from pathlib import Path
import thresholds_app.core.pack.load, thresholds_app.core.pack.cache
t0, c0 = time.perf_counter(), time.process_time()
from thresholds_app.core.pack.minisig import read_public_key
from thresholds_app.core.pack.trust import Verified, verify_pack
key = read_public_key(Path(sys.argv[2]).read_text())
outcome = verify_pack(Path(sys.argv[1]), [key])
t1, c1 = time.perf_counter(), time.process_time()
assert isinstance(outcome, Verified), outcome
outcome = verify_pack(Path(sys.argv[1]), [key])
t2 = time.perf_counter()
print(t1 - t0, t2 - t1, c1 - c0)
"""

OPEN = """
import sys, time
from pathlib import Path
t0, c0 = time.perf_counter(), time.process_time()
from thresholds_app.core.pack.minisig import read_public_key
from thresholds_app.core.pack.opening import TrustPolicy, open_pack
from thresholds_app.core.pack.load import load_pack
key = read_public_key(Path(sys.argv[2]).read_text())
if sys.argv[4] == "verified":
    result = open_pack([Path(sys.argv[1])], TrustPolicy((key,)), cache_dir=Path(sys.argv[3])).result
else:
    result = load_pack(Path(sys.argv[1]), cache_dir=Path(sys.argv[3]))
t1, c1 = time.perf_counter(), time.process_time()
assert result.ok, result.problems[:2]
print(t1 - t0, c1 - c0)
"""


def _realtime() -> None:  # in the child, before it runs Python
    os.sched_setscheduler(0, os.SCHED_FIFO, os.sched_param(1))


def measure(code: str, args: list[str], runs: int, realtime: bool = False) -> list[list[float]]:
    """Each output column over ``runs`` fresh processes, in milliseconds."""
    columns: list[list[float]] = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code, *args],
            capture_output=True,
            text=True,
            check=True,
            preexec_fn=_realtime if realtime else None,
        )
        values = [float(v) * 1000 for v in out.stdout.split()]
        columns = columns or [[] for _ in values]
        for column, value in zip(columns, values, strict=True):
            column.append(value)
    return columns


def line(label: str, wall: list[float], cpu: list[float] | None = None) -> str:
    text = f"{label:34s} wall {statistics.median(wall):6.1f} ms (fastest {min(wall):5.1f})"
    return text + (f"   processor {statistics.median(cpu):6.1f} ms" if cpu else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--realtime", action="store_true", help="measure at real-time priority (a quiet processor)"
    )
    options = parser.parse_args()
    runs, realtime = options.runs, options.realtime
    load_before = os.getloadavg()
    from thresholds_app.core.pack.signing import generate_keys, read_secret_key, sign_pack
    from thresholds_app.paths import default_pack_dir

    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "solihull-rhrt"
        shutil.copytree(default_pack_dir(), pack)
        secret, public = generate_keys(Path(tmp) / "bench", None)
        manifest = sign_pack(pack, read_secret_key(secret, None))
        size = sum(p.stat().st_size for p in pack.rglob("*") if p.is_file())
        cache = str(Path(tmp) / "cache")
        args = [str(pack), str(public)]
        measure(OPEN, [*args, cache, "verified"], 1)  # fill the cache
        first, again, cpu = measure(VERIFY, args, runs, realtime)
        opened, opened_cpu = measure(OPEN, [*args, cache, "verified"], runs, realtime)
        plain, plain_cpu = measure(OPEN, [*args, cache, "plain"], runs, realtime)
    load_after = os.getloadavg()
    how = "at real-time priority" if realtime else "at normal priority"
    print(f"pack: {len(manifest.files)} files, {size / 1024:.0f} KiB; median of {runs} runs {how}")
    print(line("verify (imports, read, SHA-256, Ed25519)", first, cpu) + "   goal < 20 ms")
    print(line("verify again in the same process", again))
    print(line("verified open from the cache", opened, opened_cpu))
    print(line("unchecked load from the cache", plain, plain_cpu))
    bare = bare_window_seconds() * 1000
    verify = statistics.median(first)
    print(
        f"bare PySide6 window (yardstick):   {bare:6.1f} ms; verify is {verify / bare:.3f} of "
        "it (20 ms of a 300 ms window would be 0.067)"
    )
    print(
        f"load average (1 min) before {load_before[0]:.1f}, after {load_after[0]:.1f}, on "
        f"{os.cpu_count()} processors"
    )
    return 0 if min(verify, statistics.median(cpu)) < 20 else 1


if __name__ == "__main__":
    sys.exit(main())
