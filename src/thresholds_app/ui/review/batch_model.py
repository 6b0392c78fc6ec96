"""The table model of a folder of referrals (one row per file, read by core)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from thresholds_app.core.base.wording import one_line
from thresholds_app.core.case.reviews import outcome_label
from thresholds_app.core.pack.model import ReviewGuide
from thresholds_app.core.review.batch import FLAG_WORDS, BatchRow
from thresholds_app.core.review.clock import due_words, time_left_words

COLUMNS = (
    "Reference",
    "Received",
    "Referred",
    "Now",
    "Referrer",
    "MASH",
    "RAG",
    "Outcome",
    "Time left",
    "Flags",
)
FLAGS_COLUMN = COLUMNS.index("Flags")
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FAR = dt.datetime.max.replace(tzinfo=dt.UTC)
Index = QModelIndex | QPersistentModelIndex


def _level(level: int | None) -> str:
    return "—" if level is None else f"Level {level}"


class BatchModel(QAbstractTableModel):
    """Rows of :class:`BatchRow`; sorting keys are real values, not the words shown."""

    def __init__(
        self,
        now: Callable[[], dt.datetime],
        guide: ReviewGuide,
    ) -> None:
        super().__init__()
        self.rows: list[BatchRow] = []
        self.now = now
        self.guide = guide
        self.rag_labels = {r.id: r.label for r in guide.rag}

    def set_rows(self, rows: list[BatchRow]) -> None:
        """Show these rows."""
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def update_rows(self, rows: list[BatchRow]) -> None:
        """Show these rows in place of the same files' rows, in the same order.

        Only changed rows are redrawn, so the selection and the reviewer's place stay.
        """
        if len(rows) != len(self.rows):
            self.set_rows(rows)
            return
        old, self.rows = self.rows, list(rows)
        for number, (before, after) in enumerate(zip(old, rows, strict=True)):
            if before != after:
                last = self.index(number, len(COLUMNS) - 1)
                self.dataChanged.emit(self.index(number, 0), last)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The number of files."""
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The number of columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """The column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """The words shown, or the sort key, for a cell."""
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == SORT_ROLE:
            return self._key(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, index.column())
        return None

    def _tip(self, row: BatchRow, column: int) -> str | None:
        """The whole text where a narrow cell may cut it short: a file's problem, its flags."""
        if not row.ok:
            return row.problem
        if column == FLAGS_COLUMN and row.flags:
            return "\n".join(FLAG_WORDS[f] for f in row.flags)
        return None

    def _text(self, row: BatchRow, column: int) -> str:
        if not row.ok:
            name = one_line(row.path.name)
            cells = ["" for _ in COLUMNS]
            # a few words here (the whole reason made the row six lines tall); all of it is in
            # the tooltip and the summary above the table
            cells[0], cells[FLAGS_COLUMN] = name, f"Not read: {row.problem_brief or row.problem}"
            return cells[column]
        now = self.now().astimezone(dt.UTC)
        values = (
            row.reference or one_line(row.path.name),
            due_words(row.received) if row.received else "—",
            row.referred_words,
            row.now_words,
            _level(row.referrer_level),
            _level(row.mash_level),
            self.rag_labels.get(row.rag, row.rag) or "Not rated",
            outcome_label(self.guide, row.outcome) or "—",
            time_left_words(row.due, now) if row.due else "—",
            ", ".join(FLAG_WORDS[f] for f in row.flags),
        )
        return values[column]

    def _key(self, row: BatchRow, column: int) -> Any:
        if not row.ok:
            return (0, row.path.name)
        keys: tuple[Any, ...] = (
            row.reference,
            (row.received or FAR).timestamp(),
            row.referred_level or 0,
            row.now_level or 0,
            row.referrer_level or 0,
            row.mash_level or 0,
            row.rag,
            outcome_label(self.guide, row.outcome),
            (row.due or FAR).timestamp(),
            len(row.flags),
        )
        return (1, keys[column])
