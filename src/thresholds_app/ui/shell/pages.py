"""The main window's pages, named once by a typed key.

Every page the window can show is a :class:`Page`; the Go menu, the start screen and the idle
lock all read this one list. A ``StrEnum`` so a key also compares equal to its plain name
("assessment"), which is what settings and test drivers use.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

if TYPE_CHECKING:  # PySide6 builds QShowEvent and QEvent's types on first use: 3 to 4 ms
    from PySide6.QtGui import QFocusEvent, QShowEvent


class Page(StrEnum):
    """A page of the main window."""

    START = "start"
    ASSESSMENT = "assessment"
    REVIEW = "review"  # step-up / step-down review
    GUIDANCE = "guidance"
    SETTINGS = "settings"
    TRAINING = "training"
    MASH = "mash"  # the MASH's folder of referrals
    MASH_CASE = "mash-case"  # one referral under MASH review


# Menu wording (with mnemonics) for each page, in Go-menu order.
PAGE_MENU_TEXT: dict[Page, str] = {
    Page.START: "&Start screen",
    Page.ASSESSMENT: "The open &assessment",
    Page.REVIEW: "Step-up or step-&down review",
    Page.GUIDANCE: "The &guidance",
    Page.SETTINGS: "Se&ttings",
    Page.TRAINING: "T&raining scenarios",
}

# Pages that can show a child's details: the idle lock is on while one of them is on screen.
CHILD_DETAIL_PAGES = frozenset({Page.ASSESSMENT, Page.REVIEW, Page.MASH, Page.MASH_CASE})


class LazyPage(QWidget):
    """A page whose content is built the first time it is shown (keeps start-up quick)."""

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

    def showEvent(self, event: QShowEvent) -> None:
        """Build on first show."""
        self.ensure_built()
        super().showEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        """Hand the focus on to the page's first control.

        Qt gives the focus to the page itself when the page it leaves had it and this one's
        content is not on screen yet (it is built as it is shown): the focus was invisible, and
        the arrow keys and Ctrl+F did nothing (issue 11 walk, after Ctrl+G).
        """
        super().focusInEvent(event)
        QTimer.singleShot(0, self, self._pass_focus)

    def _pass_focus(self) -> None:
        if self.hasFocus() and self.content is not None:
            self.focusNextChild()


class PageStack(QStackedWidget):
    """The window's pages by key, one shown at a time: the one registry of pages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: dict[Page, QWidget] = {}

    def set(self, key: Page, widget: QWidget) -> None:
        """Use ``widget`` for ``key`` from now on (the page it replaces is deleted)."""
        self.remove(key)
        self._pages[key] = widget
        self.addWidget(widget)

    def remove(self, key: Page) -> None:
        """Take the page for ``key`` away (deleted once its events are done)."""
        old = self._pages.pop(key, None)
        if old is not None:
            self.removeWidget(old)
            old.deleteLater()

    def widget_for(self, key: Page) -> QWidget | None:
        """The widget registered for ``key`` (a lazy page unbuilt), if any."""
        return self._pages.get(key)

    def built(self, key: Page) -> QWidget | None:
        """The page for ``key``, building a lazy page's content now."""
        widget = self._pages.get(key)
        return widget.ensure_built() if isinstance(widget, LazyPage) else widget

    def current_key(self) -> Page | None:
        """The key of the page on show."""
        current = self.currentWidget()
        return next((k for k, w in self._pages.items() if w is current), None)
