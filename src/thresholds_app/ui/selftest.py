"""``thresholds-app --smoke-test OUT_DIR``: prove a built bundle works, from inside it.

A PyInstaller bundle can start and still lack a font, a Qt plugin or a data file that only one
path uses. This runs those paths in the bundle itself: it opens the bundled pack the way the app
does (verified with the keys installed with the app), validates it in full, assesses an example
case, writes its rationale PDF with reportlab, and prints that PDF through QtPdf onto a PDF
"printer" file. It prints one JSON line with what it found and exits 0 only if every step
worked. Invented example cases only: nothing real is read or written.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

EXAMPLE = "level-2-attendance.json"


def run_smoke_test(out_dir: Path) -> int:
    """Run every step; print a JSON report; return 0 if all passed."""
    report: dict[str, Any] = {}
    try:
        _steps(out_dir, report)
        report["ok"] = True
    except Exception as error:
        report["ok"] = False
        report["error"] = f"{type(error).__name__}: {error}"
    sys.stdout.write(json.dumps(report, sort_keys=True) + "\n")
    return 0 if report["ok"] else 1


def _steps(out_dir: Path, report: dict[str, Any]) -> None:
    from thresholds_app import __version__
    from thresholds_app.core.case.record import load_case
    from thresholds_app.core.config.current import current_settings
    from thresholds_app.core.pack.cache import default_cache_dir
    from thresholds_app.core.pack.load import load_pack
    from thresholds_app.core.pack.opening import open_pack
    from thresholds_app.core.pack.trust_setup import pack_candidates, trust_policy
    from thresholds_app.core.report.rationale import build_rationale, format_produced_at
    from thresholds_app.core.rules.engine import assess
    from thresholds_app.paths import examples_dir

    out_dir.mkdir(parents=True, exist_ok=True)
    settings = current_settings()
    policy, messages = trust_policy(settings)
    opened = open_pack(pack_candidates(settings, None), policy, cache_dir=default_cache_dir())
    pack = opened.result.pack
    if pack is None:
        raise RuntimeError(f"the bundled pack was not opened: {opened.result.problems[:3]}")
    report["pack"] = f"{pack.manifest.id} {pack.manifest.version}"
    report["verified"] = bool(pack.trust and pack.trust.verified)
    report["messages"] = [*messages, *settings.messages, *opened.messages]
    full = load_pack(opened.pack_dir)  # the whole validator, no cache: YAML and JSON Schema too
    if not full.ok:
        raise RuntimeError(f"the bundled pack does not validate: {full.problems[:3]}")
    report["validated"] = True
    case = load_case(examples_dir() / EXAMPLE)
    now = datetime(2026, 1, 12, 11, 30, tzinfo=UTC)
    assessment = assess(pack, case.answers, case.context(now))
    report["indicated_level"] = assessment.indicated_level
    rationale = build_rationale(pack, case, assessment, format_produced_at(now), __version__)
    from thresholds_app.pdf.rationale_pdf import render_rationale_pdf

    pdf = render_rationale_pdf(rationale)
    (out_dir / "rationale.pdf").write_bytes(pdf)
    report["rationale_bytes"] = len(pdf)
    report["printed_pages"] = _print_to_file(pdf, out_dir / "printed.pdf")
    report["printed_bytes"] = (out_dir / "printed.pdf").stat().st_size


def _print_to_file(pdf: bytes, target: Path) -> int:
    """Print ``pdf`` through QtPdf onto a PDF file "printer" (the app's own printing code)."""
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QApplication

    from thresholds_app.ui.printing import make_printer, open_pdf, render_to_printer

    app = QApplication.instance() or QApplication([sys.argv[0]])
    document = open_pdf(pdf, app)
    printer = make_printer("Referral rationale (smoke test)")
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    pages = render_to_printer(document, printer)
    if pages < 1 or not target.is_file() or target.stat().st_size < 1000:
        raise RuntimeError("printing through QtPdf wrote nothing")
    return pages
