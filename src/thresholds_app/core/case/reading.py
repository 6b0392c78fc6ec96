"""Reading a case file: every problem, located and in plain English, with the work bounded.

The checks run cheapest first so that a large or hostile file is refused quickly: size before
reading, UTF-8 before parsing, depth and the number of values while parsing (before anything big
is built), the file's kind and version before the schema, and then the schema itself, stopping
after :data:`MAX_PROBLEMS`. Each problem is a :class:`~thresholds_app.core.base.problems.Problem`
with the line and column, as for guidance packs, so the app, ``thresholds`` and a batch review
can list them per file. The limits were set from measurement (``docs/case-file.md``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from thresholds_app.core.base.jsonread import JsonDocument, JsonLimits, read_json
from thresholds_app.core.base.plain_file import UnreadableFile, read_plain_file
from thresholds_app.core.base.problems import Problem, did_you_mean, format_path
from thresholds_app.core.case.limits import MAX_CASE_TEXT
from thresholds_app.core.case.reviews import upgrade_document

CASE_FORMAT = "thresholds-case"
CASE_FORMAT_VERSION = 2  # 2: structured MASH reviews (format 1 is upgraded on reading)
MAX_CASE_BYTES = 20 * 1024 * 1024  # a case is text; anything bigger is not ours
MAX_PROBLEMS = 25  # enough to act on; more would only bury the first ones
CASE_LIMITS = JsonLimits(
    max_depth=32, max_values=20_000, max_number_chars=40, max_text_chars=MAX_CASE_TEXT
)


class CaseFileError(Exception):
    """A case file cannot be used. ``problems`` lists what is wrong, each located if it can be."""

    def __init__(self, name: str, problems: Sequence[Problem]) -> None:
        self.name = name
        self.problems = tuple(problems)
        super().__init__(self.describe())

    def describe(self) -> str:
        """Plain text for the practitioner: a first line, then one line per problem."""
        if len(self.problems) == 1 and self.problems[0].line is None:
            return f"{self.name}: {self.problems[0].message}"
        count = "1 problem" if len(self.problems) == 1 else f"{len(self.problems)} problems"
        lines = [f"{self.name} cannot be opened ({count}):"]
        lines += [f"  {place_words(p)}{p.message}" for p in self.problems]
        return "\n".join(lines)


def place_words(problem: Problem) -> str:
    """``"Line 12, column 5: "`` for a located problem, else an empty string."""
    if problem.line is None:
        return ""
    return f"Line {problem.line}, column {problem.column or 1}: "


@dataclass(frozen=True)
class CaseDocument:
    """A case document that passed every check, with where each part of it sits."""

    data: dict[str, Any]
    source: JsonDocument
    notices: tuple[Problem, ...]

    def problem(self, path: tuple[str | int, ...], message: str, *, key: bool = False) -> Problem:
        """A problem located at ``path`` in this file (used by checks against a pack)."""
        return self.source.problem_at(self.source.offset_of(path, key=key), path, message)


def read_case_bytes(path: Path) -> bytes:
    """Read a case file's bytes; refuse what is missing, not a plain file, empty or too large.

    It never waits on a pipe or a device typed into the file dialog (``core/base/plain_file``).
    """
    try:
        return read_plain_file(path, MAX_CASE_BYTES)
    except UnreadableFile as why:
        raise refuse(path.name, f"{why}.") from None


def check_case_text(raw: bytes | str, name: str) -> CaseDocument:
    """Check case JSON and return it; raise :class:`CaseFileError` listing every problem."""
    if isinstance(raw, bytes):
        if len(raw) > MAX_CASE_BYTES:
            raise refuse(name, "the file is too large to be a case file.")
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = raw.count(b"\n", 0, exc.start) + 1
            column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
            message = "it is not a case file (it is not UTF-8 text)."
            raise CaseFileError(name, [Problem(name, line, column, "", message)]) from None
    else:
        text = raw
    doc = read_json(text, name, CASE_LIMITS)
    if doc.fatal:
        raise CaseFileError(name, doc.problems[:MAX_PROBLEMS])
    data = doc.data
    if not isinstance(data, dict) or data.get("format") != CASE_FORMAT:
        raise refuse(name, "it is not a thresholds case file.")
    version = data.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        where = doc.offset_of(("format_version",))
        message = "its format version is missing or not a whole number."
        raise CaseFileError(name, [doc.problem_at(where, ("format_version",), message)])
    if version > CASE_FORMAT_VERSION:
        raise refuse(
            name,
            f"it was saved by a newer version of the app (case format {version}; this app "
            f"reads up to {CASE_FORMAT_VERSION}). Open it with the newer version.",
        )
    doc.data = data = upgrade_document(data)
    problems = [*doc.problems, *float_problems(doc)]
    problems += schema_problems(doc, MAX_PROBLEMS + 1 - len(problems))
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        if len(problems) > MAX_PROBLEMS:
            stop = f"Stopped after {MAX_PROBLEMS} problems; there may be more."
            problems = [*problems[:MAX_PROBLEMS], Problem(name, None, None, "", stop)]
        raise CaseFileError(name, problems)
    return CaseDocument(data=data, source=doc, notices=tuple(doc.notices))


def float_problems(doc: JsonDocument) -> list[Problem]:
    """Every whole number written with a decimal point (``4.0``): a case holds only integers.

    JSON Schema counts ``4.0`` as an integer, so without this a decision of ``4.0`` was read and
    printed as "Level 4.0". Other decimals (``2.5``) are the schema's to refuse, in its words.
    """
    out: list[Problem] = []

    def walk(value: Any, path: tuple[str | int, ...]) -> None:
        if isinstance(value, float) and value.is_integer():
            where = format_path(path) or "the top level"
            message = f"{where} should be a whole number, such as {int(value)}, not {value!r}."
            out.append(doc.problem_at(doc.offset_of(path), path, message))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(item, (*path, key))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                walk(item, (*path, index))

    walk(doc.data, ())
    return out[:MAX_PROBLEMS]


def refuse(name: str, message: str) -> CaseFileError:
    """A CaseFileError for one problem that has no line (the whole file is unusable)."""
    return CaseFileError(name, [Problem(name, None, None, "", message)])


@lru_cache(maxsize=1)
def _case_schema() -> dict[str, Any]:
    from thresholds_app.paths import schema_dir

    schema: dict[str, Any] = json.loads(
        (schema_dir() / "case.schema.json").read_text(encoding="utf-8")
    )
    return schema


@lru_cache(maxsize=1)
def _validator() -> Any:
    import jsonschema  # imported here: only opening a file pays for it

    return jsonschema.Draft202012Validator(_case_schema())


@lru_cache(maxsize=1)
def _fast_check() -> Callable[[Any], object]:
    # fastjsonschema compiles the schema to Python once (about 0.2 s): a good case is then
    # accepted in a fraction of a millisecond, which a folder of 500 files needs (jsonschema
    # takes several ms a file). It knows drafts up to 7; the case schema uses only keywords
    # that mean the same in 2020-12, and a test checks the two agree.
    import fastjsonschema

    check: Callable[[Any], object] = fastjsonschema.compile(_case_schema())
    return check


def schema_problems(doc: JsonDocument, limit: int) -> list[Problem]:
    """Plain, located problems for the first ``limit`` ways the document breaks the schema.

    The validator is lazy and walks in a fixed order (the schema avoids jsonschema's set-ordered
    keywords), so stopping early bounds the work and the same file gives the same problems.
    """
    import fastjsonschema

    try:
        _fast_check()(doc.data)
    except fastjsonschema.JsonSchemaException:
        pass  # jsonschema explains what is wrong
    else:
        return []
    out: list[Problem] = []
    for error in islice(_validator().iter_errors(doc.data), max(0, limit)):
        out.extend(_translate(doc, error))
    return out[: max(0, limit)]


_KINDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
    "object": "a group of fields in { }",
    "array": "a list in [ ]",
}


def _kind_of(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    return "a list" if isinstance(value, list) else "a group of fields"


def _short(key: str) -> str:
    return key if len(key) <= 40 else key[:39] + "…"


def _translate(doc: JsonDocument, error: Any) -> Iterable[Problem]:
    path = tuple(error.path)
    where = format_path(path) or "the top level"
    keyword = error.validator
    value = error.validator_value
    instance = error.instance

    def at(message: str, spot: tuple[str | int, ...] = path, *, key: bool = False) -> Problem:
        return doc.problem_at(doc.offset_of(spot, key=key), spot, message)

    if keyword == "additionalProperties" and isinstance(instance, dict):
        known = list(error.schema.get("properties", {}))
        patterns = [re.compile(p) for p in error.schema.get("patternProperties", {})]
        for extra in (k for k in instance if k not in known):
            if any(p.search(extra) for p in patterns):
                continue
            if patterns:  # a map keyed by ids, such as the answers
                message = (
                    f"{where} has '{_short(extra)}', which is not an id (ids use lower-case "
                    "letters, digits and hyphens)."
                )
            else:
                message = (
                    f"{where} has a field this app does not know, '{_short(extra)}'"
                    f"{did_you_mean(extra, known)}."
                )
            yield at(message, (*path, extra), key=True)
    elif keyword == "required" and isinstance(instance, dict):
        for missing in (r for r in value if r not in instance):
            yield at(f"{where} is missing the field '{missing}'.")
    elif keyword == "type":
        wanted = [value] if isinstance(value, str) else list(value)
        words = " or ".join(_KINDS.get(w, w) for w in wanted)
        yield at(f"{where} should be {words}, not {_kind_of(instance)}.")
    elif keyword == "enum":
        allowed = ", ".join(json.dumps(v) for v in value)
        hint = did_you_mean(instance, [v for v in value if v]) if isinstance(instance, str) else ""
        yield at(f"{where} should be one of {allowed}{hint}.")
    elif keyword == "const":
        yield at(f"{where} should be {json.dumps(value)}.")
    elif keyword in ("minimum", "maximum"):
        bound = "at least" if keyword == "minimum" else "at most"
        yield at(f"{where} should be {bound} {value}.")
    elif keyword == "pattern":
        yield at(f"{where} is not written in the expected form.")
    elif keyword == "maxItems" and isinstance(instance, list):
        yield at(f"{where} lists {len(instance)} rows; a case file holds at most {value}.")
    else:
        yield at(f"{where} holds something this app cannot use here.")
