"""The scenario library's filters and a trainer's own scenario file."""

from __future__ import annotations

from pathlib import Path

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.training.library import (
    ScenarioFilter,
    filter_scenarios,
    load_local_scenarios,
    referral_direction,
    themes,
)


def test_filters_by_level_theme_age_and_direction(pack: Pack) -> None:
    level_4 = filter_scenarios(pack.scenarios, ScenarioFilter(level=4))
    assert level_4
    assert all(s.expected_level == 4 for s in level_4)
    over = filter_scenarios(pack.scenarios, ScenarioFilter(direction="over"))
    assert over
    assert all(referral_direction(s) == "over" for s in over)
    under = filter_scenarios(pack.scenarios, ScenarioFilter(direction="under"))
    assert under
    assert not set(map(id, under)) & set(map(id, over))
    babies = filter_scenarios(pack.scenarios, ScenarioFilter(age_band="under-1", level=1))
    assert babies
    assert all(s.age_band == "under-1" and s.expected_level == 1 for s in babies)
    assert "domestic-abuse" in themes(pack.scenarios)
    abuse = filter_scenarios(pack.scenarios, ScenarioFilter(theme="domestic-abuse"))
    assert abuse
    assert all("domestic-abuse" in s.themes for s in abuse)


def test_text_search_matches_words_in_the_story(pack: Pack) -> None:
    found = filter_scenarios(pack.scenarios, ScenarioFilter(text="football bruise"))
    assert [s.id for s in found] == ["sc-l1-bruised-shin-football"]
    assert filter_scenarios(pack.scenarios, ScenarioFilter(text="zebra")) == []


LOCAL = """\
scenarios:
  - id: local-hungry-nine-year-old
    title: A hungry nine-year-old
    story: >-
      Sam is nine and often arrives hungry and in the same clothes.
    age_band: 5-10
    key_indicators: [{indicator}]
    other_answers:
      immediate-danger: "no"
    expected_level: 2
    themes: [neglect]
    good_rationale_mentions: [What Sam says about breakfast]
    discussion_points: [Whether this is Level 2 or 3]
"""


def test_a_local_file_loads_when_it_fits_the_pack(pack: Pack, tmp_path: Path) -> None:
    indicator = next(iter(pack.indicators))
    path = tmp_path / "local.yaml"
    path.write_text(LOCAL.format(indicator=indicator), encoding="utf-8")
    local = load_local_scenarios(path, pack)
    assert local.problems == ()
    assert [s.id for s in local.scenarios] == ["local-hungry-nine-year-old"]
    assert local.scenarios[0].file == "local.yaml"


def test_a_local_file_with_mistakes_gives_file_and_line(pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    text = LOCAL.format(indicator="no-such-indicator").replace(
        'immediate-danger: "no"', 'immediate-dangr: "no"'
    )
    path.write_text(text, encoding="utf-8")
    messages = [str(p) for p in load_local_scenarios(path, pack).problems]
    assert any(m.startswith("mine.yaml:7:") and "no-such-indicator" in m for m in messages), (
        messages
    )
    assert any(m.startswith("mine.yaml:9:") and "immediate-dangr" in m for m in messages), messages
    bad_level = tmp_path / "level.yaml"
    bad_level.write_text(LOCAL.format(indicator="x").replace("level: 2", "level: 7"), "utf-8")
    messages = [str(p) for p in load_local_scenarios(bad_level, pack).problems]
    assert any(m.startswith("level.yaml:10:") for m in messages), messages


def test_a_local_file_breaking_the_schema_is_refused(pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("scenarios:\n  - id: x\n    titel: typo\n", encoding="utf-8")
    local = load_local_scenarios(path, pack)
    assert local.scenarios == ()
    assert local.problems
    assert all(p.file == "bad.yaml" for p in local.problems)


def test_a_clashing_id_and_an_unreadable_file_are_refused(pack: Pack, tmp_path: Path) -> None:
    path = tmp_path / "clash.yaml"
    text = LOCAL.format(indicator=next(iter(pack.indicators))).replace(
        "local-hungry-nine-year-old", pack.scenarios[0].id
    )
    path.write_text(text, encoding="utf-8")
    assert "already used" in str(load_local_scenarios(path, pack).problems[0])
    missing = load_local_scenarios(tmp_path / "gone.yaml", pack)
    assert "could not be found" in missing.problems[0].message
