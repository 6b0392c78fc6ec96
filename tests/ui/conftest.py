"""Shared fixtures for the Qt tests: offscreen platform and the small test pack (tests/packs.py)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from sample_packs import small_pack as build_small_pack
from thresholds_app.core.pack.model import Pack


@pytest.fixture
def small_pack() -> Pack:
    return build_small_pack()


@pytest.fixture
def restore(qapp: QApplication) -> Iterator[None]:
    """Give the application back its font, palette and stylesheet (a test applied the app's)."""
    font, palette, sheet = QFont(qapp.font()), QPalette(qapp.palette()), qapp.styleSheet()
    yield
    qapp.setFont(font)
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
