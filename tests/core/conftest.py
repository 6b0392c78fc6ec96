"""Fixtures for the core tests: a factory for small hand-built packs."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from packfactory import make_pack

from thresholds_app.core.model import Pack


@pytest.fixture
def pack_factory() -> Callable[..., Pack]:
    return make_pack
