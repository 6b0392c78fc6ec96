"""The readable source of the shipped JSON Schemas: edit here, then write them.

Dozens of near-identical "object with described properties and no unknown keys" blocks are
easier to keep right in Python, and the enums come from the one vocabulary in core
(:mod:`thresholds_app.core.pack.vocabulary`, the case record's own fields). The schemas ship as
self-contained JSON next to this package; ``tests/test_schemas.py`` fails when they differ.

    python -m thresholds_app.schemas.source          # write the schemas
    python -m thresholds_app.schemas.source --check  # exit 1 if the shipped ones differ
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from thresholds_app.schemas.source.case import CASE
from thresholds_app.schemas.source.guidance_files import CONSENT, CONTACTS, STEPPING
from thresholds_app.schemas.source.pack_files import DOMAIN, LEVELS_FILE, PACK, QUESTIONS, TOPIC
from thresholds_app.schemas.source.parts import COMMON, Schema
from thresholds_app.schemas.source.rules import RULES
from thresholds_app.schemas.source.training_files import ENGINE_TESTS, SCENARIOS

#: Each shipped ``NAME.schema.json`` and the schema it is written from.
SCHEMAS: dict[str, Schema] = {
    "pack": PACK,
    "levels": LEVELS_FILE,
    "questions": QUESTIONS,
    "domain": DOMAIN,
    "topic": TOPIC,
    "rules": RULES,
    "consent": CONSENT,
    "stepping": STEPPING,
    "contacts": CONTACTS,
    "scenarios": SCENARIOS,
    "tests": ENGINE_TESTS,
    "case": CASE,
}


def shipped_dir() -> Path:
    """The folder the schemas ship in (this package's parent)."""
    return Path(__file__).resolve().parent.parent


def inline_common(node: Any) -> Any:
    """Replace references to common.schema.json with copies of the definitions.

    jsonschema resolves every $ref through the referencing library on every instance, which made
    validating the full pack take a second; inlined definitions validate several times faster.
    """
    if isinstance(node, dict):
        target = node.get("$ref", "")
        if isinstance(target, str) and target.startswith("common.schema.json#/$defs/"):
            definition = COMMON["$defs"][target.rsplit("/", 1)[1]]
            rest = {k: v for k, v in node.items() if k != "$ref"}
            return inline_common({**definition, **rest})
        return {k: inline_common(v) for k, v in node.items()}
    if isinstance(node, list):
        return [inline_common(v) for v in node]
    return node


def render(schema: Schema) -> str:
    """The schema as shipped: inlined, indented JSON with a final newline."""
    return json.dumps(inline_common(schema), indent=2, ensure_ascii=False) + "\n"


def stale(folder: Path | None = None) -> list[str]:
    """Names of the shipped schemas that are missing or differ from their source."""
    folder = folder or shipped_dir()
    out = []
    for name, schema in SCHEMAS.items():
        path = folder / f"{name}.schema.json"
        if not path.is_file() or path.read_text(encoding="utf-8") != render(schema):
            out.append(name)
    return out


def write(folder: Path | None = None) -> None:
    """Write every schema from its source."""
    folder = folder or shipped_dir()
    for name, schema in SCHEMAS.items():
        (folder / f"{name}.schema.json").write_text(render(schema), encoding="utf-8")


def main(argv: Sequence[str]) -> int:
    """Write the schemas, or with ``--check`` list the stale ones and return 1."""
    if "--check" in argv:
        names = stale()
        for name in names:
            print(f"{name}.schema.json is out of date: run python -m thresholds_app.schemas.source")
        return 1 if names else 0
    write()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
