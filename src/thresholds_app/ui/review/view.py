"""One referral in review mode: the referral read-only, three levels, gaps, the reviewer's form.

Nothing of the referrer's part can be changed here: it is shown as read-only text, and saving
adds the review beside it in the file (:func:`core.review.store.add_review`), keeping every byte
of the referral. The feedback slip for the referrer is built by core from the saved review.

Signals:
    review_saved(str): a review was saved into the case file at this path.
    back_requested(): the user asked to go back to the folder of referrals.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from thresholds_app import __version__
from thresholds_app.core.base.wording import one_line
from thresholds_app.core.case.gaps import referral_gaps
from thresholds_app.core.case.reading import read_case_bytes
from thresholds_app.core.case.record import CaseFileError, CaseRecord, case_from_json
from thresholds_app.core.case.reviews import Review, outcome_words, stage_words
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.review.decision import received_time, review_blockers, start_review
from thresholds_app.core.review.feedback import build_feedback, feedback_to_text
from thresholds_app.core.review.reassess import (
    Reassessment,
    indicated_words,
    level_words,
    reassess,
)
from thresholds_app.core.review.store import add_review, already_saved, referral_changed_since
from thresholds_app.ui.assessment.widgets import (
    big_text,
    card_frame,
    heading,
    muted_label,
    plain_label,
)
from thresholds_app.ui.file_dialogs import save_file_name
from thresholds_app.ui.flow_row import FlowRow
from thresholds_app.ui.reading_view import reading_view
from thresholds_app.ui.review.referral_html import referral_html
from thresholds_app.ui.review.reviewer_form import ReviewerForm
from thresholds_app.ui.review.saving import write_chosen


@dataclass(frozen=True)
class ReferralFile:
    """A case file read for MASH review: its bytes, the case, the guidance now, the layout."""

    path: Path
    raw: bytes
    case: CaseRecord
    checked: Reassessment
    html: str  # the referrer's part laid out for the read-only view


def read_referral(pack: Pack, path: Path, now: dt.datetime) -> ReferralFile:
    """Read a case file for review; raises :class:`CaseFileError` (no Qt: runs on a worker)."""
    raw = read_case_bytes(path)
    case = case_from_json(raw, name=path.name)
    return ReferralFile(path, raw, case, reassess(pack, case, now=now), referral_html(pack, case))


class ReviewView(QWidget):
    """A case file opened for MASH review (read-only referral, the reviewer's own form)."""

    review_saved = Signal(str)
    back_requested = Signal()

    def __init__(
        self,
        pack: Pack,
        referral: ReferralFile,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewView")
        self.pack, self.path, self.clock = pack, referral.path, clock
        self.raw = referral.raw
        self.case: CaseRecord = referral.case
        self.checked: Reassessment = referral.checked
        # The latest review in the file: its feedback slip can be made again on another day.
        self.saved: Review | None = self.case.reviews[-1] if self.case.reviews else None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        top = QHBoxLayout()
        self.back = QPushButton(self.tr("← Referrals"))
        self.back.setAccessibleName(self.tr("Back to the folder of referrals"))
        self.back.clicked.connect(self.back_requested)
        top.addWidget(self.back)
        title = heading(
            self.tr("MASH review: {ref}").format(ref=one_line(self.case.child.reference) or "—")
        )
        title.setWordWrap(False)
        top.addWidget(title)
        top.addStretch(1)
        outer.addLayout(top)

        outer.addWidget(self._levels())
        # The differences and the gaps head the right-hand column, which scrolls: above the
        # splitter a long list of differences was cut off at the bottom at 150% text.
        self.differences = plain_label(self._differences_text())
        self.differences.setObjectName("differences")
        self.differences.setTextFormat(Qt.TextFormat.RichText)
        self.gaps = plain_label(self._gaps_text())
        self.gaps.setObjectName("gaps")
        self.gaps.setTextFormat(Qt.TextFormat.RichText)

        splitter = QSplitter()
        self.referral = reading_view(
            self.tr("The referral, as the referrer left it"), referral.html
        )
        self.referral.setObjectName("referralText")
        splitter.addWidget(self.referral)

        side = QWidget()
        column = QVBoxLayout(side)
        column.addWidget(self.differences)
        column.addWidget(self.gaps)
        self.history = muted_label(self._history_text())
        self.history.setObjectName("reviewHistory")
        column.addWidget(self.history)
        base = start_review(pack, self.case, self.checked, received_at=received_time(self.case))
        self.form = ReviewerForm(pack, self.case, base, clock)
        self.form.changed.connect(self._update)
        column.addWidget(self.form)
        # Saving on a row of its own, the feedback slips under it: the three side by side were
        # wider than the column at 150% text.
        self.save_button = QPushButton(self.tr("Save review into the case file"))
        self.save_button.setProperty("role", "primary")
        self.save_button.clicked.connect(self.save_review)
        column.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignLeft)
        buttons = FlowRow()  # side by side, or one under the other at large text
        # short words: at 200% text the two still share a line under a small column
        self.feedback_pdf = QPushButton(self.tr("Feedback (PDF)…"))
        self.feedback_pdf.setAccessibleName(self.tr("Feedback slip for the referrer, as a PDF"))
        self.feedback_pdf.clicked.connect(self.save_feedback_pdf)
        self.feedback_text = QPushButton(self.tr("Feedback (text)…"))
        self.feedback_text.setAccessibleName(self.tr("Feedback slip for the referrer, as text"))
        self.feedback_text.clicked.connect(self.save_feedback_text)
        buttons.addWidget(self.feedback_pdf)
        buttons.addWidget(self.feedback_text)
        column.addWidget(buttons)
        self.status = muted_label("")
        self.status.setObjectName("reviewStatus")
        column.addWidget(self.status)
        column.addStretch(1)
        self.side_scroll = scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # it fits
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Tab goes to the fields in it (each scrolled into view), never to the column itself,
        # where a keyboard user could see no focus at all.
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setWidget(side)
        splitter.addWidget(scroll)
        splitter.setSizes([520, 700])
        outer.addWidget(splitter, 1)
        self._update()

    # -- the three levels --------------------------------------------------------------------
    def _levels(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        referred = self.checked.as_referred
        made = self.checked.referred_pack
        now = self.checked.current_pack
        cards = [
            (
                self.tr("As referred"),
                indicated_words(self.pack, referred) if referred else self.tr("Not saved"),
                self.tr("Guidance {v}; the referrer decided {d}").format(
                    v=made.version or "?", d=level_words(self.case.decision.level)
                ),
            ),
            (
                self.tr("Under the guidance now"),
                indicated_words(self.pack, self.checked.now),
                self.tr("Guidance {v}").format(v=now.version),
            ),
            (self.tr("Yours"), "—", self.tr("From your review below")),
        ]
        self.level_values = []
        for column, (title, value, note) in enumerate(cards):
            card = card_frame("levelCard")
            inner = QVBoxLayout(card)
            inner.addWidget(muted_label(title))
            label = big_text(value, 1.5)
            label.setAccessibleName(f"{title}: {value}")
            inner.addWidget(label)
            inner.addWidget(muted_label(note))
            grid.addWidget(card, 0, column)
            self.level_values.append(label)
        return box

    def _differences_text(self) -> str:
        if not self.checked.differences:
            return self.tr("<b>No differences:</b> made with the guidance in force now.")
        items = "".join(f"<li>{escape(d.words)}</li>" for d in self.checked.differences)
        return f"<b>{self.tr('What differs from the guidance now')}</b><ul>{items}</ul>"

    def _gaps_text(self) -> str:
        gaps = referral_gaps(self.pack, self.case)
        if not gaps:
            return self.tr("<b>No gaps</b> to go back to the referrer about.")
        items = "".join(f"<li>{escape(g.words)}</li>" for g in gaps)
        return f"<b>{self.tr('To go back to the referrer about')}</b><ul>{items}</ul>"

    def _history_text(self) -> str:
        # The same words the form offers: the stage names and the pack's outcome labels.
        guide = review_guide(self.pack)
        lines = []
        for number, r in enumerate(self.case.reviews, start=1):
            outcome = outcome_words(guide, r) or "—"
            line = self.tr("Review {n} ({stage}) by {who}: {level}, outcome {outcome}").format(
                n=number,
                stage=self.tr(stage_words(r.stage)),
                who=one_line(r.reviewer) or "?",
                level=level_words(r.level),
                outcome=outcome,
            )
            if referral_changed_since(self.raw, r):
                line += self.tr(" — the referral has changed since this review")
            lines.append(line)
        return "\n".join(lines) if lines else self.tr("No reviews yet.")

    # -- actions -----------------------------------------------------------------------------
    def blockers(self) -> list[str]:
        """What the review still needs (core decides)."""
        return review_blockers(self.pack, self.case, self.form.review())

    def _update(self) -> None:
        review = self.form.review()
        yours = level_words(review.level) if review.level is not None else "—"
        self.level_values[2].setText(yours)
        self.level_values[2].setAccessibleName(self.tr("Yours: {level}").format(level=yours))
        blockers = self.blockers()
        self.form.blockers.setText("\n".join(f"• {b}" for b in blockers))
        self.form.blockers.setVisible(bool(blockers))
        # A review already in the file (a second click with nothing changed) is not offered
        # again; core refuses it too (core.review.store.already_saved).
        repeated = already_saved(self.raw, self.case.reviews, review)
        self.save_button.setEnabled(not blockers and not repeated)
        self.save_button.setToolTip(
            self.tr("This review is saved. Change something to save another.") if repeated else ""
        )
        has_feedback = self.saved is not None
        self.feedback_pdf.setEnabled(has_feedback)
        self.feedback_text.setEnabled(has_feedback)

    def save_review(self) -> bool:
        """Add the review to the case file (the referral keeps every byte)."""
        if self.blockers():
            return False
        review = self.form.review()
        try:
            self.raw = add_review(self.path, review)
        except (CaseFileError, OSError) as error:
            self.status.setText(self.tr("The review was not saved: {e}").format(e=error))
            self._show_status()
            return False
        self.case = case_from_json(self.raw, name=self.path.name)
        self.saved = self.case.reviews[-1]
        self.history.setText(self._history_text())
        self.status.setText(
            self.tr("Review saved into {name}. Change something to save another review.").format(
                name=self.path.name
            )
        )
        self._update()
        # The save button is now disabled: the focus moves on to the next thing to do (not to
        # the top bar, where Qt sent it), and the confirmation is scrolled into view.
        self.feedback_pdf.setFocus(Qt.FocusReason.OtherFocusReason)
        self._show_status()
        self.review_saved.emit(str(self.path))
        return True

    def _show_status(self) -> None:
        """Bring the status line, and the buttons above it, into view."""
        side = self.side_scroll.widget()
        column = side.layout() if side is not None else None
        if column is not None:
            column.activate()  # the history above may have grown
        self.side_scroll.ensureWidgetVisible(self.status, 0, 8)
        # then the focused button, should both not fit (200% text on a small screen)
        self.side_scroll.ensureWidgetVisible(self.feedback_pdf, 0, 8)

    def feedback_text_now(self) -> str:
        """The feedback slip as text, for the review saved last ('' before one is saved)."""
        if self.saved is None:
            return ""
        return feedback_to_text(build_feedback(self.pack, self.case, self.saved))

    def ask_save_path(self, suggested: str, filter_text: str) -> str:
        """Ask where to save (tests replace this)."""
        return save_file_name(self, self.tr("Save the feedback slip"), suggested, filter_text)

    def save_feedback_text(self) -> Path | None:
        """Save the slip as text where the reviewer chooses."""
        from thresholds_app.core.base.atomic import atomic_write_text

        text = self.feedback_text_now()
        target = text and self.ask_save_path(self._stem() + ".txt", self.tr("Text (*.txt)"))
        if not target:
            return None
        return self._write(Path(target), lambda path: atomic_write_text(path, text))

    def save_feedback_pdf(self) -> Path | None:
        """Save the slip as a one-page PDF where the reviewer chooses."""
        from thresholds_app.core.base.atomic import atomic_write_bytes
        from thresholds_app.pdf.feedback_pdf import render_feedback_pdf

        if self.saved is None:
            return None
        target = self.ask_save_path(self._stem() + ".pdf", self.tr("PDF (*.pdf)"))
        if not target:
            return None
        slip = build_feedback(self.pack, self.case, self.saved)
        produced = self.clock().strftime("%Y-%m-%d %H:%M")
        pdf = render_feedback_pdf(slip, produced, __version__)
        return self._write(Path(target), lambda path: atomic_write_bytes(path, pdf))

    def _write(self, target: Path, write: Callable[[Path], object]) -> Path | None:
        """Write the slip; say in the status line whether it was saved."""
        done, words = write_chosen(target, write, self.tr("feedback slip"))
        self.status.setText(words)
        self._show_status()
        return target if done else None

    def _stem(self) -> str:
        reference = "".join(ch for ch in self.case.child.reference if ch.isalnum() or ch in "-_")
        return f"feedback-{reference or 'referral'}"
