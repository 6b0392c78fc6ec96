"""``thresholds review FOLDER``: a morning's referrals, re-assessed, and counts without names.

Lists every file in FOLDER (damaged and foreign ones with the reason), re-assessed under the
guidance in force now and sorted by deadline. ``--csv OUT`` writes the partnership's anonymised
counts (and ``--pdf OUT`` a one-page summary with a chart); nothing else is written.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from thresholds_app.cli.render import _parse_time
from thresholds_app.core.base.wording import counted

if TYPE_CHECKING:
    from thresholds_app.core.pack.model import Pack


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    from thresholds_app.cli.packarg import add_trust_arguments

    add_trust_arguments(parser)
    parser.add_argument("folder", type=Path, help="a folder of case files (.json)")
    parser.add_argument("--csv", type=Path, help="write anonymised counts as CSV to this file")
    parser.add_argument("--pdf", type=Path, help="write the counts and a chart as a PDF")
    parser.add_argument("--pack", type=Path, help="guidance pack folder (default: bundled pack)")
    parser.add_argument(
        "--quiet", action="store_true", help="do not list the referrals (only write the counts)"
    )
    parser.add_argument(
        "--now", type=_parse_time, help="the time for the clocks, ISO 8601 (default: now)"
    )


def _level(level: int | None) -> str:
    return "-" if level is None else f"Level {level}"  # as the guidance's columns say it


def _rag_words(pack: Pack, rag_id: str) -> str:
    """The RAG rating as the review list shows it (the pack's label, not its id)."""
    from thresholds_app.core.review.clock import rating

    found = rating(pack, rag_id)
    return found.label if found else (rag_id or "-")


def run(args: argparse.Namespace) -> int:
    """List the folder and write the counts; return the exit code."""
    from thresholds_app.cli.packarg import load_pack_for
    from thresholds_app.core.base.atomic import atomic_write_bytes, atomic_write_text
    from thresholds_app.core.base.wording import one_line
    from thresholds_app.core.case.reviews import outcome_label
    from thresholds_app.core.pack.review_defaults import review_guide
    from thresholds_app.core.review.batch import FLAG_WORDS, read_folder
    from thresholds_app.core.review.clock import due_words, time_left_words
    from thresholds_app.core.review.counts import cells, counts_csv

    if not args.folder.is_dir():
        print(f"thresholds review: {args.folder} is not a folder", file=sys.stderr)
        return 2
    pack = load_pack_for("review", args.pack, args)
    if isinstance(pack, int):
        return pack
    now = args.now or datetime.now(UTC)
    batch = read_folder(args.folder, pack, now)
    if not args.quiet:
        guide = review_guide(pack)
        print("reference\treceived\treferred\tnow\treferrer\tMASH\tRAG\toutcome\tdue\tflags")
        for row in batch.rows:
            if not row.ok:
                print(f"{one_line(row.path.name)}\tnot read: {row.problem}")
                continue
            due = f"{due_words(row.due)} ({time_left_words(row.due, now)})" if row.due else "-"
            received = due_words(row.received) if row.received else "-"
            flags = ", ".join(FLAG_WORDS[f] for f in row.flags)
            print(
                f"{row.reference}\t{received}\t{row.referred_words}\t"
                f"{row.now_words}\t{_level(row.referrer_level)}\t"
                f"{_level(row.mash_level)}\t{_rag_words(pack, row.rag)}\t"
                f"{outcome_label(guide, row.outcome) or '-'}\t{due}\t{flags}"
            )
    unread = sum(not r.ok for r in batch.rows)
    read = counted(len(batch.rows) - unread, "referral")
    print(
        f"{counted(len(batch.rows), 'file')}: {read} read, {unread} not read.",
        file=sys.stderr,
    )
    try:
        if args.csv:
            atomic_write_text(args.csv, counts_csv(cells(pack, batch)))
            print(f"Wrote {args.csv}", file=sys.stderr)
        if args.pdf:
            from thresholds_app.pdf.counts_pdf import render_counts_pdf

            atomic_write_bytes(args.pdf, render_counts_pdf(pack, batch, now))
            print(f"Wrote {args.pdf}", file=sys.stderr)
    except OSError as exc:
        print(f"thresholds review: could not write the counts ({exc.strerror}).", file=sys.stderr)
        return 1
    return 0
