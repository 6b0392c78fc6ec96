"""Re-assess the full bundled pack after a single answer change; print median and p99.

Targets (issue 4): median under 1 ms, 99th percentile under 5 ms.

    .venv/bin/python benchmarks/bench_engine.py [--rounds N] [--pack DIR]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from pathlib import Path

from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import AGE_BANDS, ANSWERS
from thresholds_app.core.rules.assessment import Context
from thresholds_app.core.rules.engine import assess, engine_for
from thresholds_app.paths import default_pack_dir


def pick(rng: random.Random) -> str:
    """An answer as practitioners give them: mostly no, some yes, some not known."""
    return rng.choices(ANSWERS, weights=(15, 70, 15))[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=20261125)
    parser.add_argument("--pack", type=Path, default=None, help="pack folder (default: bundled)")
    args = parser.parse_args()

    result = load_pack(args.pack or default_pack_dir())
    if result.pack is None:
        print("the pack does not load:", *result.problems, sep="\n  ")
        return 2
    pack = result.pack
    rng = random.Random(args.seed)
    ids = sorted(pack.answerable_ids())
    start = time.perf_counter()
    engine_for(pack)  # compiled once per pack
    compile_ms = (time.perf_counter() - start) * 1000

    # A busy session: the danger question answered, 25-40 items answered (mostly "no"), one
    # change at a time.
    answers: dict[str, str] = {"immediate-danger": "no"}
    for item in rng.sample(ids, 25):
        answers[item] = pick(rng)
    context = Context(age_band=rng.choice(AGE_BANDS))
    for _ in range(200):  # warm-up
        assess(pack, answers, context)

    timings: list[float] = []
    cpu: list[float] = []  # CPU time of this thread: leaves out time spent waiting for a busy CPU
    levels: dict[int | None, int] = {}
    for _ in range(args.rounds):
        item = rng.choice(ids)
        answers[item] = pick(rng)
        if len(answers) > 40:
            answers.pop(rng.choice([k for k in answers if k != "immediate-danger"]))
        c0, t0 = time.thread_time(), time.perf_counter()
        assessment = assess(pack, answers, context)
        timings.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
        levels[assessment.indicated_level] = levels.get(assessment.indicated_level, 0) + 1

    timings.sort()
    cpu.sort()
    median = statistics.median(timings)
    p99 = timings[int(len(timings) * 0.99) - 1]
    print(
        f"pack {pack.manifest.id} {pack.manifest.version}: {len(pack.indicators)} indicators, "
        f"{len(pack.rules)} rules"
    )
    print(f"compile once: {compile_ms:.2f} ms")
    print(
        f"re-assess after one change, {args.rounds} rounds: median {median:.3f} ms, "
        f"p99 {p99:.3f} ms, max {timings[-1]:.3f} ms"
    )
    load = f"{os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "not known"
    print(
        f"CPU time per re-assessment: median {statistics.median(cpu):.3f} ms, "
        f"p99 {cpu[int(len(cpu) * 0.99) - 1]:.3f} ms (load average {load})"
    )
    print(f"levels seen: { {str(k): v for k, v in sorted(levels.items(), key=str)} }")
    ok = median < 1.0 and p99 < 5.0
    print("target (median < 1 ms, p99 < 5 ms):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
