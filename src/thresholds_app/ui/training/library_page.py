"""The training screen: find scenarios, then practise them alone or present them to a room.

Filters match the command line's (``thresholds scenarios``): level, theme, age band, cases that
are commonly over- or under-referred, and words in the story. A trainer can add their own
scenario file; it is checked exactly as the pack's files are, with file:line messages.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.pack.model import AGE_BANDS, Pack, Scenario
from thresholds_app.core.training.library import (
    ScenarioFilter,
    filter_scenarios,
    load_local_scenarios,
    referral_direction,
    themes,
)
from thresholds_app.core.training.practice import PracticeResult
from thresholds_app.core.training.session import RoomSession, score_set
from thresholds_app.core.training.sheet import level_words
from thresholds_app.ui.assessment.widgets import (
    enter_presses_buttons,
    heading,
    muted_label,
    plain_label,
)
from thresholds_app.ui.assessment.wrapping_list import make_wrapping
from thresholds_app.ui.file_dialogs import open_file_name, save_file_name
from thresholds_app.ui.flow_row import FlowRow
from thresholds_app.ui.training.practice_view import PracticeView
from thresholds_app.ui.training.presenter import PresenterView

DIRECTION_WORDS = {"over": "often over-referred", "under": "often under-referred"}


def _combo(name: str, items: list[tuple[str, object]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    # as wide as the row allows, not as the longest choice (at 150% text the level list alone
    # took half a 1280-wide screen); the list opens wide enough to read every choice
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(12)
    for text, data in items:
        combo.addItem(text, data)
    return combo


class TrainingPage(QWidget):
    """The scenario library, with practice and the presenter view.

    The printable guidance book is one button away, for handing out in a session.
    """

    def __init__(
        self,
        pack: Pack,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self.clock = clock or (lambda: datetime.now(UTC))
        self.scenarios: list[Scenario] = list(pack.scenarios)
        self.presenter: PresenterView | None = None  # kept: a top-level window outlives locals
        self.practice: PracticeView | None = None
        self.setObjectName("trainingPage")
        self.setAccessibleName("Training scenarios")
        self.pages = QStackedWidget()
        self.library = self._build_library()
        self.pages.addWidget(self.library)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self.refresh()

    # -- the library -----------------------------------------------------------------------
    def _focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _build_library(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(28, 20, 28, 16)
        column.addWidget(heading("Training scenarios", 1))
        column.addWidget(
            muted_label(
                "Invented families with the level the guidance expects. Practise one yourself, "
                "or present a set to a room and count its votes."
            )
        )
        filters = FlowRow()  # four choices and a search box: on two lines at 200% text
        self.level = _combo(
            "Level",
            [("Any level", None)]
            + [(level_words(self.pack, n), n) for n in sorted(self.pack.levels)],
        )
        self.theme = _combo("Theme", [("Any theme", None)])
        self.age = _combo("Age band", [("Any age", None)] + [(band, band) for band in AGE_BANDS])
        self.direction = _combo(
            "Referral pattern",
            [("Any pattern", None)] + [(words, key) for key, words in DIRECTION_WORDS.items()],
        )
        self.search = QLineEdit()
        self.search.setPlaceholderText("Words in the story")
        self.search.setAccessibleName("Search the scenarios")
        self.search.setClearButtonEnabled(True)
        for widget in (self.level, self.theme, self.age, self.direction):
            widget.currentIndexChanged.connect(self.refresh)
            filters.addWidget(widget)
        self.search.textChanged.connect(self.refresh)
        self.search.setMinimumWidth(self.search.fontMetrics().averageCharWidth() * 16)
        filters.addWidget(self.search)
        # Ctrl+F goes to this search while the library is on show (not while practising).
        find = QShortcut(QKeySequence.StandardKey.Find, page)
        find.activated.connect(self._focus_search)
        column.addWidget(filters)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.list = QListWidget()
        self.list.setAccessibleName("Scenarios found")
        # Long titles wrap (at 150% text they were cut off, with a sideways scroll bar).
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        make_wrapping(self.list)
        self.list.currentRowChanged.connect(self._show_story)
        self.list.itemActivated.connect(lambda _item: self.practise([self.current()]))
        split.addWidget(self.list)
        story_box = QWidget()
        story = QVBoxLayout(story_box)
        self.story_title = heading("", 2)
        self.story_meta = muted_label("")
        self.story = plain_label("")
        self.story.setWordWrap(True)
        for label in (self.story_title, self.story_meta, self.story):
            story.addWidget(label)
        story.addStretch(1)
        # A long story scrolls rather than losing its last lines (150% text, a small screen).
        story_scroll = QScrollArea()
        story_scroll.setProperty("readingRegion", True)  # focused, the arrow keys scroll it
        story_scroll.setAccessibleName("The scenario's story")
        story_scroll.setWidgetResizable(True)
        story_scroll.setFrameShape(QFrame.Shape.NoFrame)
        story_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        story_scroll.setWidget(story_box)
        split.addWidget(story_scroll)
        split.setSizes([380, 620])
        column.addWidget(split, 1)

        self.hide_guidance = QCheckBox("Hide what the guidance indicates until the learner commits")
        self.hide_guidance.setChecked(True)
        self.hide_guidance.setAccessibleDescription(
            "While ticked, the list shows no levels and cannot be filtered by level."
        )
        self.hide_guidance.toggled.connect(self.refresh)
        column.addWidget(self.hide_guidance)
        # two rows: the file actions beside the count, practice and presenting under them (in
        # one row, at 150% text, the five buttons made the window wider than a 1280 screen)
        files = QHBoxLayout()
        self.found_label = muted_label("")
        files.addWidget(self.found_label, 1)
        buttons = FlowRow(right=True)  # at 200% text the three do not fit one line
        self.add_file_button = QPushButton("&Add a scenario file…")
        self.add_file_button.clicked.connect(self.ask_local_file)
        self.book_button = QPushButton("Guidance &book…")
        self.book_button.clicked.connect(self.ask_save_book)
        self.practise_button = QPushButton("&Practise this scenario")
        self.practise_button.clicked.connect(lambda: self.practise([self.current()]))
        self.practise_all_button = QPushButton("Practise a&ll found")
        self.practise_all_button.clicked.connect(lambda: self.practise(self.found()))
        self.present_button = QPushButton("Present &to a room")
        self.present_button.clicked.connect(lambda: self.present(self.found()))
        files.addWidget(self.add_file_button)
        files.addWidget(self.book_button)
        for button in (self.practise_button, self.practise_all_button, self.present_button):
            buttons.addWidget(button)
        column.addLayout(files)
        column.addWidget(buttons)
        return page

    def _filter(self) -> ScenarioFilter:
        return ScenarioFilter(
            level=self.level.currentData(),
            theme=self.theme.currentData(),
            age_band=self.age.currentData(),
            direction=self.direction.currentData(),
            text=self.search.text(),
        )

    def refresh(self) -> None:
        """Rebuild the theme list and the scenarios found.

        While what the guidance indicates is hidden, it is hidden here too: no level in the
        list and no level filter (a filter by level would give the answer away).
        """
        hidden = self.hide_guidance.isChecked()
        if hidden and self.level.currentIndex() != 0:
            self.level.blockSignals(True)
            self.level.setCurrentIndex(0)  # "Any level"
            self.level.blockSignals(False)
        self.level.setVisible(not hidden)
        current_theme = self.theme.currentData()
        self.theme.blockSignals(True)
        self.theme.clear()
        self.theme.addItem("Any theme", None)
        for theme in themes(self.scenarios):
            self.theme.addItem(theme.replace("-", " "), theme)
        self.theme.setCurrentIndex(max(0, self.theme.findData(current_theme)))
        self.theme.blockSignals(False)
        self.list.clear()
        found = filter_scenarios(self.scenarios, self._filter())
        for scenario in found:
            level = "" if hidden else f" · {level_words(self.pack, scenario.expected_level)}"
            item = QListWidgetItem(f"{scenario.title}{level}")
            item.setData(Qt.ItemDataRole.UserRole, scenario.id)
            self.list.addItem(item)
        count = len(found)
        self.found_label.setText(f"{count} scenario{'s' if count != 1 else ''} found")
        for button in (self.practise_button, self.practise_all_button, self.present_button):
            button.setEnabled(count > 0)
        if count:
            self.list.setCurrentRow(0)
        else:
            self._show_story(-1)

    def found(self) -> list[Scenario]:
        """The scenarios in the list, in order."""
        by_id = {s.id: s for s in self.scenarios}
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        return [by_id[i] for i in ids]

    def current(self) -> Scenario:
        """The scenario selected in the list (the first when none is)."""
        found = self.found()
        return found[max(0, self.list.currentRow())]

    def _show_story(self, row: int) -> None:
        found = self.found()
        if not 0 <= row < len(found):
            for label in (self.story_title, self.story_meta, self.story):
                label.setText("")
            self.story.setText("No scenarios match. Clear a filter to see more.")
            return
        scenario = found[row]
        self.story_title.setText(scenario.title)
        meta = [
            scenario.age_band or "any age",
            ", ".join(t.replace("-", " ") for t in scenario.themes),
        ]
        direction = referral_direction(scenario)
        if direction:
            meta.append(DIRECTION_WORDS[direction])
        self.story_meta.setText(" · ".join(m for m in meta if m))
        self.story.setText(scenario.story)

    def add_local_file(self, path: Path) -> list[str]:
        """Add a trainer's scenario file; return its problems as file:line messages.

        Nothing is added unless the whole file is sound.
        """
        local = load_local_scenarios(path, self.pack)
        taken = {s.id for s in self.scenarios}
        clashes = [s.id for s in local.scenarios if s.id in taken]
        problems = [str(p) for p in local.problems]
        problems += [f"{path.name}: the id {c!r} is already in the library" for c in clashes]
        if not problems:
            self.scenarios += local.scenarios
            self.refresh()
        return problems

    def ask_local_file(self) -> None:
        """Ask for a scenario file and add it, or say plainly what is wrong with it."""
        name = open_file_name(self, "Add a scenario file", "Scenario files (*.yaml)")
        if not name:
            return
        problems = self.add_local_file(Path(name))
        if problems:
            box = QMessageBox(
                QMessageBox.Icon.Warning, "This scenario file has problems", "", parent=self
            )
            box.setText(
                "The file was not added. Fix these and try again:\n\n" + "\n".join(problems[:20])
            )
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def ask_save_book(self) -> None:
        """Ask where to save the printable guidance book, then write it."""
        name = save_file_name(self, "Save the guidance book", "guidance-book.pdf", "PDF (*.pdf)")
        if not name:
            return
        from thresholds_app import __version__
        from thresholds_app.core.base.atomic import atomic_write_bytes
        from thresholds_app.core.report.rationale import format_produced_at
        from thresholds_app.pdf.book import render_book_pdf

        pdf = render_book_pdf(self.pack, format_produced_at(self.clock()), __version__)
        try:
            atomic_write_bytes(Path(name), pdf)
        except OSError as exc:
            QMessageBox.warning(self, "Not saved", f"The book could not be saved ({exc.strerror}).")

    # -- practice and presenting -----------------------------------------------------------
    def practise(self, scenarios: list[Scenario]) -> PracticeView:
        """Start practice on ``scenarios`` in the same assessment flow practitioners use."""
        if self.practice is not None:
            self.pages.removeWidget(self.practice)
            self.practice.deleteLater()
        self.practice = PracticeView(
            self.pack, scenarios, hide_guidance=self.hide_guidance.isChecked()
        )
        self.practice.finished.connect(self._show_set_result)
        enter_presses_buttons(self.practice)
        self.pages.addWidget(self.practice)
        self.pages.setCurrentWidget(self.practice)
        return self.practice

    def _show_set_result(self, results: list[PracticeResult]) -> None:
        from thresholds_app.ui.training.set_result import SetResultView

        result = score_set(self.pack, results)
        view = SetResultView(self.pack, result)
        view.back_requested.connect(self.back_to_library)
        enter_presses_buttons(view)
        self.pages.addWidget(view)
        self.pages.setCurrentWidget(view)

    def back_to_library(self) -> None:
        """Return to the library (the practice cases are thrown away)."""
        self.pages.setCurrentWidget(self.library)
        while self.pages.count() > 1:
            widget = self.pages.widget(1)
            if widget is None:
                break
            self.pages.removeWidget(widget)
            widget.deleteLater()
        self.practice = None

    def present(self, scenarios: list[Scenario]) -> PresenterView:
        """Open the presenter view full screen for ``scenarios``."""
        if self.presenter is not None:
            self.presenter.close()
        self.presenter = PresenterView(self.pack, scenarios)
        self.presenter.sheet_requested.connect(self._save_sheet)
        self.presenter.showFullScreen()
        self.presenter.activateWindow()
        self.presenter.setFocus()
        return self.presenter

    def _save_sheet(self, session: RoomSession) -> None:
        from thresholds_app import __version__
        from thresholds_app.core.base.atomic import atomic_write_bytes
        from thresholds_app.core.report.rationale import format_produced_at
        from thresholds_app.core.training.sheet import build_session_sheet
        from thresholds_app.pdf.training_sheet import render_session_sheet_pdf

        parent: QWidget = self.presenter if self.presenter is not None else self
        name = save_file_name(parent, "Save the session sheet", "session-sheet.pdf", "PDF (*.pdf)")
        if not name:
            return
        sheet = build_session_sheet(session, format_produced_at(self.clock()))
        try:
            atomic_write_bytes(Path(name), render_session_sheet_pdf(sheet, __version__))
        except OSError as exc:
            QMessageBox.warning(
                self, "Not saved", f"The session sheet could not be saved ({exc.strerror})."
            )
