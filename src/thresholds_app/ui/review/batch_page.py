"""The MASH's morning: a folder of referrals in a sortable, filterable table.

Reading happens on a worker thread (:class:`FolderLoader`) with a progress bar and Cancel; the
table is keyboard-driven (arrows, Enter opens the referral, Ctrl+F filters). Nothing about the
batch is written anywhere except the counts files the reviewer chooses to save.

Signals:
    open_requested(str): the user asked to open this case file for review.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from thresholds_app.core.base.wording import counted
from thresholds_app.core.pack.model import Pack
from thresholds_app.core.pack.review_defaults import review_guide
from thresholds_app.core.review.batch import FLAG_WORDS, Batch, BatchRow, with_file_reread
from thresholds_app.ui.assessment.widgets import heading, muted_label
from thresholds_app.ui.file_dialogs import folder_name, open_file_name, save_file_name
from thresholds_app.ui.flow_row import FlowRow
from thresholds_app.ui.review.batch_model import FLAGS_COLUMN, SORT_ROLE, BatchModel
from thresholds_app.ui.review.loader import FolderLoader
from thresholds_app.ui.review.saving import write_chosen
from thresholds_app.ui.review.wrapping_delegate import WrappingDelegate

# filter id -> (words, does a row pass)
FILTERS: dict[str, tuple[str, Callable[[BatchRow], bool]]] = {
    "all": ("All files", lambda r: True),
    "unreviewed": ("Not reviewed yet", lambda r: r.ok and not r.rag),
    "disagreement": (
        "Levels disagree",
        lambda r: any(f.startswith(("referrer-", "mash-")) for f in r.flags),
    ),
    "emergency": (
        "Emergency or danger not known",
        lambda r: bool({"emergency", "danger-not-known"} & set(r.flags)),
    ),
    "consent-refused": ("Consent refused", lambda r: "consent-refused" in r.flags),
    "gaps": ("Gaps to go back about", lambda r: "gaps" in r.flags),
    "older-pack": (
        "Older or other guidance",
        lambda r: bool({"older-pack", "other-pack"} & set(r.flags)),
    ),
    "sibling-group": ("Possible sibling group", lambda r: "sibling-group" in r.flags),
    "unread": ("Files not read", lambda r: not r.ok),
}


class _Filter(QSortFilterProxyModel):
    def __init__(self, source: BatchModel) -> None:
        super().__init__()
        self.source = source
        self.setSourceModel(source)
        self.kind = "all"
        self.words = ""

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        item = self.source.rows[row]
        if not FILTERS[self.kind][1](item):
            return False
        if not self.words:
            return True
        flags = " ".join(FLAG_WORDS[f] for f in item.flags)
        haystack = f"{item.reference} {item.path.name} {flags} {item.problem}".lower()
        return self.words.lower() in haystack

    def lessThan(
        self,
        left: QModelIndex | QPersistentModelIndex,
        right: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        a: Any = self.source.data(left, SORT_ROLE)
        b: Any = self.source.data(right, SORT_ROLE)
        return bool(a < b)


class BatchPage(QWidget):
    """A folder of case files, one row each, read off the GUI thread."""

    open_requested = Signal(str)
    loaded = Signal(object)

    def __init__(
        self,
        pack: Pack,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("batchPage")
        self.setAcceptDrops(True)
        self.pack, self.clock = pack, clock
        self.batch: Batch | None = None
        self.loader: FolderLoader | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        # The title and the buttons on one line while they fit: at 200% text, beside each
        # other, they made the window wider than a 1280 screen, then cut the title's 2nd line.
        top = FlowRow()
        title = heading(self.tr("MASH review: referrals"))
        title.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        top.addWidget(title)  # it takes the line's spare room: the buttons sit on the right
        self.open_folder_button = QPushButton(self.tr("Open a folder of referrals…"))
        self.open_folder_button.setProperty("role", "primary")
        self.open_folder_button.clicked.connect(self.choose_folder)
        self.open_file_button = QPushButton(self.tr("Open one case file…"))
        self.open_file_button.clicked.connect(self.choose_file)
        top.addWidget(self.open_folder_button)
        top.addWidget(self.open_file_button)
        outer.addWidget(top)
        self.summary = muted_label(
            self.tr(
                "Open a folder of case files, or drop one here. Reading them changes nothing; "
                "a review you save is added to that case file, beside the referral."
            )
        )
        self.summary.setObjectName("batchSummary")
        outer.addWidget(self.summary)

        bar = QHBoxLayout()
        self.filter_words = QLineEdit()
        self.filter_words.setPlaceholderText(self.tr("Filter by reference or flag (Ctrl+F)"))
        self.filter_words.setAccessibleName(self.tr("Filter the referrals"))
        self.filter_kind = QComboBox()
        self.filter_kind.setAccessibleName(self.tr("Show"))
        self.filter_kind.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.filter_kind.setMinimumContentsLength(12)  # its list still shows each in full
        for key, (words, _) in FILTERS.items():
            self.filter_kind.addItem(self.tr(words), key)
        bar.addWidget(self.filter_words, 2)
        bar.addWidget(self.filter_kind, 1)
        self.progress = QProgressBar()
        self.progress.setAccessibleName(self.tr("Reading the folder"))
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        bar.addWidget(self.progress, 1)
        bar.addWidget(self.cancel_button)
        outer.addLayout(bar)

        guide = review_guide(pack)
        self.model = BatchModel(clock, guide)
        self.proxy = _Filter(self.model)
        self.table = QTableView()
        self.table.setObjectName("batchTable")
        self.table.setAccessibleName(self.tr("Referrals"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        # Long flags wrap onto more lines in their row rather than ending in "…"; the tooltip
        # lists them one a line too.
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Rows are measured again when a column's width changes (a longer outcome, a narrower
        # window), once per turn of the event loop however many columns moved.
        self.table.setItemDelegateForColumn(FLAGS_COLUMN, WrappingDelegate(self.table))
        self._rows_fit = QTimer(self)
        self._rows_fit.setSingleShot(True)
        self._rows_fit.setInterval(0)
        self._rows_fit.timeout.connect(self.table.resizeRowsToContents)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._rows_fit.start())
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(
            FLAGS_COLUMN, QHeaderView.ResizeMode.Stretch
        )  # the room left: long flags wrap in it
        self.table.activated.connect(self._open_index)  # Enter or double-click
        outer.addWidget(self.table, 1)

        bottom = QHBoxLayout()
        self.counts_status = muted_label(self.tr("Counts for the partnership hold no names."))
        self.counts_status.setObjectName("countsStatus")
        bottom.addWidget(self.counts_status, 1)
        self.csv_button = QPushButton(self.tr("Save counts (CSV)…"))
        self.csv_button.clicked.connect(self.save_counts_csv)
        self.pdf_button = QPushButton(self.tr("Save counts (PDF)…"))
        self.pdf_button.clicked.connect(self.save_counts_pdf)
        bottom.addWidget(self.csv_button)
        bottom.addWidget(self.pdf_button)
        outer.addLayout(bottom)
        self._set_counts_enabled()

        self.filter_words.textChanged.connect(self._filter_changed)
        self.filter_kind.currentIndexChanged.connect(self._filter_changed)
        find = QShortcut(QKeySequence.StandardKey.Find, self)
        find.activated.connect(self.filter_words.setFocus)

    # -- loading -----------------------------------------------------------------------------
    def load_folder(self, folder: Path) -> FolderLoader:
        """Start reading ``folder`` on a worker thread."""
        self.cancel()
        self.model.set_rows([])
        loader = FolderLoader(self.pack, Path(folder), self.clock().astimezone(dt.UTC))
        loader.progress.connect(self._progress)
        loader.finished.connect(self._finished)
        loader.failed.connect(self.summary.setText)
        loader.failed.connect(lambda _text: self._busy(False))
        self.loader = loader
        self._busy(True)
        self.summary.setText(self.tr("Reading {folder}…").format(folder=Path(folder).name))
        loader.start()
        return loader

    def cancel(self) -> None:
        """Stop reading; the files read so far are shown."""
        if self.loader is not None:
            self.loader.cancel()

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        self.open_folder_button.setEnabled(not busy)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def _finished(self, batch: Batch) -> None:
        if self.loader is not None:
            self.loader.worker_thread.wait()
        self.loader = None
        self._busy(False)
        self.batch = batch
        self.model.set_rows(list(batch.rows))
        self.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # core's order first
        unread = sum(not r.ok for r in batch.rows)
        words = self.tr("{n}: {ok}, {bad} not read").format(
            n=counted(len(batch.rows), "file"),
            ok=counted(len(batch.rows) - unread, "referral"),
            bad=unread,
        )
        if not batch.complete:
            words += self.tr(" (stopped before the end)")
        words += "."
        # The reason is said here too: in the table it is in the last column, off the screen
        # at 150% text on a 1280-pixel screen (issue 11 walk).
        problems = [r.problem for r in batch.rows if not r.ok]
        if problems:
            words += " " + problems[0]
        if len(problems) > 1:
            words += " " + self.tr("({n} more: choose “Files not read” under Show.)").format(
                n=len(problems) - 1
            )
        self.summary.setText(words)
        self._set_counts_enabled()
        if batch.rows:
            self.table.selectRow(0)
        self.table.setFocus()
        self.loaded.emit(batch)

    def refresh_file(self, path: Path) -> None:
        """Read one file of the folder again, as a review was just saved into it.

        Its row shows the MASH level, RAG and time left without reopening the folder.
        """
        if self.batch is None:
            return
        now = self.clock().astimezone(dt.UTC)
        batch = with_file_reread(self.batch, Path(path), self.pack, now)
        if batch is not self.batch:
            self.batch = batch
            self.model.update_rows(list(batch.rows))

    def _set_counts_enabled(self) -> None:
        ready = self.batch is not None and any(r.ok for r in self.batch.rows)
        self.csv_button.setEnabled(ready)
        self.pdf_button.setEnabled(ready)

    def _filter_changed(self) -> None:
        # Qt 6.10 replaced invalidateFilter() (now deprecated) with begin/endFilterChange().
        modern = hasattr(self.proxy, "beginFilterChange")
        if modern:
            self.proxy.beginFilterChange()
        self.proxy.kind = self.filter_kind.currentData()
        self.proxy.words = self.filter_words.text().strip()
        if modern:
            self.proxy.endFilterChange()
        else:
            self.proxy.invalidateFilter()

    def _open_index(self, index: QModelIndex) -> None:
        row = self.model.rows[self.proxy.mapToSource(index).row()]
        if row.ok:
            self.open_requested.emit(str(row.path))
        else:
            self.summary.setText(f"{row.path.name}: {row.problem}")

    # -- files the user chooses --------------------------------------------------------------
    def ask_folder(self) -> str:
        """Ask for a folder (tests replace this)."""
        return folder_name(self, self.tr("Open a folder of referrals"))

    def ask_file(self) -> str:
        """Ask for one case file (tests replace this)."""
        return open_file_name(
            self, self.tr("Open a case file for review"), self.tr("Case files (*.json)")
        )

    def ask_save_path(self, suggested: str, filter_text: str) -> str:
        """Ask where to save the counts (tests replace this)."""
        return save_file_name(self, self.tr("Save the counts"), suggested, filter_text)

    def choose_folder(self) -> None:
        """Ask for a folder and read it."""
        folder = self.ask_folder()
        if folder:
            self.load_folder(Path(folder))

    def choose_file(self) -> None:
        """Ask for one case file and open it for review."""
        path = self.ask_file()
        if path:
            self.open_requested.emit(path)

    def save_counts_csv(self) -> Path | None:
        """Save the anonymised counts as CSV where the reviewer chooses."""
        from thresholds_app.core.base.atomic import atomic_write_text
        from thresholds_app.core.review.counts import cells, counts_csv

        if self.batch is None:
            return None
        target = self.ask_save_path("mash-counts.csv", self.tr("CSV (*.csv)"))
        if not target:
            return None
        text = counts_csv(cells(self.pack, self.batch))
        return self._write(Path(target), lambda path: atomic_write_text(path, text))

    def save_counts_pdf(self) -> Path | None:
        """Save the counts and their chart as a PDF where the reviewer chooses."""
        from thresholds_app.core.base.atomic import atomic_write_bytes
        from thresholds_app.pdf.counts_pdf import render_counts_pdf

        if self.batch is None:
            return None
        target = self.ask_save_path("mash-counts.pdf", self.tr("PDF (*.pdf)"))
        if not target:
            return None
        now = self.clock().astimezone(dt.UTC)
        pdf = render_counts_pdf(self.pack, self.batch, now)
        return self._write(Path(target), lambda path: atomic_write_bytes(path, pdf))

    def _write(self, target: Path, write: Callable[[Path], object]) -> Path | None:
        """Write the counts; say beside the buttons whether they were saved."""
        done, words = write_chosen(target, write, self.tr("counts file"))
        self.counts_status.setText(words + (self.tr(" It holds no names.") if done else ""))
        return target if done else None

    # -- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event: Any) -> None:
        """Accept dropped files and folders."""
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:
        """A dropped folder is read; a dropped file is opened for review."""
        for url in event.mimeData().urls():
            path = Path(url.toLocalFile())
            if path.is_dir():
                self.load_folder(path)
            elif path.is_file():
                self.open_requested.emit(str(path))
            event.acceptProposedAction()
            return
