"""The main window: a top bar with the emergency button, a stack of pages, menus and Help.

Every page has a typed key (:class:`~thresholds_app.ui.shell.pages.Page`) and is registered here,
in one place. Open work is never stranded: the start screen offers "Continue", the Go menu
lists every page and Ctrl+1…6 reach the assessment's steps from anywhere; nothing replaces an
assessment or a review with unsaved work without asking. The window title never carries
personal data (hazard H15).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QVBoxLayout, QWidget

from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.assessment.widgets import (
    ask_save_discard,
    ask_yes_no,
    enter_presses_buttons,
)
from thresholds_app.ui.danger_style import EMERGENCY_SHORTCUT
from thresholds_app.ui.idle_lock import IdleLock
from thresholds_app.ui.qtprops import application_wide, new_action, set_keys
from thresholds_app.ui.shell.assessment_flow import AssessmentFlow
from thresholds_app.ui.shell.drafts import DraftKeeper, StoreFactory
from thresholds_app.ui.shell.mash_flow import MashFlow
from thresholds_app.ui.shell.menus import build_menus
from thresholds_app.ui.shell.pages import LazyPage, Page, PageStack
from thresholds_app.ui.shell.privacy import PrivacyLock
from thresholds_app.ui.shell.review_flow import ReviewFlow
from thresholds_app.ui.shell.top_bar import TopBar, pack_in_use_label
from thresholds_app.ui.start_page import StartPage

if TYPE_CHECKING:  # loaded when first used: keeps start-up quick
    from PySide6.QtGui import QCloseEvent  # QEvent's 170-odd types: 2 ms
    from PySide6.QtWidgets import QDialog, QMessageBox

    from thresholds_app.core.case.record import CaseRecord
    from thresholds_app.ui.appearance import Appearance
    from thresholds_app.ui.assessment.page import AssessmentPage
    from thresholds_app.ui.case_state import AssessFn
    from thresholds_app.ui.emergency import EmergencyDialog
    from thresholds_app.ui.settings import AppSettings
    from thresholds_app.ui.shell.emergency_key import EmergencyKey
    from thresholds_app.ui.shell.file_opening import FileOpener, FileOpening
    from thresholds_app.ui.shell.warm_up import WarmUp
    from thresholds_app.ui.stepping_page import SteppingPage

# The page keys by their older names (``Page`` is the one definition).
PAGE_START, PAGE_ASSESSMENT, PAGE_REVIEW = Page.START, Page.ASSESSMENT, Page.REVIEW
PAGE_GUIDANCE, PAGE_SETTINGS = Page.GUIDANCE, Page.SETTINGS
APP_TITLE = "Right Help, Right Time"


def default_window_size(window: QWidget) -> QSize:
    """1240 x 820, or less on a small screen (1280 x 720 is the smallest supported).

    The whole window, its title bar and the taskbar then fit without maximising.
    """
    screen = window.screen()
    if screen is None:
        return QSize(1240, 820)
    room = screen.availableGeometry()
    return QSize(min(1240, room.width() - 16), min(820, room.height() - 48))


class MainWindow(QMainWindow):
    """One window, one assessment and one review at a time (hazard H17).

    ``settings`` and ``appearance`` add the settings page, the View menu's text and contrast
    choices and a remembered geometry; ``drafts`` (a drafts-store factory) adds autosave and
    crash recovery. Without them (as in most tests) the window has neither.

    Signals:
        page_changed(str): the page with this key is now shown.
        assessment_started(object): a new AssessmentPage is on show, empty or from a case.
        review_started(object): a new SteppingPage (step-up / step-down review) was built.
    """

    page_changed = Signal(str)
    assessment_started = Signal(object)
    review_started = Signal(object)

    def __init__(
        self,
        pack: Pack,
        *,
        clock: Callable[[], datetime] | None = None,
        assess_fn: AssessFn | None = None,
        settings: AppSettings | None = None,
        appearance: Appearance | None = None,
        drafts: StoreFactory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.pack = pack
        self.clock = clock if clock is not None else datetime.now
        self.assess_fn = assess_fn
        self.settings = settings
        self._emergency: EmergencyDialog | None = None
        self.emergency_key: EmergencyKey | None = None
        self._quit_confirmed = False
        self._closing = False
        self._watching_focus = False  # for a dialog taking the focus (see after_first_paint)
        # The partnership's name when the organisation set one (partnership.name); the system
        # adds the app's name after it ("... — Right Help, Right Time").
        self.setWindowTitle(pack.partnership_name or self.tr(APP_TITLE))
        self.setObjectName("mainWindow")
        self.resize(default_window_size(self))

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.top_bar = TopBar(self.tr(APP_TITLE))
        self.top_bar.home_requested.connect(lambda: self.show_page(Page.START))
        self.top_bar.emergency_requested.connect(self.show_emergency)
        self.home_button = self.top_bar.home_button
        self.emergency_button = self.top_bar.emergency_button
        outer.addWidget(self.top_bar)
        self.stack = PageStack()
        self.stack.setAccessibleName(self.tr("Current screen"))
        outer.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.emergency_action = new_action(self.tr("A child is in &immediate danger"), self)
        set_keys(self.emergency_action, EMERGENCY_SHORTCUT)
        application_wide(self.emergency_action)
        self.emergency_action.triggered.connect(self.show_emergency)
        self.addAction(self.emergency_action)
        self.idle_lock = IdleLock(self, settings.idle_minutes if settings else 5, enabled=False)
        self.idle_lock.emergency_requested.connect(self.show_emergency)
        self.privacy = PrivacyLock(self.idle_lock, self)
        self.page_changed.connect(lambda key: self.privacy.page_changed(Page(key)))
        self.drafts = DraftKeeper(drafts, self.statusBar(), self) if drafts else None
        if self.drafts is not None:  # its label's words narrow the guidance label beside it
            self.drafts.where_changed.connect(self._refit_soon)
        self._opener: FileOpener | None = None
        self._warm_up: WarmUp | None = None
        self.mash = MashFlow(self)
        self.page_actions, self.save_action = build_menus(self, appearance)
        if appearance is not None:  # larger text grows the window: keep it on the screen
            appearance.changed.connect(self._text_size_changed)

        self.assessments = AssessmentFlow(self)
        self.start_page = StartPage(pack, clock=self.clock)
        self.start_page.action_requested.connect(self.handle_start_action)
        self.set_page(Page.START, self.start_page)
        self.set_page(Page.GUIDANCE, LazyPage(self._build_guidance, self.tr("The guidance")))
        self.set_page(Page.TRAINING, LazyPage(self._build_training, self.tr("Training")))
        self.reviews = ReviewFlow(self)
        self.set_page(Page.REVIEW, self.reviews.lazy_page())
        if settings is not None and appearance is not None:
            build = functools.partial(self._build_settings, settings, appearance)
            self.set_page(Page.SETTINGS, LazyPage(build, self.tr("Settings")))
            settings.restore_window(self)
        self.page_actions[Page.SETTINGS].setEnabled(self.has_page(Page.SETTINGS))
        self.show_page(Page.START)
        self.pack_label = pack_in_use_label(pack)  # on every screen (hazard H03)
        self.statusBar().addPermanentWidget(self.pack_label)
        # twice queued: runs after the first paint, and after --quit-when-ready's exit timer
        QTimer.singleShot(0, self, lambda: QTimer.singleShot(0, self, self.after_first_paint))

    # -- pages ----------------------------------------------------------------------------
    def set_page(self, key: Page, widget: QWidget) -> None:
        """Show ``widget`` for ``key`` from now on (the page it replaces is deleted)."""
        self.stack.set(key, widget)
        self.update_availability()

    def has_page(self, key: Page | str) -> bool:
        """Whether a page was added for ``key``."""
        return self.stack.widget_for(Page(key)) is not None

    def page(self, key: Page | str) -> QWidget | None:
        """The page for ``key`` (a lazy page's content once built), if any."""
        return self.stack.built(Page(key))

    def assessment(self) -> AssessmentPage | None:
        """The open assessment, if there is one."""
        return self.assessments.page

    def review(self) -> SteppingPage | None:
        """The step-up / step-down review, if it has been built."""
        page = self.stack.widget_for(Page.REVIEW)
        if not isinstance(page, LazyPage) or page.content is None:
            return None  # not built: its module is not even loaded
        from thresholds_app.ui.stepping_page import SteppingPage

        return page.content if isinstance(page.content, SteppingPage) else None

    def show_page(self, key: Page | str) -> bool:
        """Show the page for ``key``; return False (and say so) when there is none."""
        page = Page(key)
        widget = self.stack.widget_for(page)
        if widget is None:
            self.statusBar().showMessage(self.tr("That screen is not available yet."), 5000)
            return False
        self.stack.setCurrentWidget(widget)
        self.top_bar.show_home(page is not Page.START)
        if page is Page.START:
            self.start_page.focus_main_choice()
        else:  # the start screen has no choice the wheel could change
            from thresholds_app.ui.wheel_guard import guard_wheel

            guard_wheel(widget)
        enter_presses_buttons(widget)  # on every page, as the shortcuts list promises
        self.page_changed.emit(page.value)
        return True

    def current_page_key(self) -> Page | None:
        """The key of the page on show."""
        return self.stack.current_key()

    def update_availability(self) -> None:
        """Offer "Continue" (start screen, Go menu) while an assessment is open."""
        self.start_page.show_open_work(self.assessment() is not None)
        self.page_actions[Page.ASSESSMENT].setEnabled(self.assessment() is not None)
        self.save_action.setEnabled(self.assessment() is not None)

    def _build_guidance(self) -> QWidget:
        from thresholds_app.ui.browser import GuidanceBrowser

        browser = GuidanceBrowser(self.pack)
        browser.emergency_requested.connect(self.show_emergency)
        return browser

    def _text_size_changed(self) -> None:
        from thresholds_app.ui.shell.window_fit import keep_on_screen

        QTimer.singleShot(0, self, lambda: keep_on_screen(self))  # once the layouts have grown
        QTimer.singleShot(0, self, self._fit_bars)

    def _refit_soon(self, *_args: object) -> None:
        QTimer.singleShot(0, self, self._fit_bars)  # once the layouts have the new width

    def _fit_bars(self) -> None:
        """The top bar's name and the guidance label fitted to the window's width.

        From the window's width signal and the text size, not a resize event (``TopBar.fit``).
        """
        self.top_bar.fit()
        self.pack_label.fit()

    def _build_training(self) -> QWidget:
        from thresholds_app.ui.training.library_page import TrainingPage

        return TrainingPage(self.pack, clock=self.clock)

    def _build_settings(self, settings: AppSettings, appearance: Appearance) -> QWidget:
        from thresholds_app.ui.settings_page import SettingsPage

        drafts = self.drafts
        if drafts is None:  # no drafts at all: work lives in memory only
            return SettingsPage(settings, appearance, self.idle_lock, "", drafts_on_disk=False)
        page = SettingsPage(
            settings, appearance, self.idle_lock, drafts.label.toolTip(), drafts.on_disk
        )
        drafts.where_changed.connect(page.show_drafts)
        return page

    # -- open work --------------------------------------------------------------------------
    def continue_assessment(self) -> bool:
        """Show the open assessment; say so when there is none."""
        if self.assessment() is None:
            self.statusBar().showMessage(
                self.tr("No assessment is open. Start one with New assessment (Ctrl+N)."), 6000
            )
            return False
        return self.show_page(Page.ASSESSMENT)

    def go_to_step(self, key: str) -> None:
        """Show step ``key`` of the open assessment, from any page (Ctrl+1…6)."""
        page = self.assessment()
        if page is not None and self.continue_assessment():
            page.go_to_step(key)
            page.focus_step()
        else:
            self.continue_assessment()

    def handle_start_action(self, action: str) -> None:
        """Carry out what the start page asked for."""
        if action == "new":
            self.new_assessment()
        elif action == "continue":
            self.continue_assessment()
        elif action == "open":
            self.open_case_file()
        elif action == "mash":
            self.mash.open_batch()
        elif action == "review":
            self.new_review()
        elif action == "guidance":
            self.show_page(Page.GUIDANCE)
        elif action == "training":
            self.show_page(Page.TRAINING)

    def new_assessment(self) -> None:
        """Start a new assessment from an empty case (nothing is carried over: hazard H17).

        If the assessment on screen has unsaved work the user is asked first (without blocking);
        the new page appears once they agree.
        """
        self.after_discard_check(lambda: self.assessments.show(None))

    def open_case_file(self) -> None:
        """Ask for a case file and open it to carry on the assessment."""
        path = self.ask_open_path()
        if path:
            self.open_case_path(Path(path))

    @property
    def opener(self) -> FileOpener:
        """Reads case files off the GUI thread (made on first use: it needs Qt's enums)."""
        if self._opener is None:
            from thresholds_app.ui.shell.file_opening import FileOpener

            self._opener = FileOpener(self)
        return self._opener

    def open_case_path(self, path: Path) -> FileOpening:
        """Open the case file at ``path`` (read off the GUI thread; asks before clearing work).

        A damaged file gives a plain message, not a crash; ``finished`` tells when it is done.
        """
        return self.assessments.open_path(path)

    def open_case(self, case: CaseRecord, *, unsaved: bool = False) -> AssessmentPage:
        """Show ``case`` in a new assessment page (``unsaved``: recovered or carried over)."""
        return self.assessments.open_case(case, unsaved=unsaved)

    def after_discard_check(
        self, proceed: Callable[[], object], *, page: AssessmentPage | SteppingPage | None = None
    ) -> None:
        """Run ``proceed`` once the user agrees to clear unsaved work (the assessment's)."""
        work = page if page is not None else self.assessment()
        if work is None or not work.has_unsaved_work():
            proceed()
            return
        if page is None:  # an assessment can be saved as a case file first
            self.ask_save(
                self.tr("Save the open assessment?"),
                self.tr(
                    "The assessment on screen has not been saved. Save the case file before "
                    "going on, or discard the assessment?"
                ),
                lambda: self.save_assessment() and proceed(),
                proceed,
            )
            return
        self.ask(
            self.tr("Clear the open review?"),
            self.tr(
                "The review on screen has not been saved. Going on clears it from the screen. "
                "Continue?"
            ),
            proceed,
        )

    def save_assessment(self) -> bool:
        """Save the open assessment's case file (File > Save, from any screen); True if saved.

        A cancelled or failed save returns False and leaves everything as it was.
        """
        page = self.assessment()
        if page is None:
            self.statusBar().showMessage(self.tr("There is no assessment open to save."), 5000)
            return False
        return page.save_case_file() is not None

    # -- the step-up / step-down review -----------------------------------------------------
    def show_review(self) -> None:
        """Show the review in progress (a new, empty one if none has been started)."""
        self.show_page(Page.REVIEW)

    def open_review_path(self, path: Path) -> FileOpening | None:
        """Open a case file for MASH review (read off the GUI thread), or a folder of them."""
        return self.mash.open_path(path)

    def new_review(self) -> None:
        """Start a new, empty review (asking first if the open one has unsaved work)."""
        self.reviews.new_review()

    # -- start-up and quitting --------------------------------------------------------------
    def after_first_paint(self) -> None:
        """Settings problems now; F9 in dialogs and the drafts store at the first sign of use.

        Nothing here keeps the window busy after its first paint (issue 11): F9's watcher over
        every window (it builds PySide6's Qt and QEvent enums, about 40 ms) starts at the first
        input, after an idle spell, or as soon as any other window (a dialog) takes the focus;
        the main window's own F9 works from the start. At the same moment what the first
        assessment needs from core is loaded a piece per event-loop turn
        (``ui/shell/warm_up.py``). The drafts store (key-store probe, ``cryptography``) opens on
        a worker thread at the first input or after an idle spell (``ui/shell/drafts.py``), and a
        crash's draft is offered once it is open.
        """
        from PySide6.QtGui import QGuiApplication
        from PySide6.QtWidgets import QApplication

        from thresholds_app.ui.first_use import FirstUse

        if not self.isVisible():  # closed before its first paint (e.g. a quick exit)
            return
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        FirstUse(self, self._first_use, owner=self)
        handle = self.windowHandle()
        if handle is not None:
            handle.widthChanged.connect(self._refit_soon)
        self._fit_bars()
        app.focusWindowChanged.connect(self._focus_moved)
        self._watching_focus = True
        self._focus_moved(QGuiApplication.focusWindow())  # a notice may be open already
        if self.settings is not None and self.settings.warnings:
            from thresholds_app.ui import autosave

            self.watch_emergency_key()  # the warnings are dialogs: F9 must work in them
            for message in self.settings.warnings:
                autosave.tell(self, self.tr("Settings reset"), message)
        if self.drafts is not None:
            self.drafts.open_when_used(self, self.offer_recovery)

    def _first_use(self) -> None:
        """At the first input (or an idle spell): F9 everywhere, and the assessment warmed up.

        The bars follow their own widths from now on too (a status bar label that appears
        narrows the guidance label without any change to the window).
        """
        from thresholds_app.ui.shell.window_fit import WidthFollower

        self.watch_emergency_key()
        self.warm_up.start()
        WidthFollower(self._fit_bars, self.top_bar, self.pack_label)
        self._fit_bars()

    @property
    def warm_up(self) -> WarmUp:
        """Loads what the first assessment needs before it is asked (``ui/shell/warm_up.py``)."""
        if self._warm_up is None:
            from thresholds_app.ui.shell.warm_up import WarmUp

            self._warm_up = WarmUp(self.pack)
        return self._warm_up

    def _focus_moved(self, focused: object) -> None:
        if focused is not None and focused is not self.windowHandle():
            self.watch_emergency_key()  # another window, e.g. a dialog: F9 must work there

    def watch_emergency_key(self) -> None:
        """F9 from every window of the app from now on, modal dialogs included (once)."""
        if self.emergency_key is not None or self._closing:
            return
        from PySide6.QtWidgets import QApplication

        from thresholds_app.ui.shell.emergency_key import EmergencyKey

        self.emergency_key = EmergencyKey(self.show_emergency, self)
        app = QApplication.instance()
        if self._watching_focus and isinstance(app, QApplication):
            self._watching_focus = False
            app.focusWindowChanged.disconnect(self._focus_moved)

    def offer_recovery(self) -> None:
        """Offer a draft left by a crash (once the drafts store is open) and carry on with it.

        Work begun while the store was opening is not replaced without asking; if the user keeps
        it, the recovered draft is kept for next time.
        """
        if self.drafts is None or not self.isVisible():
            return
        case = self.drafts.recover(self)
        if case is None:
            return
        from thresholds_app.core.case.record import PackRef

        if not case.pack.id:
            case.pack = PackRef.of(self.pack)
        work = self.assessment()
        if work is None or not work.has_unsaved_work():
            self.open_case(case, unsaved=True)  # recovered work is unsaved until saved
            return
        box = self.ask(
            self.tr("Clear the open assessment?"),
            self.tr(
                "The assessment on screen has not been saved. Carrying on with the recovered "
                "work clears it from the screen. Continue?"
            ),
            lambda: self.open_case(case, unsaved=True),
        )
        drafts = self.drafts
        box.finished.connect(lambda _result: drafts.keep_adopted_for_later())

    def unsaved_work_would_be_lost(self) -> bool:
        """Whether quitting now would lose work (unsaved, and drafts cannot keep it)."""
        open_work = [p for p in (self.assessment(), self.review()) if p is not None]
        if not any(p.has_unsaved_work() for p in open_work):
            return False
        return self.drafts is None or not self.drafts.keeps_work_on_disk

    def closeEvent(self, event: QCloseEvent) -> None:
        """Ask before quitting would lose work; then keep drafts and remember the window."""
        if not self._quit_confirmed and self.unsaved_work_would_be_lost():
            event.ignore()
            work = self.assessment()
            if work is not None and work.has_unsaved_work():
                self.ask_save(
                    self.tr("Save before quitting?"),
                    self.tr(
                        "Drafts are kept in memory only on this computer, so what you recorded "
                        "is lost when the app closes. Save the case file before quitting?"
                    ),
                    self._save_then_quit,
                    self._quit_now,
                )
                return
            self.ask(  # only a step-up/step-down review is open, and it has no file of its own
                self.tr("Quit and lose your work?"),
                self.tr(
                    "Drafts are kept in memory only on this computer, so what you recorded is "
                    "lost when the app closes. Save the case file first to keep it. Quit anyway?"
                ),
                self._quit_now,
            )
            return
        self._closing = True
        if self.settings is not None:
            self.settings.save_window(self)
        self.idle_lock.stop()
        if self.emergency_key is not None:
            self.emergency_key.stop()
        if self.drafts is not None:
            page = self.assessment()
            self.drafts.shutdown(page is not None and page.has_unsaved_work())
        super().closeEvent(event)

    def _save_then_quit(self) -> None:
        if self.save_assessment():
            self.close()  # asks again if a review still holds unsaved work

    def _quit_now(self) -> None:
        self._quit_confirmed = True
        self.close()

    # -- dialogs (wrapped so tests can replace them) ---------------------------------------
    def ask_open_path(self) -> str:
        """Ask for a case file to open; return '' if cancelled."""
        from thresholds_app.ui.file_dialogs import open_file_name

        return open_file_name(self, self.tr("Open a case file"), self.tr("Case files (*.json)"))

    def ask(self, title: str, text: str, on_yes: Callable[[], object]) -> QMessageBox:
        """Ask a yes/no question without blocking; call ``on_yes`` if the answer is yes."""
        return ask_yes_no(self, title, text, on_yes)

    def ask_save(
        self,
        title: str,
        text: str,
        on_save: Callable[[], object],
        on_discard: Callable[[], object],
    ) -> QMessageBox:
        """Ask Save / Discard / Cancel without blocking (Save is the default, Escape cancels)."""
        return ask_save_discard(self, title, text, on_save, on_discard)

    def inform(self, title: str, text: str) -> None:
        """Show a message without blocking the caller."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox

        from thresholds_app.ui.message_fit import fit_to_screen

        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=self)
        # e.g. 25 problems: the box would outgrow the screen; the rest under Show Details
        fit_to_screen(
            box, lambda n: self.tr("…and {n} more lines: Show Details… shows them all.").format(n=n)
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    @property
    def emergency_dialog(self) -> EmergencyDialog | None:
        """The emergency contacts window, once it has been shown."""
        return self._emergency

    def show_emergency(self) -> EmergencyDialog:
        """Show whom to call now, above any dialog that is open (refreshed if already shown)."""
        from thresholds_app.ui.emergency import EmergencyDialog

        if self._emergency is None:
            self._emergency = EmergencyDialog(self.pack, self.clock, self)
        self._emergency.show_above_everything()
        return self._emergency

    def show_shortcuts(self) -> QDialog:
        """List every keyboard shortcut (non-blocking)."""
        from thresholds_app.ui.shell.help import shortcuts_dialog

        return shortcuts_dialog(self)

    def show_about(self) -> QDialog:
        """Show the app version, the pack's identity and its provenance (non-blocking)."""
        from thresholds_app.ui.shell.help import about_dialog

        return about_dialog(self, self.pack)
