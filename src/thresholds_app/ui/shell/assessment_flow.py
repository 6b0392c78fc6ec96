"""The open assessment's comings and goings: new, opened from a file, recovered, closed.

One assessment at a time (hazard H17): a new page is built from its own case each time, and the
window asks before anything replaces unsaved work (``MainWindow.after_discard_check``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from thresholds_app.core.base.records import record
from thresholds_app.ui.shell.pages import Page

if TYPE_CHECKING:
    from thresholds_app.core.base.problems import Problem
    from thresholds_app.core.case.record import CaseRecord
    from thresholds_app.core.pack.model import Pack
    from thresholds_app.ui.assessment.page import AssessmentPage
    from thresholds_app.ui.case_state import AssessFn
    from thresholds_app.ui.main_window import MainWindow
    from thresholds_app.ui.shell.file_opening import FileOpening


@record  # not a dataclass: importing dataclasses and compiling one costs start-up 2 ms
class OpenedCase:
    """A case file read for carrying on: the case, what to tell about it, what changed."""

    case: CaseRecord
    noted: list[Problem]  # notices from reading, and answers the pack does not know
    changes: list[str]  # what re-assessing under this pack changed, in words


def read_for_assessment(path: Path, pack: Pack, assess_fn: AssessFn) -> OpenedCase:
    """Read, check and re-assess a case file (core only: runs on a worker thread)."""
    from thresholds_app.core.case.answers import unknown_answer_problems
    from thresholds_app.core.case.record import read_case, reassess_if_pack_changed

    read = read_case(path)
    noted = [*read.notices, *unknown_answer_problems(read, pack)]
    changes = reassess_if_pack_changed(read.case, pack, assess_fn)
    return OpenedCase(read.case, noted, changes)


class AssessmentFlow(QObject):
    """Builds ``window``'s assessment pages and takes them away again."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.page: AssessmentPage | None = None

    def open_path(self, path: Path) -> FileOpening:
        """Open the case file at ``path`` off the GUI thread; a damaged file gives a plain message.

        The file is read and checked (and re-assessed if the guidance changed) on a worker
        thread; the page replaces the one on screen only once the user agrees to clear any
        unsaved work there, asked after the file has been read.
        """
        from thresholds_app.ui.case_state import default_assess_fn

        window = self._window
        pack, assess_fn = window.pack, window.assess_fn or default_assess_fn()
        return window.opener.open(
            path,
            lambda: read_for_assessment(path, pack, assess_fn),
            lambda opened: window.after_discard_check(lambda: self._show_opened(path, opened)),
            lambda words: window.inform(window.tr("Cannot open the case file"), words),
        )

    def _show_opened(self, path: Path, opened: OpenedCase) -> None:
        from thresholds_app.core.case.reading import place_words

        page = self.open_case(opened.case)
        page.saved_path = path
        if opened.noted:
            self._window.inform(
                self._window.tr("Please check this case file"),
                "\n".join(f"{place_words(p)}{p.message}" for p in opened.noted),
            )
        if opened.changes:
            self._window.inform(
                self._window.tr("The guidance has changed since this case was saved"),
                "\n".join(opened.changes),
            )

    def open_case(self, case: CaseRecord, *, unsaved: bool = False) -> AssessmentPage:
        """Show ``case`` in a new assessment page (``unsaved``: recovered or carried over)."""
        page = self.show(case)
        page.go_to_step("safety")
        if unsaved:
            page.mark_unsaved()
        return page

    def show(self, case: CaseRecord | None) -> AssessmentPage:
        """Build and show a page for ``case`` (None: a new, empty case)."""
        from thresholds_app.ui.shell.warm_up import busy

        # the first one takes a second or more to build: the click is seen to have been taken
        with busy(self._window.statusBar(), self._window.tr("Opening the assessment…")):
            from thresholds_app.ui.assessment.page import AssessmentPage

            page = AssessmentPage(
                self._window.pack,
                case=case,
                clock=self._window.clock,
                assess_fn=self._window.assess_fn,
            )
        page.step_up_requested.connect(lambda: self._window.reviews.step_up_from(page))
        page.finished.connect(self._closed)
        page.emergency_requested.connect(self._window.show_emergency)
        self.page = page
        self._window.set_page(Page.ASSESSMENT, page)
        self._window.show_page(Page.ASSESSMENT)
        if case is None:
            page.focus_first()
        if self._window.drafts is not None:
            self._window.drafts.assessment_started(page)
        self._window.assessment_started.emit(page)
        return page

    def _closed(self) -> None:
        self.page = None
        self._window.show_page(Page.START)
        if self._window.drafts is not None:
            self._window.drafts.assessment_closed()  # saved, or the user agreed to close it
        self._window.stack.remove(Page.ASSESSMENT)
        self._window.update_availability()
