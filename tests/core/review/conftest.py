"""Fixtures for the review tests: the real pack, an older copy of it, a case made under it."""

from __future__ import annotations

from pathlib import Path

import pytest
from olderpack import REAL_PACK, RETIRED, case_under, example_case, make_older_pack

from thresholds_app.core.case.record import CaseRecord, save_case
from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack


@pytest.fixture(scope="session")
def current_pack() -> Pack:
    result = load_pack(REAL_PACK)
    assert result.pack is not None, result.problems
    return result.pack


@pytest.fixture(scope="session")
def older_pack(tmp_path_factory: pytest.TempPathFactory) -> Pack:
    result = load_pack(make_older_pack(tmp_path_factory.mktemp("older")))
    assert result.ok, "\n".join(map(str, result.problems))
    assert result.pack is not None
    return result.pack


@pytest.fixture
def older_case(older_pack: Pack) -> CaseRecord:
    case = example_case()
    case.answers[RETIRED] = "yes"
    return case_under(older_pack, case)


@pytest.fixture
def older_case_file(tmp_path: Path, older_case: CaseRecord) -> Path:
    path = tmp_path / "older.json"
    save_case(older_case, path, touch=False)
    return path
