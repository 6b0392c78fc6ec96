"""A case carried on under other guidance says so on its rationale (hazard H04, issue 16).

A case made with another area's pack once rendered as final and the PDF never said so.
"""

from __future__ import annotations

import io

from pypdf import PdfReader

from sample_packs import sample_case, sample_pack
from thresholds_app.core.case.record import (
    PackRef,
    case_from_json,
    case_to_json,
    reassess_if_pack_changed,
)
from thresholds_app.core.report.rationale import build_rationale, rationale_to_text
from thresholds_app.core.rules.engine import assess
from thresholds_app.pdf.rationale_pdf import render_rationale_pdf

ELSEWHERE = PackRef("elsewhere-rhrt", "3.1.0", "e" * 64)


def _text(case, pack) -> str:  # type: ignore[no-untyped-def]
    rationale = build_rationale(pack, case, assess(pack, case.answers, case.context()), "t", "v")
    return rationale_to_text(rationale)


def test_another_partnerships_pack_is_named_on_the_rationale() -> None:
    pack = sample_pack()
    case = sample_case(pack)
    case.pack = ELSEWHERE
    text = _text(case, pack)
    assert "NOTICE: Guidance changed" in text
    assert "another partnership's guidance (elsewhere-rhrt version 3.1.0)" in text


def test_the_switch_survives_carrying_on_and_saving() -> None:
    pack = sample_pack()
    case = sample_case(pack)
    case.pack = ELSEWHERE
    reassess_if_pack_changed(case, pack, assess)  # what opening it in the app does
    assert case.pack == PackRef.of(pack)
    again = case_from_json(case_to_json(case))  # saved and opened again
    assert again.started_with == ELSEWHERE
    rationale = build_rationale(pack, again, assess(pack, again.answers, again.context()), "t", "v")
    pdf_text = " ".join(
        p.extract_text() or "" for p in PdfReader(io.BytesIO(render_rationale_pdf(rationale))).pages
    )
    assert "elsewhere-rhrt" in pdf_text


def test_another_version_is_named_and_the_same_pack_says_nothing() -> None:
    pack = sample_pack()
    case = sample_case(pack)
    case.pack = PackRef(pack.manifest.id, "0.0.1", "0" * 64)
    assert f"started with version 0.0.1 of {pack.manifest.id}" in _text(case, pack)
    case.pack = PackRef.of(pack)
    assert "Guidance changed" not in _text(case, pack)
