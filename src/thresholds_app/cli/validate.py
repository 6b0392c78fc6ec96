"""``thresholds validate [PACK_DIR] [--json]``: check a pack and list every problem.

Exit codes: 0 valid, 1 invalid, 2 usage error. Nothing is ever written into the pack.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "pack_dir", nargs="?", type=Path, help="pack folder (default: bundled pack)"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    from thresholds_app.cli.packarg import add_trust_arguments

    add_trust_arguments(parser)


def run(args: argparse.Namespace) -> int:
    """Validate the pack and print the result."""
    from thresholds_app.cli.packarg import open_pack_for

    opened = open_pack_for("validate", args.pack_dir, args)  # no cache: checks everything
    if isinstance(opened, int):
        return opened
    result = opened.result
    pack = result.pack
    if args.json:
        counts = {
            "levels": len(pack.levels) if pack else 0,
            "indicators": len(pack.indicators) if pack else 0,
            "rules": len(pack.rules) if pack else 0,
            "topics": len(pack.topics) if pack else 0,
            "scenarios": len(pack.scenarios) if pack else 0,
            "tests": len(pack.tests) if pack else 0,
        }
        from thresholds_app.cli.packarg import trust_json

        trust = trust_json(pack) if pack else {"verified": False, "trust": ""}
        out = {
            "valid": result.ok,
            **trust,
            "counts": counts,
            "problems": [p.to_json() for p in result.problems],
        }
        print(json.dumps(out, indent=2, ensure_ascii=False))
    else:
        for problem in result.problems:
            print(problem)  # file:line:col: message, the file relative to the pack folder
        if result.ok and pack is not None:
            from thresholds_app.cli.packarg import authoring_line

            print(
                f"{pack.manifest.id} {pack.manifest.version}: valid "
                f"({len(pack.indicators)} indicators, {len(pack.rules)} rules, "
                f"{len(pack.scenarios)} scenarios, {len(pack.tests)} test cases)"
                + (" in authoring mode, not verified" if authoring_line(pack) else "")
            )
        else:
            print(f"{len(result.problems)} problem(s) found", file=sys.stderr)
    return 0 if result.ok else 1
