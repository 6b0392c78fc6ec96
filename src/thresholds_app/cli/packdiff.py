"""``thresholds pack diff OLD_DIR NEW_DIR [--json]``: what changed between two pack versions.

Both packs must be valid (they are loaded with the full validator; no signature is needed to
compare them). Exit codes: 0 listed, 1 a pack is not valid, 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import sys


def run_diff(args: argparse.Namespace) -> int:
    """Load both packs and print the changes."""
    from thresholds_app.core.pack.diff import diff_packs
    from thresholds_app.core.pack.load import load_pack

    packs = []
    for folder in (args.old_dir, args.new_dir):
        if not folder.is_dir():
            print(f"thresholds pack diff: {folder} is not a folder", file=sys.stderr)
            return 2
        result = load_pack(folder)
        if result.pack is None or result.problems:
            print(f"thresholds pack diff: the pack in {folder} is not valid:", file=sys.stderr)
            for problem in result.problems[:10]:
                print(f"  {problem}", file=sys.stderr)
            return 1
        packs.append(result.pack)
    difference = diff_packs(packs[0], packs[1])
    if args.json:
        print(json.dumps(difference.to_json(), indent=2, ensure_ascii=False))
    else:
        print(difference.to_text())
    return 0
