"""Fixtures for the PDF tests: an invented pack, case and assessment."""

from __future__ import annotations

import pytest

from packs import sample_case, sample_pack
from thresholds_app.core.case.record import CaseRecord
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.report.rationale import Rationale, build_rationale
from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.core.rules.engine import assess

PRODUCED = "2026-01-05 10:00 UTC"


@pytest.fixture
def pack() -> Pack:
    return sample_pack()


@pytest.fixture
def case(pack: Pack) -> CaseRecord:
    return sample_case(pack)


@pytest.fixture
def assessment(pack: Pack, case: CaseRecord) -> Assessment:
    return assess(pack, case.answers, case.context())


@pytest.fixture
def rationale(pack: Pack, case: CaseRecord, assessment: Assessment) -> Rationale:
    return build_rationale(pack, case, assessment, PRODUCED, "0.1.0")
