"""The guidance browser: the whole pack, readable and searchable, without starting a case.

Six sections down the left (levels, indicators, pathways, consent and the golden rules,
stepping, contacts). The indicators section is a filtered table (domain, area, level, age band,
and words for the app's one search, best match first) with the chosen indicator's detail and
its neighbours at other levels beside it; pathways, consent, stepping and contacts that the
words find are offered as links above the table. Everything is reachable from the keyboard:
the section list, Ctrl+F for the search box, arrow keys in the table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QItemSelection, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.pack.model import AGE_BANDS, Pack
from thresholds_app.core.pack.provenance import part_line, status_words
from thresholds_app.core.search.danger import danger_prompt
from thresholds_app.ui.appearance import Heading
from thresholds_app.ui.assessment.wrapping_list import ITEM_PADDING, make_wrapping
from thresholds_app.ui.browser_html import (
    consent_html,
    contacts_html,
    indicator_html,
    levels_html,
    stepping_html,
    topic_html,
)
from thresholds_app.ui.browser_model import ID_ROLE, IndicatorFilter, IndicatorModel
from thresholds_app.ui.danger_prompt import DangerPromptBar
from thresholds_app.ui.reading_view import reading_view
from thresholds_app.ui.review.wrapping_delegate import PAD_X, WrappingDelegate
from thresholds_app.ui.search_index import prepare_search_soon
from thresholds_app.ui.search_links import others_html

SECTIONS = (
    ("levels", "Levels of need"),
    ("indicators", "Indicators"),
    ("pathways", "Special pathways"),
    ("consent", "Consent and golden rules"),
    ("stepping", "Stepping up and down"),
    ("contacts", "Contacts"),
)


def _reader(name: str, html: str = "") -> QTextBrowser:
    view = reading_view(name, html)
    view.document().setDocumentMargin(16)
    return view


def _combo(name: str, description: str, items: Sequence[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.setAccessibleDescription(description)
    for text, data in items:
        combo.addItem(text, data)
    return combo


# The pack part (``parts:`` in pack.yaml) each section shows.
SECTION_PARTS = {"pathways": "topics"}
SEARCH_PAUSE_MS = 150  # the search runs once typing pauses this long
OTHER_SECTIONS = {"pathway": "pathways", "consent": "consent", "stepping": "stepping"}


class IndicatorBrowser(QWidget):
    """Filters and a table of indicators, with the chosen one's detail.

    Signals:
        emergency_requested(): the red button beside a danger-shaped search's reminder.
        other_requested(str, str): a pathway, consent, stepping or contact entry that the search
            found was chosen (its kind and id).
    """

    other_requested = Signal(str, str)
    emergency_requested = Signal()

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.model = IndicatorModel(pack, self)
        self.proxy = IndicatorFilter(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search: e.g. bruise, drinking, missing"))
        self.search.setAccessibleName(self.tr("Search the indicators"))
        self.search.setAccessibleDescription(
            self.tr(
                "Finds indicators, pathways, consent, stepping and contacts by the words typed, "
                "best match first"
            )
        )
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_PAUSE_MS)
        self._search_timer.timeout.connect(self._run_search)
        prepare_search_soon(self, pack)  # ready before the first key, not in the build
        self.others = QLabel()
        self.others.setObjectName("searchOthers")
        self.others.setWordWrap(True)
        self.others.setTextFormat(Qt.TextFormat.RichText)
        self.others.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        # its first Tab stop shows a ring: Qt marks a link only from the next Tab (app.qss)
        self.others.setProperty("keyboardLinks", True)
        self.others.linkActivated.connect(self._other_link)
        self.others.hide()
        # "In immediate danger? Call 999 now" (core's rule), above the best match's detail: in
        # the left column it squeezed the links and the table at 150% text on a 1280-pixel
        # screen, and above the box it would move the box while the user types.
        self.danger = DangerPromptBar()
        self.danger.emergency_requested.connect(self.emergency_requested.emit)
        self.domain = _combo(
            self.tr("Domain"),
            self.tr("Show indicators from one side of the Assessment Framework"),
            [(self.tr("All domains"), "")] + [(d.title, d.id) for d in pack.domains],
        )
        self.area = _combo(self.tr("Area"), self.tr("Show indicators from one area"), [])
        self.level = _combo(
            self.tr("Level"),
            self.tr("Show indicators at one level of need"),
            [(self.tr("All levels"), 0)]
            + [(f"{n}: {pack.levels[n].name}", n) for n in sorted(pack.levels)],
        )
        self.age = _combo(
            self.tr("Age"),
            self.tr("Show indicators that apply to a child of this age"),
            [(self.tr("All ages"), "")] + [(band, band) for band in AGE_BANDS],
        )
        self._fill_areas()

        self._choices: list[QWidget] = []  # the four choices and their labels
        filters = QGridLayout()
        filters.setHorizontalSpacing(8)
        filters.setVerticalSpacing(6)
        search_label = QLabel(self.tr("&Search"))
        search_label.setBuddy(self.search)
        filters.addWidget(search_label, 0, 0)
        filters.addWidget(self.search, 0, 1, 1, 3)
        for i, (label_text, combo) in enumerate(
            (
                (self.tr("&Domain"), self.domain),
                (self.tr("A&rea"), self.area),
                (self.tr("&Level"), self.level),
                (self.tr("A&ge"), self.age),
            )
        ):
            label = QLabel(label_text)
            label.setBuddy(combo)
            combo.setMinimumContentsLength(12)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            filters.addWidget(label, 1 + i // 2, (i % 2) * 2)
            filters.addWidget(combo, 1 + i // 2, (i % 2) * 2 + 1)
            self._choices += [label, combo]
            combo.currentIndexChanged.connect(self._name_choices)
        filters.setColumnStretch(1, 1)
        filters.setColumnStretch(3, 1)
        # Where the guidance is compact (200% text on a 720-pixel screen) the four choices fold
        # under this button: open, they left the search's links and the table no room.
        self.choices_button = QPushButton()
        self.choices_button.setCheckable(True)
        self.choices_button.setAutoDefault(True)
        self.choices_button.toggled.connect(self._show_choices)
        self.choices_button.hide()
        filters.addWidget(self.choices_button, 0, 4)
        self._name_choices()

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(self.tr("Indicators"))
        self.table.setAccessibleDescription(self.tr("Choose an indicator to read it in full"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        # Qt's own row height left out the stylesheet's padding: indicators ended in "…" (QA #20)
        self.table.setItemDelegate(WrappingDelegate(self.table))
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: no keyboard trap
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 195)  # long area names wrap rather than squeeze the text
        self.table.viewport().installEventFilter(self)  # a narrower table: a narrower area column
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # Rows grow or shrink with their wrapped text whenever a column changes width, once the
        # columns have settled: resized at once, the rows missed the later change that a new
        # text size makes to the level column, and came out a line short. (Resizing every row
        # on every layout, Qt's ResizeToContents, made filtering 2-3 times slower.)
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self.table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_a: self._rows_timer.start())
        self.count = QLabel()
        self.count.setProperty("role", "muted")
        self.detail = _reader(self.tr("Indicator detail"))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.others)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.danger)
        right_layout.addWidget(self.detail, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)
        self.detail.setMinimumWidth(300)
        # short of height (200% text on a 720-pixel screen) the detail gives way, so that a
        # danger-shaped search's reminder above it is read in full
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 2)
        left.setMinimumWidth(420)
        splitter.setSizes([640, 420])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._run_search)
        self.domain.currentIndexChanged.connect(self._domain_changed)
        self.area.currentIndexChanged.connect(lambda _i: self._apply(area=self.area.currentData()))
        self.level.currentIndexChanged.connect(
            lambda _i: self._apply(level=self.level.currentData())
        )
        self.age.currentIndexChanged.connect(
            lambda _i: self._apply(age_band=self.age.currentData())
        )
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self._apply()

    def _run_search(self) -> None:
        self._search_timer.stop()
        self._apply(search=self.search.text())
        self.danger.show_prompt(danger_prompt(self.pack, self.proxy.hits))
        links = others_html(self.proxy.hits)
        self.others.setText(links)
        self.others.setVisible(bool(links))

    def search_pending(self) -> bool:
        """Whether typed words are waiting for the pause that runs the search."""
        return self._search_timer.isActive()

    def _other_link(self, href: str) -> None:
        kind, _sep, item_id = href.partition(":")
        self.other_requested.emit(kind, item_id)

    def _fill_areas(self) -> None:
        domain_id = self.domain.currentData()
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(self.tr("All areas"), "")
        for domain in self.pack.domains:
            if not domain_id or domain.id == domain_id:
                for area in domain.areas:
                    self.area.addItem(area.title, area.id)
        self.area.blockSignals(False)

    def _domain_changed(self, _index: int) -> None:
        self._fill_areas()
        self._apply(domain=self.domain.currentData(), area="")

    def _apply(self, **criteria: object) -> None:
        self.proxy.set_criteria(**criteria)  # type: ignore[arg-type]
        shown = self.proxy.rowCount()
        self.count.setText(
            self.tr("{shown} of {total} indicators shown").format(
                shown=shown, total=self.model.rowCount()
            )
        )
        # new words: the best match is shown, not whatever was chosen before the search
        if shown and ("search" in criteria or not self.table.selectionModel().hasSelection()):
            self.table.selectRow(0)
        elif not shown:
            self.detail.setHtml(
                "<p>" + self.tr("No indicator matches. Try fewer or other words.") + "</p>"
            )
        self.table.resizeRowsToContents()
        if shown and "search" in criteria:
            # The best match in view: the view had kept its place near the old choice, which
            # the search left at the foot of the table (issue 11 walk).
            self.table.scrollToTop()

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            self.show_indicator(str(indexes[0].data(ID_ROLE)))

    def show_indicator(self, indicator_id: str) -> None:
        """Show ``indicator_id`` in the detail pane."""
        indicator = self.pack.indicators.get(indicator_id)
        if indicator is not None:
            self.detail.setHtml(indicator_html(self.pack, indicator))
            self.detail.setAccessibleDescription(indicator.text)

    def set_compact(self, compact: bool) -> None:
        """Fold the four choices under a button (True), or show them as always."""
        self.choices_button.setVisible(compact)
        self._show_choices(not compact or self.choices_button.isChecked())

    def _show_choices(self, shown: bool) -> None:
        for widget in self._choices:
            widget.setVisible(shown)

    def _name_choices(self, *_args: object) -> None:
        """Say on the button how many choices narrow the list (they may be folded away)."""
        chosen = sum(1 for w in self._choices if isinstance(w, QComboBox) and w.currentIndex())
        words = self.tr("Choices") + (f" ({chosen} set)" if chosen else "")
        self.choices_button.setText(words)
        self.choices_button.setAccessibleName(
            self.tr("Domain, area, level and age choices") + (f", {chosen} set" if chosen else "")
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Fit the area column when the table's width changes."""
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_area_column()
        return False

    def _fit_area_column(self) -> None:
        """The area column gives way before the indicator's words do.

        Area names wrap at a few words a line; an indicator column narrower than its longest
        word ends it in "…" ("immunisa…" at 150% text in a narrow window, QA item 20).
        """
        metrics = self.table.fontMetrics()
        char = metrics.averageCharWidth()
        words = {w for d in self.pack.domains for a in d.areas for w in a.title.split()}
        longest = max((metrics.horizontalAdvance(w) for w in words), default=char * 9)
        level = self.table.columnWidth(0)
        room = self.table.viewport().width() - level - char * 26  # the indicator's share
        area = max(longest + PAD_X + 4, min(char * 26, room))  # never "behavio…" either
        # Too narrow for both (200% text): the area goes, as the detail and the filter show it.
        narrow = self.table.viewport().width() - level - area < char * 20
        if narrow != self.table.isColumnHidden(1):
            self.table.setColumnHidden(1, narrow)
        if area != self.table.columnWidth(1):
            self.table.horizontalHeader().resizeSection(1, area)

    def selected_id(self) -> str | None:
        """The id of the selected indicator, if any."""
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None


class PathwayBrowser(QWidget):
    """The special pathways (topics): a list and the chosen one in full."""

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Special pathways"))
        self.list.setAccessibleDescription(self.tr("Choose a pathway to read it"))
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setMinimumWidth(220)
        for topic in sorted(pack.topics.values(), key=lambda t: t.title):
            item = QListWidgetItem(topic.title)
            item.setData(Qt.ItemDataRole.UserRole, topic.id)
            self.list.addItem(item)
        self.detail = _reader(self.tr("Pathway detail"))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([280, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.list.currentItemChanged.connect(self._show)
        if self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, item: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if item is not None:
            self.show_topic(str(item.data(Qt.ItemDataRole.UserRole)))

    def show_topic(self, topic_id: str) -> None:
        """Show the pathway ``topic_id``."""
        topic = self.pack.topics.get(topic_id)
        if topic is not None:
            self.detail.setHtml(topic_html(self.pack, topic))


class GuidanceBrowser(QWidget):
    """The whole guidance pack to read, section by section.

    Signals:
        section_changed(str): the section with this key is shown.
        emergency_requested(): the red button beside a danger-shaped search's reminder.
    """

    section_changed = Signal(str)
    emergency_requested = Signal()

    def __init__(self, pack: Pack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.setAccessibleName(self.tr("Guidance browser"))
        self.sections = QListWidget()
        self.sections.setAccessibleName(self.tr("Sections of the guidance"))
        self.sections.setAccessibleDescription(self.tr("Choose what to read"))
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections.setSpacing(2)
        self.pages = QStackedWidget()
        self.indicators = IndicatorBrowser(pack)
        self.pathways = PathwayBrowser(pack)
        self.indicators.other_requested.connect(self.show_found)
        self.indicators.emergency_requested.connect(self.emergency_requested.emit)
        self._keys: list[str] = []
        builders: dict[str, Callable[[], QWidget]] = {
            "levels": lambda: _reader(self.tr("Levels of need"), levels_html(pack)),
            "indicators": lambda: self.indicators,
            "pathways": lambda: self.pathways,
            "consent": lambda: _reader(self.tr("Consent"), consent_html(pack)),
            "stepping": lambda: _reader(self.tr("Stepping"), stepping_html(pack)),
            "contacts": lambda: _reader(self.tr("Contacts"), contacts_html(pack)),
        }
        for key, section_title in SECTIONS:
            self.sections.addItem(self.tr(section_title))
            self.pages.addWidget(builders[key]())
            self._keys.append(key)

        make_wrapping(self.sections)  # a narrow list at large text: titles wrap, never cut
        title = Heading(self.tr("The guidance"), 1.5)
        subtitle = QLabel(
            self.tr("{title}, version {version}").format(
                title=pack.manifest.title, version=pack.manifest.version
            )
        )
        subtitle.setProperty("role", "muted")
        self.subtitle = subtitle
        # How far the section on show is confirmed against the partnership's own publication
        # (core's words): what follows the regional pattern is never passed off as local.
        self.provenance = QLabel()
        self.provenance.setObjectName("sectionProvenance")
        self.provenance.setWordWrap(True)
        self.provenance.setProperty("role", "muted")
        # Where the list would leave the content too little room (175% text and more on a
        # 1280 screen), the sections are a drop-down beside the title instead.
        self.section_choice = QComboBox()
        self.section_choice.setAccessibleName(self.tr("Section of the guidance"))
        for i in range(self.sections.count()):
            self.section_choice.addItem(self.sections.item(i).text())
        self.section_choice.hide()
        self.compact = False
        body = QHBoxLayout()
        body.setSpacing(16)
        # Under the list of sections, where there is room to spare: above the content it
        # squeezed the search's links at 150% text on a 1280 x 720 screen.
        self.side = QVBoxLayout()
        self.side.addWidget(self.sections, 1)
        self.side.addWidget(self.provenance)
        body.addLayout(self.side)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.setSpacing(8)
        header = QHBoxLayout()
        header.addWidget(title, 1)
        header.addWidget(self.section_choice)
        layout.addLayout(header)
        layout.addWidget(subtitle)
        layout.addLayout(body, 1)
        self._fit_sections()

        self.sections.currentRowChanged.connect(self._row_changed)
        self.sections.currentRowChanged.connect(self._show_choice)
        self.section_choice.currentIndexChanged.connect(self.sections.setCurrentRow)
        self.sections.setCurrentRow(0)
        # Ctrl+F works whenever the guidance is on show, wherever the focus is (the top bar,
        # the page itself after Ctrl+G): a shortcut of a hidden page never fires, so this does
        # not take the key from another page's search.
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self.focus_search)

    def _fit_sections(self) -> None:
        """The section list as wide as its titles, but never more than a fifth of the page.

        At 150% text on a 1280 x 720 screen the titles' own width left the indicators table a
        column too narrow for one word ("immunisa…", QA item 20); there the titles wrap.
        """
        metrics = self.sections.fontMetrics()
        titles = (self.sections.item(i).text() for i in range(self.sections.count()))
        natural = max(metrics.horizontalAdvance(t) for t in titles) + 2 * ITEM_PADDING[0] + 36
        width = self.window().width()  # the page fills the window; its own width lags
        # the indicators' table and detail need about 80 characters beside the list
        self._set_compact(0 < width < natural + metrics.averageCharWidth() * 80)
        if self.compact:
            return
        room = max(180, width // 5) if width > 0 else natural
        fitted = min(natural, room)
        self.provenance.setFixedWidth(fitted)  # the line under the list, as wide
        if fitted != self.sections.width():
            self.sections.setFixedWidth(fitted)
            layout = self.layout()
            if layout is not None:  # place the page now, not at some later layout
                layout.activate()
        QTimer.singleShot(0, self.sections, self.sections.doItemsLayout)

    def changeEvent(self, event: QEvent) -> None:
        """Fit the section list to a new text size."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._fit_sections()

    def showEvent(self, event: QShowEvent) -> None:
        """Fit the section list to the window before the page is first painted."""
        self._fit_sections()
        super().showEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the section list to the new width, once this resize's layout is done.

        A width fixed while the layout is placing the page is lost: the list grew over the
        content beside it until something else laid the page out again.
        """
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            QTimer.singleShot(0, self, self._fit_sections)

    def _set_compact(self, compact: bool) -> None:
        """The sections as a drop-down, the line on how sure under the subtitle (True)."""
        if compact == self.compact:
            return
        self.compact = compact
        self.sections.setVisible(not compact)
        self.section_choice.setVisible(compact)
        self.subtitle.setVisible(not compact)  # the version is in the status bar: room kept
        self.indicators.set_compact(compact)
        column = self.layout()
        if not isinstance(column, QVBoxLayout):
            return
        if compact:
            self.side.removeWidget(self.provenance)
            column.insertWidget(2, self.provenance)  # under the title, the page's width
            self.provenance.setMinimumWidth(0)
            self.provenance.setMaximumWidth(16_777_215)
        else:
            column.removeWidget(self.provenance)
            self.side.addWidget(self.provenance)

    def _show_choice(self, row: int) -> None:
        self.section_choice.blockSignals(True)
        self.section_choice.setCurrentIndex(row)
        self.section_choice.blockSignals(False)

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self._keys):
            self.pages.setCurrentIndex(row)
            self._show_provenance(self._keys[row])
            self.section_changed.emit(self._keys[row])

    def _show_provenance(self, key: str) -> None:
        # The status in a few words under the sections (the column is narrow); the pack's note
        # on the part is its tooltip, and every note is in Help > About.
        part = self.pack.manifest.parts.get(SECTION_PARTS.get(key, key))
        status = status_words(part.status) if part else ""
        self.provenance.setText(self.tr("How sure: {status}.").format(status=status))
        self.provenance.setToolTip(part_line(part) if part else "")
        self.provenance.setAccessibleDescription(part_line(part) if part else "")
        self.provenance.setVisible(part is not None)

    def show_section(self, key: str) -> None:
        """Show the section ``key`` (one of :data:`SECTIONS`)."""
        if key in self._keys:
            self.sections.setCurrentRow(self._keys.index(key))

    def show_found(self, kind: str, item_id: str) -> None:
        """Show an entry the search found: a pathway, or the consent, stepping or contacts."""
        self.show_section(OTHER_SECTIONS.get(kind, "contacts"))
        if kind == "pathway":
            self.pathways.show_topic(item_id)
            items = self.pathways.list.findItems(
                self.pack.topics[item_id].title, Qt.MatchFlag.MatchExactly
            )
            if items:
                self.pathways.list.setCurrentItem(items[0])

    def current_section(self) -> str:
        """The key of the section on show."""
        return self._keys[self.pages.currentIndex()]

    def focus_search(self) -> None:
        """Go to the indicator search box (Ctrl+F)."""
        self.show_section("indicators")
        self.indicators.search.setFocus()
        self.indicators.search.selectAll()
