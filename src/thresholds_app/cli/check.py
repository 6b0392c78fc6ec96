"""``thresholds check [PACK_DIR]``: run a pack's test cases, training scenarios and search queries.

Each failure is printed with its file, case name and what was expected against what the engine
said. Search queries (``tests/search.yaml``) that miss are listed as notes, then one line gives
the share found against the pack's goal; below the goal counts as one failure. The last line is
always ``N passed, M failed``. Exit codes: 0 all passed, 1 a case, scenario or the query set
failed, 2 usage error or a pack that does not load (its problems are printed).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    from thresholds_app.cli.packarg import add_trust_arguments

    add_trust_arguments(parser)
    parser.add_argument(
        "pack_dir", nargs="?", type=Path, help="pack folder (default: bundled pack)"
    )


def run(args: argparse.Namespace) -> int:
    """Run every case and scenario; print failures and the totals."""
    from thresholds_app.cli.packarg import load_pack_for
    from thresholds_app.core.rules.engine import PackRulesError, engine_for
    from thresholds_app.core.rules.selfcheck import check_pack
    from thresholds_app.core.search.selfcheck import check_queries

    pack = load_pack_for("check", args.pack_dir, args)
    if isinstance(pack, int):
        return pack
    try:
        engine_for(pack)
    except PackRulesError as error:
        print(f"thresholds check: the pack's rules cannot run: {error}", file=sys.stderr)
        return 2
    outcomes = check_pack(pack)
    failed = [o for o in outcomes if not o.passed]
    for outcome in failed:
        print(f"FAILED {outcome.report()}")
    passed, failures = len(outcomes) - len(failed), len(failed)
    if pack.search_queries.queries:
        searches = check_queries(pack)
        for query in searches.outcomes:
            if not query.passed:
                print(f"MISSED {query.report()}")
        print(("" if searches.passed else "FAILED ") + searches.summary())
        passed, failures = (passed + 1, failures) if searches.passed else (passed, failures + 1)
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0
