"""The open assessment's comings and goings: new, opened from a file, recovered, closed.

One assessment at a time (hazard H17): a new page is built from its own case each time, and the
window asks before anything replaces unsaved work (``MainWindow.after_discard_check``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from thresholds_app.ui.shell.pages import Page

if TYPE_CHECKING:
    from thresholds_app.core.case.record import CaseRecord
    from thresholds_app.ui.assessment.page import AssessmentPage
    from thresholds_app.ui.main_window import MainWindow


class AssessmentFlow(QObject):
    """Builds ``window``'s assessment pages and takes them away again."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.page: AssessmentPage | None = None

    def open_path(self, path: Path, *, review: bool = False) -> bool:
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
            self._window.inform(self._window.tr("Cannot open the case file"), str(error))
            return False
        case = read.case
        noted = [*read.notices, *unknown_answer_problems(read, self._window.pack)]
        changes = reassess_if_pack_changed(
            case, self._window.pack, self._window.assess_fn or default_assess_fn()
        )
        page = self.open_case(case, review=review)
        page.saved_path = path
        if noted:
            self._window.inform(
                self._window.tr("Please check this case file"),
                "\n".join(f"{place_words(p)}{p.message}" for p in noted),
            )
        if changes:
            self._window.inform(
                self._window.tr("The guidance has changed since this case was saved"),
                "\n".join(changes),
            )
        return True

    def open_case(
        self, case: CaseRecord, *, review: bool = False, unsaved: bool = False
    ) -> AssessmentPage:
        """Show ``case`` in a new assessment page (``unsaved``: recovered or carried over)."""
        page = self.show(case, review=review)
        page.go_to_step("preview" if review else "safety")
        if unsaved:
            page.mark_unsaved()
        return page

    def show(self, case: CaseRecord | None, *, review: bool = False) -> AssessmentPage:
        """Build and show a page for ``case`` (None: a new, empty case)."""
        from thresholds_app.ui.assessment.page import AssessmentPage

        page = AssessmentPage(
            self._window.pack,
            case=case,
            clock=self._window.clock,
            assess_fn=self._window.assess_fn,
            review=review,
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
