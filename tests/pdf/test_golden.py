"""Golden files: the sample rationale's plain text and the text pypdf extracts from its PDF.

A deliberate change to wording or layout updates them with
``UPDATE_GOLDEN=1 .venv/bin/pytest tests/pdf/test_golden.py``; review the diff before committing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pdfcheck import page_texts

from thresholds_app.core.report.rationale import Rationale, rationale_to_text
from thresholds_app.pdf.rationale_pdf import render_rationale_pdf

GOLDEN = Path(__file__).parent / "golden"


def check(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8")
    if not path.exists():
        pytest.fail(f"{path} is missing: run with UPDATE_GOLDEN=1 to create it")
    assert actual == path.read_text(encoding="utf-8")


def test_text_export_golden(rationale: Rationale) -> None:
    check("sample_rationale.txt", rationale_to_text(rationale))


def test_pdf_text_golden(rationale: Rationale) -> None:
    pages = page_texts(render_rationale_pdf(rationale))
    check("sample_rationale_pdf.txt", "\n\f\n".join(pages) + "\n")
