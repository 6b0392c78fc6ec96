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
        help="production time, ISO 8601; without a zone it is UK time (default: now)",
    )


def _parse_time(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO 8601 time: {text!r}") from None
    return moment  # a time without a zone is UK local time, as in ``thresholds assess``


def run(args: argparse.Namespace) -> int:
    """Render the rationale; return the exit code."""
    from thresholds_app import __version__
    from thresholds_app.cli.casearg import read_case_for, report_unknown_answers
    from thresholds_app.cli.packarg import load_pack_for
    from thresholds_app.core.base.atomic import atomic_write_bytes, atomic_write_text
    from thresholds_app.core.report.export import prepare_export
    from thresholds_app.core.report.rationale import rationale_to_text
    from thresholds_app.core.review.reassess import reassess

    read = read_case_for("render", args.case_file)
    if isinstance(read, int):
        return read
    case = read.case
    pack = load_pack_for("render", args.pack, args)
    if isinstance(pack, int):
        return pack
    report_unknown_answers("render", read, pack)
    now = args.now or datetime.now(UTC)
    checked = reassess(pack, case, now=now)  # never changes the case
    if not checked.same_pack or checked.as_referred is None:
        for difference in checked.differences:
            print(difference.words, file=sys.stderr)
    export = prepare_export(pack, case, now, __version__)
    if export.assessment.pack_notice:
        print(f"thresholds render: {export.assessment.pack_notice}", file=sys.stderr)
    if export.blockers and not args.draft:
        print("thresholds render: the rationale is not ready to export:", file=sys.stderr)
        for blocker in export.blockers:
            print(f"  - {blocker.message}", file=sys.stderr)
        print("Use --draft to print it anyway, marked as a draft.", file=sys.stderr)
        return 1
    from thresholds_app.pdf.rationale_pdf import rationale_texts, render_rationale_pdf
    from thresholds_app.pdf.safe import unprintable_notice

    if unprintable := unprintable_notice(rationale_texts(export.rationale)):
        print(f"thresholds render: {unprintable}", file=sys.stderr)

    try:
        atomic_write_bytes(args.output, render_rationale_pdf(export.rationale))
        if args.text:
            atomic_write_text(args.text, rationale_to_text(export.rationale))
    except OSError as exc:
        print(f"thresholds render: could not write the output ({exc.strerror}).", file=sys.stderr)
        return 1
    written = f"{args.output}" + (f" and {args.text}" if args.text else "")
    print(f"Wrote {written}" + (" (DRAFT)" if export.blockers else ""))
    return 0
