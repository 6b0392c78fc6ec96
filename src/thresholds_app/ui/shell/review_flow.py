"""Which case a step-up / step-down review belongs to, and where its answers go next.

A review is always built for one case (hazard H17): from the start screen it starts empty; from
an assessment's "Consider a step up" it starts from a copy of that assessment's case (its
answers, level and refused consent), and "Continue to the rationale" carries it back into that
same assessment. A review never shows another case's ticks or answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from thresholds_app.ui.shell.pages import LazyPage, Page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from thresholds_app.core.case.record import CaseRecord
    from thresholds_app.ui.assessment.page import AssessmentPage
    from thresholds_app.ui.main_window import MainWindow


class ReviewFlow(QObject):
    """Starts reviews for ``window`` and carries them into the rationale."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def lazy_page(self, case: CaseRecord | None = None, level: int | None = None) -> LazyPage:
        """A review page, built when first shown, for ``case`` (None: a new, empty review)."""
        window = self._window

        def build() -> QWidget:
            from thresholds_app.ui.stepping_page import SteppingPage

            review = SteppingPage(window.pack, clock=window.clock)
            if case is not None:
                review.start_from_assessment(case, level)
            review.rationale_requested.connect(self.to_rationale)
            if window.drafts is not None:
                window.drafts.review_started(review)
            window.review_started.emit(review)
            return review

        return LazyPage(build, window.tr("Step-up or step-down review"))

    def new_review(self, case: CaseRecord | None = None, level: int | None = None) -> None:
        """Start a review afresh, or from ``case``, once any unsaved review may be cleared."""
        window = self._window

        def start() -> None:
            self._replace(self.lazy_page(case, level))
            window.show_page(Page.REVIEW)

        review = window.review()
        if review is None:
            start()
        else:
            window.after_discard_check(start, page=review)

    def step_up_from(self, page: AssessmentPage) -> None:
        """Open a step-up review of the assessment's own case (its answers, level, consent)."""
        from thresholds_app.core.case.record import CaseRecord

        review = self._window.review()
        if review is not None and review.origin_case_id == page.state.case.case_id:
            self._window.show_page(Page.REVIEW)  # this case's review is already under way
            return
        copy = CaseRecord.from_dict(page.state.case.to_dict())  # edited only when carried back
        # The practitioner's own decision only: the level the guidance indicates is not the
        # level the child is supported at, so with no decision the review asks for it.
        self.new_review(copy, page.state.case.decision.level)

    def to_rationale(self, case: CaseRecord) -> None:
        """Carry the review into the rationale, keeping its draft (nothing is lost)."""
        window = self._window
        open_page = window.assessment()
        if open_page is not None and open_page.state.case.case_id == case.case_id:
            open_page.state.take_review(case)  # the same child: back to its own assessment
            self._replace(self.lazy_page())
            window.show_page(Page.ASSESSMENT)
            open_page.go_to_step("decision")
            return
        window.after_discard_check(lambda: self._open_as_assessment(case))

    def _open_as_assessment(self, case: CaseRecord) -> None:
        from thresholds_app.ui.case_state import default_assess_fn

        window = self._window
        assess = window.assess_fn or default_assess_fn()
        case.assessment = assess(window.pack, dict(case.answers), case.context())
        if window.drafts is not None:
            window.drafts.adopt_next(window.drafts.take_review_draft())  # the draft moves on
        page = window.open_case(case, unsaved=True)  # carried over: unsaved until saved
        self._replace(self.lazy_page())  # this review is done with
        page.go_to_step("decision")

    def _replace(self, page: LazyPage) -> None:
        if self._window.drafts is not None and self._window.review() is not None:
            self._window.drafts.review_closed()
        self._window.set_page(Page.REVIEW, page)
