"""Benchmark: open case files up to the size limit; each must be read or refused in 2 s, 256 MB.

Run: ``PYTHONPATH=src .venv/bin/python benchmarks/bench_case_read.py [--size MB]``. Each shape is
written to a temporary file just under the limit (20 MB) and opened in a fresh process with
``read_case``; the child reports its wall and CPU time and peak resident memory (``VmHWM`` on
Linux, where ``resource.getrusage``'s ``ru_maxrss`` carries the forking parent's peak over
``exec``; ``ru_maxrss`` elsewhere), so the figure includes the interpreter and the imports. The
shapes are the expensive ones: huge text, huge lists, many answers, many problems, deep nesting.
``tests/core/test_casefile_limits.py`` runs the worst of them at full size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "level-2-attendance.json"
LIMIT_BYTES = 20 * 1024 * 1024
SECONDS = 2.0
PEAK_MB = 256

CHILD = """
import resource, sys, time
t, cpu = time.perf_counter(), time.process_time()
from thresholds_app.core.case.record import CaseFileError, read_case
try:
    read = read_case(sys.argv[1])
    outcome = f"read ({len(read.notices)} notices)"
except CaseFileError as error:
    outcome = f"refused ({len(error.problems)} problems)"
seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
try:  # Linux carries ru_maxrss over exec from the forking parent: VmHWM is this process's own
    with open("/proc/self/status") as status:
        hwm = next(line for line in status if line.startswith("VmHWM:"))
    peak_mb = int(hwm.split()[1]) / 1024
except (OSError, StopIteration):
    pass
print(f"{seconds:.3f} {cpu:.3f} {peak_mb:.1f} {outcome}")
"""


def base() -> dict[str, Any]:
    """A real, valid case document to grow."""
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def _fill(target: int, unit: str, overhead: int) -> int:
    return max(1, (target - overhead) // len(unit.encode("utf-8")))


def shapes(target: int) -> dict[str, Callable[[], bytes]]:
    """Builders of files of about ``target`` bytes, by name."""
    overhead = len(json.dumps(base()).encode("utf-8")) + 64

    def text(unit: str, escaped: bool = False) -> Callable[[], bytes]:
        def build() -> bytes:
            doc = base()
            doc["free_text"]["worry"] = "@@"
            raw = json.dumps(doc, ensure_ascii=False)
            body = unit * _fill(target, unit, overhead)
            return raw.replace('"@@"', json.dumps(body) if escaped else f'"{body}"').encode()

        return build

    def listed(key: str, item: str) -> Callable[[], bytes]:
        def build() -> bytes:
            doc = base()
            doc[key] = "@@"
            raw = json.dumps(doc)
            count = _fill(target, item + ",", overhead)
            return raw.replace('"@@"', "[" + ",".join([item] * count) + "]").encode()

        return build

    def answers(value: str) -> Callable[[], bytes]:
        def build() -> bytes:
            doc = base()
            doc["answers"] = "@@"
            raw = json.dumps(doc)
            count = _fill(target, f'"x-{0:07d}": "{value}",', overhead)
            body = ",".join(f'"x-{i:07d}": "{value}"' for i in range(count))
            return raw.replace('"@@"', "{" + body + "}").encode()

        return build

    def near_limit_answers(value: str) -> Callable[[], bytes]:
        def build() -> bytes:
            doc = base()
            doc["answers"] = {f"x-{i:05d}": value for i in range(19_500)}
            return json.dumps(doc).encode()

        return build

    def near_limit_household(wrong: bool) -> Callable[[], bytes]:
        def build() -> bytes:
            doc = base()
            members = 2_700  # 7 values each: just under the 20,000-value limit
            size = _fill(target, "a", overhead + members * 150) // (members * 4)
            long = "a" * size
            member = {
                "label": long,
                "relationship": long,
                "age_band": "5-10",
                "assessed": "no" if wrong else False,
                "outcome": long,
                "reason_not_assessed": long,
            }
            doc["household"] = [member] * members
            return json.dumps(doc).encode()

        return build

    def many_lines(item: str) -> Callable[[], bytes]:
        """Answers one per line, padded so the file has millions of line breaks to count."""

        def build() -> bytes:
            doc = base()
            doc["answers"] = "@@"
            raw = json.dumps(doc)
            count = 19_000
            pad = "\n" * max(0, (target - overhead) // count - len(item) - 12)
            body = ",".join(item.format(i=i) + pad for i in range(count))
            return raw.replace('"@@"', "{" + pad + body + "}").encode()

        return build

    def nested() -> bytes:
        depth = target // 2
        return b'{"format": "thresholds-case", "format_version": 1, "x": ' + b"[" * depth

    def whitespace() -> bytes:
        raw = json.dumps(base()).encode()
        return raw[:-1] + b" " * (target - len(raw)) + b"}"

    return {
        "one long text (ASCII)": text("a"),
        "one long text (emoji, 4-byte UTF-8)": text("\U0001f600"),
        "one long text of escapes (\\u00e9)": text("\\u00e9"),
        "one long text of lone surrogates": text("\\ud83d"),
        "a list of 10 million numbers": listed("assessment", "0"),
        "household of 1 million empty children": listed("household", "{}"),
        "half a million answers, all valid": answers("yes"),
        "half a million answers, all wrong": answers("maybe"),
        "19,500 answers (at the value limit), valid": near_limit_answers("yes"),
        "19,500 answers (at the value limit), wrong": near_limit_answers("maybe"),
        "2,700 children with long texts, valid": near_limit_household(False),
        "2,700 children with long texts, all wrong": near_limit_household(True),
        "19,000 keys given twice, 20 million lines": many_lines('"x": "yes"'),
        "19,000 lone surrogates, 20 million lines": many_lines('"x-{i}": "\\ud83d"'),
        "10 million open brackets": nested,
        "valid case padded with spaces": whitespace,
    }


def measure(path: Path) -> tuple[float, float, float, str]:
    """Open ``path`` in a fresh process; return wall and CPU seconds, peak MB and the outcome.

    CPU time is what a test can rely on when the machine is shared: wall time also counts
    waiting for a core. On a quiet machine the two agree.
    """
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        timeout=120,
    )
    seconds, cpu, peak, outcome = out.stdout.strip().split(" ", 3)
    return float(seconds), float(cpu), float(peak), outcome


def main() -> int:
    """Measure every shape; exit 1 if any breaks the 2 s / 256 MB budget."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=float, default=19.9, help="file size in MB")
    size = int(parser.parse_args().size * 1024 * 1024)
    failed = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, build in shapes(size).items():
            path = Path(folder) / "case.json"
            path.write_bytes(build())
            mb = path.stat().st_size / (1024 * 1024)
            seconds, cpu, peak, outcome = measure(path)
            ok = min(seconds, cpu) <= SECONDS and peak <= PEAK_MB
            failed += not ok
            flag = "" if ok else "  OVER BUDGET"
            print(
                f"{name:42} {mb:5.1f} MB  wall {seconds:5.2f} s  cpu {cpu:5.2f} s  "
                f"peak {peak:4.0f} MB  {outcome}{flag}"
            )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
