"""The main window's menus: File, Go (every page and every step), View and Help.

Built at start-up, so only :mod:`thresholds_app.ui.qtprops` helpers are used (no ``Qt``
namespace). Ctrl+1…6 live here, on the window, so they reach the open assessment from any page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence

from thresholds_app.ui.assessment.steps import STEPS
from thresholds_app.ui.qtprops import new_action, set_keys
from thresholds_app.ui.shell.pages import PAGE_MENU_TEXT, Page

if TYPE_CHECKING:
    from thresholds_app.ui.appearance import Appearance
    from thresholds_app.ui.main_window import MainWindow

PAGE_KEYS: dict[Page, str] = {
    Page.START: "Alt+Home",
    Page.GUIDANCE: "Ctrl+G",
    Page.SETTINGS: "Ctrl+,",
}


def build_menus(
    window: MainWindow, appearance: Appearance | None
) -> tuple[dict[Page, QAction], QAction]:
    """Add the menus to ``window``; return the Go menu's action for each page, and File > Save."""
    bar = window.menuBar()
    file_menu = bar.addMenu(window.tr("&File"))
    new = file_menu.addAction(window.tr("&New assessment"))
    set_keys(new, QKeySequence.StandardKey.New)
    new.triggered.connect(window.new_assessment)
    opened = file_menu.addAction(window.tr("&Open case file…"))
    set_keys(opened, QKeySequence.StandardKey.Open)
    opened.triggered.connect(lambda: window.open_case_file())
    save = file_menu.addAction(window.tr("&Save case file"))
    set_keys(save, QKeySequence.StandardKey.Save)  # the window's, so it works from any screen
    save.triggered.connect(window.save_assessment)
    mash = file_menu.addAction(window.tr("MASH &review of referrals"))
    set_keys(mash, "Ctrl+Shift+M")
    mash.triggered.connect(window.mash.open_batch)
    mash_file = file_menu.addAction(window.tr("Open a case file for MASH re&view…"))
    mash_file.triggered.connect(window.mash.ask_file)
    file_menu.addSeparator()
    quit_action = file_menu.addAction(window.tr("&Quit"))
    set_keys(quit_action, "Ctrl+Q")  # the same on every system (Windows has no standard key)
    quit_action.triggered.connect(window.close)

    go_menu = bar.addMenu(window.tr("&Go"))
    page_actions: dict[Page, QAction] = {}
    for page in PAGE_MENU_TEXT:  # the pages a user can go to (a referral under review is not one)
        action = new_action(window.tr(PAGE_MENU_TEXT[page]), window)
        if page in PAGE_KEYS:
            set_keys(action, PAGE_KEYS[page])
        if page is Page.ASSESSMENT:
            action.triggered.connect(window.continue_assessment)
        elif page is Page.REVIEW:
            action.triggered.connect(window.show_review)
        else:
            action.triggered.connect(lambda _on=False, p=page: window.show_page(p))
        go_menu.addAction(action)
        page_actions[page] = action
    steps = go_menu.addMenu(window.tr("Ste&p of the assessment"))
    for number, (key, title) in enumerate(STEPS, start=1):
        step = new_action(window.tr(title), window)
        set_keys(step, f"Ctrl+{number}")
        step.triggered.connect(lambda _on=False, k=key: window.go_to_step(k))
        steps.addAction(step)
    go_menu.addSeparator()
    go_menu.addAction(window.emergency_action)
    for action in [*page_actions.values(), *steps.actions()]:
        window.addAction(action)  # the keys work while the menu bar is hidden by the lock too

    view = bar.addMenu(window.tr("&View"))
    if appearance is not None:
        view.addActions(appearance.actions(window))
        view.aboutToShow.connect(appearance.contrast_tick)
        view.addSeparator()
    lock = new_action(window.tr("Hide &details now"), window)
    set_keys(lock, "Ctrl+L")
    lock.triggered.connect(window.privacy.lock_now)
    view.addAction(lock)

    help_menu = bar.addMenu(window.tr("&Help"))
    keys = help_menu.addAction(window.tr("&Keyboard shortcuts"))
    set_keys(keys, "Ctrl+/")
    keys.triggered.connect(window.show_shortcuts)
    about = help_menu.addAction(window.tr("&About this app and its guidance"))
    about.triggered.connect(window.show_about)
    return page_actions, save
