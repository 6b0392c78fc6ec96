"""The one hardened YAML reader: the only place in the app that parses YAML.

It walks the parser's events itself rather than letting PyYAML build objects, so that it can:

- refuse anchors, aliases, merge keys, tags and duplicate keys (each of which can silently change
  what a pack says, or blow up memory: the "billion laughs" attack);
- bound file size, nesting depth and the number of nodes before anything large is built;
- catch YAML 1.1 surprises: an unquoted ``yes``/``no``/``on``/``off`` read as true/false, a date
  read as a date, ``17:20`` read as a number of minutes, ``0123`` read as octal;
- remember the line and column of every value and every key, so that later checks can say where
  a problem is.

Problems are collected, never raised: the caller gets data (possibly partial) and a list of
problems. Text is decoded strictly as UTF-8 before parsing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from thresholds_app.core.base.dependencies import require_safe
from thresholds_app.core.base.problems import Problem, format_path
from thresholds_app.core.pack.files import MAX_BYTES

require_safe("PyYAML", yaml.__version__)

MAX_DEPTH = 64
MAX_NODES = 50_000
# No number in a pack (a level, a count, a number of days) comes near this; Python refuses to
# convert integers of over 4,300 digits, and a long one is almost certainly a typing slip.
MAX_NUMBER_DIGITS = 15

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

Path = tuple[str | int, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$")
_YAML11_BOOL = re.compile(r"^(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$")
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$")
_YAML11_INT = re.compile(
    r"^[-+]?(?:0b[0-1_]+|0[0-7_]+|0x[0-9a-fA-F_]+|[1-9][0-9_]*(?::[0-5]?[0-9])+|[0-9][0-9_]*_[0-9_]*)$"
)
_FLOAT = re.compile(
    r"^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$"
)
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")
_TIMESTAMP = re.compile(r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?$")


@dataclass
class YamlDocument:
    """A parsed YAML file: its data, where each value and key sits, and what was wrong."""

    file: str
    data: Any = None
    value_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: True when the file used a construct that makes its data untrustworthy (aliases, tags,
    #: merge keys, several documents): later checks skip it rather than report echoes.
    fatal: bool = False
    #: How many values the file holds (counted while reading; for the pack-wide limit).
    nodes: int = 0

    def where(self, path: Path, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column (1-based) of the value (or key) at ``path``, or its nearest parent."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(path)
        while True:
            if probe in marks:
                return marks[probe]
            if key and probe in self.value_marks:
                return self.value_marks[probe]
            if not probe:
                return (None, None)
            probe = probe[:-1]

    def add(self, path: Path, message: str, *, key: bool = False) -> None:
        """Record a problem at ``path``."""
        line, column = self.where(path, key=key)
        self.problems.append(Problem(self.file, line, column, format_path(path), message))


class _Stop(Exception):
    """Raised inside the walk to abandon a file that exceeds a hard limit."""


def decode_text(raw: bytes, doc: YamlDocument) -> str | None:
    """Decode bytes as UTF-8 text, or record why they are not text."""
    if len(raw) > MAX_BYTES:
        size = len(raw) / (1024 * 1024)
        doc.add((), f"the file is {size:.1f} MiB; a pack file may be at most 2 MiB")
        return None
    if b"\x00" in raw:
        doc.add((), "this looks like a binary file, not YAML text")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        doc.problems.append(
            Problem(
                doc.file,
                line,
                None,
                "",
                f"the file is not valid UTF-8 text (byte 0x{raw[exc.start]:02x}); save it as UTF-8",
            )
        )
        return None


def load_yaml(raw: bytes, file: str, *, max_nodes: int = MAX_NODES) -> YamlDocument:
    """Parse one YAML file safely; problems are collected in the result, never raised.

    ``max_nodes`` lowers the limit on values, so a pack can bound its files together.
    """
    doc = YamlDocument(file)
    text = decode_text(raw, doc)
    if text is None:
        return doc
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        doc.add((), "the file is empty")
        return doc
    walker = _Walker(doc, max_nodes)
    try:
        events = yaml.parse(text, Loader=_Loader)
        doc.data = walker.walk(events)
    except _Stop:
        doc.data = None
    except yaml.MarkedYAMLError as exc:
        doc.data = None
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        doc.problems.append(Problem(file, line, col, "", _syntax_message(exc, text)))
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked errors are rare
        doc.data = None
        doc.add((), f"the YAML could not be read: {exc}")
    except RecursionError:  # pragma: no cover - depth is bounded before this
        doc.data = None
        doc.add((), "the file is nested too deeply")
    doc.nodes = walker.nodes
    return doc


def _syntax_message(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = str(exc.problem or "")
    mark = exc.problem_mark
    if mark is not None:
        lines = text.splitlines()
        bad_line = lines[mark.line] if mark.line < len(lines) else ""
        if "\t" in bad_line[: mark.column + 1]:
            return "a tab character is used for indentation; indent with spaces only"
    context = f" {exc.context}" if exc.context else ""
    return f"the YAML is not well formed:{context} {problem}".replace("  ", " ").strip()


class _Walker:
    """Builds plain Python data from parser events, checking as it goes."""

    def __init__(self, doc: YamlDocument, max_nodes: int = MAX_NODES) -> None:
        self.doc = doc
        self.max_nodes = max_nodes
        self.nodes = 0
        self.documents = 0
        self.aliases = 0

    def walk(self, events: Any) -> Any:
        self._events = iter(events)
        data: Any = None
        for event in self._events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                value = self._node(next(self._events), (), 0)
                if self.documents == 1:
                    data = value
                else:
                    self._problem(event, (), "a pack file must hold one YAML document, not several")
                    self.doc.fatal = True
        if self.aliases > 1:
            self.doc.add((), f"...and {self.aliases - 1} more aliases")
        return data

    def _problem(self, event: Any, path: Path, message: str) -> None:
        mark: Any = event.start_mark
        self.doc.problems.append(
            Problem(self.doc.file, mark.line + 1, mark.column + 1, format_path(path), message)
        )

    def _count(self, event: Any, path: Path, depth: int) -> None:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            if self.max_nodes < MAX_NODES:
                message = "the pack holds too many values in all; this file goes past the limit"
            else:
                message = f"the file has more than {MAX_NODES} values; split it up"
            self._problem(event, path, message)
            raise _Stop
        if depth > MAX_DEPTH:
            self._problem(event, path, f"the file is nested more than {MAX_DEPTH} levels deep")
            raise _Stop
        if getattr(event, "anchor", None):
            self._problem(
                event, path, f"anchors (&{event.anchor}) are not allowed; repeat the text"
            )
            self.doc.fatal = True
        tag = getattr(event, "tag", None)
        if tag:
            self._problem(event, path, f"tags ({tag}) are not allowed in a pack")
            self.doc.fatal = True

    def _node(self, event: Any, path: Path, depth: int) -> Any:
        mark = event.start_mark
        self.doc.value_marks[path] = (mark.line + 1, mark.column + 1)
        if isinstance(event, yaml.AliasEvent):
            self.aliases += 1
            if self.aliases == 1:
                self._problem(
                    event, path, f"aliases (*{event.anchor}) are not allowed; repeat the text"
                )
            self.doc.fatal = True
            return None
        self._count(event, path, depth)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event, path)
        if isinstance(event, yaml.SequenceStartEvent):
            items: list[Any] = []
            for child in self._events:
                if isinstance(child, yaml.SequenceEndEvent):
                    break
                items.append(self._node(child, (*path, len(items)), depth + 1))
            return items
        if isinstance(event, yaml.MappingStartEvent):
            return self._mapping(path, depth)
        raise _Stop  # pragma: no cover - the parser only yields the events above here

    def _mapping(self, path: Path, depth: int) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        for key_event in self._events:
            if isinstance(key_event, yaml.MappingEndEvent):
                break
            if not isinstance(key_event, yaml.ScalarEvent):
                self._problem(key_event, path, "a key must be plain text, not a list or mapping")
                self._node(key_event, (*path, "?"), depth + 1)
                self._node(next(self._events), (*path, "?"), depth + 1)
                continue
            self._count(key_event, path, depth + 1)
            key = key_event.value
            key_path = (*path, key)
            if key == "<<" and not key_event.style:
                self._problem(key_event, path, "merge keys (<<) are not allowed; repeat the text")
                self.doc.fatal = True
            elif key in mapping:
                self._problem(key_event, key_path, f"the key '{key}' appears twice here")
            mark: Any = key_event.start_mark
            if key not in mapping:
                self.doc.key_marks[key_path] = (mark.line + 1, mark.column + 1)
            value = self._node(next(self._events), key_path, depth + 1)
            if key not in mapping:
                mapping[key] = value
        return mapping

    def _scalar(self, event: Any, path: Path) -> Any:
        value: str = event.value
        if not event.implicit[0] or event.style:
            return value  # quoted or block text: always a string
        if _NULL.match(value):
            return None
        if _BOOL.match(value):
            return value.lower() == "true"
        if _YAML11_BOOL.match(value):
            self._problem(
                event,
                path,
                f"unquoted {value} is read as true/false by YAML; "
                f'write "{value}" in quotes if you mean the word',
            )
            return value
        if _INT.match(value):
            if len(value.lstrip("+-")) > MAX_NUMBER_DIGITS:
                self._problem(
                    event,
                    path,
                    f"this number has {len(value.lstrip('+-'))} digits, more than any pack uses; "
                    "write it in quotes if it is text",
                )
                return value
            return int(value)
        if _YAML11_INT.match(value):
            self._problem(
                event,
                path,
                f"{value} would be read as a number in an unexpected way; "
                f'write "{value}" in quotes',
            )
            return value
        if _FLOAT.match(value):
            try:
                return float(value.replace("_", ""))
            except ValueError:  # "." or ".inf": not a number an author means; keep the text
                return value
        if _NAN.match(value):
            self._problem(event, path, f'{value} is not a usable number; write "{value}" in quotes')
            return value
        if _TIMESTAMP.match(value):
            self._problem(
                event, path, f'{value} is read as a date by YAML; write "{value}" in quotes'
            )
            return value
        return value
