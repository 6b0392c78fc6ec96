"""Any case file up to the size limit is read or refused within 2 s and 256 MB (issue 16).

Each file is opened in a fresh process that reports its own wall time and peak memory; the
shapes come from ``benchmarks/bench_case_read.py``, which measures all of them.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from thresholds_app.core.case.reading import MAX_CASE_BYTES, CaseFileError
from thresholds_app.core.case.record import read_case

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_case_read.py"
_spec = importlib.util.spec_from_file_location("bench_case_read", BENCH)
assert _spec is not None
assert _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
sys.modules["bench_case_read"] = bench
_spec.loader.exec_module(bench)

# The slowest and the largest in memory of the benchmark's shapes, at full size (about 2 s each).
WORST = (
    "one long text of escapes (\\u00e9)",
    "19,500 answers (at the value limit), valid",
    "2,700 children with long texts, valid",
    "half a million answers, all valid",  # refused quickly, by the value limit
)


@pytest.mark.slow
@pytest.mark.parametrize("shape", WORST)
def test_a_file_just_under_the_limit_is_done_within_budget(tmp_path: Path, shape: str) -> None:
    path = tmp_path / "case.json"
    path.write_bytes(bench.shapes(MAX_CASE_BYTES - 100_000)[shape]())
    assert path.stat().st_size <= MAX_CASE_BYTES
    _wall, cpu_seconds, peak_mb, outcome = bench.measure(path)
    assert cpu_seconds <= bench.SECONDS, outcome  # CPU time: the test machine is shared
    assert peak_mb <= bench.PEAK_MB, outcome


def test_a_file_over_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_CASE_BYTES + 1)  # sparse: no need to write 20 MB
    with pytest.raises(CaseFileError, match="over the 20 MiB limit"):
        read_case(path)
