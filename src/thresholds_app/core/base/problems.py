"""Problems found in a guidance pack or a case file, reported all at once.

Every problem names the file, the line and column where it can be found (when known), the path
inside the document and a plain-English message that a safeguarding officer can act on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from thresholds_app.core.base.records import record


@record
class Problem:
    """One thing wrong with one file."""

    file: str
    line: int | None
    column: int | None
    path: str
    message: str

    def __str__(self) -> str:
        """Format as ``file:line:col: message`` (``file: message`` when there is no line)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}:{self.column or 1}"
        return f"{where}: {self.message}"

    def to_json(self) -> dict[str, object]:
        """The JSON shape used by ``thresholds validate --json``."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
        }


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return `` (did you mean 'x'?)`` for the closest choice, or an empty string."""
    import difflib  # only needed when something is wrong

    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


def format_path(path: Sequence[str | int]) -> str:
    """Render a document path the way authors read it: ``levels[0].name``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
