"""Plugs UI engineer B's parts into the main window (called by :mod:`thresholds_app.ui.app`).

``prepare(app)`` applies the remembered text size and colours before the main window is built;
``install(window, app, appearance)`` runs once, after it is built and before it is shown. It
restores the window geometry, adds the View menu (text size, contrast,
settings), the guidance browser, the step-up / step-down review and the settings page (each built
the first time it is shown, to keep start-up quick), the idle lock, and autosave for every
assessment page. After the first paint it offers to recover a draft left by a crash.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from thresholds_app.ui.appearance import Appearance
from thresholds_app.ui.idle_lock import IdleLock
from thresholds_app.ui.qtprops import new_action, set_keys
from thresholds_app.ui.settings import AppSettings

if TYPE_CHECKING:  # drafts and autosave load after the first paint (cryptography is slow)
    from thresholds_app.core.drafts.store import DraftStore
    from thresholds_app.ui.autosave import Autosave

PAGE_ASSESSMENT = "assessment"
PAGE_REVIEW = "review"
PAGE_GUIDANCE = "guidance"
PAGE_SETTINGS = "settings"
LOCKED_PAGES = frozenset({PAGE_ASSESSMENT, PAGE_REVIEW})

log = logging.getLogger(__name__)


class LazyPage(QWidget):
    """A page whose content is built the first time it is shown."""

    def __init__(self, build: Callable[[], QWidget], name: str) -> None:
        super().__init__()
        self._build: Callable[[], QWidget] | None = build
        self.content: QWidget | None = None
        self.setAccessibleName(name)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure_built(self) -> QWidget:
        """Build the content now if it is not built yet, and return it."""
        if self.content is None and self._build is not None:
            self.content = self._build()
            self._build = None
            self._layout.addWidget(self.content)
        assert self.content is not None
        return self.content

    def showEvent(self, event: Any) -> None:
        """Build on first show."""
        self.ensure_built()
        super().showEvent(event)


class Extensions(QObject):
    """Everything B adds to one main window, kept alive with the window."""

    def __init__(
        self,
        window: Any,
        app: QApplication,
        store: DraftStore | None = None,
        settings: AppSettings | None = None,
        appearance: Appearance | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.app = app
        if appearance is not None:  # applied before the window was built (see prepare)
            settings = appearance.settings
            appearance.setParent(self)
        self.settings_warnings: list[str] = []
        self.settings = settings or AppSettings(warn=self.settings_warnings.append)
        self.settings_warnings.extend(m for m in self.settings.warnings if settings is not None)
        if appearance is None:
            appearance = Appearance(app, self.settings, self)
            appearance.apply()
        self.appearance = appearance
        self.settings.restore_window(window)
        self._store = store
        self.autosave: Autosave | None = None
        self.review_autosave: Autosave | None = None
        self._adopt: Any = None  # a recovered draft waiting for its page
        self.idle_lock = IdleLock(window, self.settings.idle_minutes)
        self.idle_lock.set_enabled(False)
        self.drafts_label = QLabel()
        self.drafts_label.setAccessibleName(self.tr("Drafts"))
        window.statusBar().addPermanentWidget(self.drafts_label)

        self._add_pages()
        self._add_view_menu()
        window.page_changed.connect(self._page_changed)
        window.assessment_started.connect(self._assessment_started)
        app.aboutToQuit.connect(self.shutdown)
        # twice queued: runs after the first paint, and after --quit-when-ready's exit timer
        QTimer.singleShot(0, lambda: QTimer.singleShot(0, self.after_first_paint))

    # -- pages and menus -----------------------------------------------------------------------

    def _add_pages(self) -> None:
        pack = self.window.pack

        def browser() -> QWidget:
            from thresholds_app.ui.browser import GuidanceBrowser

            return GuidanceBrowser(pack)

        def review() -> QWidget:
            from thresholds_app.ui.autosave import Autosave
            from thresholds_app.ui.stepping_page import SteppingPage

            page = SteppingPage(pack, clock=self.window.clock)
            page.rationale_requested.connect(self._review_to_rationale)
            self.review_autosave = Autosave(page, self.store, parent=page)
            self.review_autosave.status_changed.connect(self._show_drafts_status)
            return page

        def settings() -> QWidget:
            from thresholds_app.ui.settings_page import SettingsPage

            return SettingsPage(
                self.settings, self.appearance, self.idle_lock, self.drafts_label.toolTip()
            )

        self.window.add_page(PAGE_GUIDANCE, LazyPage(browser, self.tr("The guidance")))
        self.window.add_page(PAGE_REVIEW, LazyPage(review, self.tr("Step-up or step-down review")))
        self.window.add_page(PAGE_SETTINGS, LazyPage(settings, self.tr("Settings")))

    def _add_view_menu(self) -> None:
        bar = self.window.menuBar()
        menus = [a for a in bar.actions() if a.menu() is not None]
        view = bar.addMenu(self.tr("&View")) if not menus else None
        if view is None:
            from PySide6.QtWidgets import QMenu

            view = QMenu(self.tr("&View"), bar)
            bar.insertMenu(menus[-1], view)  # before Help
        view.addActions(self.appearance.actions(self.window))
        view.aboutToShow.connect(self.appearance.contrast_tick)
        view.addSeparator()
        guidance = new_action(self.tr("The &guidance"), self.window)
        set_keys(guidance, "Ctrl+G")
        guidance.triggered.connect(lambda: self.window.show_page(PAGE_GUIDANCE))
        review = new_action(self.tr("Step-up or step-&down review"), self.window)
        review.triggered.connect(lambda: self.window.show_page(PAGE_REVIEW))
        settings = new_action(self.tr("&Settings"), self.window)
        set_keys(settings, "Ctrl+,")
        settings.triggered.connect(lambda: self.window.show_page(PAGE_SETTINGS))
        lock = new_action(self.tr("&Hide details now"), self.window)
        set_keys(lock, "Ctrl+L")
        lock.triggered.connect(self.lock_now)
        view.addActions([guidance, review, settings, lock])
        self.view_menu = view

    def lock_now(self) -> None:
        """Hide child details at once (e.g. before walking away)."""
        enabled = self.idle_lock.counting or self.idle_lock.is_locked
        self.idle_lock.set_enabled(True)
        self.idle_lock.lock()
        if not enabled and self.window.current_page_key() not in LOCKED_PAGES:
            self.idle_lock.unlocked.connect(self._relax_lock)

    def _relax_lock(self) -> None:
        self.idle_lock.unlocked.disconnect(self._relax_lock)
        self._page_changed(self.window.current_page_key() or "")

    def _page_changed(self, key: str) -> None:
        self.idle_lock.set_enabled(key in LOCKED_PAGES)

    # -- drafts --------------------------------------------------------------------------------

    @property
    def store(self) -> DraftStore:
        """The drafts store (created on first use, after the window is on screen)."""
        if self._store is None:
            from thresholds_app.core.drafts.keys import UnavailableKeyProvider
            from thresholds_app.core.drafts.store import DraftStore

            provider = None
            if not self.settings.drafts_allowed:  # the organisation's setting
                provider = UnavailableKeyProvider(
                    self.tr(
                        "Your organisation has turned off saving drafts on this computer, so "
                        "unfinished work is kept in memory only until you save or export it."
                    )
                )
            self._store = DraftStore(
                key_provider=provider, retention_days=self.settings.draft_retention_days
            )
        return self._store

    def _assessment_started(self, page: Any) -> None:
        if self.autosave is not None:
            old = self.autosave
            self.autosave = None
            old.discard()  # the old case was saved, or the user agreed to clear it
        from thresholds_app.ui.autosave import Autosave

        draft, self._adopt = self._adopt, None
        saver = Autosave(page.state, self.store, draft=draft, parent=page)
        saver.status_changed.connect(self._show_drafts_status)
        self.autosave = saver
        page.exported.connect(lambda _kind: saver.discard())  # purge after export (H15)

    def _show_drafts_status(self, text: str) -> None:
        self.drafts_label.setText(self.tr("Drafts: memory only"))
        self.drafts_label.setToolTip(text)
        # short enough for the status bar at any window width; the tooltip has the whole reason
        self.window.statusBar().showMessage(
            self.tr("Unfinished work is kept in memory only, not on disk (hover on Drafts)."),
            15_000,
        )

    def after_first_paint(self) -> None:
        """Check the key store, report settings problems and offer to recover a draft."""
        from thresholds_app.ui import autosave

        if not self.window.isVisible():  # closed before its first paint (e.g. a quick exit)
            return
        for message in self.settings_warnings:
            autosave.tell(self.window, self.tr("Settings reset"), message)
        if not self.store.available:
            self._show_drafts_status(self.store.reason)
            return
        self.drafts_label.setText(self.tr("Drafts: encrypted"))
        self.drafts_label.setToolTip(
            self.tr("Unfinished work is saved encrypted on this computer as you go.")
        )
        recovered = autosave.offer_recovery(self.store, self.window)
        if recovered is None:
            return
        case, draft = recovered
        from thresholds_app.core.case.record import PackRef

        if not case.pack.id:
            case.pack = PackRef.of(self.window.pack)
        self._adopt = draft
        self.window.open_case(case)

    def shutdown(self) -> None:
        """Remember the window; keep unsaved work as a draft, delete drafts of saved work."""
        self.settings.save_window(self.window)
        self.idle_lock.stop()
        if self.review_autosave is not None:
            self.review_autosave.close()  # an unfinished review is kept for next time
        saver = self.autosave
        if saver is None:
            return
        page = self.window.page(PAGE_ASSESSMENT)
        if page is not None and getattr(page, "has_unsaved_work", lambda: True)():
            saver.close()
        else:
            saver.discard()

    def _review_to_rationale(self, case: Any) -> None:
        """Carry the review into an assessment page, keeping its draft (nothing is lost)."""
        check = getattr(self.window, "_after_discard_check", None)
        if check is not None:
            check(lambda: self._open_review_case(case))
        else:
            self._open_review_case(case)

    def _open_review_case(self, case: Any) -> None:
        from thresholds_app.ui.case_state import default_assess_fn

        assess = self.window.assess_fn or default_assess_fn()
        case.assessment = assess(self.window.pack, dict(case.answers), case.context())
        review_saver = self.review_autosave
        if review_saver is not None and review_saver.draft is not None:
            review_saver.flush()
            self._adopt, review_saver.draft = review_saver.draft, None  # the draft moves on
        page = self.window.open_case(case)
        page.go_to_step("decision")


def prepare(app: QApplication) -> Appearance:
    """Read the settings and apply text size, colours and the stylesheet to ``app``.

    Called before the main window is built, so its widgets are styled once, not built and then
    styled again (a stylesheet change re-polishes every widget: about 10 ms at start-up).
    """
    appearance = Appearance(app, AppSettings())
    appearance.apply()
    return appearance


def install(window: Any, app: QApplication, appearance: Appearance | None = None) -> Extensions:
    """Add settings, appearance, pages, idle lock and autosave to ``window``."""
    extensions = Extensions(window, app, appearance=appearance)
    window.b_extensions = extensions
    return extensions
