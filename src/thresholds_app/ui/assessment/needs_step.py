"""Step 3: needs by domain and area, with search and the special pathways.

Areas are listed on the left (the Assessment Framework triangle); each area's indicators are
built the first time it is opened, so the step appears instantly however big the pack is.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.base.wording import counted
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.rules.assessment import Assessment
from thresholds_app.ui.assessment.indicator_card import IndicatorCard
from thresholds_app.ui.assessment.search import (
    SearchController,
    keep_long_lived_out_of_the_collector,
)
from thresholds_app.ui.assessment.widgets import heading, muted_label
from thresholds_app.ui.assessment.wrapping_list import HEADING_ROLE, INDENT_ROLE, make_wrapping
from thresholds_app.ui.case_state import CaseState
from thresholds_app.ui.search_index import prepare_search_soon
from thresholds_app.ui.wrapping_button import WrappingButton

_AREA_ROLE = Qt.ItemDataRole.UserRole
SEARCH_KEY = "__search__"
AREA_INDENT = 14  # areas sit under their domain


class CurrentPageStack(QWidget):
    """Pages of which one is shown, the holder as tall as the page on show.

    Not a QStackedWidget: its layout is as tall as its tallest page, and it works out that
    height by wrapping the text of every page built so far (every area opened) each time a
    search result is added. Here the other pages are hidden, so layout skips them.
    """

    def __init__(self) -> None:
        super().__init__()
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._current: QWidget | None = None

    def addWidget(self, page: QWidget) -> None:
        """Add ``page``, hidden unless it is the first."""
        self._column.addWidget(page)
        if self._current is None:
            self._current = page
        else:
            page.hide()

    def removeWidget(self, page: QWidget) -> None:
        """Take ``page`` out (the caller deletes it)."""
        self._column.removeWidget(page)
        page.hide()
        if page is self._current:
            self._current = None

    def currentWidget(self) -> QWidget | None:
        """The page on show."""
        return self._current

    def setCurrentWidget(self, page: QWidget) -> None:
        """Show ``page`` and hide the one shown before."""
        if page is self._current:
            return
        if self._current is not None:
            self._current.hide()
        self._current = page
        page.show()


class CardList(QWidget):
    """A column of indicator cards (it scrolls with the step, not on its own)."""

    def __init__(self, title: str, note: str = "") -> None:
        super().__init__()
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(4, 0, 4, 12)
        self.column.setSpacing(10)
        self.title = heading(title, 2)
        self.column.addWidget(self.title)
        self.note = muted_label(note)
        self.column.addWidget(self.note)
        # Only once it has a parent: a widget shown without one is a window of its own (it
        # flashed on screen and took the keyboard focus from the main window).
        self.note.setVisible(bool(note))
        self.column.addStretch(1)
        self.cards: dict[str, IndicatorCard] = {}

    def ensureWidgetVisible(self, widget: QWidget) -> None:
        """Scroll the step so ``widget`` is in view."""
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget, 0, 48)

    def add_card(self, card: IndicatorCard) -> None:
        """Append a card above the stretch."""
        self.column.insertWidget(self.column.count() - 1, card)
        self.cards[card.indicator.id] = card

    def clear_cards(self) -> None:
        """Remove every card."""
        for card in self.cards.values():
            # Not setParent(None): that hands the card to Python, whose garbage collector
            # could then delete it a second time after deleteLater (a crash while typing).
            self.column.removeWidget(card)
            card.hide()
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
        emergency_requested(): the red button beside a danger-shaped search's reminder.
    """

    topic_requested = Signal(str)
    guidance_requested = Signal(str, str)
    emergency_requested = Signal()

    def __init__(self, state: CaseState) -> None:
        super().__init__()
        self.state = state
        self.pack: Pack = state.pack
        self._lists: dict[str, CardList] = {}
        # The area list stays in view on the left; everything else is one scrolling column
        # (one scroll area for the step: the list scrolls only if a small screen cuts it off).
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(16)
        self.scroll_area = QScrollArea()
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, not to it
        self.scroll_area.setObjectName("scroll-needs")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        body.setObjectName("needsBody")
        body.setContentsMargins(0, 0, 16, 8)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(body)
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
        self.area_row = self._build_area_choice()  # the area list's stand-in when compact
        layout.addWidget(self.area_row)
        self.search = QLineEdit()
        # short enough to be read whole at 150% text (the long one ended "e.g. bruise,…")
        self.search.setPlaceholderText(self.tr("Search, e.g. bruise (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search the indicators"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._on_search)
        self._shown_query = ""  # the search whose results are on show
        layout.addWidget(self.search)
        QShortcut(QKeySequence.StandardKey.Find, self, self._focus_search)
        self.results = CardList(self.tr("Search results"))
        self.finder = SearchController(
            self.pack, self.results, self._make_card, searched=self._show_results
        )
        self.finder.other_requested.connect(self._other_requested)
        self.finder.emergency_requested.connect(self.emergency_requested.emit)
        self.finder.tab_from = self.search
        self.finder.tab_between = self.pathway_buttons
        self.search.returnPressed.connect(self.finder.run_now)
        prepare_search_soon(self, self.pack)  # ready before the first key, not in the build
        keep_long_lived_out_of_the_collector()
        layout.addWidget(self.finder)

        self.pathways = QWidget()
        self.pathways.setMinimumHeight(36)  # a steady height: no re-layout of the cards
        # one button a line, each wrapping its own words: in one row, at 150% text three
        # pathway buttons made the step wider than its view (the last under the scrollbar)
        self.pathway_row = QVBoxLayout(self.pathways)
        self.pathway_row.setContentsMargins(0, 0, 0, 0)
        self.pathway_row.setSpacing(6)
        self.pathway_label = muted_label("")
        self.pathway_row.addWidget(self.pathway_label)
        self._pathway_buttons: dict[str, WrappingButton] = {}
        layout.addWidget(self.pathways)

        # Areas grouped under their domain (the Assessment Framework triangle). A list, not a
        # tree: a list view wraps long titles at large text sizes, a tree view cuts them off.
        self.tree = QListWidget()
        self.tree.setObjectName("areaTree")  # styled (with its focus ring) by app.qss
        self.tree.setAccessibleName(self.tr("Domains and areas"))
        make_wrapping(self.tree)
        self.tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for domain in self.pack.domains:
            parent = QListWidgetItem(domain.title)
            parent.setFlags(Qt.ItemFlag.ItemIsEnabled)  # a heading: not selectable
            parent.setData(HEADING_ROLE, True)  # bold in the list's font as text scales
            self.tree.addItem(parent)
            for area in domain.areas:
                child = QListWidgetItem(area.title)
                child.setData(_AREA_ROLE, area.id)
                child.setData(INDENT_ROLE, AREA_INDENT)
                child.setToolTip(area.title)
                self.tree.addItem(child)
        self.tree.currentItemChanged.connect(self._on_area_item)
        self.tree.currentItemChanged.connect(self._show_area_choice)
        self._fill_area_choice()
        self.tree.setFixedWidth(self.natural_tree_width())  # the page fits it to the room
        outer.addWidget(self.tree)
        outer.addWidget(self.scroll_area, 1)
        self.pages = CurrentPageStack()
        layout.addWidget(self.pages, 1)

        self.pages.addWidget(self.results)
        state.assessment_changed.connect(self._update_pathways)
        self._update_pathways(state.assessment)
        first_area = self._area_items()[0] if self._area_items() else None
        if first_area is not None:
            self.tree.setCurrentItem(first_area)

    def natural_tree_width(self) -> int:
        """How wide the area list must be for its longest title on one line."""
        metrics = QFontMetrics(QApplication.font())
        widest = max(
            (metrics.horizontalAdvance(self.tree.item(i).text()) for i in range(self.tree.count())),
            default=100,
        )
        return widest + 48 + AREA_INDENT

    def _build_area_choice(self) -> QWidget:
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        label = QLabel(self.tr("Area"))
        self.area_choice = QComboBox()
        self.area_choice.setAccessibleName(self.tr("Domain and area"))
        self.area_choice.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.area_choice.setMinimumContentsLength(12)
        label.setBuddy(self.area_choice)
        line.addWidget(label)
        line.addWidget(self.area_choice, 1)
        row.hide()
        return row

    def _fill_area_choice(self) -> None:
        """The list's items in the drop-down: domains as headings that cannot be chosen."""
        model = self.area_choice.model()
        for i in range(self.tree.count()):
            item = self.tree.item(i)
            self.area_choice.addItem(item.text(), item.data(_AREA_ROLE))
            if not item.data(_AREA_ROLE):
                entry = model.item(i)  # type: ignore[attr-defined]
                entry.setEnabled(False)
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
        self.area_choice.currentIndexChanged.connect(self._on_area_choice)

    def set_compact(self, compact: bool) -> None:
        """Show the areas as a drop-down above the search (True) or as the list beside it.

        At large text on a small screen the list beside the cards left them too narrow to read.
        """
        self.tree.setVisible(not compact)
        self.area_row.setVisible(compact)

    def _on_area_choice(self, index: int) -> None:
        item = self.tree.item(index)
        if item is not None and item.data(_AREA_ROLE) and item is not self.tree.currentItem():
            self.tree.setCurrentItem(item)  # the list stays the one record of the area on show

    def _show_area_choice(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None:
            self.area_choice.blockSignals(True)
            self.area_choice.setCurrentIndex(self.tree.row(item))
            self.area_choice.blockSignals(False)

    # -- navigation -------------------------------------------------------------------------
    def show_area(self, area_id: str) -> CardList:
        """Show (building once) the cards of ``area_id``."""
        cards = self._lists.get(area_id)
        if cards is None:
            cards = self._build_area(area_id)
        self.pages.setCurrentWidget(cards)
        return cards

    def show_indicator(self, indicator_id: str) -> IndicatorCard | None:
        """Open the indicator's area, scroll to its card and focus its words (not an answer)."""
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
        card.words.setFocus()  # a stray Space here answers nothing; Tab reaches the answers
        return card

    def focus_first(self) -> None:
        """Arriving at the step puts the cursor in the search box: type the worry at once."""
        self.search.setFocus()

    def focus_field(self, name: str) -> bool:
        """Focus ``answers.<indicator id>``: open its area and focus the indicator's words."""
        if not name.startswith("answers."):
            return False
        return self.show_indicator(name.removeprefix("answers.")) is not None

    def _area_items(self) -> list[QListWidgetItem]:
        items = [self.tree.item(i) for i in range(self.tree.count())]
        return [item for item in items if item is not None and item.data(_AREA_ROLE)]

    def _select_area_item(self, area_id: str) -> None:
        for item in self._area_items():
            if item.data(_AREA_ROLE) == area_id:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)

    def _on_area_item(self, item: QListWidgetItem | None, _previous: object) -> None:
        if item is not None and item.data(_AREA_ROLE):
            if self.search.text():
                self.search.clear()
            self.show_area(item.data(_AREA_ROLE))

    def _build_area(self, area_id: str) -> CardList:
        area = next(a for d in self.pack.domains for a in d.areas if a.id == area_id)
        cards = CardList(area.title, area.description)
        for indicator in sorted(
            (i for i in self.pack.indicators.values() if i.area == area_id),
            key=lambda i: (i.kind == "strength", i.level, i.id),  # concerns first
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
        elif current is not None and current.data(_AREA_ROLE):
            self.show_area(current.data(_AREA_ROLE))

    # -- search -----------------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
        self.scroll_area.ensureWidgetVisible(self.search)  # never a cursor out of sight

    def _results_to_top(self) -> None:
        """Scroll back to the search box and the results' heading (a new search)."""
        body = self.scroll_area.widget()
        if body is None:
            return
        layout = body.layout()
        if layout is not None:
            layout.activate()  # the new results' sizes, so the scroll lands right
        top = self.search.mapTo(body, self.search.rect().topLeft()).y()
        bar = self.scroll_area.verticalScrollBar()
        if bar.value() > top:
            bar.setValue(max(0, top - 8))

    def _on_search(self, text: str) -> None:
        if not text.strip():
            self.finder.timer.stop()
            self.finder.setVisible(False)
            current = self.tree.currentItem()
            if current is not None and current.data(_AREA_ROLE):
                self.show_area(current.data(_AREA_ROLE))
            return
        self.finder.request(text, self.state.age_band)  # runs once typing pauses

    def _show_results(self, found: int) -> None:
        query = self.search.text().strip()
        every = sum(1 for h in self.finder.hits if h.entry.kind == "indicator" and h.complete)
        if not found:
            title = self.tr("Nothing matches “{q}”. Try another word.").format(q=query)
        elif every == found:
            title = self.tr("{n} “{q}”").format(n=_match(found), q=query)
        elif every:
            rest = found - every
            title = self.tr("{n} “{q}”, then {m} some of it").format(
                n=_match(every), q=query, m=f"{rest} that {'matches' if rest == 1 else 'match'}"
            )
        else:
            title = self.tr("{m} some of “{q}”").format(m=_match(found), q=query)
        self.results.title.setText(title)
        self.pages.setCurrentWidget(self.results)
        if query != self._shown_query:  # a new search starts at its heading, not mid-list
            self._shown_query = query
            self._results_to_top()

    def _other_requested(self, kind: str, item_id: str) -> None:
        if kind == "pathway":
            self.topic_requested.emit(item_id)
        else:
            self.guidance_requested.emit(kind, item_id)

    def result_ids(self) -> list[str]:
        """Ids of the indicators in the search results, in order."""
        return list(self.results.cards)

    # -- pathways ---------------------------------------------------------------------------
    def pathway_buttons(self) -> list[QWidget]:
        """The buttons of the special pathways on show, in order."""
        return list(self._pathway_buttons.values())

    def _update_pathways(self, assessment: Assessment) -> None:
        if assessment.topics == getattr(self, "_shown_topics", None):
            return  # unchanged: keep the buttons (and the keyboard focus) where they are
        self._shown_topics = assessment.topics
        topics = [t for t in assessment.topics if t in self.pack.topics]
        self.pathway_label.setText(
            self.tr("Special pathways that apply:")
            if topics
            else self.tr("Special pathways appear here when your answers make them relevant.")
        )
        # Buttons of pathways still shown are kept (an answer mostly adds or drops one):
        # making them all again cost the live panel about 10 ms an answer.
        for topic_id in [t for t in self._pathway_buttons if t not in topics]:
            button = self._pathway_buttons.pop(topic_id)
            self.pathway_row.removeWidget(button)
            button.deleteLater()
        shown = {t: self._pathway_buttons.get(t) or self._pathway_button(t) for t in topics}
        for button in shown.values():  # in the engine's order
            self.pathway_row.removeWidget(button)
            self.pathway_row.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        self._pathway_buttons = shown
        self.finder.keep_tab_order()  # new buttons: in the Tab chain where they are on screen

    def _pathway_button(self, topic_id: str) -> WrappingButton:
        title = self.pack.topics[topic_id].title
        button = WrappingButton(title)
        button.setObjectName(f"pathway-{topic_id}")
        button.setAccessibleName(self.tr("Read the pathway: {t}").format(t=title))
        button.setAutoDefault(True)  # Enter presses it when focused
        button.clicked.connect(lambda _c=False, t=topic_id: self.topic_requested.emit(t))
        return button


def _match(n: int) -> str:
    """Say "1 indicator matches" or "3 indicators match"."""
    return f"{counted(n, 'indicator')} {'matches' if n == 1 else 'match'}"
