"""Building blocks for the schemas: described objects, shared definitions, the vocabulary.

Every enum of answers, age bands, levels and kinds comes from
:mod:`thresholds_app.core.pack.vocabulary`, the one place those words are defined.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from thresholds_app.core.pack.vocabulary import AGE_BANDS, ANSWERS, LEVELS

Schema = dict[str, Any]

DRAFT = "https://json-schema.org/draft/2020-12/schema"
BASE = "https://thresholds-app.invalid/schemas/"


def obj(desc: str, props: Schema, required: Iterable[str] = (), **kw: Any) -> Schema:
    """An object with described properties and no unknown keys."""
    d: Schema = {
        "type": "object",
        "description": desc,
        "additionalProperties": False,
        "properties": props,
    }
    required = list(required)
    if required:
        d["required"] = required
    d.update(kw)
    return d


def ref(name: str, desc: str) -> Schema:
    """A reference to a shared definition (inlined when rendered)."""
    return {"$ref": f"common.schema.json#/$defs/{name}", "description": desc}


def text(desc: str, **kw: Any) -> Schema:
    """A non-empty string."""
    return {"type": "string", "minLength": 1, "description": desc, **kw}


def texts(desc: str, min_items: int = 1, **kw: Any) -> Schema:
    """A list of non-empty strings."""
    return {
        "type": "array",
        "description": desc,
        "minItems": min_items,
        "items": {"type": "string", "minLength": 1},
        **kw,
    }


def ids(desc: str, min_items: int = 0) -> Schema:
    """A list of distinct ids."""
    return {
        "type": "array",
        "description": desc,
        "minItems": min_items,
        "items": {"$ref": "common.schema.json#/$defs/id"},
        "uniqueItems": True,
    }


NULLABLE_LEVEL: Schema = {
    "type": ["integer", "null"],
    "minimum": LEVELS[0],
    "maximum": LEVELS[-1],
    "description": "The level the guidance indicates (1-4), or null for insufficient information.",
}

COMMON: Schema = {
    "$schema": DRAFT,
    "$id": BASE + "common.schema.json",
    "title": "Shared definitions for guidance pack files",
    "$defs": {
        "id": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]*$",
            "maxLength": 80,
            "description": "An identifier: lower-case letters, digits and hyphens.",
            "x-pattern-message": "an id may only use lower-case letters, digits and hyphens, starting with a letter or digit",
        },
        "source": {
            "type": "string",
            "pattern": "^[a-z0-9][a-z0-9-]*$",
            "description": "The id of an entry in pack.yaml's sources list.",
            "x-pattern-message": "a source is the id of an entry in pack.yaml's sources list",
        },
        "level": {
            "type": "integer",
            "minimum": LEVELS[0],
            "maximum": LEVELS[-1],
            "description": "A level of need, 1 to 4.",
        },
        "age_band": {
            "enum": list(AGE_BANDS),
            "description": "An age band.",
        },
        "answer": {
            "enum": list(ANSWERS),
            "description": "An answer: yes, no or not-known (always in quotes).",
        },
        "date": {
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": 'A date written "YYYY-MM-DD" in quotes.',
            "x-pattern-message": 'a date is written "YYYY-MM-DD" in quotes',
        },
        "time": {
            "type": "string",
            "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$",
            "description": 'A time written "HH:MM" (24-hour) in quotes.',
            "x-pattern-message": 'a time is written "HH:MM" (24-hour) in quotes',
        },
        "timescale": obj(
            "Something that should happen and by when.",
            {"what": text("What should happen."), "when": text("By when.")},
            ["what", "when"],
        ),
    },
}
