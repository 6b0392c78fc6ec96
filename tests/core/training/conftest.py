from __future__ import annotations

from functools import cache

import pytest

from thresholds_app.core.pack.load import load_pack
from thresholds_app.core.pack.model import Pack
from thresholds_app.paths import default_pack_dir


@cache
def _pack() -> Pack:
    result = load_pack(default_pack_dir())
    assert result.pack is not None, result.problems
    return result.pack


@pytest.fixture
def pack() -> Pack:
    return _pack()
