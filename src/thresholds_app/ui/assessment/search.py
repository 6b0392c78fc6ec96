"""The assessment's search results: typing stays instant however many indicators match.

What is found, and in what order, is decided by the app's one search
(:func:`thresholds_app.core.search.find.search`); this module only shows it:

- the search runs once typing pauses (a short debounce), never on every key;
- cards are made once per indicator and reused by later searches;
- new cards are made a few at a time between events, so a key pressed meanwhile is handled at
  once, and only the first :data:`PAGE` results are shown until "Show more" is pressed.
"""

from __future__ import annotations

import functools
import gc
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.search.danger import danger_prompt
from thresholds_app.core.search.find import Hit, search
from thresholds_app.ui.assessment.indicator_card import IndicatorCard
from thresholds_app.ui.assessment.widgets import chain_tab_order
from thresholds_app.ui.danger_prompt import DangerPromptBar
from thresholds_app.ui.search_links import others_html

if TYPE_CHECKING:
    from thresholds_app.ui.assessment.needs_step import CardList

DEBOUNCE_MS = 150  # a pause in typing this long runs the search
PAGE = 10  # results shown at first, and added by "Show more" (the best ten answer most searches)
SLICE_SECONDS = 0.006  # make and show cards for at most this long before letting events through
MAX_NEW_PER_SLICE = 2  # and at most this many: the layout that follows costs about as much again


@functools.cache
def keep_long_lived_out_of_the_collector() -> None:
    """Leave the pack, its search index and the window out of Python's full collections.

    They live as long as the app, yet a full collection walks them every time: measured at
    50-120 ms, it froze typing in the search box at a random key. Done once, when the search
    index is ready (the app freezes what start-up made the same way, see ``ui/app.py``);
    reference counting still frees these objects as usual.
    """
    gc.freeze()


class SearchController(QWidget):
    """The results column's behaviour: debounce, card reuse, cards made in slices.

    ``cards`` (a :class:`~thresholds_app.ui.assessment.needs_step.CardList`) shows the results;
    ``make_card`` makes the card for an indicator id. This widget itself is the reminder to
    call 999 when the best result may mean significant harm (``danger``, core's rule) and the
    line of links to other guidance found (pathways, consent, stepping, contacts).

    ``searched(n)`` is called after each search with the number of indicators found. It is a
    plain callback rather than a signal: PySide6 6.12 on Python 3.11 loses a reference to True on
    every ``Signal.emit()`` from Python, so signals are kept for what people do, not for what
    happens on every pause in typing.

    Signals:
        other_requested(str, str): the user chose a pathway, consent, stepping or contact hit
            (its kind and id).
        emergency_requested(): the user pressed the red button beside the reminder.
    """

    other_requested = Signal(str, str)
    emergency_requested = Signal()

    def __init__(
        self,
        pack: Pack,
        cards: CardList,
        make_card: Callable[[str], IndicatorCard],
        searched: Callable[[int], None],
    ) -> None:
        super().__init__()
        self.pack = pack
        self.results = cards
        self._searched = searched
        self._indicator_ids: list[str] = []
        self._make_card = make_card
        self._pool: dict[str, IndicatorCard] = {}
        self._hits: list[Hit] = []
        self._shown = 0
        self._pending: list[str] = []
        self._query = ""
        self.made_per_slice: list[int] = []  # new cards in each slice of the last search
        self._age_band: str | None = None
        self.tab_from: QWidget | None = None  # what Tab leaves for the first result (the box)
        # what comes between the links and the first card on screen (the pathway buttons)
        self.tab_between: Callable[[], list[QWidget]] = list
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self._run)
        self._builder = QTimer(self)
        self._builder.setSingleShot(True)
        self._builder.setInterval(0)
        self._builder.timeout.connect(self._build_some)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        self.danger = DangerPromptBar()
        self.danger.emergency_requested.connect(self.emergency_requested.emit)
        column.addWidget(self.danger)
        self.others = QLabel()
        self.others.setObjectName("searchOthers")
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.RichText)
        self.others.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        # its first Tab stop shows a ring: Qt marks a link only from the next Tab (app.qss)
        self.others.setProperty("keyboardLinks", True)
        self.others.linkActivated.connect(self._link)
        column.addWidget(self.others)
        self.more = QPushButton(self.tr("Show more results"), cards)
        self.more.setObjectName("searchMore")
        self.more.clicked.connect(self.show_more)
        self.more.hide()
        self.setVisible(False)

    # -- input ------------------------------------------------------------------------------
    def request(self, query: str, age_band: str | None) -> None:
        """Search for ``query`` once typing pauses."""
        self._query, self._age_band = query, age_band
        self._builder.stop()  # the results being built are out of date
        self.timer.start()

    def run_now(self) -> None:
        """Search at once (Enter in the box)."""
        self.timer.stop()
        self._run()

    def forget_cards(self) -> None:
        """Drop reused cards (the age band changed, so the indicators shown change)."""
        for card in self._pool.values():
            card.setParent(None)
            card.deleteLater()
        self._pool.clear()

    @property
    def hits(self) -> list[Hit]:
        """The hits of the last search, best first."""
        return self._hits

    @property
    def busy(self) -> bool:
        """Whether a search is waiting to run or its cards are still being made."""
        return self.timer.isActive() or self._builder.isActive()

    def _link(self, href: str) -> None:
        kind, _sep, item_id = href.partition(":")
        self.other_requested.emit(kind, item_id)

    # -- running ----------------------------------------------------------------------------
    def _run(self) -> None:
        self._hits = search(self.pack, self._query, age_band=self._age_band)
        indicators = [h for h in self._hits if h.entry.kind == "indicator"]
        self._indicator_ids = [h.entry.id for h in indicators]
        self.danger.show_prompt(danger_prompt(self.pack, self._hits))
        self._show_others(self._hits)
        self._shown = 0
        self.made_per_slice = []
        self.more.hide()
        self.results.take_cards()
        self._searched(len(self._indicator_ids))
        self.show_more()

    def show_more(self) -> None:
        """Show the next :data:`PAGE` results."""
        upto = min(len(self._indicator_ids), self._shown + PAGE)
        self._pending = self._indicator_ids[self._shown : upto]
        self._shown = upto
        self._build_some()

    def _build_some(self) -> None:
        # Cards already made are placed at once; new ones are made and shown until the slice is
        # used up (showing a card costs as much as making it, so both count against the slice).
        start = time.perf_counter()
        made = 0
        while self._pending:
            indicator_id = self._pending[0]
            card = self._pool.get(indicator_id)
            if card is None:
                if made >= MAX_NEW_PER_SLICE or (
                    made and time.perf_counter() - start >= SLICE_SECONDS
                ):
                    break
                card = self._pool[indicator_id] = self._make_card(indicator_id)
                made += 1
            self._pending.pop(0)
            self.results.add_card(card)
            card.show()
        self.made_per_slice.append(made)
        if self._pending:
            self._builder.start()
            return
        remaining = len(self._indicator_ids) - self._shown
        self.more.setText(self.tr("Show {n} more results").format(n=min(PAGE, remaining)))
        self.results.set_footer(self.more)  # first: a widget shown with no parent is a window
        self.more.setVisible(remaining > 0)
        self.keep_tab_order()

    def keep_tab_order(self) -> None:
        """Make Tab go as on screen: box → red button → links → pathways → cards → "Show more".

        Cards are made (or reused) after the rest of the step, so Qt's focus chain has them
        last, or where an earlier search left them: Tab from the search box went to "Show
        more" at the foot of the results, and never reached pathway buttons made later.
        """
        if self.tab_from is None:
            return
        chain: list[QWidget] = [self.tab_from, self.danger.button, self.others]
        chain += self.tab_between()
        for card in self.results.cards.values():
            chain += [card.clear_button, *card.answers.buttons.values(), card.details_button]
        chain_tab_order([*chain, self.more])

    def _show_others(self, hits: list[Hit]) -> None:
        links = others_html(hits)
        self.others.setText(links)
        self.others.setVisible(bool(links))
        self.setVisible(bool(links) or self.danger.prompt is not None)
