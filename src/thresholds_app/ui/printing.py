"""Print the rationale PDF itself, so paper and file always say the same thing.

The PDF bytes (made by :mod:`thresholds_app.pdf`) are opened with QtPdf's :class:`QPdfDocument`
from memory (no temporary file: hazard H15), and each page is rendered as an image onto a
:class:`QPrinter`. Printers and print dialogs are created only when the user prints, because
listing network printers can freeze the interface for seconds.

Qt's print dialogs take a *pointer* to the printer and never own it: a printer held only by a
Python local is freed when the function returns, and the dialog then paints on freed memory
(the app crashed with exit 139 on the first preview). Each dialog here therefore keeps its
printer and its document as attributes, so they live exactly as long as the dialog.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QDialog, QWidget

PREVIEW_SHARE = 0.9  # of the screen's free area: Qt's own size (853x480) cut off Print and Setup

# 300 dpi is print quality for text; a "high resolution" printer may ask for 1200, which would
# make a 140-megapixel image per A4 page.
MAX_RENDER_DPI = 300


class PdfLoadError(RuntimeError):
    """The PDF bytes could not be opened for printing."""


def open_pdf(data: bytes, parent: QObject | None = None) -> QPdfDocument:
    """Open PDF bytes in memory as a :class:`QPdfDocument` (raises :class:`PdfLoadError`)."""
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    buffer = QBuffer(document)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        raise PdfLoadError(f"The PDF could not be opened for printing ({document.error()}).")
    return document


def render_to_printer(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint every page of ``document`` onto ``printer``; return the number of pages printed."""
    printer.setFullPage(True)
    painter = QPainter()
    if not painter.begin(printer):
        raise PdfLoadError("The printer could not be started.")
    try:
        pages = document.pageCount()
        dpi = min(max(printer.resolution(), 72), MAX_RENDER_DPI)
        for index in range(pages):
            if index:
                printer.newPage()
            points = document.pagePointSize(index)
            pixels = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
            image = document.render(index, pixels)
            # Scale the page image to the printer's page, keeping its shape.
            target = painter.viewport().size()
            fitted = QSize(pixels)
            fitted.scale(target, Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRectF(0, 0, fitted.width(), fitted.height()), image)
    finally:
        painter.end()
    return pages


def make_printer(job_name: str) -> QPrinter:
    """A high-resolution printer for the default queue, with a job name free of personal data."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(job_name)
    return printer


class PdfPrintDialog(QPrintDialog):
    """The system print dialog for one PDF; it keeps its printer and document alive."""

    def __init__(self, document: QPdfDocument, printer: QPrinter, parent: QWidget) -> None:
        super().__init__(printer, parent)
        self.kept_printer = printer  # the dialog only points at it (see the module notes)
        self.document = document
        document.setParent(self)  # goes with the dialog, not with the page
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinMax(1, document.pageCount())


class PdfPreviewDialog(QPrintPreviewDialog):
    """A print preview of one PDF; it keeps its printer and document alive."""

    def __init__(self, document: QPdfDocument, printer: QPrinter, parent: QWidget) -> None:
        super().__init__(printer, parent)
        self.kept_printer = printer  # the dialog only points at it (see the module notes)
        self.document = document
        document.setParent(self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.paintRequested.connect(self._paint)
        self._fit_screen(parent)

    def _fit_screen(self, parent: QWidget) -> None:
        """Open at most of the screen, and wide enough for the whole toolbar where it fits.

        The toolbar has no overflow arrow in a dialog, so at Qt's default size (and more so at
        larger text) its last buttons, Page setup and Print, were simply not there.
        """
        from PySide6.QtWidgets import QToolBar

        screen = parent.screen()
        free = screen.availableGeometry()
        bars = self.findChildren(QToolBar)
        toolbar_width = max((bar.sizeHint().width() for bar in bars), default=0)
        width = min(free.width(), max(round(free.width() * PREVIEW_SHARE), toolbar_width + 24))
        height = round(free.height() * PREVIEW_SHARE)
        self.resize(width, height)
        self.move(free.x() + (free.width() - width) // 2, free.y() + (free.height() - height) // 2)

    def _paint(self, printer: QPrinter) -> None:
        render_to_printer(self.document, printer)


def print_pdf(
    data: bytes,
    job_name: str,
    parent: QWidget,
    done: Callable[[str], None] | None = None,
) -> PdfPrintDialog:
    """Show the system print dialog (without blocking) and print the PDF if the user accepts.

    ``done`` receives a plain sentence saying what happened (printed, or why not).
    """
    dialog = PdfPrintDialog(open_pdf(data), make_printer(job_name), parent)

    def finished(result: int) -> None:
        if result != QDialog.DialogCode.Accepted:
            return
        try:
            pages = render_to_printer(dialog.document, dialog.kept_printer)
        except PdfLoadError as error:
            message = str(error)
        else:
            message = f"Sent {pages} pages to the printer."
        if done is not None:
            done(message)

    dialog.finished.connect(finished)
    _open(dialog)
    return dialog


def preview_pdf(data: bytes, job_name: str, parent: QWidget) -> PdfPreviewDialog:
    """Show a print preview of the PDF (without blocking); it can print from there."""
    dialog = PdfPreviewDialog(open_pdf(data), make_printer(job_name), parent)
    _open(dialog)
    return dialog


def _open(dialog: QDialog) -> None:
    # QPrintDialog.open() is bound only as open(receiver, member) in PySide6; a window-modal
    # show() is the same thing and never blocks (a blocking exec() would hang tests).
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
