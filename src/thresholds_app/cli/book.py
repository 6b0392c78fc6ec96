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
    from thresholds_app.cli.packarg import add_trust_arguments

    add_trust_arguments(parser)
    parser.add_argument(
        "pack_dir", nargs="?", type=Path, help="pack folder (default: bundled pack)"
    )
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")


def run(args: argparse.Namespace) -> int:
    """Render the guidance book; return the exit code."""
    from thresholds_app import __version__
    from thresholds_app.cli.packarg import load_pack_for
    from thresholds_app.core.base.atomic import atomic_write_bytes
    from thresholds_app.core.report.rationale import format_produced_at

    pack = load_pack_for("book", args.pack_dir, args)
    if isinstance(pack, int):
        return pack
    from thresholds_app.pdf.book import render_book_pdf

    pdf = render_book_pdf(pack, format_produced_at(datetime.now(UTC)), __version__)
    try:
        atomic_write_bytes(args.output, pdf)
    except OSError as exc:
        print(f"thresholds book: could not write {args.output} ({exc.strerror}).", file=sys.stderr)
        return 1
    print(f"Wrote {args.output}")
    return 0
