"""``thresholds book [PACK_DIR] -o FILE.pdf``: print the whole guidance pack as a handout.

Exit codes: 0 written, 1 the pack has problems or the file cannot be written, 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument(
        "pack_dir", nargs="?", type=Path, help="pack folder (default: bundled pack)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")


def run(args: argparse.Namespace) -> int:
    """Render the guidance book; return the exit code."""
    from thresholds_app import __version__
    from thresholds_app.core.atomic import atomic_write_bytes
    from thresholds_app.core.packload import load_pack
    from thresholds_app.core.rationale import format_produced_at
    from thresholds_app.paths import default_pack_dir

    pack_dir: Path = args.pack_dir or default_pack_dir()
    if not pack_dir.is_dir():
        print(f"thresholds book: {pack_dir} is not a folder", file=sys.stderr)
        return 2
    result = load_pack(pack_dir)
    if result.pack is None:
        print(f"thresholds book: the pack in {pack_dir} has problems:", file=sys.stderr)
        for problem in result.problems[:10]:
            print(f"  {problem}", file=sys.stderr)
        return 1
    from thresholds_app.pdf.book import render_book_pdf

    pdf = render_book_pdf(result.pack, format_produced_at(datetime.now(UTC)), __version__)
    try:
        atomic_write_bytes(args.output, pdf)
    except OSError as exc:
        print(f"thresholds book: could not write {args.output} ({exc.strerror}).", file=sys.stderr)
        return 1
    print(f"Wrote {args.output}")
    return 0
