"""The guided assessment: six steps the practitioner moves through freely, and the live panel.

Steps sit in the middle with a list on the left for jumping about; the panel on the right stays
in view and shows what the guidance indicates after every answer. One page holds one case; a new
assessment builds a new page from an empty record (hazard H17).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
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

from thresholds_app.core.case.limits import CaseTooLongError
from thresholds_app.core.case.record import CaseRecord, save_case
from thresholds_app.core.pack.model import Pack
from thresholds_app.ui.assessment.child_step import ChildStep
from thresholds_app.ui.assessment.consent_step import ConsentStep
from thresholds_app.ui.assessment.decision_step import DecisionStep
from thresholds_app.ui.assessment.live_panel import LivePanel
from thresholds_app.ui.assessment.needs_step import NeedsStep
from thresholds_app.ui.assessment.preview_step import PreviewStep
from thresholds_app.ui.assessment.safety_step import SafetyStep
from thresholds_app.ui.assessment.scroll_follow import follow_content
from thresholds_app.ui.assessment.steps import STEPS
from thresholds_app.ui.assessment.topic_dialog import topic_dialog
from thresholds_app.ui.assessment.widgets import ask_yes_no, enter_presses_buttons, focus_heading
from thresholds_app.ui.assessment.wrapping_list import make_wrapping
from thresholds_app.ui.case_state import AssessFn, CaseState

READABLE_CHARACTERS = 80  # the longest comfortable line (GOV.UK, NHS: 60 to 80 characters)


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

        # Containers join the page before what goes in them: every time a widget joins a
        # parent, Qt restyles everything inside it under the app's style sheet, so a step added
        # to its scroll area once, rather than carried up five levels, costs a fifth (issue 11).
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.splitter = splitter = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(splitter)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self._build_nav())
        self._build_centre(splitter)
        self.live = LivePanel(pack)
        splitter.addWidget(self.live)
        splitter.setStretchFactor(1, 3)  # the steps widen first, up to a readable line length
        splitter.setStretchFactor(2, 1)

        self.state.assessment_changed.connect(self.live.show_assessment)
        self.live.show_assessment(self.state.assessment)
        self.safety.emergency_requested.connect(self.emergency_requested.emit)
        self.needs.emergency_requested.connect(self.emergency_requested.emit)
        self.child.age_band_changed.connect(self.needs.rebuild_for_age_band)
        self.needs.topic_requested.connect(self.show_topic)
        self.needs.guidance_requested.connect(lambda kind, _id: self.show_guidance(kind))
        self.consent.step_up_requested.connect(self.step_up_requested.emit)
        self.preview.go_to_step_requested.connect(self._go_and_focus)
        self.preview.go_to_field_requested.connect(self._focus_field)
        self.preview.save_pdf_requested.connect(self.save_pdf)
        self.preview.print_requested.connect(self.print_rationale)
        self.preview.print_preview_requested.connect(self.print_preview)
        self.preview.save_case_requested.connect(self.save_case_file)
        self.preview.copy_requested.connect(self.copy_text)
        self._shortcuts()
        self._fit()
        # the step list as wide as _fit made it; the steps widen first (stretch factors)
        splitter.setSizes([self.nav.maximumWidth(), 760, self.live.minimumWidth()])
        app = QApplication.instance()
        if isinstance(app, QApplication):
            # widgets under a style sheet miss font-change events, so listen to the app
            app.fontChanged.connect(self._fit)
        self.go_to_step("safety")

    # -- building -------------------------------------------------------------------------
    def _build_nav(self) -> QWidget:
        self.nav = QListWidget()
        self.nav.setObjectName("stepList")
        self.nav.setAccessibleName(self.tr("Steps of the assessment"))
        self.nav.setSpacing(2)
        make_wrapping(self.nav)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for key, title in STEPS:
            item = QListWidgetItem(self.tr(title))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, self.tr(title))
            item.setToolTip(self.tr(title))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(lambda row: self.go_to_step(STEPS[row][0]))
        return self.nav

    def _build_centre(self, splitter: QSplitter) -> None:
        self.centre = centre = QWidget()
        centre.setObjectName("stepColumn")
        splitter.addWidget(centre)
        column = QVBoxLayout(centre)
        column.setContentsMargins(28, 20, 8, 14)
        column.setSpacing(12)
        self.stack = QStackedWidget()
        column.addWidget(self.stack, 1)
        self._containers: dict[str, QWidget] = {}  # what the stack shows for each step
        self.scrolls: dict[str, QScrollArea] = {}  # the one scroll area of each step
        for key, widget in self.steps.items():
            # one scroll area per step, and nothing inside it scrolls on its own
            own = getattr(widget, "scroll_area", None)
            if isinstance(own, QScrollArea):  # the needs step keeps its area list in view
                self._containers[key] = widget
                self.scrolls[key] = own
                self.stack.addWidget(widget)
                continue
            scroll = QScrollArea()
            scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to its fields, not to it
            scroll.setObjectName(f"scroll-{key}")
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QScrollArea.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            self.stack.addWidget(scroll)  # the empty area first, then the step into it
            widget.setObjectName(widget.objectName() or f"step-{key}")
            widget.setContentsMargins(0, 0, 16, 8)
            scroll.setWidget(widget)
            self._containers[key] = scroll
            self.scrolls[key] = scroll
        for scroll in self.scrolls.values():
            follow_content(scroll)
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

    def _fit(self, *_args: object) -> None:
        """Size the step list, the area list and the step column to the text size and the room.

        Lines keep a readable length (about 80 characters, GOV.UK's two-thirds column); on a
        wide screen the live panel takes the rest. When large text leaves too little room, the
        step and area titles wrap instead of pushing the cards or the panel off the screen; with
        less still (175% text and more on a 1280 screen) the steps are listed by number and the
        areas are a drop-down above the search, so the cards keep a readable width.
        """
        metrics = QFontMetrics(QApplication.font())
        char = metrics.averageCharWidth()
        nav = max(metrics.horizontalAdvance(self.tr(title)) for _key, title in STEPS) + 64
        tree = self.needs.natural_tree_width()
        room = self.window().width()  # the page fills the window (its own width lags)
        # cards need about 48 characters; the live panel its minimum; margins and scrollbar 100
        if room < nav + tree + char * 48 + LivePanel.MIN_WIDTH + 100:
            nav = min(nav, char * 15 + 64)
            tree = min(tree, char * 16 + 48)
        # Still under about 36 characters for the cards (175% text and more on a 1280-pixel
        # screen): the steps are listed by number and the areas become a drop-down.
        compact = room - nav - tree - LivePanel.MIN_WIDTH - 100 < char * 36
        if compact:
            nav = metrics.horizontalAdvance(str(len(STEPS))) + 64
            tree = 0
        for row, (_key, title) in enumerate(STEPS):
            item = self.nav.item(row)
            item.setText(f"{row + 1}" if compact else self.tr(title))
        self.needs.set_compact(compact)
        self.nav.setFixedWidth(nav)
        if tree:
            self.needs.tree.setFixedWidth(tree)
        self._give_back_room(nav)
        # compact, the panel takes some of what the list gave: the level's name in fewer lines
        self.live.setMinimumWidth(max(LivePanel.MIN_WIDTH, char * 22 if compact else 0))
        for view in (self.nav, self.needs.tree):  # wrapped titles: lay them out again
            QTimer.singleShot(0, view, view.doItemsLayout)
        readable = char * READABLE_CHARACTERS
        for key, step in self.steps.items():
            step.setMaximumWidth(readable + 16 + (tree + 16 if key == "needs" else 0))
        self.centre.setMaximumWidth(readable + tree + 16 + 16 + 36)

    def _give_back_room(self, nav: int) -> None:
        """Give the steps the room a narrower step list leaves (a splitter keeps its sizes).

        Shrunk to its numbers, the step list left an empty column beside it.
        """
        sizes = self.splitter.sizes()
        if len(sizes) == 3 and sizes[0] > nav:
            sizes[1] += sizes[0] - nav
            sizes[0] = nav
            self.splitter.setSizes(sizes)

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the lists to the new width."""
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, handler in (
            (QKeySequence("Ctrl+PgDown"), lambda: self.step_by(1)),
            (QKeySequence("Ctrl+PgUp"), lambda: self.step_by(-1)),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(context)
            shortcut.activated.connect(handler)
        # Ctrl+1…6 and Ctrl+S are the window's (Go and File menus), so they work from any screen.

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
        enter_presses_buttons(self)  # rows added since may have brought new buttons
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

    def go_to_field(self, key: str, field: str) -> bool:
        """Show step ``key`` and focus its field ``field``, scrolled into view.

        ``field`` is the case field a blocker names (``child.reference``,
        ``household[0].outcome``, ``next_steps[0].who``...; each step's ``focus_field`` lists
        its names); an unknown field focuses the step's first field.
        """
        if field == "stepping":  # a step-up decision is made in the step-up review
            self.step_up_requested.emit()
            return True
        self.go_to_step(key)
        QApplication.sendPostedEvents()  # lay the step out first, so scrolling lands right
        focus = getattr(self.steps[key], "focus_field", None)
        if focus is not None and focus(field):
            return True
        self.focus_step()
        return False

    def _focus_field(self, step: str, field: str) -> None:
        """Land on the field a blocker names (its "Go there")."""
        self.go_to_field(step, field)

    def focus_first(self) -> None:
        """Focus the first answer of the first step."""
        self.safety.focus_first()

    def focus_step(self) -> None:
        """Move the keyboard focus into the step on show."""
        step = self.steps[self.current_step()]
        focus = getattr(step, "focus_first", None)
        if focus is not None:
            focus()
        elif not focus_heading(step):
            step.focusNextChild()

    def has_unsaved_work(self) -> bool:
        """Whether anything was recorded since the last save."""
        return self._dirty

    def _mark_dirty(self) -> None:
        self._dirty = True

    def mark_unsaved(self) -> None:
        """Count the case as unsaved work (it was recovered or carried over, not opened)."""
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
        try:
            save_case(self.state.record_for_export(), path)
        except (CaseTooLongError, OSError) as error:
            self._not_written(self.tr("The case file was not saved"), error)
            return None
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
        try:
            atomic_write_bytes(path, self.preview.pdf_bytes(export))
        except OSError as error:
            self._not_written(self.tr("The rationale was not saved"), error)
            return None
        self.notify(self.tr("Rationale saved as PDF."))
        self.exported.emit("pdf")
        return path

    def _not_written(self, title: str, error: Exception) -> None:
        """Say in plain words why a file was not written; the work stays open and unsaved."""
        from PySide6.QtWidgets import QMessageBox

        why = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
        QMessageBox.warning(
            self, title, self.tr("{why}\n\nYour work is still open.").format(why=why)
        )

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

    def show_guidance(self, kind: str) -> QDialog:
        """Show the guidance on consent, stepping or contacts (non-blocking)."""
        from thresholds_app.ui.assessment.guidance_dialog import guidance_dialog

        return guidance_dialog(self.state.pack, kind, self)

    # -- wrapped dialogs (tests replace these) ----------------------------------------------
    def ask_save_path(self, title: str, suggested: str, file_filter: str) -> str:
        """Ask where to save; '' if cancelled."""
        from thresholds_app.ui.file_dialogs import save_file_name

        return save_file_name(self, title, suggested, file_filter)

    def ask(self, title: str, text: str, on_yes: Callable[[], object]) -> QMessageBox:
        """Ask a yes/no question without blocking; call ``on_yes`` if the answer is yes."""
        return ask_yes_no(self, title, text, on_yes)

    def notify(self, text: str) -> None:
        """Show a short message in the window's status bar."""
        window = self.window()
        status = getattr(window, "statusBar", None)
        if status is not None:
            status().showMessage(text, 6000)
