"""How long checking the Solihull pack's signature and files takes, in a fresh process.

    python benchmarks/bench_verify.py [--runs N]

A signed copy of the bundled pack is made in a temporary folder with a throwaway key. Each run is
a fresh process timing, from before the first import of the checker (after the loader, which the
app imports anyway), a full verify_pack: read every file, SHA-256 each, check the minisign
signature with Ed25519. The goal is under 20 ms, since this happens at every start of the app.
Also: the whole verified start of the pack (verify, then load from the cache keyed on the
verified bytes) beside the unchecked load, and a bare window as the yardstick for busy machines.
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
t0 = time.perf_counter()
from thresholds_app.core.pack.minisig import read_public_key
from thresholds_app.core.pack.opening import TrustPolicy, open_pack
from thresholds_app.core.pack.load import load_pack
key = read_public_key(Path(sys.argv[2]).read_text())
if sys.argv[4] == "verified":
    result = open_pack([Path(sys.argv[1])], TrustPolicy((key,)), cache_dir=Path(sys.argv[3])).result
else:
    result = load_pack(Path(sys.argv[1]), cache_dir=Path(sys.argv[3]))
t1 = time.perf_counter()
assert result.ok, result.problems[:2]
print(t1 - t0)
"""


def median_ms(code: str, args: list[str], runs: int, column: int = 0) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run(
            [sys.executable, "-c", code, *args], capture_output=True, text=True, check=True
        )
        times.append(float(out.stdout.split()[column]))
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    from thresholds_app.core.pack.signing import generate_keys, read_secret_key, sign_pack
    from thresholds_app.paths import default_pack_dir

    with tempfile.TemporaryDirectory() as tmp:
        pack = Path(tmp) / "solihull-rhrt"
        shutil.copytree(default_pack_dir(), pack)
        secret, public = generate_keys(Path(tmp) / "bench", None)
        manifest = sign_pack(pack, read_secret_key(secret, None))
        size = sum(p.stat().st_size for p in pack.rglob("*") if p.is_file())
        cache = str(Path(tmp) / "cache")
        median_ms(OPEN, [str(pack), str(public), cache, "verified"], 1)  # fill the cache
        verify = median_ms(VERIFY, [str(pack), str(public)], runs)
        again = median_ms(VERIFY, [str(pack), str(public)], runs, column=1)
        cpu = median_ms(VERIFY, [str(pack), str(public)], runs, column=2)
        opened = median_ms(OPEN, [str(pack), str(public), cache, "verified"], runs)
        plain = median_ms(OPEN, [str(pack), str(public), cache, "plain"], runs)
    print(f"pack: {len(manifest.files)} files, {size / 1024:.0f} KiB; median of {runs} runs")
    print(f"verify (imports, read, SHA-256, Ed25519):   {verify:6.1f} ms  (goal < 20 ms)")
    print(f"  the same, processor time only:            {cpu:6.1f} ms")
    print(f"verify again in the same process:           {again:6.1f} ms")
    print(f"verified open from the cache:               {opened:6.1f} ms")
    print(f"unchecked load from the cache (before):     {plain:6.1f} ms")
    bare = bare_window_seconds() * 1000
    print(
        f"bare PySide6 window (yardstick):            {bare:6.1f} ms; verify is "
        f"{verify / bare:.3f} of it (20 ms of a 300 ms window would be 0.067)"
    )
    print(f"load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} processors")
    return 0 if min(verify, cpu) < 20 else 1


if __name__ == "__main__":
    sys.exit(main())
