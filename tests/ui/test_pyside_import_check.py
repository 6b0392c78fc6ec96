"""The quicker answer to PySide6's per-module question is the same answer as its own."""

from __future__ import annotations

import json
import sys

import PySide6.QtCore  # noqa: F401 - the feature machinery is set up by the first import

from thresholds_app.core.base import records
from thresholds_app.ui import first_use
from thresholds_app.ui.pyside_import_check import source_mentions_pyside, use_quicker_import_check


def never(_module: object) -> bool:
    raise AssertionError("a module with a source file needs no fallback")


def test_the_answer_is_read_from_the_source_file() -> None:
    assert source_mentions_pyside(first_use, never) is True  # imports PySide6
    assert source_mentions_pyside(records, never) is False  # core: never
    assert source_mentions_pyside(json, lambda _m: True) is False  # stdlib source: read too
    assert source_mentions_pyside(sys, lambda _m: True) is True  # built in: PySide6's own check


def test_it_agrees_with_pyside6s_own_check_and_is_installed_once() -> None:
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or getattr(original, "quicker", False):
        return  # this PySide6 release has no such check, or it is already replaced
    for module in (first_use, records, json):
        assert source_mentions_pyside(module, original) == original(module)
    try:
        assert use_quicker_import_check() is True
        assert use_quicker_import_check() is False  # once only
        assert feature._mod_uses_pyside(first_use) is True  # type: ignore[union-attr]
    finally:
        feature._mod_uses_pyside = original  # type: ignore[union-attr]
