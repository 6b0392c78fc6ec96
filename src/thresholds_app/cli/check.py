"""``thresholds check [PACK_DIR]``: run a pack's test cases and training scenarios.

Each failure is printed with its file, case name and what was expected against what the engine
said; the last line is always ``N passed, M failed``. Exit codes: 0 all passed, 1 a case or
scenario failed, 2 usage error or a pack that does not load (its problems are printed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "pack_dir", nargs="?", type=Path, help="pack folder (default: bundled pack)"
    )


def run(args: argparse.Namespace) -> int:
    """Run every case and scenario; print failures and the totals."""
    from thresholds_app.core.engine import PackRulesError, engine_for
    from thresholds_app.core.packcheck import check_pack
    from thresholds_app.core.packload import load_pack
    from thresholds_app.paths import default_pack_dir

    pack_dir: Path = args.pack_dir or default_pack_dir()
    if not pack_dir.is_dir():
        print(f"thresholds check: {pack_dir} is not a folder", file=sys.stderr)
        return 2
    result = load_pack(pack_dir)
    if result.pack is None or result.problems:
        print(f"thresholds check: the pack in {pack_dir} is not valid:", file=sys.stderr)
        for problem in result.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    pack = result.pack
    try:
        engine_for(pack)
    except PackRulesError as error:
        print(f"thresholds check: the pack's rules cannot run: {error}", file=sys.stderr)
        return 2
    outcomes = check_pack(pack)
    failed = [o for o in outcomes if not o.passed]
    for outcome in failed:
        print(f"FAILED {outcome.report()}")
    print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0
