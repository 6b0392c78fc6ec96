"""List, re-assess and sort a folder of 500 case files, as the MASH batch table does.

Target (issue 13): under 2 s for 500 files on the project's 2-core machine. The folder is made
from the bundled examples with varied answers, references and reviews (one file in fifty is
damaged, as a real folder might hold), then read with ``read_folder``; median of the rounds.

    .venv/bin/python benchmarks/bench_review_batch.py [--files N] [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.review.batch import read_folder
from thresholds_app.paths import default_pack_dir, examples_dir


def make_folder(folder: Path, count: int, seed: int) -> None:
    """Write ``count`` varied case files (and a few damaged ones) into ``folder``."""
    rng = random.Random(seed)
    examples = [json.loads(p.read_text("utf-8")) for p in sorted(examples_dir().glob("*.json"))]
    for number in range(count):
        path = folder / f"case-{number:04d}.json"
        if number % 50 == 49:
            path.write_text('{"format": "thresholds-case", "format_ver', encoding="utf-8")
            continue
        data = json.loads(json.dumps(rng.choice(examples)))
        data["child"]["reference"] = f"SOL-{number:05d}"
        data["child"]["household_reference"] = f"H-{number // 3:04d}" if number % 7 == 0 else ""
        data["created"] = data["updated"] = f"2026-12-0{1 + number % 5}T0{number % 9}:15:00Z"
        for answer in list(data["answers"])[:3]:
            data["answers"][answer] = rng.choice(["yes", "no", "not-known"])
        if number % 3 == 0:
            data["format_version"] = 2
            data["reviews"] = [
                {
                    "stage": "screening",
                    "reviewer": "R",
                    "role": "SW",
                    "level": 3,
                    "rag": rng.choice(["red", "amber", "green"]),
                    "outcome": "early-help",
                    "received_at": data["updated"],
                    "reviewed_at": data["updated"],
                }
            ]
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    result = load_pack(default_pack_dir())
    if result.pack is None:
        print("the pack does not load", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_folder(folder, args.files, 20261201)
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            batch = read_folder(folder, result.pack)
            times.append(time.perf_counter() - start)
        bad = sum(not r.ok for r in batch.rows)
        print(
            f"{len(batch.rows)} files ({bad} damaged): median {statistics.median(times):.3f} s, "
            f"best {min(times):.3f} s, worst {max(times):.3f} s over {args.rounds} rounds"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
