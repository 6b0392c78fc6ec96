"""The scenario library: find a pack's scenarios by level, theme, age band and referral pattern.

A trainer can also add a local scenario file (the pack's scenario format, checked with the same
schema and the same file:line messages) without changing the pack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from thresholds_app.core.base.plain_file import UnreadableFile, read_plain_file
from thresholds_app.core.base.problems import Problem
from thresholds_app.core.base.records import record
from thresholds_app.core.pack.model import Pack, Scenario

if TYPE_CHECKING:
    from thresholds_app.core.pack.yamlsafe import YamlDocument

Direction = Literal["over", "under"]
# Themes the pack uses to mark scenarios that practitioners commonly over- or under-refer.
DIRECTION_THEMES: dict[Direction, str] = {"over": "over-referral", "under": "under-referral"}
# A local scenario file is read only up to this size, as pack files are.
MAX_LOCAL_FILE_BYTES = 2 * 1024 * 1024


@record
class ScenarioFilter:
    """What the trainer is looking for; empty fields match everything."""

    level: int | None = None
    theme: str | None = None
    age_band: str | None = None
    direction: Direction | None = None
    text: str = ""


def referral_direction(scenario: Scenario) -> Direction | None:
    """Whether practitioners commonly over- or under-refer cases like this one (from its themes)."""
    for direction, theme in DIRECTION_THEMES.items():
        if theme in scenario.themes:
            return direction
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())


def _matches_text(scenario: Scenario, query: str) -> bool:
    wanted = _words(query)
    if not wanted:
        return True
    have = set(_words(" ".join((scenario.title, scenario.story, " ".join(scenario.themes)))))
    return all(any(word.startswith(w) for word in have) for w in wanted)


def filter_scenarios(scenarios: Iterable[Scenario], wanted: ScenarioFilter) -> list[Scenario]:
    """Return the scenarios that match every part of ``wanted``, in the pack's order."""
    return [
        s
        for s in scenarios
        if (wanted.level is None or s.expected_level == wanted.level)
        and (wanted.theme is None or wanted.theme in s.themes)
        and (wanted.age_band is None or s.age_band == wanted.age_band)
        and (wanted.direction is None or referral_direction(s) == wanted.direction)
        and _matches_text(s, wanted.text)
    ]


def themes(scenarios: Iterable[Scenario]) -> list[str]:
    """Every theme the scenarios use, sorted, for the library's filter list."""
    return sorted({theme for s in scenarios for theme in s.themes})


@record
class LocalScenarios:
    """A trainer's own scenario file: its scenarios, or the problems that stopped it loading."""

    path: str
    scenarios: tuple[Scenario, ...]
    problems: tuple[Problem, ...]


def load_local_scenarios(path: Path, pack: Pack) -> LocalScenarios:
    """Read a trainer's scenario file, checked as the pack's own scenario files are.

    The file must follow the pack's scenario schema, and every indicator, answer and level it
    names must exist in ``pack``; ids must not clash with the pack's own scenarios.
    """
    name = path.name
    try:
        raw = read_plain_file(path, MAX_LOCAL_FILE_BYTES)
    except UnreadableFile as why:
        return _refused(path, str(why))

    from thresholds_app.core.pack.build import scenarios_from
    from thresholds_app.core.pack.schemacheck import check_schema
    from thresholds_app.core.pack.yamlsafe import load_yaml

    doc = load_yaml(raw, name)
    if not doc.problems:
        check_schema(doc, "scenarios")
    if not doc.problems:
        _check_against_pack(doc, pack)
    if doc.problems:
        return LocalScenarios(str(path), (), tuple(doc.problems))
    return LocalScenarios(str(path), tuple(scenarios_from(doc.data, name)), ())


def _refused(path: Path, message: str) -> LocalScenarios:
    return LocalScenarios(str(path), (), (Problem(path.name, None, None, "", message),))


def _check_against_pack(doc: YamlDocument, pack: Pack) -> None:
    answerable = pack.answerable_ids()
    taken = {s.id for s in pack.scenarios}
    items: Sequence[dict[str, Any]] = doc.data.get("scenarios") or []
    seen: set[str] = set()
    for i, item in enumerate(items):
        scenario_id = str(item.get("id"))
        if scenario_id in taken or scenario_id in seen:
            doc.add(("scenarios", i, "id"), f"the id {scenario_id!r} is already used")
        seen.add(scenario_id)
        for j, indicator in enumerate(_list(item.get("key_indicators"))):
            if indicator not in pack.indicators:
                doc.add(
                    ("scenarios", i, "key_indicators", j),
                    f"{indicator!r} is not an indicator in {pack.manifest.title}",
                )
        others = item.get("other_answers")
        for key in others if isinstance(others, dict) else {}:
            if key not in answerable:
                doc.add(
                    ("scenarios", i, "other_answers", key),
                    f"{key!r} is not a question or indicator in {pack.manifest.title}",
                    key=True,
                )
        level = item.get("expected_level")
        if level is not None and level not in pack.levels:
            doc.add(("scenarios", i, "expected_level"), f"there is no Level {level} in this pack")


def _list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []
