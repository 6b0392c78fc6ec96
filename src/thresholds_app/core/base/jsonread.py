r"""The one JSON reader for files people bring in (case files): strict, bounded, and located.

``json.loads`` cannot say where a value sits, keeps the *last* of two equal keys without a word
(``"immediate-danger": "yes"`` then ``"no"`` silently loses an emergency), and builds every object
of a hostile file before anything can be checked. This reader walks the text itself, using the
standard library's own C string scanner (``json.decoder.scanstring``) and number pattern, so that
it can:

- remember the line and column of every value and every key, for plain located messages;
- refuse duplicate keys, naming the line of the second one;
- bound nesting depth, the number of values and the length of a number before they are built;
- replace a lone surrogate (half of a character, e.g. ``"\ud83d"``) with U+FFFD and say where:
  such text cannot be written as UTF-8, printed or encrypted, so it would break every later step.

Problems are collected, never raised, as the same
:class:`~thresholds_app.core.base.problems.Problem` the pack reader uses. A syntax error or a
broken limit stops the walk (``fatal``).
"""

from __future__ import annotations

import bisect
import json.decoder
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import islice
from json.scanner import NUMBER_RE
from typing import Any

from thresholds_app.core.base.problems import Problem, format_path

Path = tuple[str | int, ...]

# The standard library's string scanner (C when available); typeshed does not declare it.
_Scan = Callable[[str, int, bool], tuple[str, int]]
scanstring: _Scan = json.decoder.scanstring  # type: ignore[attr-defined]

REPLACEMENT = "\ufffd"
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
_SPACE = re.compile(r"[ \t\n\r]*")


def without_lone_surrogates(text: str) -> str:
    """Return ``text`` with each lone surrogate (half a character) replaced by U+FFFD.

    A Python string holds a surrogate code point only when it is unpaired: such text cannot be
    encoded as UTF-8, so every writer of user text passes it through here first.
    """
    return _LONE_SURROGATE.sub(REPLACEMENT, text)


@dataclass(frozen=True)
class JsonLimits:
    """How much a file may hold before it is refused without being built."""

    max_depth: int = 32
    max_values: int = 20_000
    max_number_chars: int = 40
    max_problems: int = 25  # problems (and notices) recorded before the walk gives up
    max_lone_surrogates: int = 1_000  # half-characters replaced before the file is refused
    max_text_chars: int | None = None  # characters in all string values together


@dataclass
class JsonDocument:
    """A parsed JSON file: its data, where each value and key sits, and what was wrong."""

    file: str
    text: str = ""
    data: Any = None
    value_offsets: dict[Path, int] = field(default_factory=dict)
    key_offsets: dict[Path, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    #: Things changed on reading that the reader should be told about (replaced characters).
    notices: list[Problem] = field(default_factory=list)
    #: True when the walk stopped early: ``data`` is incomplete and must not be used.
    fatal: bool = False
    _lines: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """Return the 1-based line and column of a character offset in the text."""
        # Count on from the nearest offset already placed: a 20 MB file is counted about once.
        known = bisect.bisect_right(self._lines, (offset, sys.maxsize)) - 1
        since, line = self._lines[known] if known >= 0 else (0, 1)
        line += self.text.count("\n", since, offset)
        bisect.insort(self._lines, (offset, line))
        start = self.text.rfind("\n", 0, offset) + 1
        return line, offset - start + 1

    def problem_at(self, offset: int | None, path: Path, message: str) -> Problem:
        """Return a :class:`Problem` at ``offset`` (or with no line when it is ``None``)."""
        if offset is None:
            return Problem(self.file, None, None, format_path(path), message)
        line, column = self.line_col(offset)
        return Problem(self.file, line, column, format_path(path), message)

    def offset_of(self, path: Path, *, key: bool = False) -> int | None:
        """Offset of the value (or, with ``key``, the key) at ``path``, else its nearest parent."""
        if key and path in self.key_offsets:
            return self.key_offsets[path]
        for end in range(len(path), -1, -1):
            found = self.value_offsets.get(path[:end])
            if found is not None:
                return found
        return None


class _Stop(Exception):
    """The walk cannot go on; the problem is already recorded."""


class _Walker:
    def __init__(self, doc: JsonDocument, limits: JsonLimits) -> None:
        self.doc = doc
        self.text = doc.text
        self.limits = limits
        self.values = 0
        self.surrogates = 0
        self.text_chars = 0

    def fail(self, offset: int, path: Path, message: str, *, syntax: bool = True) -> _Stop:
        if syntax:
            message = f"it is not valid JSON: {message}"
        self.doc.problems.append(self.doc.problem_at(offset, path, message))
        self.doc.fatal = True
        return _Stop()

    def skip(self, pos: int) -> int:
        match = _SPACE.match(self.text, pos)
        return match.end() if match else pos

    def string(self, pos: int, path: Path) -> tuple[str, int]:
        try:
            value, end = scanstring(self.text, pos + 1, True)
        except ValueError as exc:  # json.JSONDecodeError: an unfinished string or a bad escape
            where = getattr(exc, "pos", pos)
            raise self.fail(where, path, _string_trouble(self.text, where)) from None
        self.text_chars += len(value)
        limit = self.limits.max_text_chars
        if limit is not None and self.text_chars > limit:
            raise self.fail(
                pos,
                path,
                f"the file holds more than {limit:,} characters of text; a case file is far "
                "smaller, so it was not read further.",
                syntax=False,
            )
        if _LONE_SURROGATE.search(value):
            allowed = self.limits.max_lone_surrogates - self.surrogates
            found = sum(1 for _ in islice(_LONE_SURROGATE.finditer(value), allowed + 1))
            self.surrogates += found
            if found > allowed:  # replacing millions would take seconds: this file is damaged
                raise self.fail(
                    pos,
                    path,
                    f"more than {self.limits.max_lone_surrogates:,} broken characters (halves "
                    "of emoji or symbols): the file is damaged.",
                    syntax=False,
                )
            value = without_lone_surrogates(value)
            if len(self.doc.notices) < self.limits.max_problems:
                self.doc.notices.append(
                    self.doc.problem_at(
                        pos,
                        path,
                        "this text held a broken character (half of an emoji or symbol); "
                        "it is shown as \ufffd.",
                    )
                )
        return value, end

    def value(self, pos: int, path: Path, depth: int) -> tuple[Any, int]:
        self.values += 1
        if self.values > self.limits.max_values:
            raise self.fail(
                pos,
                path,
                f"the file holds more than {self.limits.max_values:,} values; "
                "a case file is far smaller, so it was not read further.",
                syntax=False,
            )
        self.doc.value_offsets[path] = pos
        char = self.text[pos : pos + 1]
        if char == '"':
            return self.string(pos, path)
        if char in ("{", "["):
            if depth >= self.limits.max_depth:
                raise self.fail(
                    pos, path, "it is nested too deeply to be a case file.", syntax=False
                )
            return (
                self.obj(pos, path, depth + 1) if char == "{" else self.array(pos, path, depth + 1)
            )
        for word, meaning in (("true", True), ("false", False), ("null", None)):
            if self.text.startswith(word, pos):
                return meaning, pos + len(word)
        match = NUMBER_RE.match(self.text, pos)
        if match is None:
            if not char:
                raise self.fail(pos, path, "the file ends too early: something is missing.")
            raise self.fail(pos, path, f"unexpected {_show(char)}: a value was expected here.")
        if match.end() - pos > self.limits.max_number_chars:
            raise self.fail(pos, path, "a number here is far too long.", syntax=False)
        integer, fraction, exponent = match.groups()
        if fraction or exponent:
            return float(integer + (fraction or "") + (exponent or "")), match.end()
        return int(integer), match.end()

    def obj(self, pos: int, path: Path, depth: int) -> tuple[dict[str, Any], int]:
        out: dict[str, Any] = {}
        pos = self.skip(pos + 1)
        if self.text.startswith("}", pos):
            return out, pos + 1
        while True:
            if not self.text.startswith('"', pos):
                raise self.fail(pos, path, _expected(self.text, pos, "a field name in quotes"))
            key_pos = pos
            key, pos = self.string(pos, path)
            member = (*path, key)
            pos = self.skip(pos)
            if not self.text.startswith(":", pos):
                raise self.fail(pos, member, _expected(self.text, pos, "':' after the field name"))
            pos = self.skip(pos + 1)
            if key in out:
                if len(self.doc.problems) >= self.limits.max_problems:
                    raise self.fail(
                        key_pos,
                        member,
                        "too many fields appear twice; reading stopped.",
                        syntax=False,
                    )
                first_line, _ = self.doc.line_col(self.doc.key_offsets[member])
                self.doc.problems.append(
                    self.doc.problem_at(
                        key_pos,
                        member,
                        f"{format_path(path) or 'the top level'} gives '{key[:40]}' twice "
                        f"(first on line {first_line}); each field may appear only once, so it "
                        "is not clear which one is meant.",
                    )
                )
            else:
                self.doc.key_offsets[member] = key_pos
            value, pos = self.value(pos, member, depth)
            out.setdefault(key, value)
            pos = self.skip(pos)
            if self.text.startswith(",", pos):
                pos = self.skip(pos + 1)
                continue
            if self.text.startswith("}", pos):
                return out, pos + 1
            raise self.fail(pos, path, _expected(self.text, pos, "',' or '}'"))

    def array(self, pos: int, path: Path, depth: int) -> tuple[list[Any], int]:
        out: list[Any] = []
        pos = self.skip(pos + 1)
        if self.text.startswith("]", pos):
            return out, pos + 1
        while True:
            value, pos = self.value(pos, (*path, len(out)), depth)
            out.append(value)
            pos = self.skip(pos)
            if self.text.startswith(",", pos):
                pos = self.skip(pos + 1)
                continue
            if self.text.startswith("]", pos):
                return out, pos + 1
            raise self.fail(pos, path, _expected(self.text, pos, "',' or ']'"))


def _show(char: str) -> str:
    return repr(char) if char.isprintable() else f"character U+{ord(char):04X}"


def _expected(text: str, pos: int, what: str) -> str:
    if pos >= len(text):
        return f"the file ends too early: {what} was expected."
    return f"{what} was expected here, not {_show(text[pos])}."


def _string_trouble(text: str, pos: int) -> str:
    # json reports an unfinished text at its opening quote (a file cut off inside a text)
    if pos >= len(text) or text.startswith('"', pos) or '"' not in text[pos:]:
        return "a piece of text is not closed with '\"'."
    char = text[pos : pos + 1]
    if char and ord(char) < 0x20:
        return "a piece of text holds a control character (such as a raw line break)."
    return "a piece of text holds a broken escape (a '\\' that starts nothing JSON knows)."


def read_json(text: str, file: str, limits: JsonLimits | None = None) -> JsonDocument:
    """Parse one JSON document from ``text``; problems are collected, never raised."""
    doc = JsonDocument(file=file, text=text)
    walker = _Walker(doc, limits or JsonLimits())
    try:
        pos = walker.skip(0)
        doc.data, pos = walker.value(pos, (), 0)
        pos = walker.skip(pos)
        if pos < len(text):
            raise walker.fail(pos, (), "there is more after the end of the document.")
    except _Stop:
        doc.data = None
    except RecursionError:  # cannot happen within max_depth, but never a traceback
        doc.problems.append(doc.problem_at(None, (), "the data is nested too deeply."))
        doc.fatal, doc.data = True, None
    return doc
