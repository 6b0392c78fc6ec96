"""The fast case-schema check (fastjsonschema) and jsonschema agree on what is a valid case."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

from thresholds_app.core.case.reading import _case_schema, _fast_check
from thresholds_app.core.case.reviews import upgrade_document
from thresholds_app.paths import examples_dir

EXAMPLE = upgrade_document(
    json.loads((examples_dir() / "level-4-sibling-group.json").read_text("utf-8"))
)
VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-2, 6),
    st.text(max_size=3),
    st.lists(st.integers(0, 3), max_size=2),
    st.dictionaries(st.sampled_from(["x", "level", "id"]), st.integers(0, 4), max_size=2),
)


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _paths(value, (*prefix, index))
    return out


PATHS = _paths(EXAMPLE)[1:]


def _fast_ok(doc: Any) -> bool:
    import fastjsonschema

    try:
        _fast_check()(doc)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PATHS), VALUES, st.booleans())
def test_fast_and_full_checks_agree(path: tuple[Any, ...], value: Any, add: bool) -> None:
    doc = json.loads(json.dumps(EXAMPLE))
    node = doc
    for step in path[:-1]:
        node = node[step]
    if add and isinstance(node, dict):
        node[f"{path[-1]}x"] = value  # an unknown field
    else:
        node[path[-1]] = value
    full_ok = jsonschema.Draft202012Validator(_case_schema()).is_valid(doc)
    assert _fast_ok(doc) == full_ok


def test_the_example_is_valid_for_both() -> None:
    assert _fast_ok(EXAMPLE)
    assert jsonschema.Draft202012Validator(_case_schema()).is_valid(EXAMPLE)
