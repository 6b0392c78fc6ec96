"""Benchmark: render a typical 3-page referral rationale in-process, and the import cost.

Run: ``.venv/bin/python benchmarks/bench_render.py``. Prints the median of several in-process
builds (target < 300 ms) after a first build that pays for font parsing, and separately the cost
of a fresh process importing reportlab and the PDF modules.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPEATS = 11
IMPORT_SNIPPET = (
    "import time; t = time.perf_counter(); "
    "import thresholds_app.pdf.rationale_pdf, thresholds_app.core.report.rationale, "
    "thresholds_app.core.rules.engine, thresholds_app.core.case.record; "
    "print((time.perf_counter() - t) * 1000)"
)


def _import_cost() -> float:
    samples = []
    for _ in range(5):
        out = subprocess.run(
            [sys.executable, "-c", IMPORT_SNIPPET],
            capture_output=True,
            text=True,
            check=True,
        )
        samples.append(float(out.stdout.strip()))
    return statistics.median(samples)


def main() -> int:
    from thresholds_app.core.case.record import load_case
    from thresholds_app.core.pack.load import load_pack
    from thresholds_app.paths import default_pack_dir, examples_dir

    pack = load_pack(default_pack_dir()).pack
    if pack is None:
        print("the bundled pack does not load; run `thresholds validate`")
        return 1
    now = datetime(2026, 1, 12, 11, 30, tzinfo=UTC)
    for example in sorted(Path(examples_dir()).glob("*.json")):
        _bench_one(pack, load_case(example), now, example.stem)
    print(f"fresh-process import of the render path, median of 5: {_import_cost():.0f} ms")
    return 0


def _bench_one(pack: Any, case: Any, now: datetime, name: str) -> None:
    from thresholds_app import __version__
    from thresholds_app.core.report.rationale import build_rationale, format_produced_at
    from thresholds_app.core.rules.engine import assess
    from thresholds_app.pdf.rationale_pdf import render_rationale_pdf

    def build() -> tuple[float, bytes]:
        start = time.perf_counter()
        assessment = assess(pack, case.answers, case.context(now))
        rationale = build_rationale(pack, case, assessment, format_produced_at(now), __version__)
        pdf = render_rationale_pdf(rationale)
        return (time.perf_counter() - start) * 1000, pdf

    first, pdf = build()
    times = [build()[0] for _ in range(REPEATS)]
    pages = pdf.count(b"/Type /Page\n")
    print(
        f"{name}: {pages} pages, {len(pdf) // 1024} KiB; first build {first:.0f} ms (fonts "
        f"parsed once per process); in-process median of {REPEATS}: "
        f"{statistics.median(times):.0f} ms (min {min(times):.0f}, max {max(times):.0f}); "
        "target < 300 ms"
    )


if __name__ == "__main__":
    sys.exit(main())
