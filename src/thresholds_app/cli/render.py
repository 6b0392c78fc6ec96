"""``thresholds render CASE_FILE -o OUT.pdf [--text OUT.txt]``: write a referral rationale.

The case is re-assessed with the pack (the bundled one unless ``--pack`` is given); if the case
was made with another pack version, what changed is listed first. A rationale that is not ready
(no decision, no reasons, an unresolved child...) is refused unless ``--draft`` is given, in which
case every page says it is a draft. Exit codes: 0 written, 1 the case or pack cannot be used or
the rationale is not ready, 2 usage error. Nothing about the child is printed to the terminal.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from pathlib import Path


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """Register the command's arguments."""
    parser.add_argument("case_file", type=Path, help="a saved case file (.json)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the PDF to write")
    parser.add_argument("--text", type=Path, help="also write the rationale as plain text")
    from thresholds_app.cli.packarg import add_trust_arguments

    add_trust_arguments(parser)
    parser.add_argument("--pack", type=Path, help="guidance pack folder (default: bundled pack)")
    parser.add_argument(
        "--draft", action="store_true", help="render even if not ready, marked as a draft"
    )
    parser.add_argument(
        "--now",
        type=_parse_time,
        help="production time to print, ISO 8601 (default: now); for repeatable output",
    )


def _parse_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r}") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def run(args: argparse.Namespace) -> int:
    """Render the rationale; return the exit code."""
    from thresholds_app import __version__
    from thresholds_app.cli.packarg import load_pack_for
    from thresholds_app.core.base.atomic import atomic_write_bytes, atomic_write_text
    from thresholds_app.core.case.readiness import export_blockers
    from thresholds_app.core.case.record import CaseFileError, load_case, reassess_if_pack_changed
    from thresholds_app.core.report.rationale import (
        build_rationale,
        format_produced_at,
        rationale_to_text,
    )
    from thresholds_app.core.rules.engine import assess

    try:
        case = load_case(args.case_file)
    except CaseFileError as exc:
        print(f"thresholds render: {exc}", file=sys.stderr)
        return 1
    pack = load_pack_for("render", args.pack, args)
    if isinstance(pack, int):
        return pack
    now = args.now or datetime.now(UTC)
    for message in reassess_if_pack_changed(case, pack, assess):
        print(message, file=sys.stderr)
    assessment = assess(pack, case.answers, case.context(now))
    blockers = export_blockers(case, assessment)
    if blockers and not args.draft:
        print("thresholds render: the rationale is not ready to export:", file=sys.stderr)
        for blocker in blockers:
            print(f"  - {blocker}", file=sys.stderr)
        print("Use --draft to print it anyway, marked as a draft.", file=sys.stderr)
        return 1
    rationale = build_rationale(
        pack, case, assessment, format_produced_at(now), __version__, tuple(blockers)
    )
    from thresholds_app.pdf.rationale_pdf import render_rationale_pdf

    try:
        atomic_write_bytes(args.output, render_rationale_pdf(rationale))
        if args.text:
            atomic_write_text(args.text, rationale_to_text(rationale))
    except OSError as exc:
        print(f"thresholds render: could not write the output ({exc.strerror}).", file=sys.stderr)
        return 1
    written = f"{args.output}" + (f" and {args.text}" if args.text else "")
    print(f"Wrote {written}" + (" (DRAFT)" if blockers else ""))
    return 0
