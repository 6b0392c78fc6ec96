"""The guided assessment: six steps the practitioner moves through freely, and the live panel.

Steps sit in the middle with a list on the left for jumping about; the panel on the right stays
in view and shows what the guidance indicates after every answer. One page holds one case; a new
assessment builds a new page from an empty record (hazard H17).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
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

from thresholds_app.core.case.record import CaseRecord, save_case
from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.assessment.child_step import ChildStep
from thresholds_app.ui.assessment.consent_step import ConsentStep
from thresholds_app.ui.assessment.decision_step import DecisionStep
from thresholds_app.ui.assessment.live_panel import LivePanel
from thresholds_app.ui.assessment.needs_step import NeedsStep
from thresholds_app.ui.assessment.preview_step import PreviewStep
from thresholds_app.ui.assessment.review_form import ReviewForm
from thresholds_app.ui.assessment.safety_step import SafetyStep
from thresholds_app.ui.assessment.topic_dialog import topic_dialog
from thresholds_app.ui.assessment.widgets import ask_yes_no
from thresholds_app.ui.case_state import AssessFn, CaseState

STEPS = (
    ("safety", "1. Immediate danger"),
    ("child", "2. Child and household"),
    ("needs", "3. Needs"),
    ("consent", "4. Consent and sharing"),
    ("decision", "5. Your decision"),
    ("preview", "6. Rationale and export"),
)


class AssessmentPage(QWidget):
    """One case, from the danger check to the printed rationale.

    Signals:
        step_up_requested(): the user chose to open the step-up review.
        emergency_requested(): the user asked whom to call now.
        finished(): the user closed the assessment.
        step_changed(str): the step with this key is now shown.
        exported(str): a PDF ("pdf") or case file ("case") was written where the user chose.
    """

    step_up_requested = Signal()
    emergency_requested = Signal()
    finished = Signal()
    step_changed = Signal(str)
    exported = Signal(str)  # "pdf" or "case": written where the user chose (drafts are purged)

    def __init__(
        self,
        pack: Pack,
        *,
        case: CaseRecord | None = None,
        clock: Callable[[], datetime] | None = None,
        assess_fn: AssessFn | None = None,
        review: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("assessmentPage")
        self.setAccessibleName(self.tr("Assessment"))
        self.state = CaseState(pack, case=case, assess_fn=assess_fn, clock=clock, parent=self)
        self.saved_path: Path | None = None
        self._dirty = False
        self.state.changed.connect(self._mark_dirty)

        self.safety = SafetyStep(self.state)
        self.child = ChildStep(self.state)
        self.needs = NeedsStep(self.state)
        self.consent = ConsentStep(self.state)
        self.decision = DecisionStep(self.state)
        self.preview = PreviewStep(self.state)
        self.steps: dict[str, QWidget] = {
            "safety": self.safety,
            "child": self.child,
            "needs": self.needs,
            "consent": self.consent,
            "decision": self.decision,
            "preview": self.preview,
        }
        self.review_form: ReviewForm | None = None
        if review:
            self.review_form = ReviewForm(self.state)
            self.preview.insert_widget(1, self.review_form)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_nav())
        splitter.addWidget(self._build_centre())
        self.live = LivePanel(pack)
        splitter.addWidget(self.live)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([210, 680, 350])
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(splitter)

        self.state.assessment_changed.connect(self.live.show_assessment)
        self.live.show_assessment(self.state.assessment)
        self.safety.emergency_requested.connect(self.emergency_requested.emit)
        self.child.age_band_changed.connect(self.needs.rebuild_for_age_band)
        self.needs.topic_requested.connect(self.show_topic)
        self.consent.step_up_requested.connect(self.step_up_requested.emit)
        self.preview.go_to_step_requested.connect(self._go_and_focus)
        self.preview.go_to_field_requested.connect(self._focus_field)
        self.preview.save_pdf_requested.connect(self.save_pdf)
        self.preview.print_requested.connect(self.print_rationale)
        self.preview.print_preview_requested.connect(self.print_preview)
        self.preview.save_case_requested.connect(self.save_case_file)
        self.preview.copy_requested.connect(self.copy_text)
        self._shortcuts()
        self.go_to_step("safety")

    # -- building -------------------------------------------------------------------------
    def _build_nav(self) -> QWidget:
        self.nav = QListWidget()
        self.nav.setObjectName("stepList")
        self.nav.setAccessibleName(self.tr("Steps of the assessment"))
        self.nav.setSpacing(2)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setStyleSheet(
            "#stepList { border: none; background: palette(window); padding: 12px 6px; }"
            "#stepList::item { padding: 9px 10px; border-radius: 6px; }"
            "#stepList::item:selected { padding: 9px 10px; background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        for key, title in STEPS:
            item = QListWidgetItem(self.tr(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(lambda row: self.go_to_step(STEPS[row][0]))
        self._fit_nav()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # widgets under a style sheet miss font-change events, so listen to the app
            app.fontChanged.connect(self._fit_nav)
        return self.nav

    def _fit_nav(self, *_args: object) -> None:
        """Make the step list wide enough for its longest title at the current text size."""
        metrics = QFontMetrics(QApplication.font())
        widest = max(metrics.horizontalAdvance(self.tr(title)) for _key, title in STEPS)
        self.nav.setMinimumWidth(widest + 56)
        self.nav.setMaximumWidth(max(widest + 56, 260))

    def _build_centre(self) -> QWidget:
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(28, 20, 20, 14)
        column.setSpacing(12)
        self.stack = QStackedWidget()
        self._containers: dict[str, QWidget] = {}
        for key, widget in self.steps.items():
            if key == "needs":
                container: QWidget = widget
            else:
                scroll = QScrollArea()
                scroll.setWidgetResizable(True)
                scroll.setFrameShape(QScrollArea.Shape.NoFrame)
                scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                widget.setContentsMargins(0, 0, 12, 0)
                scroll.setWidget(widget)
                container = scroll
            self._containers[key] = container
            self.stack.addWidget(container)
        column.addWidget(self.stack, 1)
        bar = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.setAccessibleName(self.tr("Previous step"))
        self.back_button.clicked.connect(lambda: self.step_by(-1))
        self.next_button = QPushButton(self.tr("Next →"))
        self.next_button.setAccessibleName(self.tr("Next step"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(lambda: self.step_by(1))
        self.close_button = QPushButton(self.tr("Close assessment"))
        self.close_button.clicked.connect(self._close_requested)
        bar.addWidget(self.close_button)
        bar.addStretch(1)
        bar.addWidget(self.back_button)
        bar.addWidget(self.next_button)
        column.addLayout(bar)
        return centre

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, handler in (
            (QKeySequence("Ctrl+PgDown"), lambda: self.step_by(1)),
            (QKeySequence("Ctrl+PgUp"), lambda: self.step_by(-1)),
            (QKeySequence.StandardKey.Save, self.save_case_file),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(handler)
        for number, (key, _title) in enumerate(STEPS, start=1):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.setContext(context)
            shortcut.activated.connect(lambda k=key: self.go_to_step(k))

    # -- navigation -----------------------------------------------------------------------
    def current_step(self) -> str:
        """The key of the step on show."""
        current = self.stack.currentWidget()
        return next(k for k, w in self._containers.items() if w is current)

    def hide_guidance(self, hidden: bool) -> None:
        """Hide what the guidance indicates (in practice, until the learner commits a level)."""
        self.live.setVisible(not hidden)
        self.decision.indicated.setVisible(not hidden)

    def go_to_step(self, key: str) -> None:
        """Show the step ``key`` (any step, in any order)."""
        keys = [k for k, _ in STEPS]
        index = keys.index(key)
        catch_up = getattr(self.steps[key], "catch_up", None)
        if catch_up is not None:  # steps skip re-rendering while hidden (keeps answers fast)
            catch_up()
        self.stack.setCurrentWidget(self._containers[key])
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(index)
        self.nav.blockSignals(False)
        self.back_button.setEnabled(index > 0)
        self.next_button.setVisible(index < len(keys) - 1)
        if key == "preview":
            self.preview.update_blockers()
            self.preview.refresh_preview()
        self.step_changed.emit(key)

    def step_by(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) step."""
        keys = [k for k, _ in STEPS]
        index = keys.index(self.current_step()) + delta
        if 0 <= index < len(keys):
            self.go_to_step(keys[index])
            self.focus_step()

    def _go_and_focus(self, key: str) -> None:
        self.go_to_step(key)
        self.focus_step()

    def _focus_field(self, step: str, field: str) -> None:
        """Land on the field a blocker names, where the step can say which widget holds it."""
        found = re.fullmatch(r"household\[(\d+)\]\.\w+", field)
        if step == "child" and found and int(found[1]) < len(self.child.rows):
            row = self.child.rows[int(found[1])]
            (row.detail if row.detail.isEnabled() else row.status).setFocus()
        elif field == "child.reference":
            self.child.reference.setFocus()

    def focus_first(self) -> None:
        """Focus the first answer of the first step."""
        self.safety.focus_first()

    def focus_step(self) -> None:
        """Move the keyboard focus into the step on show."""
        step = self.steps[self.current_step()]
        focus = getattr(step, "focus_first", None)
        if focus is not None:
            focus()
        else:
            step.focusNextChild()

    def has_unsaved_work(self) -> bool:
        """Whether anything was recorded since the last save."""
        return self._dirty

    def _mark_dirty(self) -> None:
        self._dirty = True

    def _close_requested(self) -> None:
        if not self._dirty:
            self.finished.emit()
            return
        self.ask(
            self.tr("Close the assessment?"),
            self.tr("What you recorded has not been saved as a case file. Close it anyway?"),
            self._close_now,
        )

    def _close_now(self) -> None:
        self._dirty = False
        self.finished.emit()

    # -- export ---------------------------------------------------------------------------
    def save_case_file(self) -> Path | None:
        """Save the case file (asking where the first time)."""
        path = self.saved_path
        if path is None:
            chosen = self.ask_save_path(
                self.tr("Save the case file"),
                self.preview.file_stem().replace("rationale", "case") + ".json",
                self.tr("Case files (*.json)"),
            )
            if not chosen:
                return None
            path = Path(chosen)
        save_case(self.state.record_for_export(), path)
        self.saved_path = path
        self._dirty = False
        self.notify(self.tr("Case file saved."))
        self.exported.emit("case")
        return path

    def save_pdf(self) -> Path | None:
        """Save the rationale PDF where the user chooses."""
        export = self.preview.prepare()
        if export.blockers:
            return None
        chosen = self.ask_save_path(
            self.tr("Save the rationale as PDF"),
            self.preview.file_stem() + ".pdf",
            self.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        from thresholds_app.core.base.atomic import atomic_write_bytes

        path = Path(chosen)
        atomic_write_bytes(path, self.preview.pdf_bytes(export))
        self.notify(self.tr("Rationale saved as PDF."))
        self.exported.emit("pdf")
        return path

    def print_rationale(self) -> QDialog | None:
        """Print the rationale PDF through the system print dialog."""
        export = self.preview.prepare()
        if export.blockers:
            return None
        from thresholds_app.ui.printing import print_pdf

        return print_pdf(
            self.preview.pdf_bytes(export),
            self.preview.job_name(),
            self,
            done=self.notify,
        )

    def print_preview(self) -> QDialog | None:
        """Show a print preview of the rationale PDF."""
        export = self.preview.prepare()
        if export.blockers:
            return None
        from thresholds_app.ui.printing import preview_pdf

        return preview_pdf(self.preview.pdf_bytes(export), self.preview.job_name(), self)

    def copy_text(self) -> str | None:
        """Copy the rationale as text."""
        export = self.preview.prepare()
        if export.blockers:
            return None
        text = self.preview.copy_to_clipboard(export)
        self.notify(self.tr("Rationale copied as text."))
        return text

    def show_topic(self, topic_id: str) -> QDialog:
        """Show a special pathway (non-blocking)."""
        return topic_dialog(self.state.pack, topic_id, self)

    # -- wrapped dialogs (tests replace these) ----------------------------------------------
    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> str:
        """Ask where to save; '' if cancelled."""
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, file_filter)
        return path

    def ask(self, title: str, text: str, on_yes: Callable[[], object]) -> QMessageBox:
        """Ask a yes/no question without blocking; call ``on_yes`` if the answer is yes."""
        return ask_yes_no(self, title, text, on_yes)

    def notify(self, text: str) -> None:
        """Show a short message in the window's status bar."""
        window = self.window()
        status = getattr(window, "statusBar", None)
        if status is not None:
            status().showMessage(text, 6000)
