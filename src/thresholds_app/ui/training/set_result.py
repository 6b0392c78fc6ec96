"""The result of a practice set, with a certificate-style PDF (only the name the learner types)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.pack.model import Pack
from thresholds_app.core.training.session import SetResult
from thresholds_app.core.training.sheet import level_words
from thresholds_app.ui.assessment.widgets import heading, identifier_line, muted_label, plain_label
from thresholds_app.ui.file_dialogs import save_file_name


class SetResultView(QWidget):
    """How many scenarios the learner placed at the expected level, against the pass mark.

    Signals:
        back_requested(): the learner wants the library again.
    """

    back_requested = Signal()

    def __init__(self, pack: Pack, result: SetResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pack = pack
        self.result = result
        self.setObjectName("setResult")
        self.setAccessibleName("Practice set result")
        column = QVBoxLayout(self)
        column.setContentsMargins(28, 20, 28, 16)
        verdict = "Passed" if result.passed else "Not yet at the pass mark"
        self.verdict = heading(verdict, 1)
        column.addWidget(self.verdict)
        self.summary = plain_label(
            f"{result.correct} of {len(result.results)} scenarios placed at the expected level "
            f"({result.percent:.0f}%); the pass mark is {result.pass_mark}%."
        )
        column.addWidget(self.summary)
        for item in result.results:
            mark = "✓" if item.correct else "✗"
            chosen = level_words(pack, item.learner_level) if item.learner_level else "no level"
            column.addWidget(
                plain_label(
                    f"{mark} {item.title}: you chose {chosen}; expected "
                    f"{level_words(pack, item.expected_level)}"
                )
            )
        column.addWidget(
            muted_label(
                "Only the level is scored. The certificate carries the name you type below and "
                "nothing else about you."
            )
        )
        row = QHBoxLayout()
        self.name = identifier_line()  # bidi controls dropped as typed
        self.name.setAccessibleName("Your name for the certificate")
        self.name.setPlaceholderText("Your name for the certificate")
        row.addWidget(self.name, 1)
        self.certificate_button = QPushButton("Save a &certificate…")
        self.certificate_button.clicked.connect(self.ask_save_certificate)
        row.addWidget(self.certificate_button)
        self.back_button = QPushButton("&Back to the scenarios")
        self.back_button.clicked.connect(self.back_requested.emit)
        row.addWidget(self.back_button)
        column.addLayout(row)
        column.addStretch(1)

    def certificate_pdf(self) -> bytes:
        """The certificate for this result and the name typed."""
        from thresholds_app import __version__
        from thresholds_app.core.report.rationale import format_produced_at
        from thresholds_app.pdf.training_sheet import render_certificate_pdf

        produced = format_produced_at(datetime.now(UTC))
        return render_certificate_pdf(
            self.pack, self.result, self.name.text(), produced, __version__
        )

    def ask_save_certificate(self) -> None:
        """Ask where to save the certificate, then save it."""
        name = save_file_name(
            self, "Save the certificate", "practice-certificate.pdf", "PDF (*.pdf)"
        )
        if not name:
            return
        from thresholds_app.core.base.atomic import atomic_write_bytes

        try:
            atomic_write_bytes(Path(name), self.certificate_pdf())
        except OSError as exc:
            QMessageBox.warning(
                self, "Not saved", f"The certificate could not be saved ({exc.strerror})."
            )
