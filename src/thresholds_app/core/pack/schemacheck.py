"""Checks parsed YAML against the pack's JSON Schemas, in words a content author understands.

jsonschema is imported only here, and only when a check actually runs, because importing it costs
more than the rest of start-up; validated packs are cached by content hash (see
:mod:`thresholds_app.core.pack.cache`) so the app normally never imports it at all.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from thresholds_app.core.base.problems import did_you_mean
from thresholds_app.core.pack.yamlsafe import YamlDocument
from thresholds_app.paths import schema_dir

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "a mapping of keys to values",
    "null": "nothing",
}


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing"


@cache
def _validator(name: str) -> Any:
    """Build (once) a Draft 2020-12 validator for ``<name>.schema.json``."""
    from jsonschema import Draft202012Validator
    from referencing import Registry, Resource

    # Each schema is self-contained (tools/gen_schemas.py inlines shared definitions), so the
    # registry holds just the one schema, for its own "#/$defs/..." references.
    schema = json.loads((schema_dir() / f"{name}.schema.json").read_text(encoding="utf-8"))
    registry: Registry[Any] = Registry().with_resource(
        schema["$id"], Resource.from_contents(schema)
    )
    return Draft202012Validator(schema, registry=registry)


def check_schema(doc: YamlDocument, schema_name: str) -> None:
    """Add a problem to ``doc`` for every way its data breaks the named schema."""
    if doc.data is None or doc.fatal:
        return
    validator = _validator(schema_name)
    for error in sorted(validator.iter_errors(doc.data), key=lambda e: list(map(str, e.path))):
        _report(doc, error)


def _report(doc: YamlDocument, error: Any) -> None:
    from jsonschema.exceptions import best_match

    if error.validator == "oneOf" and error.context:
        # Report the branch that came closest, not "is not valid under any of the given schemas".
        _report(doc, best_match(error.context))
        return
    path = tuple(error.absolute_path)
    kind = error.validator
    value = error.instance
    schema = error.schema
    if kind == "additionalProperties":
        known = list(schema.get("properties", {}))
        extras = [key for key in value if key not in known]
        for key in extras:
            doc.add(
                (*path, key),
                f"unknown key '{key}'{did_you_mean(key, known)}; allowed keys: {', '.join(known)}",
                key=True,
            )
        return
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        doc.add(path, f"the required key '{missing}' is missing", key=True)
        return
    if kind == "type":
        wanted = schema["type"]
        if isinstance(wanted, list) and "null" in wanted and len(wanted) == 2:
            wanted = next(w for w in wanted if w != "null")
        words = _TYPE_WORDS.get(wanted, wanted) if isinstance(wanted, str) else "another type"
        message = f"expected {words} but found {_describe(value)}"
        if wanted == "string" and isinstance(value, bool | int | float):
            message += "; put the value in quotes"
        doc.add(path, message)
        return
    if kind == "enum":
        options = [str(o) for o in schema["enum"]]
        hint = did_you_mean(str(value), options)
        doc.add(path, f"'{value}' is not allowed here{hint}; use one of: {', '.join(options)}")
        return
    if kind == "pattern":
        doc.add(path, f"'{value}' is not valid: {schema.get('x-pattern-message', error.message)}")
        return
    if kind == "minItems":
        doc.add(path, f"the list needs at least {schema['minItems']} item(s)")
        return
    if kind == "maxItems":
        doc.add(path, f"the list may hold at most {schema['maxItems']} item(s)")
        return
    if kind == "minLength":
        doc.add(path, "this text must not be empty")
        return
    if kind == "uniqueItems":
        doc.add(path, "the list holds the same item twice")
        return
    if kind in ("minimum", "maximum"):
        low, high = schema.get("minimum"), schema.get("maximum")
        if (low, high) == (1, 4):
            doc.add(path, f"level {value} does not exist; levels run from 1 to 4")
        else:
            doc.add(path, f"{value} is out of range ({error.message.split(' is ', 1)[-1]})")
        return
    doc.add(path, error.message)
