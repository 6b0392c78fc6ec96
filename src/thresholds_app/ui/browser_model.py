"""The indicator table behind the guidance browser, and its filter.

:class:`IndicatorModel` lists every indicator of a pack (level, area, text) in the pack's order;
:class:`IndicatorFilter` narrows it by domain, area, level, age band, kind and free-text words.
Words typed go to the app's one search (:mod:`thresholds_app.core.search.find`): the rows shown
are the indicators it finds, best first, so "drinking dad" lists the parental alcohol indicators
first, in the same order as the assessment's search.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from thresholds_app.core.pack.model import Indicator, Pack
from thresholds_app.core.search.find import Hit, search

ID_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMNS = ("Level", "Area", "Indicator")

Index = QModelIndex | QPersistentModelIndex


class IndicatorModel(QAbstractTableModel):
    """Every indicator in the pack, one per row: level, area and text."""

    def __init__(self, pack: Pack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self._rows: list[Indicator] = list(pack.indicators.values())
        areas = {a.id: a for d in pack.domains for a in d.areas}
        self._area_titles = {
            i.id: areas[i.area].title if i.area in areas else i.area for i in self._rows
        }

    def indicator(self, row: int) -> Indicator:
        """Return the indicator on ``row``."""
        return self._rows[row]

    def row_of(self, indicator_id: str) -> int:
        """Return the row of ``indicator_id`` (-1 if absent)."""
        return next((r for r, i in enumerate(self._rows) if i.id == indicator_id), -1)

    def area_title(self, row: int) -> str:
        """The area title of the indicator on ``row``."""
        return self._area_titles[self._rows[row].id]

    # -- Qt model -------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Number of indicators (none under a valid parent: this is a flat table)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Level, area and text."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, tooltips and the indicator id / level for filters."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        indicator = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                words = self.tr("Strength") if indicator.kind == "strength" else ""
                return f"{indicator.level} {words}".strip()
            if column == 1:
                return self._area_titles[indicator.id]
            return indicator.text
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return indicator.text
        if role == ID_ROLE:
            return indicator.id
        if role == LEVEL_ROLE:
            return indicator.level
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows can be selected, not edited."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class IndicatorFilter(QSortFilterProxyModel):
    """Filters :class:`IndicatorModel` rows; empty criteria let everything through."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._domain = ""
        self._area = ""
        self._level = 0
        self._age = ""
        self._kind = ""
        self._rank: dict[str, int] | None = None  # indicator id -> place in the search results
        self.hits: list[Hit] = []  # everything the last search found, of every kind

    def set_criteria(
        self,
        *,
        domain: str | None = None,
        area: str | None = None,
        level: int | None = None,
        age_band: str | None = None,
        kind: str | None = None,
        search: str | None = None,
    ) -> None:
        """Change any criteria given (empty string / 0 means "any") and re-filter."""
        modern = hasattr(self, "endFilterChange")  # Qt 6.10+; older Qt: invalidateFilter
        if modern:
            self.beginFilterChange()
        if domain is not None:
            self._domain = domain
        if area is not None:
            self._area = area
        if level is not None:
            self._level = level
        if age_band is not None:
            self._age = age_band
        if kind is not None:
            self._kind = kind
        if search is not None:
            self._search(search)
        if modern:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            self.invalidateFilter()
        if search is not None:
            self.sort(-1)  # back to the pack's order, then (searching) best first: a full sort
            if self._rank is not None:
                self.sort(0)

    def _search(self, text: str) -> None:
        model = self.sourceModel()
        if not text.strip() or not isinstance(model, IndicatorModel):
            self._rank, self.hits = None, []
            return
        self.hits = search(model.pack, text)
        found = [h.entry.id for h in self.hits if h.entry.kind == "indicator"]
        self._rank = {indicator_id: place for place, indicator_id in enumerate(found)}

    def lessThan(self, left: Index, right: Index) -> bool:
        """Search results in the search's order (only used while a search is on)."""
        rank = self._rank or {}
        model = self.sourceModel()
        if not isinstance(model, IndicatorModel):
            return False
        a, b = model.indicator(left.row()).id, model.indicator(right.row()).id
        return rank.get(a, len(rank)) < rank.get(b, len(rank))

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        """Whether the indicator on ``source_row`` meets every criterion."""
        model = self.sourceModel()
        if not isinstance(model, IndicatorModel):
            return True
        indicator = model.indicator(source_row)
        if self._domain and indicator.domain != self._domain:
            return False
        if self._area and indicator.area != self._area:
            return False
        if self._level and indicator.level != self._level:
            return False
        if self._kind and indicator.kind != self._kind:
            return False
        if self._age and not indicator.applies_to(self._age):
            return False
        return self._rank is None or indicator.id in self._rank
