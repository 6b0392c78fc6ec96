"""The shipped JSON Schemas are what their source writes; the source speaks core's vocabulary."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from thresholds_app.core.case.record import case_to_json, new_case
from thresholds_app.core.pack.vocabulary import AGE_BANDS, ANSWERS, CONDITION_FORMS
from thresholds_app.paths import schema_dir
from thresholds_app.schemas.source import SCHEMAS, render, stale, write


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_shipped_schema_equals_its_source(name: str) -> None:
    shipped = (schema_dir() / f"{name}.schema.json").read_text(encoding="utf-8")
    assert shipped == render(SCHEMAS[name]), "run: python -m thresholds_app.schemas.source"


def test_every_shipped_schema_has_a_source() -> None:
    shipped = {p.name.removesuffix(".schema.json") for p in schema_dir().glob("*.schema.json")}
    assert shipped == set(SCHEMAS)


def test_stale_names_a_schema_that_was_edited_by_hand(tmp_path: Path) -> None:
    write(tmp_path)
    assert stale(tmp_path) == []
    path = tmp_path / "case.schema.json"
    path.write_text(path.read_text(encoding="utf-8").replace("not-known", "unknown"), "utf-8")
    assert stale(tmp_path) == ["case"]


def test_every_schema_is_a_valid_schema() -> None:
    for schema in SCHEMAS.values():
        jsonschema.Draft202012Validator.check_schema(json.loads(render(schema)))


def test_the_vocabulary_reaches_the_schemas() -> None:
    rules = json.loads(render(SCHEMAS["rules"]))
    forms = [next(iter(f["properties"])) for f in rules["$defs"]["condition"]["oneOf"]]
    assert tuple(forms) == CONDITION_FORMS
    case = json.loads(render(SCHEMAS["case"]))
    assert case["properties"]["child"]["properties"]["age_band"]["enum"] == [None, *AGE_BANDS]
    answers = case["properties"]["answers"]["patternProperties"]
    assert list(answers.values()) == [{"enum": list(ANSWERS)}]


def test_a_new_case_passes_the_generated_schema() -> None:
    validator = jsonschema.Draft202012Validator(json.loads(render(SCHEMAS["case"])))
    assert list(validator.iter_errors(json.loads(case_to_json(new_case())))) == []
