"""Step 3: needs by domain and area, with search and the special pathways.

Areas are listed on the left (the Assessment Framework triangle); each area's indicators are
built the first time it is opened, so the step appears instantly however big the pack is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.core.search.index import prepare as prepare_search
from thresholds_app.ui.assessment.indicator_card import IndicatorCard
from thresholds_app.ui.assessment.search import SearchController
from thresholds_app.ui.assessment.widgets import clear_layout, heading, muted_label
from thresholds_app.ui.case_state import CaseState

_AREA_ROLE = Qt.ItemDataRole.UserRole
SEARCH_KEY = "__search__"


class CardList(QScrollArea):
    """A scrolling column of indicator cards."""

    def __init__(self, title: str, note: str = "") -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.column = QVBoxLayout(body)
        self.column.setContentsMargins(4, 0, 12, 12)
        self.column.setSpacing(10)
        self.title = heading(title, 2)
        self.column.addWidget(self.title)
        self.note = muted_label(note)
        self.note.setVisible(bool(note))
        self.column.addWidget(self.note)
        self.column.addStretch(1)
        self.setWidget(body)
        self.cards: dict[str, IndicatorCard] = {}

    def add_card(self, card: IndicatorCard) -> None:
        """Append a card above the stretch."""
        self.column.insertWidget(self.column.count() - 1, card)
        self.cards[card.indicator.id] = card

    def clear_cards(self) -> None:
        """Remove every card."""
        for card in self.cards.values():
            card.setParent(None)
            card.deleteLater()
        self.cards.clear()

    def take_cards(self) -> None:
        """Take every card out of the column, hidden but kept (search reuses them)."""
        for card in self.cards.values():
            self.column.removeWidget(card)
            card.hide()
        self.cards.clear()

    def set_footer(self, widget: QWidget) -> None:
        """Put ``widget`` after the cards (moving it there if it is already in the column)."""
        self.column.removeWidget(widget)
        self.column.insertWidget(self.column.count() - 1, widget)


class NeedsStep(QWidget):
    """Indicators by area, a search box and the pathways the answers make relevant.

    Signals:
        topic_requested(str): the user asked to read a special pathway.
        guidance_requested(str, str): the user chose consent, stepping or a contact found by
            search (its kind and id).
    """

    topic_requested = Signal(str)
    guidance_requested = Signal(str, str)

    def __init__(self, state: CaseState) -> None:
        super().__init__()
        self.state = state
        self.pack: Pack = state.pack
        self._lists: dict[str, CardList] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(heading(self.tr("The child's needs"), 1))
        layout.addWidget(
            muted_label(
                self.tr(
                    "Answer what you know. 'Not known' is a proper answer: it shows as a gap, "
                    "never as a no. Open 'Examples and other levels' to compare with the same "
                    "worry at other levels."
                )
            )
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            self.tr("Search the indicators, e.g. bruise, drinking, missing, prison (Ctrl+F)")
        )
        self.search.setAccessibleName(self.tr("Search the indicators"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        layout.addWidget(self.search)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.results = CardList(self.tr("Search results"))
        self.finder = SearchController(
            self.pack, self.results, self._make_card, searched=self._show_results
        )
        self.finder.other_requested.connect(self._other_requested)
        self.search.returnPressed.connect(self.finder.run_now)
        prepare_search(self.pack)  # the index is ready before the first key
        layout.addWidget(self.finder)

        self.pathways = QWidget()
        self.pathways.setFixedHeight(36)  # a steady height: no re-layout of the cards
        self.pathway_row = QHBoxLayout(self.pathways)
        self.pathway_row.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pathways)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName(self.tr("Domains and areas"))
        self.tree.setMinimumWidth(210)
        self.tree.setMaximumWidth(240)
        self.tree.setStyleSheet("QTreeWidget { border: none; background: palette(window); }")
        for domain in self.pack.domains:
            parent = QTreeWidgetItem([domain.title])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.tree.addTopLevelItem(parent)
            for area in domain.areas:
                child = QTreeWidgetItem([area.title])
                child.setData(0, _AREA_ROLE, area.id)
                parent.addChild(child)
            parent.setExpanded(True)
        self.tree.currentItemChanged.connect(self._on_area_item)
        splitter.addWidget(self.tree)
        self.pages = QStackedWidget()
        splitter.addWidget(self.pages)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([230, 600])
        layout.addWidget(splitter, 1)

        self.pages.addWidget(self.results)
        state.assessment_changed.connect(self._update_pathways)
        self._update_pathways(state.assessment)
        first_area = self._area_items()[0] if self._area_items() else None
        if first_area is not None:
            self.tree.setCurrentItem(first_area)

    # -- navigation -------------------------------------------------------------------------
    def show_area(self, area_id: str) -> CardList:
        """Show (building once) the cards of ``area_id``."""
        cards = self._lists.get(area_id)
        if cards is None:
            cards = self._build_area(area_id)
        self.pages.setCurrentWidget(cards)
        return cards

    def show_indicator(self, indicator_id: str) -> IndicatorCard | None:
        """Open the indicator's area, scroll to its card and focus its answers."""
        indicator = self.pack.indicators.get(indicator_id)
        if indicator is None:
            return None
        self.search.clear()
        self._select_area_item(indicator.area)
        cards = self.show_area(indicator.area)
        card = cards.cards.get(indicator_id)
        if card is None:  # an indicator for another age band: show it anyway
            card = self._make_card(indicator_id)
            cards.add_card(card)
        cards.ensureWidgetVisible(card)
        card.answers.buttons["yes"].setFocus()
        return card

    def _area_items(self) -> list[QTreeWidgetItem]:
        items: list[QTreeWidgetItem] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            items += [c for j in range(top.childCount()) if (c := top.child(j)) is not None]
        return items

    def _select_area_item(self, area_id: str) -> None:
        for item in self._area_items():
            if item.data(0, _AREA_ROLE) == area_id:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)

    def _on_area_item(self, item: QTreeWidgetItem | None, _previous: object) -> None:
        if item is not None and item.data(0, _AREA_ROLE):
            if self.search.text():
                self.search.clear()
            self.show_area(item.data(0, _AREA_ROLE))

    def _build_area(self, area_id: str) -> CardList:
        area = next(a for d in self.pack.domains for a in d.areas if a.id == area_id)
        cards = CardList(area.title, area.description)
        for indicator in sorted(
            (i for i in self.pack.indicators.values() if i.area == area_id),
            key=lambda i: (i.kind != "strength", i.level, i.id),
        ):
            if indicator.applies_to(self.state.age_band):
                cards.add_card(self._make_card(indicator.id))
        if not cards.cards:
            cards.note.setText(self.tr("No indicators for this age band in this area."))
            cards.note.setVisible(True)
        self._lists[area_id] = cards
        self.pages.addWidget(cards)
        return cards

    def _make_card(self, indicator_id: str) -> IndicatorCard:
        card = IndicatorCard(self.state, self.pack.indicators[indicator_id])
        card.show_indicator.connect(self.show_indicator)
        return card

    def rebuild_for_age_band(self) -> None:
        """Drop built areas so they are rebuilt for the new age band when next opened."""
        current = self.tree.currentItem()
        for cards in self._lists.values():
            self.pages.removeWidget(cards)
            cards.deleteLater()
        self._lists.clear()
        self.finder.forget_cards()
        if self.search.text().strip():
            self.finder.request(self.search.text(), self.state.age_band)
        elif current is not None and current.data(0, _AREA_ROLE):
            self.show_area(current.data(0, _AREA_ROLE))

    # -- search -----------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _on_search(self, text: str) -> None:
        if not text.strip():
            self.finder.timer.stop()
            self.finder.setVisible(False)
            current = self.tree.currentItem()
            if current is not None and current.data(0, _AREA_ROLE):
                self.show_area(current.data(0, _AREA_ROLE))
            return
        self.finder.request(text, self.state.age_band)  # runs once typing pauses

    def _show_results(self, found: int) -> None:
        query = self.search.text().strip()
        every = sum(1 for h in self.finder.hits if h.entry.kind == "indicator" and h.complete)
        if not found:
            title = self.tr("Nothing matches “{q}”. Try another word.").format(q=query)
        elif every == found:
            title = self.tr("{n} indicators match “{q}”").format(n=found, q=query)
        elif every:
            title = self.tr("{n} indicators match “{q}”, then {m} that match some of it").format(
                n=every, q=query, m=found - every
            )
        else:
            title = self.tr("{m} indicators match some of “{q}”").format(m=found, q=query)
        self.results.title.setText(title)
        self.pages.setCurrentWidget(self.results)

    def _other_requested(self, kind: str, item_id: str) -> None:
        if kind == "pathway":
            self.topic_requested.emit(item_id)
        else:
            self.guidance_requested.emit(kind, item_id)

    def result_ids(self) -> list[str]:
        """Ids of the indicators in the search results, in order."""
        return list(self.results.cards)

    # -- pathways ---------------------------------------------------------------------------
    def _update_pathways(self, assessment: Assessment) -> None:
        if assessment.topics == getattr(self, "_shown_topics", None):
            return  # unchanged: keep the buttons (and the keyboard focus) where they are
        self._shown_topics = assessment.topics
        clear_layout(self.pathway_row)
        topics = [t for t in assessment.topics if t in self.pack.topics]
        label = muted_label(
            self.tr("Special pathways that apply:")
            if topics
            else self.tr("Special pathways appear here when your answers make them relevant.")
        )
        label.setWordWrap(False)
        self.pathway_row.addWidget(label)
        for topic_id in topics:
            button = QPushButton(self.pack.topics[topic_id].title)
            button.setObjectName(f"pathway-{topic_id}")
            button.setAccessibleName(
                self.tr("Read the pathway: {t}").format(t=self.pack.topics[topic_id].title)
            )
            button.clicked.connect(lambda _c=False, t=topic_id: self.topic_requested.emit(t))
            self.pathway_row.addWidget(button)
        self.pathway_row.addStretch(1)
