"""The main window: a top bar with the emergency button, a stack of pages, menus and Help.

Pages are added by key with :meth:`MainWindow.add_page` and shown with :meth:`MainWindow.show_page`,
so other screens (the guidance browser, the step-up / step-down review, settings) plug in without
this module knowing them. The window title never carries personal data (hazard H15).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from thresholds_app import __version__
from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.assessment.widgets import ask_yes_no, heading
from thresholds_app.ui.danger_style import EMERGENCY_SHORTCUT, style_danger
from thresholds_app.ui.qtprops import application_wide, new_action, set_keys
from thresholds_app.ui.start_page import StartPage, pack_status_words

if TYPE_CHECKING:  # loaded when first used: keeps start-up quick
    from PySide6.QtWidgets import QDialog, QMessageBox

    from thresholds_app.core.case.record import CaseRecord
    from thresholds_app.ui.assessment.page import AssessmentPage
    from thresholds_app.ui.case_state import AssessFn
    from thresholds_app.ui.emergency import EmergencyDialog

PAGE_START = "start"
PAGE_ASSESSMENT = "assessment"
PAGE_REVIEW = "review"  # step-up / step-down review (UI engineer B)
PAGE_GUIDANCE = "guidance"  # guidance browser (UI engineer B)
PAGE_SETTINGS = "settings"  # settings (UI engineer B)
PAGE_TRAINING = "training"
APP_TITLE = "Right Help, Right Time"


class MainWindow(QMainWindow):
    """One window, one assessment at a time (hazard H17).

    Signals:
        page_changed(str): the page with this key is now shown.
        page_added(str): a page with this key was added.
        assessment_started(object): a new AssessmentPage (its ``state`` is the CaseState) is
            on show, empty or opened from a case file.
    """

    page_changed = Signal(str)
    page_added = Signal(str)
    assessment_started = Signal(object)

    def __init__(
        self,
        pack: Pack,
        *,
        clock: Callable[[], datetime] | None = None,
        assess_fn: AssessFn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self.clock = clock if clock is not None else datetime.now
        self.assess_fn = assess_fn
        self._pages: dict[str, QWidget] = {}
        self._emergency: EmergencyDialog | None = None
        self.setWindowTitle(self.tr(APP_TITLE))
        self.setObjectName("mainWindow")
        self.resize(1240, 820)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self._build_top_bar())
        self.stack = QStackedWidget()
        self.stack.setAccessibleName(self.tr("Current screen"))
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.emergency_action = new_action(self.tr("A child is in &immediate danger"), self)
        set_keys(self.emergency_action, EMERGENCY_SHORTCUT)
        application_wide(self.emergency_action)
        self.emergency_action.triggered.connect(self.show_emergency)
        self.addAction(self.emergency_action)
        self._build_menus()

        self.start_page = StartPage(pack, clock=self.clock)
        self.start_page.action_requested.connect(self.handle_start_action)
        self.add_page(PAGE_START, self.start_page)
        self.page_added.connect(lambda _key: self.start_page.update_availability(self.has_page))
        self.show_page(PAGE_START)
        # The guidance in use stays visible on every screen (hazard H03).
        self.pack_label = QLabel(
            self.tr("Guidance: {id} {version} ({hash})").format(
                id=pack.manifest.id, version=pack.manifest.version, hash=pack.short_hash or "—"
            )
        )
        self.pack_label.setObjectName("packLabel")
        self.pack_label.setAccessibleName(self.tr("The guidance in use"))
        self.statusBar().addPermanentWidget(self.pack_label)

    # -- pages ----------------------------------------------------------------------------
    def add_page(self, key: str, widget: QWidget) -> None:
        """Add (or replace) the page shown for ``key``."""
        old = self._pages.get(key)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        self._pages[key] = widget
        self.stack.addWidget(widget)
        self.page_added.emit(key)

    def has_page(self, key: str) -> bool:
        """Whether a page was added for ``key``."""
        return key in self._pages

    def page(self, key: str) -> QWidget | None:
        """Return the page added for ``key``, if any."""
        return self._pages.get(key)

    def show_page(self, key: str) -> bool:
        """Show the page for ``key``; return False (and say so) when there is none."""
        widget = self._pages.get(key)
        if widget is None:
            self.statusBar().showMessage(self.tr("That screen is not available yet."), 5000)
            return False
        self.stack.setCurrentWidget(widget)
        self.home_button.setVisible(key != PAGE_START)
        if key == PAGE_START:
            # keyboard focus on the main choice, not on the emergency button (F9 is always there)
            self.start_page.buttons["new"].setFocus()
        self.page_changed.emit(key)
        return True

    def current_page_key(self) -> str | None:
        """The key of the page on show."""
        current = self.stack.currentWidget()
        return next((k for k, w in self._pages.items() if w is current), None)

    # -- start page actions ----------------------------------------------------------------
    def handle_start_action(self, action: str) -> None:
        """Carry out what the start page asked for."""
        if action == "new":
            self.new_assessment()
        elif action == "open":
            self.open_case_file()
        elif action == "mash":
            self.open_case_file(review=True)
        elif action == PAGE_TRAINING:
            self.show_training()
        elif action in (PAGE_REVIEW, PAGE_GUIDANCE):
            self.show_page(action)

    def show_training(self) -> None:
        """Show the training screen (built the first time: practitioners rarely need it)."""
        if not self.has_page(PAGE_TRAINING):
            from thresholds_app.ui.training.library_page import TrainingPage

            page = TrainingPage(self.pack)
            page.book_requested.connect(self.save_guidance_book)
            self.add_page(PAGE_TRAINING, page)
        self.show_page(PAGE_TRAINING)

    def save_guidance_book(self) -> None:
        """Ask where to save the printable guidance book, then write it."""
        from PySide6.QtWidgets import QFileDialog

        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the guidance book"), "guidance-book.pdf", "PDF (*.pdf)"
        )
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
            self.inform(self.tr("Not saved"), self.tr("The book could not be saved: ") + str(exc))

    def new_assessment(self) -> None:
        """Start a new assessment from an empty case (nothing is carried over: hazard H17).

        If the assessment on screen has unsaved work the user is asked first (without blocking);
        the new page appears once they agree.
        """
        self._after_discard_check(self._start_new_assessment)

    def _start_new_assessment(self) -> None:
        from thresholds_app.ui.assessment.page import AssessmentPage

        page = AssessmentPage(self.pack, clock=self.clock, assess_fn=self.assess_fn)
        self._wire_assessment(page)
        self.add_page(PAGE_ASSESSMENT, page)
        self.show_page(PAGE_ASSESSMENT)
        page.focus_first()
        self.assessment_started.emit(page)

    def open_case_file(self, *, review: bool = False) -> None:
        """Ask for a case file and open it (``review``: as a MASH reviewer)."""
        path = self.ask_open_path()
        if path:
            self._after_discard_check(lambda: self.open_case_path(Path(path), review=review))

    def open_case_path(self, path: Path, *, review: bool = False) -> bool:
        """Open the case file at ``path``; a damaged file gives a plain message, not a crash."""
        from thresholds_app.core.case.answers import unknown_answer_problems
        from thresholds_app.core.case.reading import place_words
        from thresholds_app.core.case.record import (
            CaseFileError,
            read_case,
            reassess_if_pack_changed,
        )
        from thresholds_app.ui.case_state import default_assess_fn

        try:
            read = read_case(path)
        except CaseFileError as error:  # every problem, each with its line
            self.inform(self.tr("Cannot open the case file"), str(error))
            return False
        case = read.case
        noted = [*read.notices, *unknown_answer_problems(read, self.pack)]
        assess = self.assess_fn or default_assess_fn()
        changes = reassess_if_pack_changed(case, self.pack, assess)
        page = self.open_case(case, review=review)
        page.saved_path = path
        if noted:
            self.inform(
                self.tr("Please check this case file"),
                "\n".join(f"{place_words(p)}{p.message}" for p in noted),
            )
        if changes:
            self.inform(
                self.tr("The guidance has changed since this case was saved"),
                "\n".join(changes),
            )
        return True

    def open_case(self, case: CaseRecord, *, review: bool = False) -> AssessmentPage:
        """Show ``case`` (opened or recovered) in a new assessment page."""
        from thresholds_app.ui.assessment.page import AssessmentPage

        page = AssessmentPage(
            self.pack, case=case, clock=self.clock, assess_fn=self.assess_fn, review=review
        )
        self._wire_assessment(page)
        self.add_page(PAGE_ASSESSMENT, page)
        self.show_page(PAGE_ASSESSMENT)
        page.go_to_step("preview" if review else "safety")
        self.assessment_started.emit(page)
        return page

    def _wire_assessment(self, page: QWidget) -> None:
        page.step_up_requested.connect(lambda: self.show_page(PAGE_REVIEW))  # type: ignore[attr-defined]
        page.finished.connect(lambda: self.show_page(PAGE_START))  # type: ignore[attr-defined]
        page.emergency_requested.connect(self.show_emergency)  # type: ignore[attr-defined]

    def _after_discard_check(self, proceed: Callable[[], object]) -> None:
        page = self._pages.get(PAGE_ASSESSMENT)
        if page is None or not getattr(page, "has_unsaved_work", lambda: False)():
            proceed()
            return
        self.ask(
            self.tr("Start again?"),
            self.tr(
                "The assessment on screen has not been saved as a case file. Opening another "
                "one clears it from the screen. Continue?"
            ),
            proceed,
        )

    # -- dialogs (wrapped so tests can replace them) ---------------------------------------
    def ask_open_path(self) -> str:
        """Ask for a case file to open; return '' if cancelled."""
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a case file"), "", self.tr("Case files (*.json)")
        )
        return path

    def ask(self, title: str, text: str, on_yes: Callable[[], object]) -> QMessageBox:
        """Ask a yes/no question without blocking; call ``on_yes`` if the answer is yes."""
        return ask_yes_no(self, title, text, on_yes)

    def inform(self, title: str, text: str) -> None:
        """Show a message without blocking the caller."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_emergency(self) -> EmergencyDialog:
        """Show whom to call now; the same dialog is refreshed if it is already open."""
        if self._emergency is None:
            from thresholds_app.ui.emergency import EmergencyDialog

            self._emergency = EmergencyDialog(self.pack, self.clock, self)
        else:
            self._emergency.refresh()
        self._emergency.show()
        self._emergency.raise_()
        self._emergency.activateWindow()
        return self._emergency

    # -- building -------------------------------------------------------------------------
    def _build_top_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("topBar")  # its rule is in the app stylesheet
        row = QHBoxLayout(bar)
        row.setContentsMargins(20, 10, 20, 10)
        row.setSpacing(12)
        self.home_button = QPushButton(self.tr("← Start"))
        self.home_button.setAccessibleName(self.tr("Back to the start screen"))
        self.home_button.setToolTip(self.tr("Back to the start screen (Alt+Home)"))
        self.home_button.setFlat(True)
        self.home_button.clicked.connect(lambda: self.show_page(PAGE_START))
        home = new_action(self.tr("Back to the start screen"), self)
        set_keys(home, "Alt+Home")
        home.triggered.connect(lambda: self.show_page(PAGE_START))
        self.addAction(home)
        row.addWidget(self.home_button)
        title = heading(self.tr(APP_TITLE), 2)
        title.setWordWrap(False)
        row.addWidget(title)
        row.addStretch(1)
        self.emergency_button = QPushButton(self.tr("A child is in immediate danger  (F9)"))
        self.emergency_button.setObjectName("emergencyButton")
        self.emergency_button.setAccessibleName(self.tr("A child is in immediate danger"))
        self.emergency_button.setAccessibleDescription(
            self.tr("Shows 999 and whom to call next. Shortcut: F9, from any screen.")
        )
        self.emergency_button.setToolTip(self.tr("Who to call now (F9)"))
        style_danger(
            self.emergency_button,
            "#emergencyButton { border: 2px solid {red}; border-radius: 6px; padding: 8px 18px;"
            " font-weight: bold; color: {red}; background: palette(base); }"
            # the thicker focus border takes its room from the padding: the text never moves
            "#emergencyButton:focus { border-width: 4px; padding: 6px 16px; }",
            at_start_up=True,
        )
        self.emergency_button.clicked.connect(self.show_emergency)
        row.addWidget(self.emergency_button)
        return bar

    def _build_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        new = file_menu.addAction(self.tr("&New assessment"))
        set_keys(new, QKeySequence.StandardKey.New)
        new.triggered.connect(self.new_assessment)
        opened = file_menu.addAction(self.tr("&Open case file…"))
        set_keys(opened, QKeySequence.StandardKey.Open)
        opened.triggered.connect(lambda: self.open_case_file())
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        set_keys(quit_action, QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        go_menu = menu.addMenu(self.tr("&Go"))
        start = go_menu.addAction(self.tr("&Start screen"))
        start.triggered.connect(lambda: self.show_page(PAGE_START))
        go_menu.addAction(self.emergency_action)
        self.go_menu = go_menu

        help_menu = menu.addMenu(self.tr("&Help"))
        keys = help_menu.addAction(self.tr("&Keyboard shortcuts"))
        set_keys(keys, "Ctrl+/")
        keys.triggered.connect(self.show_shortcuts)
        about = help_menu.addAction(self.tr("&About this app and its guidance"))
        about.triggered.connect(self.show_about)

    def show_shortcuts(self) -> QDialog:
        """List every keyboard shortcut (non-blocking)."""
        rows = [
            ("F9", self.tr("A child is in immediate danger: whom to call")),
            ("Ctrl+N", self.tr("New assessment")),
            ("Ctrl+O", self.tr("Open a case file")),
            ("Ctrl+S", self.tr("Save the case file (in an assessment)")),
            ("Alt+Home", self.tr("Back to the start screen")),
            ("Ctrl+PgDown / Ctrl+PgUp", self.tr("Next / previous step of the assessment")),
            ("Ctrl+F", self.tr("Search the indicators (in the needs step)")),
            ("Ctrl+1 … Ctrl+7", self.tr("Go to a step of the assessment")),
            ("Ctrl+/", self.tr("This list")),
            ("Ctrl+Q", self.tr("Quit")),
        ]
        body = "".join(f"<tr><td><b>{k}</b></td><td>{v}</td></tr>" for k, v in rows)
        intro = self.tr(
            "Everything in the app can be done from the keyboard. Tab moves between controls; "
            "Space or Enter presses a button; arrow keys choose an answer."
        )
        html_text = f"<p>{intro}</p><table cellpadding='6'>{body}</table>"
        return self._text_dialog(self.tr("Keyboard shortcuts"), html_text)

    def show_about(self) -> QDialog:
        """Show the app version, the pack's identity and its provenance (non-blocking)."""
        import html as html_lib  # not at the top: it costs start-up 3 ms

        m = self.pack.manifest
        parts = "".join(
            f"<tr><td>{name}</td><td>{part.status.replace('-', ' ')}</td></tr>"
            for name, part in m.parts.items()
        )
        html_text = (
            f"<h3>{self.tr(APP_TITLE)} {__version__}</h3>"
            f"<p>{self.tr('Supports professional judgement; it never replaces it.')}</p>"
            f"<h4>{html_lib.escape(m.title)}</h4>"
            f"<p>{self.tr('Pack')}: <b>{m.id}</b>, {self.tr('version')} <b>{m.version}</b>"
            f" ({self.tr('content')} {self.pack.short_hash or '—'})<br>"
            f"{self.tr('In force from')} {m.effective_from}; {self.tr('review by')} {m.review_by}"
            f"</p><p><b>{self.tr('Provenance')}:</b> {pack_status_words(self.pack)}</p>"
            f"<p>{html_lib.escape(m.provenance_note)}</p><table cellpadding='4'>{parts}</table>"
        )
        return self._text_dialog(self.tr("About"), html_text)

    def _text_dialog(self, title: str, html_text: str) -> QDialog:
        # Dialog classes load on first use: each PySide type costs time at start-up.
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser

        dialog = QDialog(self)
        dialog.setWindowTitle(title)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        layout = QVBoxLayout(dialog)
        layout.setContentsMargins(20, 20, 20, 16)
        browser = QTextBrowser()
        browser.setAccessibleName(title)
        browser.setOpenExternalLinks(False)
        browser.setHtml(html_text)
        browser.setMinimumSize(520, 360)
        layout.addWidget(browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        dialog.open()
        return dialog
