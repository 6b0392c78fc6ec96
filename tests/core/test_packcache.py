"""The validated-pack cache: a speed-up that can never change what is loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import platformdirs
import pytest

from thresholds_app.core.pack.cache import default_cache_dir
from thresholds_app.core.pack.load import load_pack
from thresholds_app.paths import default_pack_dir


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "pack"
    shutil.copytree(default_pack_dir(), folder)
    return folder


def test_second_load_comes_from_the_cache_and_is_the_same_pack(
    pack_dir: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    first = load_pack(pack_dir, cache_dir=cache)
    second = load_pack(pack_dir, cache_dir=cache)
    assert (first.from_cache, second.from_cache) == (False, True)
    assert first.pack == second.pack
    assert second.problems == []


def test_a_damaged_cache_entry_is_ignored(pack_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = load_pack(pack_dir, cache_dir=cache).pack
    (entry,) = cache.glob("*.json")
    entry.write_text('{"key": "' + entry.stem + '", "data": [1, 2', encoding="utf-8")
    again = load_pack(pack_dir, cache_dir=cache)
    assert not again.from_cache
    assert again.pack == expected


def test_an_edited_pack_is_validated_again(pack_dir: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_pack(pack_dir, cache_dir=cache)
    levels = pack_dir / "levels.yaml"
    levels.write_text(levels.read_text(encoding="utf-8") + "\nstray: 1\n", encoding="utf-8")
    edited = load_pack(pack_dir, cache_dir=cache)
    assert not edited.from_cache
    assert edited.pack is None
    assert any("levels.yaml" in str(p) for p in edited.problems)


@pytest.mark.parametrize("xdg", [None, "/somewhere/cache", "relative/cache"])
def test_cache_folder_is_where_platformdirs_puts_it(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    expected = Path(platformdirs.user_cache_dir("thresholds_app", appauthor=False)) / "packs"
    assert default_cache_dir() == expected


def _level_of_a_level_4_case(pack_dir: Path, cache: Path) -> int | None:
    from thresholds_app.core.rules.engine import assess

    pack = load_pack(pack_dir, cache_dir=cache).pack
    assert pack is not None
    case = next(c for c in pack.tests if c.expected_level == 4)
    return assess(pack, case.answers).indicated_level


def test_an_edited_rule_in_the_cache_is_never_trusted(pack_dir: Path, tmp_path: Path) -> None:
    """Hand-editing a rule in the cache JSON once turned a Level 4 case into Level 3."""
    import json

    cache = tmp_path / "cache"
    assert _level_of_a_level_4_case(pack_dir, cache) == 4
    (entry,) = cache.glob("*.json")
    stored = json.loads(entry.read_text(encoding="utf-8"))
    for rule in stored["data"]["rules.yaml"]["rules"]:
        if rule.get("then", {}).get("level") == 4:
            rule["then"]["level"] = 3
    entry.write_text(json.dumps(stored), encoding="utf-8")
    again = load_pack(pack_dir, cache_dir=cache)
    assert not again.from_cache
    assert _level_of_a_level_4_case(pack_dir, cache) == 4
    rebuilt = json.loads(next(cache.glob("*.json")).read_text(encoding="utf-8"))
    assert rebuilt["digest"] != stored["digest"] or rebuilt["data"] != stored["data"]


@pytest.mark.parametrize(
    "damage",
    [
        '{"key": "KEY", "data": [], "lines": {}, "digest": "x"}',
        "[]",
        "null",
        '{"key": "KEY"}',
        "\udcff",
    ],
)
def test_a_wrongly_shaped_entry_is_discarded_not_fatal(
    damage: str, pack_dir: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    expected = load_pack(pack_dir, cache_dir=cache).pack
    (entry,) = cache.glob("*.json")
    entry.write_bytes(damage.replace("KEY", entry.stem).encode("utf-8", "surrogateescape"))
    again = load_pack(pack_dir, cache_dir=cache)
    assert not again.from_cache
    assert again.pack == expected
    assert load_pack(pack_dir, cache_dir=cache).from_cache  # rebuilt, and good again


def test_an_entry_that_passes_the_digest_but_cannot_be_built_is_discarded(
    pack_dir: Path, tmp_path: Path
) -> None:
    from thresholds_app.core.pack.cache import entry_text

    cache = tmp_path / "cache"
    expected = load_pack(pack_dir, cache_dir=cache).pack
    (entry,) = cache.glob("*.json")
    data: dict[str, object] = {"levels.yaml": {"levels": "not a list"}}
    entry.write_text(entry_text(entry.stem, data, {}), encoding="utf-8")
    again = load_pack(pack_dir, cache_dir=cache)
    assert not again.from_cache
    assert again.pack == expected


def test_an_entry_edited_in_place_keeping_its_digest_is_never_trusted(
    pack_dir: Path, tmp_path: Path
) -> None:
    """The digest covers the entry's text as written: one character changed is caught."""
    cache = tmp_path / "cache"
    assert _level_of_a_level_4_case(pack_dir, cache) == 4
    (entry,) = cache.glob("*.json")
    text = entry.read_text(encoding="utf-8")
    assert text.startswith('{"digest":"')
    entry.write_text(text.replace('"level": 4', '"level": 3'), encoding="utf-8")
    assert not load_pack(pack_dir, cache_dir=cache).from_cache
    assert _level_of_a_level_4_case(pack_dir, cache) == 4


def test_self_check_data_from_the_cache_is_built_on_first_use_and_is_right(
    pack_dir: Path, tmp_path: Path
) -> None:
    """A cached start skips the test cases, search queries and scenarios; asked for, they are
    the same as a fresh validation's (files and lines too), and the pack's own checks pass."""
    from thresholds_app.core.base.lazy import LazySequence
    from thresholds_app.core.rules.selfcheck import check_pack
    from thresholds_app.core.search.selfcheck import check_queries

    cache = tmp_path / "cache"
    fresh = load_pack(pack_dir, cache_dir=cache).pack
    cached = load_pack(pack_dir, cache_dir=cache)
    assert fresh is not None
    assert cached.pack is not None
    assert cached.from_cache
    pack = cached.pack
    lazy = (pack.tests, pack.scenarios, pack.search_queries.queries)
    assert all(isinstance(items, LazySequence) and not items.built for items in lazy)
    assert tuple(pack.tests) == tuple(fresh.tests)
    assert len(pack.tests) > 30
    assert tuple(pack.scenarios) == tuple(fresh.scenarios)
    assert len(pack.scenarios) > 10
    queries = pack.search_queries.queries
    assert tuple(queries) == tuple(fresh.search_queries.queries)
    assert len(queries) > 100
    assert all(case.file.startswith("tests/") and case.line > 0 for case in pack.tests)
    assert all(q.file == "tests/search.yaml" and q.line > 0 for q in queries)
    assert all(outcome.passed for outcome in check_pack(pack))
    assert check_queries(pack).passed
