"""The pieces a rationale is made of: titled sections of fields, lists, tables and notes.

Plain data, laid out by :mod:`thresholds_app.pdf` and by
:func:`~thresholds_app.core.report.rationale.rationale_to_text`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """A labelled piece of text (an empty text prints as "Not recorded.")."""

    label: str
    text: str


@dataclass(frozen=True)
class Items:
    """A list of short items, shown as bullets.

    A ``part`` list belongs to the entry above it (a review's gaps): its label is printed as a
    field label, so it does not read as a heading of its own, level with that entry's title.
    """

    items: tuple[str, ...]
    label: str = ""
    part: bool = False


@dataclass(frozen=True)
class Table:
    """Rows of text under a header; ``widths`` are relative column widths."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]
    label: str = ""


@dataclass(frozen=True)
class Note:
    """A plain paragraph of explanation."""

    text: str


@dataclass(frozen=True)
class Entry:
    """A titled entry with supporting lines and a small note (a rule that fired, its source)."""

    title: str
    lines: tuple[str, ...]
    note: str = ""


Block = Field | Items | Table | Note | Entry


@dataclass(frozen=True)
class Section:
    """A titled part of the rationale."""

    title: str
    blocks: tuple[Block, ...]
    new_page: bool = False  # an appended sheet (the MASH review) starts on a page of its own
