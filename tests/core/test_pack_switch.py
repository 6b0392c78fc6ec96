"""A case carried on under other guidance says so on its rationale (hazard H04, issue 16).

A case made with another area's pack once rendered as final and the PDF never said so.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from dataclasses import replace
from functools import cache

from pypdf import PdfReader

from sample_packs import sample_case, sample_pack
from thresholds_app.core.case.record import (
    CaseRecord,
    PackRef,
    case_from_json,
    case_to_json,
    load_case,
    reassess_if_pack_changed,
)
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import build_rationale, rationale_to_text
from thresholds_app.core.rules.assessment import Assessment, Context
from thresholds_app.core.rules.engine import assess
from thresholds_app.paths import default_pack_dir, examples_dir
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


# -- what the practitioner is told on opening it (found by mutation testing, mutation.md) --------
# The messages for a change of emergency, an unknown earlier pack and several unused answers,
# the child's details passed to the engine, and the first pack kept on the record.

OTHER = PackRef("solihull-rhrt", "0.1.0", "f" * 64)


@cache
def _pack() -> Pack:
    result = load_pack(default_pack_dir())
    assert result.pack is not None, result.problems
    return result.pack


def _case() -> CaseRecord:
    case = load_case(examples_dir() / "level-2-attendance.json")
    case.assessment = assess(_pack(), case.answers, case.context())
    return case


class _Engine:
    """The real engine, with the result changed as a newer pack might change it."""

    def __init__(self, **change: object) -> None:
        self.change = change
        self.contexts: list[Context] = []

    def __call__(self, pack: Pack, answers: Mapping[str, str], context: Context) -> Assessment:
        self.contexts.append(context)
        return replace(assess(pack, answers, context), **self.change)  # type: ignore[arg-type]


def test_a_new_emergency_and_a_level_gone_are_both_said() -> None:
    case = _case()
    case.pack = OTHER
    engine = _Engine(emergency=True, indicated_level=None)
    messages = reassess_if_pack_changed(case, _pack(), engine)
    assert messages[1:] == [
        "The level the guidance indicates changed from Level 2 to insufficient information.",
        "Emergency action is now indicated.",
    ]
    assert engine.contexts == [case.context()]  # the child's age band reaches the engine


def test_an_emergency_no_longer_indicated_is_said() -> None:
    case = _case()
    assert case.assessment is not None
    case.assessment = replace(case.assessment, emergency=True)
    case.pack = OTHER
    messages = reassess_if_pack_changed(case, _pack(), assess)
    assert "Emergency action is no longer indicated." in messages


def test_an_earlier_pack_with_no_name_is_called_unknown() -> None:
    case = _case()
    case.pack = PackRef("", "", "e" * 64)
    current = PackRef.of(_pack())
    messages = reassess_if_pack_changed(case, _pack(), assess)
    assert messages[0] == (
        f"This case was made with guidance pack unknown ? ({'e' * 12}); it was re-assessed "
        f"with {current.id} {current.version} ({current.hash[:12]})."
    )


def test_the_same_pack_keeps_the_stored_assessment_and_a_missing_one_is_made() -> None:
    case = _case()
    case.pack = PackRef.of(_pack())
    assert reassess_if_pack_changed(case, _pack(), assess) == []
    case.assessment = None
    assert reassess_if_pack_changed(case, _pack(), assess) == [
        "The guidance now indicates Level 2."
    ]


def test_every_unused_answer_is_named() -> None:
    case = _case()
    case.pack = OTHER
    case.answers |= {"zz-gone-one": "yes", "zz-gone-two": "no"}
    messages = reassess_if_pack_changed(case, _pack(), assess)
    assert (
        "These answers are not in this pack and were not used: zz-gone-one, zz-gone-two."
        in messages
    )


def test_the_first_pack_stays_on_the_record_through_a_second_switch() -> None:
    case = _case()
    first = PackRef("solihull-rhrt", "0.0.1", "a" * 64)
    case.started_with = first
    case.pack = OTHER
    reassess_if_pack_changed(case, _pack(), assess)
    assert case.started_with == first
    assert case.pack == PackRef.of(_pack())
