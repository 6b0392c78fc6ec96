"""Shared fixtures for the Qt tests: offscreen platform and the small test pack (tests/packs.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from packs import small_pack as build_small_pack
from thresholds_app.core.pack.model import Pack


@pytest.fixture
def small_pack() -> Pack:
    return build_small_pack()
