"""What a draft holds, and what the recovery prompt is told about one (no personal data)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from thresholds_app.core.base.jsonread import without_lone_surrogates


class DraftError(Exception):
    """A draft cannot be read; the message is plain English for the practitioner."""


@dataclass
class DraftState:
    """What a draft holds: answers, edited fields and an optional whole document."""

    answers: dict[str, str] = field(default_factory=dict)
    fields: dict[str, Any] = field(default_factory=dict)
    document: dict[str, Any] | None = None
    kind: str = "assessment"

    def apply(self, entry: Mapping[str, Any]) -> None:
        """Apply one journal entry."""
        op = entry.get("op")
        if op == "answer":
            key, value = str(entry["key"]), entry["value"]
            if value is None:
                self.answers.pop(key, None)
            else:
                self.answers[key] = str(value)
        elif op == "field":
            self.fields[str(entry["key"])] = entry["value"]
        elif op == "document":
            self.document = dict(entry["value"])
            self.fields.clear()
            self.answers.clear()

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON-ready state."""
        return {
            "kind": self.kind,
            "answers": dict(self.answers),
            "fields": dict(self.fields),
            "document": self.document,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> DraftState:
        """Build the state from :meth:`to_dict` output."""
        doc = data.get("document")
        return cls(
            answers={str(k): str(v) for k, v in dict(data.get("answers") or {}).items()},
            fields=dict(data.get("fields") or {}),
            document=None if doc is None else dict(doc),
            kind=str(data.get("kind") or "assessment"),
        )

    def answer_count(self) -> int:
        """How many answers the draft holds (in its document and journaled after it)."""
        in_document = (self.document or {}).get("answers") or {}
        keys = set(in_document) if isinstance(in_document, dict) else set()
        return len(keys | set(self.answers))

    def is_empty(self) -> bool:
        """Whether nothing at all has been recorded."""
        return not self.answers and not any(self.fields.values()) and self.document is None


@dataclass(frozen=True)
class DraftInfo:
    """A draft found on disk, for the recovery prompt (no personal data)."""

    id: str
    updated: float  # seconds since the epoch
    interrupted: bool  # the session that wrote it did not close it
    answers: int
    damaged: bool


def dumps(data: Mapping[str, Any]) -> bytes:
    """Compact UTF-8 JSON for one journal entry or snapshot.

    A lone surrogate (half a character, e.g. from a damaged paste) cannot be encoded as UTF-8:
    without this, every autosave of such text failed. It is kept as U+FFFD, as files show it.
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return without_lone_surrogates(text).encode("utf-8")
