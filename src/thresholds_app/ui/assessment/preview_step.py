"""Step 6: preview the rationale, then save the PDF, print it, save the case file or copy it.

Export (PDF, print, copy) stays disabled while
:func:`thresholds_app.core.case.readiness.find_blockers` lists anything; the blockers are
shown in plain words (hazards H01, H09, H12) and each "Go there" link carries the blocker's step
and field, never its words. The case file can always be saved: it is the
practitioner's own working copy. reportlab and QtPdf are imported only when the user exports.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Signal, SignalInstance
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from thresholds_app import __version__
from thresholds_app.core.case.readiness import Blocker, find_blockers
from thresholds_app.core.report.rationale import Rationale
from thresholds_app.ui.assessment.widgets import card_frame, heading, link_label, muted_label
from thresholds_app.ui.case_state import CaseState

if TYPE_CHECKING:
    from thresholds_app.core.report.export import Export

# Windows clipboard formats that keep the text out of clipboard history and cloud sync (H16).
CLIPBOARD_EXCLUSIONS = {
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"\x01"
    b"\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    'application/x-qt-windows-mime;value="CanUploadToCloudClipboard"': b"\x00\x00\x00\x00",
}


def blocker_link(blocker: Blocker) -> str:
    """The link target for a blocker's "Go there": its step, then the field that fixes it."""
    return f"{blocker.step}#{blocker.field}"


def safe_file_stem(reference: str) -> str:
    """A file name made from the case reference only (never the child's name)."""
    cleaned = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in reference.strip())
    return f"rationale-{cleaned.strip('-') or 'case'}"


class PreviewStep(QWidget):
    """The rationale as text, the blockers, and the export buttons.

    Signals:
        go_to_step_requested(str): the user followed a blocker's link to the step with this key.
        go_to_field_requested(str, str): the same link, with the case field that fixes it
            (e.g. ``"household[1].outcome"``) for a step that can focus it.
        save_pdf_requested(), print_requested(), print_preview_requested(),
        save_case_requested(), copy_requested(): the user pressed the matching button.
    """

    go_to_step_requested = Signal(str)
    go_to_field_requested = Signal(str, str)
    save_pdf_requested = Signal()
    print_requested = Signal()
    print_preview_requested = Signal()
    save_case_requested = Signal()
    copy_requested = Signal()

    def __init__(self, state: CaseState) -> None:
        super().__init__()
        self.state = state
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(heading(self.tr("Check the rationale, then save or print it"), 1))

        self.blocker_card = card_frame("blockerCard")
        box = QVBoxLayout(self.blocker_card)
        box.setContentsMargins(20, 14, 20, 14)
        box.addWidget(heading(self.tr("Before you can export"), 3))
        self.blocker_list = link_label()
        self.blocker_list.setObjectName("blockerList")
        self.blocker_list.setAccessibleName(self.tr("What is still needed before export"))
        self.blocker_list.linkActivated.connect(self._follow_link)
        box.addWidget(self.blocker_list)
        layout.addWidget(self.blocker_card)
        self.ready_label = muted_label(
            self.tr("Everything needed is recorded. The rationale is ready to save or print.")
        )
        layout.addWidget(self.ready_label)
        self.print_note = QLabel()
        self.print_note.setObjectName("unprintableNote")
        self.print_note.setProperty("role", "warning")
        self.print_note.setWordWrap(True)
        self.print_note.setVisible(False)
        layout.addWidget(self.print_note)

        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        self.save_pdf = self._button(self.tr("Save PDF…"), self.save_pdf_requested)
        self.print_button = self._button(self.tr("Print…"), self.print_requested)
        self.preview_button = self._button(self.tr("Print preview…"), self.print_preview_requested)
        self.copy_button = self._button(self.tr("Copy as text"), self.copy_requested)
        self.save_case = self._button(self.tr("Save case file…"), self.save_case_requested)
        self.save_case.setToolTip(self.tr("Save your working copy (Ctrl+S); always allowed."))
        self.save_pdf.setProperty("role", "primary")
        # two short rows, not one long one: nothing is pushed off a small screen at large text
        for button in (self.save_pdf, self.print_button, self.preview_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        more = QHBoxLayout()
        more.setSpacing(10)
        more.addWidget(self.copy_button)
        more.addWidget(self.save_case)
        more.addStretch(1)
        layout.addLayout(more)

        self.preview = QTextBrowser()
        self.preview.setObjectName("rationalePreview")
        self.preview.setAccessibleName(self.tr("Preview of the rationale"))
        self.preview.setTabChangesFocus(True)
        self.preview.setMinimumHeight(320)
        layout.addWidget(self.preview, 1)
        self.export_buttons = (
            self.save_pdf,
            self.print_button,
            self.preview_button,
            self.copy_button,
        )
        state.changed.connect(self.update_blockers)
        self.update_blockers()

    def _button(self, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(text.rstrip("…"))
        button.clicked.connect(signal.emit)
        return button

    def insert_widget(self, index: int, widget: QWidget) -> None:
        """Insert ``widget`` into the step's column (e.g. the MASH reviewer's form)."""
        self._layout.insertWidget(index, widget)

    def prepare(self) -> Export:
        """Prepare the export once (time, blockers, rationale): core's one export path."""
        from thresholds_app.core.report.export import prepare_export

        return prepare_export(self.state.pack, self.state.case, self.state.now(), __version__)

    def blockers(self) -> tuple[Blocker, ...]:
        """What the practitioner must still record before export (empty: ready)."""
        return find_blockers(self.state.pack, self.state.case, self.state.assessment)

    def update_blockers(self) -> None:
        """Enable or disable export, and list what is missing."""
        blockers = self.blockers()
        for button in self.export_buttons:
            button.setEnabled(not blockers)
            button.setToolTip(
                "" if not blockers else self.tr("Not yet: see 'Before you can export' above.")
            )
        self.blocker_card.setVisible(bool(blockers))
        self.ready_label.setVisible(not blockers)
        items = "".join(
            f"<li>{html.escape(b.message)} "
            f"<a href='{html.escape(blocker_link(b))}'>{self.tr('Go there')}</a></li>"
            for b in blockers
        )
        self.blocker_list.setText(f"<ul style='margin-left:-20px'>{items}</ul>")

    def _follow_link(self, link: str) -> None:
        step, _, field = link.partition("#")
        self.go_to_step_requested.emit(step)
        if field:
            self.go_to_field_requested.emit(step, field)

    def refresh_preview(self) -> None:
        """Rebuild the rationale text (done when the step is shown, not on every keystroke)."""
        export = self.prepare()
        self.preview.setPlainText(self.rationale_text(export))
        # Said before export, not found on paper: characters the PDF's font cannot print.
        from thresholds_app.pdf.rationale_pdf import rationale_texts
        from thresholds_app.pdf.safe import unprintable_notice

        note = unprintable_notice(rationale_texts(export.rationale))
        self.print_note.setText(note)
        self.print_note.setVisible(bool(note))

    def rationale(self, export: Export | None = None) -> Rationale:
        """The rationale from the case as it stands (draft blockers included)."""
        return (export or self.prepare()).rationale

    def rationale_text(self, export: Export | None = None) -> str:
        """The rationale as plain text."""
        from thresholds_app.core.report.rationale import rationale_to_text

        return rationale_to_text(self.rationale(export))

    def pdf_bytes(self, export: Export | None = None) -> bytes:
        """The rationale as PDF bytes (imports reportlab on first use)."""
        from thresholds_app.pdf.rationale_pdf import render_rationale_pdf

        return render_rationale_pdf(self.rationale(export))

    def copy_to_clipboard(self, export: Export | None = None) -> str:
        """Copy the rationale text, marked to stay out of clipboard history (H16)."""
        text = self.rationale_text(export)
        mime = QMimeData()
        mime.setText(text)
        for mime_type, value in CLIPBOARD_EXCLUSIONS.items():
            mime.setData(mime_type, value)
        QApplication.clipboard().setMimeData(mime)
        return text

    def file_stem(self) -> str:
        """Suggested file name stem, from the case reference only."""
        return safe_file_stem(self.state.case.child.reference)

    def job_name(self) -> str:
        """Print job name, from the case reference only."""
        return f"Rationale {self.state.case.child.reference.strip() or 'case'}"
